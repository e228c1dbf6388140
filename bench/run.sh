#!/usr/bin/env bash
# Seeds posts through the API, then measures a page of 20 with wrk at two table sizes.
# Usage: bench/run.sh   (needs curl and wrk: apt-get install -y wrk)
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-8089}
SIZES=${SIZES:-"1000 10000 20000"}
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
TRIBUNE_ADMIN_PASSWORD=$ADMIN_PASSWORD TRIBUNE_AUTH_TOKEN_LIFETIME=PT6H \
  TRIBUNE_DATA_DIR="$DATA" QUARKUS_HTTP_PORT=$PORT java -jar target/quarkus-app/quarkus-run.jar > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 60); do curl -sf "$BASE/api/v1/posts?size=1" > /dev/null && break; sleep 1; done

TOKEN=$(curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\": \"admin\", \"password\": \"$ADMIN_PASSWORD\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
CAT=$(curl -sf -X POST "$BASE/api/v1/categories" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name": "Droits humains"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')

# One curl process sends a batch of requests, each with its own body (--next), four at a time.
seed() {
  local from=$1 to=$2 cfg
  cfg=$(mktemp)
  for i in $(seq "$from" "$to"); do
    local day=$(( i % 28 + 1 )) month=$(( i % 12 + 1 )) year=$(( 2010 + i % 15 ))
    local topic="la liberté de la presse"
    (( i % 10 == 0 )) && topic="le peuple ouïghour"
    (( i <= 50 )) && topic="un témoignage exceptionnel"
    printf 'url = "%s/api/v1/posts"\nrequest = "POST"\nheader = "Content-Type: application/json"\nheader = "Authorization: Bearer %s"\noutput = "/dev/null"\ndata = "{\\"title\\": \\"Communiqué %d sur %s\\", \\"content\\": \\"<p>Le Conseil de Paris a débattu de %s lors de sa séance numéro %d. Les élus ont adopté un vœu de soutien.</p><p>Deuxième paragraphe du communiqué %d, pour donner au texte une taille réaliste.</p>\\", \\"categories\\": [\\"%s\\"], \\"tags\\": [\\"seance-%d\\"], \\"publishedAt\\": \\"%04d-%02d-%02dT%02d:%02d:00Z\\"}"\nnext\n' \
      "$BASE" "$TOKEN" "$i" "$topic" "$topic" "$i" "$i" "$CAT" $(( i % 50 )) "$year" "$month" "$day" $(( i % 24 )) $(( i % 60 )) >> "$cfg"
  done
  sed -i '$ d' "$cfg"   # no "next" after the last request
  curl -s --no-progress-meter --fail-early --parallel --parallel-max 4 -K "$cfg"
  rm -f "$cfg"
}

# measure LABEL PATH FIRST_PAGE LAST_PAGE: each request asks for a random page in that range.
measure() {
  local label=$1 path=$2 result
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s bench/random-page.lua "$BASE$path" -- "$3" "$4" > /dev/null   # warm-up
  result=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/random-page.lua "$BASE$path" -- "$3" "$4")
  printf '| %s | %s | %s | %s | %s |\n' "$TOTAL" "$label" \
    "$(awk '/Requests\/sec/ {print $2}' <<< "$result")" \
    "$(awk '$1 == "50%" {print $2}' <<< "$result")" \
    "$(awk '$1 == "99%" {print $2}' <<< "$result")"
}

warm_up() {
  # The first measurements would otherwise include JIT compilation.
  for path in "/api/v1/posts?size=20" "/api/v1/posts?size=20&q=conseil" "/api/v1/posts?size=20&q=ouighour" \
              "/api/v1/posts?size=20&category=droits-humains&sort=title"; do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s bench/random-page.lua "$BASE$path" -- 1 10 > /dev/null
  done
}

TOTAL=0
echo "| posts | request | req/s | p50 | p99 |"
echo "|---|---|---|---|---|"
for target in $SIZES; do
  seed $(( TOTAL + 1 )) "$target"
  TOTAL=$(curl -sf "$BASE/api/v1/posts?size=1" | sed -E 's/.*"totalItems":([0-9]+).*/\1/')
  if [ "$target" = "${SIZES%% *}" ]; then warm_up; fi
  measure "pages 1-10" "/api/v1/posts?size=20" 1 10
  if (( TOTAL >= 8000 )); then measure "pages 391-400" "/api/v1/posts?size=20" 391 400; fi
  measure "q=exceptionnel (50 matches), pages 1-2" "/api/v1/posts?size=20&q=exceptionnel" 1 2
  measure "q=ouighour (1 post in 10), pages 1-5" "/api/v1/posts?size=20&q=ouighour" 1 5
  measure "q=conseil (every post), pages 1-10" "/api/v1/posts?size=20&q=conseil" 1 10
  if (( TOTAL >= 8000 )); then measure "q=conseil (every post), pages 391-400" "/api/v1/posts?size=20&q=conseil" 391 400; fi
  measure "category (every post) + sort=title, pages 1-10" "/api/v1/posts?size=20&category=droits-humains&sort=title" 1 10
done
