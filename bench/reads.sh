#!/usr/bin/env bash
# Public reads measured against their ceiling: the same bytes served by a bare Quarkus endpoint (bench/ceiling),
# in the same run on the same machine. Seeds a site, captures Tribune's responses, then runs wrk on each endpoint
# of Tribune and of the ceiling, and prints each as a percentage of its ceiling.
#
#   bash bench/reads.sh                          # H2, 1,000 posts
#   POSTS=100000 bash bench/reads.sh             # 1,000 posts through the API, then copied in SQL up to 100,000
#   DB=postgresql bash bench/reads.sh            # a local PostgreSQL (as scripts/test-postgresql.sh starts it)
#   PROFILE=1 ONLY=one bash bench/reads.sh       # also records a JFR profile of each measured read
#   READ_CACHE=false bash bench/reads.sh         # every read built from the database (TRIBUNE_READ_CACHE_ENABLED)
#
# Needs wrk (apt-get install -y wrk), curl and python3. Settings: POSTS, DB, DURATION, WARMUP, CONNECTIONS,
# THREADS, PORT, CEILING_PORT, PROFILE, READ_CACHE, JAVA_OPTS (default: the Dockerfile's), and ONLY (measure only the reads whose label matches
# this extended regular expression, such as ONLY="list of 20|changes").
set -euo pipefail
cd "$(dirname "$0")/.."

POSTS=${POSTS:-1000}
ONLY=${ONLY:-}
PROFILE=${PROFILE:-}
READ_CACHE=${READ_CACHE:-true}
# The JVM settings operators get: the Dockerfile's (README, "Memory").
JAVA_OPTS=${JAVA_OPTS:-$(sed -n 's/.*JAVA_OPTS="\([^"]*\)".*/\1/p' src/main/docker/Dockerfile.jvm)}
API_POSTS=$(( POSTS < 1000 ? POSTS : 1000 ))
(( POSTS <= 1000 || POSTS % 1000 == 0 )) || { echo "POSTS above 1000 must be a multiple of 1000" >&2; exit 1; }
DB=${DB:-h2}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
PORT=${PORT:-8089}
CEILING_PORT=${CEILING_PORT:-8090}
BASE="http://127.0.0.1:$PORT"
CEILING="http://127.0.0.1:$CEILING_PORT"
WORK=$(mktemp -d)
OUT=bench/results
mkdir -p "$OUT"
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
for p in $PORT $CEILING_PORT; do
  # A server left running on the port would answer in place of the one measured.
  ! curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$p/" || { echo "port $p is in use: stop what listens there" >&2; exit 1; }
done

env_db=()
if [ "$DB" = postgresql ]; then
  . scripts/postgresql.sh
  URL=$(empty_database "${TRIBUNE_BENCH_URL:-}" tribune_bench)
  env_db=(QUARKUS_DATASOURCE_JDBC_URL="$URL" QUARKUS_DATASOURCE_USERNAME="${PGUSER:-tribune}"
    QUARKUS_DATASOURCE_PASSWORD="${PGPASSWORD:-tribune}")
  mvn -B -q package -DskipTests -Dquarkus.datasource.db-kind=postgresql
else
  mvn -B -q package -DskipTests
fi
mvn -B -q -f bench/ceiling/pom.xml package

ADMIN_PASSWORD=bench-admin-password
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait "${pids[@]}" 2>/dev/null || true; rm -rf "$WORK"' EXIT
# Starts Tribune; READY is the seconds from launch to its first ready answer.
start_server() {
  local started=$(date +%s.%N)
  # shellcheck disable=SC2086
  env "${env_db[@]}" MALLOC_ARENA_MAX=2 TRIBUNE_ADMIN_PASSWORD=$ADMIN_PASSWORD TRIBUNE_AUTH_TOKEN_LIFETIME=PT6H \
    TRIBUNE_DATA_DIR="$WORK/data" TRIBUNE_READ_CACHE_ENABLED=$READ_CACHE QUARKUS_HTTP_PORT=$PORT \
    bash -c 'cd target/quarkus-app && exec java '"$JAVA_OPTS"' -jar quarkus-run.jar' >> "$OUT/reads-server.log" 2>&1 &
  SERVER=$!
  pids+=($SERVER)
  for _ in $(seq 1 1800); do curl -sf -o /dev/null "$BASE/q/health/ready" && break; sleep 0.05; done
  READY=$(python3 -c "import time; print(f'{time.time() - $started:.1f}')")
}
: > "$OUT/reads-server.log"
start_server
FIRST_START=$READY

