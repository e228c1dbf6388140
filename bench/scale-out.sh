#!/usr/bin/env bash
# Reads at scale through the load balancer: a site of 100,000 posts with categories, tags and photos, on PostgreSQL
# with the photos on S3, read through HAProxy (deploy/haproxy) from one instance, then from three. For each read it
# prints throughput and p99, against the same bytes served through the same HAProxy by a bare endpoint
# (bench/ceiling), with what limited it: the CPU used by the instances and by PostgreSQL during the run, and the
# most connections each instance's pool lent at once, and made requests wait for.
#
#   bash bench/scale-out.sh                       # 100,000 posts
#   POSTS=1000 DURATION=10s bash bench/scale-out.sh
#   READ_CACHE=false bash bench/scale-out.sh      # every read built from the database (TRIBUNE_READ_CACHE_ENABLED)
#
# Needs root or sudo (PostgreSQL and HAProxy from the Debian packages), wrk (apt-get install -y wrk), and ports
# 8190-8194 and 9199 free. Settings: POSTS (100000, a multiple of 1000), DURATION (20s), WARMUP (5s), CONNECTIONS (64),
# THREADS (2), POOL (each instance's connection pool, QUARKUS_DATASOURCE_JDBC_MAX_SIZE: 20, Quarkus' default).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/postgresql.sh
. scripts/cluster.sh

POSTS=${POSTS:-100000}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
POOL=${POOL:-20}
READ_CACHE=${READ_CACHE:-true}
HAPROXY_LOG_REQUESTS=false
API_POSTS=1000
(( POSTS % 1000 == 0 )) || { echo "POSTS must be a multiple of 1000" >&2; exit 1; }
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
for port in 8190 8191 8192 8193 8194; do require_free_port $port; done
install_haproxy

