#!/usr/bin/env bash
# Time from launch to the first ready answer: Tribune as the Dockerfile runs it, the same with the C2 compiler off
# (how much of start-up is the JIT competing with the main thread), and the bare Quarkus app of bench/ceiling (the
# floor of any Quarkus REST app on this machine). Each is started RUNS times; Tribune on an empty database first,
# then on the database it made.
#
#   bash bench/startup.sh          # about 3 minutes
#
#   FULL_ARCHIVE=1 bash bench/startup.sh         # also an uber-jar whose every class is in an archive from a
#                                              # training run (Java 17 archives only part of the fast-jar's)
#   AOT_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java FULL_ARCHIVE=1 bash bench/startup.sh
#                                              # also that uber-jar on JDK 25 with an AOT cache from a training run
#
# Needs curl and python3. Settings: RUNS, PORT, CEILING_PORT, FULL_ARCHIVE, AOT_JAVA, JAVA_OPTS (default: the
# Dockerfile's).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
PORT=${PORT:-8089}
CEILING_PORT=${CEILING_PORT:-8090}
JAVA_OPTS=${JAVA_OPTS:-$(sed -n 's/.*JAVA_OPTS="\([^"]*\)".*/\1/p' src/main/docker/Dockerfile.jvm)}
WORK=$(mktemp -d)
OUT=bench/results
mkdir -p "$OUT"
for p in $PORT $CEILING_PORT; do
  ! curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$p/" || { echo "port $p is in use: stop what listens there" >&2; exit 1; }
done
mvn -B -q package -DskipTests
mvn -B -q -f bench/ceiling/pom.xml package
trap 'rm -rf "$WORK"' EXIT

# Starts the uber-jar with $@, asks it for every public list and the spec, and stops it: a training run.
train() {
  (cd "$WORK" && exec env MALLOC_ARENA_MAX=2 TRIBUNE_ADMIN_PASSWORD=bench-admin-password TRIBUNE_DATA_DIR="$WORK/data" \
    QUARKUS_HTTP_PORT=$PORT "$@" -jar "$WORK/uber.jar") > "$OUT/startup-training.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 3000); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" && break; sleep 0.05; done
  for path in posts categories honorary-citizens prizes awards media; do
    curl -s -o /dev/null "http://127.0.0.1:$PORT/api/v1/$path"
  done
  curl -s -o /dev/null "http://127.0.0.1:$PORT/q/openapi"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
uber() {
  # shellcheck disable=SC2086
  timed_start "$WORK" "http://127.0.0.1:$PORT/q/health/ready" 200 java $JAVA_OPTS_NO_ARCHIVE "$@" -jar uber.jar
}
aot() {
  # shellcheck disable=SC2086
  timed_start "$WORK" "http://127.0.0.1:$PORT/q/health/ready" 200 "$AOT_JAVA" $JAVA_OPTS_NO_ARCHIVE "$@" -jar uber.jar
}

# Prints the seconds from launch to the first answer of $2 with a status matching $3, then the CPU seconds the
# process had used by then.
timed_start() {
  local dir=$1 url=$2 status=$3; shift 3
  local started pid ready cpu
  started=$(date +%s.%N)
  (cd "$dir" && exec env MALLOC_ARENA_MAX=2 TRIBUNE_ADMIN_PASSWORD=bench-admin-password TRIBUNE_DATA_DIR="$WORK/data" \
    QUARKUS_HTTP_PORT=$PORT "$@") > "$OUT/startup-server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 3000); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' "$url") == $status ]] && break
    sleep 0.02
  done
  ready=$(python3 -c "import time; print(f'{time.time() - $started:.2f}')")
  cpu=$(awk '{printf "%.1f", ($14 + $15) / 100}' "/proc/$pid/stat")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$ready $cpu"
}

# Runs one configuration RUNS times and prints its line of the table.
measure() {
  local label=$1; shift
  local times=() cpus=() r
  for _ in $(seq 1 "$RUNS"); do
    r=$("$@")
    times+=("${r% *}")
    cpus+=("${r#* }")
  done
  printf '| %s | %s | %s |\n' "$label" "${times[*]}" "${cpus[*]}" | tee -a "$RESULT"
}

tribune() {
  # shellcheck disable=SC2086
  timed_start target/quarkus-app "http://127.0.0.1:$PORT/q/health/ready" 200 java $JAVA_OPTS "$@" -jar quarkus-run.jar
}
first_start() { rm -rf "$WORK/data"; tribune; }
ceiling() {
  # It has no health check: any HTTP answer means it is serving.
  timed_start bench/ceiling/target/quarkus-app "http://127.0.0.1:$CEILING_PORT/" '[1-5]??' \
    java -XX:+UseSerialGC -Dquarkus.http.port=$CEILING_PORT -jar quarkus-run.jar
}

RESULT="$OUT/startup.md"
{
  echo "$(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD), $(nproc) CPUs, $RUNS runs each, JAVA_OPTS=\"$JAVA_OPTS\""
  echo
  echo "| start | ready after launch, s | CPU used by then, s |"
  echo "|---|---|---|"
} > "$RESULT"
measure "Tribune, empty database" first_start
measure "Tribune, restart" tribune
measure "Tribune, restart, C1 only (-XX:TieredStopAtLevel=1)" tribune -XX:TieredStopAtLevel=1
measure "bench/ceiling, a bare Quarkus REST app" ceiling

if [ -n "${FULL_ARCHIVE:-}" ]; then
  # The Dockerfile's settings but its archive, which is made for the fast-jar.
  JAVA_OPTS_NO_ARCHIVE=$(sed 's/-XX:SharedArchiveFile=[^ ]*//' <<< "$JAVA_OPTS")
  mvn -B -q package -DskipTests -Dquarkus.package.jar.type=uber-jar -Dquarkus.package.jar.appcds.enabled=false
  cp target/*-runner.jar "$WORK/uber.jar"
  # shellcheck disable=SC2086
  train java $JAVA_OPTS_NO_ARCHIVE -XX:ArchiveClassesAtExit="$WORK/full.jsa"
  measure "uber-jar, restart, every class archived" uber -XX:SharedArchiveFile="$WORK/full.jsa"
  measure "uber-jar, restart, every class archived, C1 only" uber -XX:SharedArchiveFile="$WORK/full.jsa" \
    -XX:TieredStopAtLevel=1
  if [ -n "${AOT_JAVA:-}" ]; then
    # shellcheck disable=SC2086
    train "$AOT_JAVA" $JAVA_OPTS_NO_ARCHIVE -XX:AOTCacheOutput="$WORK/app.aot"
    measure "uber-jar, restart, $("$AOT_JAVA" -version 2>&1 | head -1 | cut -d'"' -f2) with an AOT cache" aot \
      -XX:AOTCache="$WORK/app.aot"
  fi
  # Back to the package the other benchmarks and the Dockerfile use.
  mvn -B -q package -DskipTests
fi
