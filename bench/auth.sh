#!/usr/bin/env bash
# What access control costs: one sign-in (bcrypt at the default cost), and a read with no token, with an access
# token (JWT signature check plus one account lookup) and with an API token (one hash lookup).
# Usage: bench/auth.sh   (needs curl and wrk: apt-get install -y wrk)
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-8089}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
BASE="http://127.0.0.1:$PORT"
DATA=$(mktemp -d)
OUT=bench/results
mkdir -p "$OUT"

command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
# Always built here: the PostgreSQL scripts leave a PostgreSQL build in target/.
mvn -B -q package -DskipTests

ADMIN_PASSWORD=bench-admin-password
TRIBUNE_ADMIN_PASSWORD=$ADMIN_PASSWORD TRIBUNE_DATA_DIR="$DATA" QUARKUS_HTTP_PORT=$PORT \
  java -jar target/quarkus-app/quarkus-run.jar > "$OUT/auth-server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 60); do curl -sf "$BASE/api/v1/posts?size=1" > /dev/null && break; sleep 1; done

signin() {
  curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\": \"admin\", \"password\": \"$ADMIN_PASSWORD\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}
TOKEN=$(signin)
AUTH="Authorization: Bearer $TOKEN"
SECRET=$(curl -sf -X POST "$BASE/api/v1/api-tokens" -H "$AUTH" -H 'Content-Type: application/json' \
  -d '{"name": "bench", "role": "reader"}' | sed -E 's/.*"secret":"([^"]+)".*/\1/')
POST=$(curl -sf -X POST "$BASE/api/v1/posts" -H "$AUTH" -H 'Content-Type: application/json' \
  -d '{"title": "Mesure", "content": "<p>Un billet pour mesurer le coût des jetons.</p>"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')

# Sign-ins one after the other: each pays one bcrypt check.
for _ in 1 2 3; do signin > /dev/null; done
start=$(date +%s%N)
for _ in $(seq 1 20); do signin > /dev/null; done
echo "| sign-in (bcrypt cost 12), sequential | $(( ($(date +%s%N) - start) / 20000000 )) ms each |"

measure() {
  local label=$1; shift
  local result
  result=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$BASE/api/v1/posts/$POST")
  printf '| GET a post, %s | %s req/s | p50 %s | p99 %s |\n' "$label" \
    "$(awk '/Requests\/sec/ {print $2}' <<< "$result")" \
    "$(awk '$1 == "50%" {print $2}' <<< "$result")" \
    "$(awk '$1 == "99%" {print $2}' <<< "$result")"
}
# Warm every path up first, so that the JIT favours none of them by order.
for header in "X-Bench: warm-up" "$AUTH" "Authorization: Bearer $SECRET"; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -H "$header" "$BASE/api/v1/posts/$POST" > /dev/null
done
measure "no token"
measure "access token" -H "$AUTH"
measure "API token" -H "Authorization: Bearer $SECRET"