CLUSTER_URL=$(empty_database "${TRIBUNE_BENCH_URL:-}" tribune_scale)
CLUSTER_WORK=$(mktemp -d)
WORK=$CLUSTER_WORK
CLUSTER_PASSWORD=bench-admin-password
CLUSTER_KEY=$(cluster_key)
# The Dockerfile's JVM settings, as operators run it.
CLUSTER_JAVA_OPTS=$(sed -n 's/.*JAVA_OPTS="\([^"]*\)".*/\1/p' src/main/docker/Dockerfile.jvm | sed 's/-XX:SharedArchiveFile=[^ ]*//')
mvn -B -q package -DskipTests -Dquarkus.datasource.db-kind=postgresql
mvn -B -q -f bench/ceiling/pom.xml package
eval "$(bash scripts/s3proxy.sh start)"
CEILING_PID=
# A failed run keeps the logs of the instances and of HAProxy (which logs each instance taken out or put back, with
# the check that decided it) in target/scale-out.
LOGS=target/scale-out
rm -rf "$LOGS"
trap 'status=$?; kill -CONT "${INSTANCE_PIDS[@]}" 2> /dev/null || true; stop_cluster;
  [ -z "$CEILING_PID" ] || kill $CEILING_PID 2> /dev/null || true; bash scripts/s3proxy.sh stop || true; if [ $status != 0 ]; then mkdir -p "$LOGS"; cp "$CLUSTER_WORK"/*.log "$LOGS/";
  echo "logs kept in $LOGS" >&2; fi; rm -rf "$CLUSTER_WORK"' EXIT

start_instance 1 QUARKUS_DATASOURCE_JDBC_MAX_SIZE=$POOL TRIBUNE_READ_CACHE_ENABLED=$READ_CACHE
wait_ready 1
BASE=http://127.0.0.1:8191
json() { python3 -c "import sys, json; print(json.load(sys.stdin)$1)"; }
TOKEN=$(curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\": \"admin\", \"password\": \"$CLUSTER_PASSWORD\"}" | json '["accessToken"]')
post() { curl -sf -X POST "$BASE$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$2"; }
started=$(date +%s)
. bench/seed.sh
SEED_TAGS=true seed_site
seeded_api=$(( $(date +%s) - started ))
if (( POSTS > API_POSTS )); then
  sed -e "s/@COPIES@/$((POSTS / API_POSTS - 1))/" -e 's/@UUID@/gen_random_uuid()/' bench/clone-posts.sql \
    | psql_url "$CLUSTER_URL" -q -v ON_ERROR_STOP=1
  psql_url "$CLUSTER_URL" -q -c "VACUUM ANALYZE"
fi
seeded=$(( $(date +%s) - started ))
[ "$(curl -sf "$BASE/api/v1/posts?size=1" | json '["totalItems"]')" = "$POSTS" ] || { echo "the site does not have $POSTS posts" >&2; exit 1; }
echo "seeded $POSTS posts in ${seeded} s (${API_POSTS} through the API in ${seeded_api} s, the rest copied in SQL)"

read_targets
PHOTO=$(curl -sf "$BASE/api/v1/media?size=1" | json '["items"][0]["sizes"]["medium"]["url"]')
READS=(
  "list of 20 posts with categories and media|/api/v1/posts?size=20"
  "a cursor page deep in the list|/api/v1/posts?size=20&after=$DEEP"
  "posts of one category|/api/v1/posts?size=20&category=$CATEGORY"
  "one post|/api/v1/posts/$ONE"
  "a photo's medium size, streamed from S3|$PHOTO"
)

# The ceiling: each read's bytes, captured once, served by a bare Quarkus endpoint through the same HAProxy (which
# does not check it: it has no readiness endpoint).
mkdir -p "$WORK/captures"
: > "$WORK/captures/index.tsv"
n=0
for e in "${READS[@]}"; do
  n=$((n + 1))
  curl -sf -o "$WORK/captures/$n" "$BASE${e#*|}"
  printf '%s\t%s\n' "${e#*|}" "$n" >> "$WORK/captures/index.tsv"
done
java -Dceiling.dir="$WORK/captures" -Dquarkus.http.port=8194 -jar bench/ceiling/target/quarkus-app/quarkus-run.jar \
  > "$WORK/ceiling.log" 2>&1 &
CEILING_PID=$!
for _ in $(seq 1 60); do curl -sf -o /dev/null "http://127.0.0.1:8194${READS[0]#*|}" && break; sleep 1; done

# CPU seconds (user + system) of a set of processes, from /proc.
cpu_seconds() {
  local ticks=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] && ticks=$((ticks + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$ticks"
}
postgres_pids() { pgrep -d ' ' -u postgres postgres || true; }
# Samples each instance's pool twice a second until the file $1 appears, and prints the most connections lent at
# once and the most requests waiting for one, over all instances.
sample_pool() {
  local stop=$1; shift
  local lent=0 waiting=0 n a w
  while [ ! -e "$stop" ]; do
    for n in "$@"; do
      read -r a w <<< "$(curl -sf "http://127.0.0.1:$((8190 + n))/q/metrics" \
        | awk '/^agroal_active_count/ {a = $2} /^agroal_awaiting_count/ {w = $2} END {printf "%d %d", a, w}')"
      (( ${a:-0} > lent )) && lent=$a
      (( ${w:-0} > waiting )) && waiting=$w
    done
    sleep 0.5
  done
  echo "$lent $waiting"
}

RESULT=bench/results/scale-out-$POSTS$([ "$READ_CACHE" = true ] || echo -uncached).md
mkdir -p bench/results
{
  echo "$(date -u +%Y-%m-%d), PostgreSQL $(psql_url "$CLUSTER_URL" -tAX -c 'SHOW server_version' | cut -d' ' -f1), $POSTS posts, photos on S3Proxy, HAProxy $(haproxy -v | sed -n '1s/HAProxy version \([^ ]*\).*/\1/p'), $(nproc) CPUs for everything, commit $(git rev-parse --short HEAD), wrk -t$THREADS -c$CONNECTIONS, $WARMUP warm-up, $DURATION measured, pool of $POOL per instance, read cache $READ_CACHE"
  echo
  echo "| read | instances | req/s | p99 | % of the bare endpoint | CPU of the instances | CPU of PostgreSQL | pool: most lent at once | pool: most waiting |"
  echo "|---|---|---|---|---|---|---|---|---|"
} > "$RESULT"
HZ=$(getconf CLK_TCK)
measure() { # <instances>
  local e label path t0 pg0 t1 pg1 seconds out sampler lent waiting rps
  local inst=()
  for n in $(seq 1 "$1"); do inst+=("${INSTANCE_PIDS[$n]}"); done
  for e in "${READS[@]}"; do
    label=${e%%|*}; path=${e#*|}
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "http://127.0.0.1:8190$path" > /dev/null
    rm -f "$WORK/measured"
    sample_pool "$WORK/measured" $(seq 1 "$1") > "$WORK/pool" &
    sampler=$!
    t0=$(cpu_seconds "${inst[@]}"); pg0=$(cpu_seconds $(postgres_pids))
    start=$(date +%s.%N)
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:8190$path")
    seconds=$(python3 -c "import time; print(time.time() - $start)")
    t1=$(cpu_seconds "${inst[@]}"); pg1=$(cpu_seconds $(postgres_pids))
    touch "$WORK/measured"; wait $sampler
    read -r lent waiting < "$WORK/pool"
    grep -q 'Non-2xx' <<< "$out" && { echo "$label: some answers were not 2xx: $out" >&2; exit 1; }
    rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
    printf '| %s | %d | %s | %s | %s | %s%% | %s%% | %s | %s |\n' "$label" "$1" \
      "$rps" "$(awk '$1 == "99%" {print $2}' <<< "$out")" \
      "$(python3 -c "print(f'{100 * $rps / ${CEILING_RPS[$label]}:.1f}%')")" \
      "$(python3 -c "print(round(100 * ($t1 - $t0) / $HZ / $seconds))")" \
      "$(python3 -c "print(round(100 * ($pg1 - $pg0) / $HZ / $seconds))")" "$lent" "$waiting" | tee -a "$RESULT"
  done
}

# The bare endpoint through HAProxy, alone on the machine as each Tribune run is.
declare -A CEILING_RPS
kill -STOP "${INSTANCE_PIDS[1]}"
start_haproxy "127.0.0.1:8194 no-check"
{ echo; echo "The bare endpoint (bench/ceiling) through the same HAProxy, the same bytes:"; echo; } > "$WORK/ceiling.md"
for e in "${READS[@]}"; do
  label=${e%%|*}
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "http://127.0.0.1:8190${e#*|}" > /dev/null
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:8190${e#*|}")
  grep -q 'Non-2xx' <<< "$out" && { echo "the bare endpoint does not serve ${e#*|}" >&2; exit 1; }
  CEILING_RPS[$label]=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
  echo "- $label: ${CEILING_RPS[$label]} req/s, p99 $(awk '$1 == "99%" {print $2}' <<< "$out")" | tee -a "$WORK/ceiling.md"
done
kill "$HAPROXY_PID"; wait "$HAPROXY_PID" 2> /dev/null || true
kill "$CEILING_PID"; wait "$CEILING_PID" 2> /dev/null || true; CEILING_PID=
kill -CONT "${INSTANCE_PIDS[1]}"

start_haproxy 1
measure 1
kill "$HAPROXY_PID"; wait "$HAPROXY_PID" 2> /dev/null || true
for n in 2 3; do start_instance $n QUARKUS_DATASOURCE_JDBC_MAX_SIZE=$POOL TRIBUNE_READ_CACHE_ENABLED=$READ_CACHE; done
for n in 2 3; do wait_ready $n; done
start_haproxy 3
measure 3
cat "$WORK/ceiling.md" >> "$RESULT"
echo >> "$RESULT"
echo "CPU: 100% is one core. Pool: agroal_active_count and agroal_awaiting_count, sampled twice a second on every instance during the run; the highest." >> "$RESULT"
echo "results: $RESULT"
