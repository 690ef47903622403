#!/usr/bin/env bash
# Five minutes of mixed load with 64 connections against the Release build, printing the server's memory at the
# start, the middle and the end, and the errors. Usage: bash tools/soak.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}; connections=${2:-64}
dotnet build -c Release src/Kennisplatform.Web -v q -nologo >/dev/null
data=$(mktemp -d); port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
KENNISPLATFORM_DATA=$data ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  setsid src/Kennisplatform.Web/bin/Release/net10.0/Kennisplatform.Web --urls "http://127.0.0.1:$port" > "$data/server.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.5; done
rss() { awk '/VmRSS/ {printf "%d MB", $2/1024}' "/proc/$pid/status"; }
echo "start (after one request): $(rss)"
wrk -t2 -c"$connections" -d"${seconds}s" --timeout 30s -s tools/soak.lua "http://127.0.0.1:$port" > "$data/wrk.txt" &
wrkpid=$!
sleep $((seconds / 2)); echo "middle: $(rss)"
wait $wrkpid
echo "end of load: $(rss)"
sleep 30; echo "idle 30 s later: $(rss)"
grep -E "requests|Requests/sec|Latency" "$data/wrk.txt"
echo "server errors logged: $(grep -c 'fail:' "$data/server.log" || true)"
