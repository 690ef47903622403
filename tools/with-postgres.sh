#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL cluster on a free 127.0.0.1 port, then stops and deletes the cluster.
# The command finds the server in KENNISPLATFORM_TEST_POSTGRES (a connection string without a database; the tests
# create one database per test class). Needs Debian's postgresql package (apt-get install postgresql).
#   tools/with-postgres.sh dotnet test tests/Kennisplatform.Web.Tests
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ]; then
  echo "PostgreSQL is not installed: apt-get install postgresql" >&2
  exit 2
fi
dir=$(mktemp -d /tmp/kp-postgres-XXXXXX)
# initdb refuses to run as root: as root the cluster belongs to the postgres user.
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$dir"
chmod 700 "$dir"
stop() {
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
# A throwaway cluster: durability off for speed, room for the connection pools of parallel test classes.
started=
for _ in $(seq 1 20); do
  port=$((20000 + RANDOM % 40000))
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
  if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 30 start \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" >/dev/null; then
    started=1
    break
  fi
done
if [ -z "$started" ]; then
  echo "PostgreSQL did not start; see its log:" >&2
  cat "$dir/log" >&2 || true
  exit 2
fi
export KENNISPLATFORM_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
"$@"
