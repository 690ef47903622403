#!/usr/bin/env bash
# Adds one EF Core migration for every database engine (SQLite and PostgreSQL), for the content or the accounts.
#   tools/add-migration.sh content  NAME   ContentDb  -> src/Kennisplatform.Content/Storage/Migrations/{Sqlite,PostgreSql}
#   tools/add-migration.sh accounts NAME   AccountsDb -> src/Kennisplatform.Web/Accounts/Migrations/{Sqlite,PostgreSql}
# No database server is needed. Check both generated migrations in; the migration tests fail while one is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ne 2 ] || { [ "$1" != content ] && [ "$1" != accounts ]; }; then
  echo "usage: tools/add-migration.sh content|accounts NAME" >&2
  exit 2
fi
case "$1" in
  content)  project=src/Kennisplatform.Content; context=ContentDb;  folder=Storage/Migrations;  namespace=Kennisplatform.Content.Storage.Migrations ;;
  accounts) project=src/Kennisplatform.Web;     context=AccountsDb; folder=Accounts/Migrations; namespace=Kennisplatform.Web.Accounts.Migrations ;;
esac
dotnet tool restore >/dev/null
dotnet build "$project" -v q -nologo >/dev/null
for engine in Sqlite PostgreSql; do
  dotnet ef migrations add "$2" --no-build --project "$project" --startup-project "$project" \
    --context "$engine$context" --output-dir "$folder/$engine" --namespace "$namespace.$engine"
done