json() { python3 -c "import sys, json; print(json.load(sys.stdin)$1)"; }
TOKEN=$(curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\": \"admin\", \"password\": \"$ADMIN_PASSWORD\"}" | json '["accessToken"]')
post() { curl -sf -X POST "$BASE$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$2"; }

. bench/seed.sh
seed_site

# What indexing cost the writes above (one post, citizen or award each): the engine's own timer.
indexing_cost() {
  curl -sf "$BASE/q/metrics" | python3 -c "$(cat <<'PY'
import re, sys
m = {}
for line in sys.stdin:
    g = re.match(r'tribune_search_indexing_seconds(_count|_sum|_max|\{.*quantile="0.99".*\})\S* (\S+)', line)
    if g:
        m['p99' if 'quantile' in g.group(1) else g.group(1)[1:]] = float(g.group(2))
if m.get('count'):
    n, total = m['count'], m['sum']
    print('%d writes, mean %.2f ms, p99 %.2f ms, max %.2f ms' % (n, 1000 * total / n, 1000 * m.get('p99', 0), 1000 * m.get('max', 0)))
PY
)"
}
INDEXING=$(indexing_cost)

RESTART=""
if (( POSTS > API_POSTS )); then
  # Many more posts in SQL, with the server stopped (H2 keeps its file to itself), then a restart.
  kill $SERVER; wait $SERVER 2>/dev/null || true
  if [ "$DB" = postgresql ]; then
    sed -e "s/@COPIES@/$((POSTS / API_POSTS - 1))/" -e 's/@UUID@/gen_random_uuid()/' bench/clone-posts.sql \
      | psql_url "$URL" -q -v ON_ERROR_STOP=1
    # What autovacuum would do in the first minutes after so large a load, done before measuring rather than during.
    psql_url "$URL" -q -c "VACUUM ANALYZE"
  else
    sed -e "s/@COPIES@/$((POSTS / API_POSTS - 1))/" -e 's/@UUID@/RANDOM_UUID()/' bench/clone-posts.sql > "$WORK/clone.sql"
    java -cp "$(ls target/quarkus-app/lib/main/com.h2database.h2-*.jar)" org.h2.tools.RunScript \
      -url "jdbc:h2:file:$WORK/data/tribune" -user tribune -password tribune -script "$WORK/clone.sql"
  fi
  start_server
  RESTART=$READY
fi
[ "$(curl -sf "$BASE/api/v1/posts?size=1" | json '["totalItems"]')" = "$POSTS" ] || { echo "the site does not have $POSTS posts" >&2; exit 1; }
admin() { curl -sf -X "$1" "$BASE$2" -H "Authorization: Bearer $TOKEN"; }
# Lucene follows the log the copy wrote; PostgreSQL's documents are written by Tribune's own writes, which the copy
# bypassed. Wait for the one, then time a whole rebuild on either.
started=$(date +%s.%N)
for _ in $(seq 1 1200); do
  admin GET /api/v1/search-index | python3 -c "import sys, json; s = json.load(sys.stdin); sys.exit(0 if s['indexedSeq'] >= s['head'] and not s['rebuilding'] else 1)" && break
  sleep 0.5
done
CATCH_UP=$(python3 -c "import time; print(f'{time.time() - $started:.1f}')")
REBUILD=$(admin POST /api/v1/search-index/rebuild | json '')
# Sorted by date, the post list with q counts every match (by relevance, it ranks the newest 500: SearchWindow).
[ "$(curl -sf "$BASE/api/v1/posts?q=conseil&sort=-publishedAt&size=1" | json '["totalItems"]')" -ge "$POSTS" ] || { echo "the search does not find every post" >&2; exit 1; }
read_targets
# A mobile app syncing: the second page of 100 changes from the start.
CHANGES=$(curl -sf "$BASE/api/v1/changes?limit=100" | json '["next"]')

