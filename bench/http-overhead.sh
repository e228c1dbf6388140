#!/usr/bin/env bash
# What the HTTP layer added by issue 12 (ResponseHeaders on every response, UriCheck on every request) costs a read:
# builds the app at BASE_REF (default: the commit before that change) and at the working tree, starts each with the
# demo section on H2, and measures the same reads with wrk, one build after the other on the same machine.
# Usage: bench/http-overhead.sh   (needs curl, git and wrk: apt-get install -y wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

BASE_REF=${BASE_REF:-1e1ffc8}
PORT=${PORT:-8092}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
OUT=bench/results
mkdir -p "$OUT"
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

WORK=$(mktemp -d)
SERVER=
cleanup() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2> /dev/null || true; wait "$SERVER" 2> /dev/null || true; fi
  git -C "$ROOT" worktree remove --force "$WORK/base" 2> /dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

git worktree add -q --detach "$WORK/base" "$BASE_REF"
(cd "$WORK/base" && mvn -B -q package -DskipTests)
mvn -B -q package -DskipTests

# utime + stime of a process, in clock ticks.
cpu_ticks() {
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

# measure NAME JAR: start it, read the endpoints, print one line per endpoint.
measure() {
  local name=$1 jar=$2 data
  data=$(mktemp -d)
  TRIBUNE_DEMO=true TRIBUNE_ADMIN_PASSWORD=bench-admin-password TRIBUNE_DATA_DIR="$data" QUARKUS_HTTP_PORT=$PORT \
    java -jar "$jar" > "$OUT/http-overhead-$name.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 90); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" && break; sleep 1; done
  local id
  id=$(curl -fs "http://127.0.0.1:$PORT/api/v1/posts?size=1" | sed -E 's/.*"items":\[\{"id":"([^"]+)".*/\1/')
  for path in "/q/health/live" "/api/v1/posts/$id" "/api/v1/posts?size=20" "/api/v1/categories"; do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "http://127.0.0.1:$PORT$path" > /dev/null
    local result rps p50 requests cpu_before cpu_after
    cpu_before=$(cpu_ticks "$SERVER")
    result=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$PORT$path")
    cpu_after=$(cpu_ticks "$SERVER")
    rps=$(printf '%s\n' "$result" | sed -n 's/^Requests\/sec: *//p')
    p50=$(printf '%s\n' "$result" | sed -n 's/^ *50% *//p')
    requests=$(printf '%s\n' "$result" | sed -n 's/^ *\([0-9]*\) requests in.*/\1/p')
    # The server's own CPU time per request: steadier than req/s on a shared machine, where both share 2 cores.
    printf '| %s | %s | %s | %s | %s |\n' "$name" "${path/$id/{id\}}" "$rps" "$p50" \
      "$(( (cpu_after - cpu_before) * 1000000 / $(getconf CLK_TCK) / requests ))"
  done
  kill "$SERVER"; wait "$SERVER" 2> /dev/null || true; SERVER=
  rm -rf "$data"
}

echo "| build | request | req/s | p50 | server CPU µs per request |"
echo "|---|---|---|---|---|"
measure before "$WORK/base/target/quarkus-app/quarkus-run.jar"
measure after "$ROOT/target/quarkus-app/quarkus-run.jar"
measure before "$WORK/base/target/quarkus-app/quarkus-run.jar"
measure after "$ROOT/target/quarkus-app/quarkus-run.jar"
