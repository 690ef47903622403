#!/usr/bin/env bash
# Copies GitHub's <markdown-toolbar> element (MIT, npm @github/markdown-toolbar-element) into wwwroot/lib, as
# published, with its licence. The result is committed, so a fresh clone needs no npm step to run the site.
# Change the version here, run this, and commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=2.2.3

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@github/markdown-toolbar-element@$VERSION" >/dev/null && tar xzf ./*.tgz)

out=wwwroot/lib/markdown-toolbar
mkdir -p "$out"
cp "$work/package/dist/index.js" "$out/markdown-toolbar-element.js"
cp "$work/package/LICENSE" "$out/LICENSE.txt"
echo "Copied by tools/refresh-markdown-toolbar.sh from npm: @github/markdown-toolbar-element $VERSION" > "$out/VERSION.txt"
echo "Wrote $out/markdown-toolbar-element.js ($(wc -c < "$out/markdown-toolbar-element.js") bytes)"