# Each read, captured once: the ceiling serves these bytes for the same path and query.
ENDPOINTS=(
  "list of 20 posts with categories and media|/api/v1/posts?size=20"
  "a cursor page deep in the list|/api/v1/posts?size=20&after=$DEEP"
  "posts of one category|/api/v1/posts?size=20&category=$CATEGORY"
  "one post|/api/v1/posts/$ONE"
  "categories (5) with postCount|/api/v1/categories"
  "categories sorted by postCount|/api/v1/categories?sort=-postCount"
  "honorary citizens|/api/v1/honorary-citizens"
  "awards|/api/v1/awards?size=20"
  "media|/api/v1/media"
  "changes, a page of 100|/api/v1/changes?limit=100&after=$CHANGES"
  "search: a word in every post|/api/v1/search?q=conseil"
  "search: a phrase in every post|/api/v1/search?q=%22droits%20humains%22"
  "search: a prefix of every title (typeahead)|/api/v1/search?q=commun"
  "search: two words, one rare|/api/v1/search?q=conseil%20citoyenne"
  "search: a rare word|/api/v1/search?q=citoyenne"
  "post list with q, by relevance|/api/v1/posts?q=conseil&size=20"
)
mkdir -p "$WORK/captures"
: > "$WORK/captures/index.tsv"
n=0
for e in "${ENDPOINTS[@]}"; do
  path=${e#*|}
  n=$((n + 1))
  curl -sf -o "$WORK/captures/$n.json" "$BASE$path"
  printf '%s\t%s.json\n' "$path" "$n" >> "$WORK/captures/index.tsv"
done
java -Dceiling.dir="$WORK/captures" -Dquarkus.http.port=$CEILING_PORT -jar bench/ceiling/target/quarkus-app/quarkus-run.jar \
  > "$OUT/reads-ceiling.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do curl -sf -o /dev/null "$CEILING${ENDPOINTS[0]#*|}" && break; sleep 1; done
n=0
for e in "${ENDPOINTS[@]}"; do
  n=$((n + 1))
  cmp -s "$WORK/captures/$n.json" <(curl -sf "$CEILING${e#*|}") || { echo "the ceiling does not serve ${e#*|}" >&2; exit 1; }
done

wrk_run() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --latency "$1"; }
rps() { awk '/Requests\/sec/ {print $2}' <<< "$1"; }
p99() { awk '$1 == "99%" {print $2}' <<< "$1"; }
rss_mib() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$SERVER/status"; }

RESULT="$OUT/reads-$DB-$POSTS.md"
{
  echo "$(date -u +%Y-%m-%d), $DB, $POSTS posts, read cache $READ_CACHE, commit $(git rev-parse --short HEAD), wrk -t$THREADS -c$CONNECTIONS, $WARMUP warm-up, $DURATION measured, JAVA_OPTS=\"$JAVA_OPTS\""
  echo
  echo "| read | bytes | Tribune req/s | Tribune p99 | ceiling req/s | ceiling p99 | Tribune / ceiling |"
  echo "|---|---|---|---|---|---|---|"
} > "$RESULT"
# Every read of both apps once before any is measured, so that the first measured is not the one the JIT warms on.
for e in "${ENDPOINTS[@]}"; do
  [[ "${e%%|*}" =~ $ONLY ]] || continue
  wrk_run "$BASE${e#*|}" "$WARMUP" > /dev/null
  wrk_run "$CEILING${e#*|}" "$WARMUP" > /dev/null
done
peak=0
n=0
for e in "${ENDPOINTS[@]}"; do
  label=${e%%|*}
  path=${e#*|}
  n=$((n + 1))
  [[ "$label" =~ $ONLY ]] || continue
  wrk_run "$BASE$path" "$WARMUP" > /dev/null
  [ -n "$PROFILE" ] && jcmd $SERVER JFR.start name=read settings=profile > /dev/null
  t=$(wrk_run "$BASE$path" "$DURATION")
  if [ -n "$PROFILE" ]; then
    jcmd $SERVER JFR.stop name=read filename="$PWD/$OUT/reads-$DB-$POSTS-$n.jfr" > /dev/null
    echo "profile: $OUT/reads-$DB-$POSTS-$n.jfr (jfr print --events jdk.ExecutionSample --stack-depth 200)"
  fi
  rss=$(rss_mib); [ "$rss" -gt "$peak" ] && peak=$rss
  wrk_run "$CEILING$path" "$WARMUP" > /dev/null
  c=$(wrk_run "$CEILING$path" "$DURATION")
  pct=$(python3 -c "print(f'{100 * float(\"$(rps "$t")\") / float(\"$(rps "$c")\"):.1f}%')")
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$(stat -c %s "$WORK/captures/$n.json")" \
    "$(rps "$t")" "$(p99 "$t")" "$(rps "$c")" "$(p99 "$c")" "$pct" | tee -a "$RESULT"
done
echo >> "$RESULT"
echo "Tribune's RSS after each read's load, highest: $peak MiB" | tee -a "$RESULT"
echo "Search indexing, per write while seeding: $INDEXING" | tee -a "$RESULT"
echo "Search index: caught up ${CATCH_UP} s after start; whole rebuild: $REBUILD" | tee -a "$RESULT"
echo "Ready after launch: ${FIRST_START} s on an empty database (migrations, signing key, first admin)${RESTART:+, ${RESTART} s on restart with $POSTS posts}" | tee -a "$RESULT"
