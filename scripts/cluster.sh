# Sourced by the scripts that run several Tribune instances behind HAProxy, with no shared disk: media on the S3
# server of scripts/s3proxy.sh, the signing key in the environment, each instance with its own data directory.
# Needs scripts/postgresql.sh sourced first, and CLUSTER_WORK (a directory), CLUSTER_URL (the database) and
# CLUSTER_PASSWORD (the first admin's) set.

HAPROXY_VERSION=2.6.12-1+deb12u3

install_haproxy() {
  command -v haproxy > /dev/null && return
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "haproxy=$HAPROXY_VERSION" > /dev/null
}

# One EC P-256 key for every instance, as an operator would keep it in a secret store.
cluster_key() {
  local key
  key=$(openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 2> /dev/null)
  printf '%s\n' "$key"
  openssl pkey -pubout <<< "$key"
}

declare -A INSTANCE_PIDS=()

# Starts instance N (1, 2, ...) on port 8190+N, logging to $CLUSTER_WORK/instance-N.log. Extra settings
# (NAME=value) may follow.
start_instance() {
  local n=$1; shift
  mkdir -p "$CLUSTER_WORK/instance-$n"
  env QUARKUS_DATASOURCE_JDBC_URL="$CLUSTER_URL" QUARKUS_DATASOURCE_USERNAME="${PGUSER:-tribune}" \
    QUARKUS_DATASOURCE_PASSWORD="${PGPASSWORD:-tribune}" QUARKUS_HTTP_PORT=$((8190 + n)) \
    TRIBUNE_DATA_DIR="$CLUSTER_WORK/instance-$n" TRIBUNE_ADMIN_PASSWORD="$CLUSTER_PASSWORD" \
    TRIBUNE_AUTH_JWT_KEY="$CLUSTER_KEY" TRIBUNE_AUTH_TOKEN_LIFETIME=PT6H \
    TRIBUNE_MEDIA_STORAGE=s3 TRIBUNE_MEDIA_S3_BUCKET=tribune-cluster TRIBUNE_MEDIA_S3_ENDPOINT="$TRIBUNE_TEST_S3_ENDPOINT" \
    TRIBUNE_MEDIA_S3_PATH_STYLE=true TRIBUNE_MEDIA_S3_CREATE_BUCKET=true \
    QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED=true \
    TRIBUNE_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true MALLOC_ARENA_MAX=2 "$@" \
    java ${CLUSTER_JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar >> "$CLUSTER_WORK/instance-$n.log" 2>&1 &
  INSTANCE_PIDS[$n]=$!
}

# Waits until instance N answers ready; fails after 90 s.
wait_ready() {
  for _ in $(seq 1 900); do
    curl -sf -o /dev/null "http://127.0.0.1:$((8190 + $1))/q/health/ready" && return 0
    sleep 0.1
  done
  echo "FAILED: instance $1 is not ready after 90 s:" >&2
  grep -E 'ERROR|Caused by' "$CLUSTER_WORK/instance-$1.log" | head -8 | cut -c1-400 >&2
  exit 1
}

# Starts HAProxy on port 8190 with the reference configuration (deploy/haproxy) over instances 1..N, or over the
# servers given ("host:port [options]"), and waits until it has one up.
start_haproxy() {
  mkdir -p "$CLUSTER_WORK/haproxy"
  cp deploy/haproxy/* "$CLUSTER_WORK/haproxy/"
  # A benchmark does not log each request: at thousands a second, writing the log would cost a core.
  [ "${HAPROXY_LOG_REQUESTS:-true}" = true ] || sed -i '/^    log /d; /^    option httplog/d' "$CLUSTER_WORK/haproxy/haproxy.cfg"
  local servers=("$@") i=0
  [[ "$1" == *:* ]] || servers=($(for n in $(seq 1 "$1"); do echo "127.0.0.1:$((8190 + n))"; done))
  for address in "${servers[@]}"; do
    i=$((i + 1))
    echo "    server tribune$i $address" >> "$CLUSTER_WORK/haproxy/haproxy.cfg"
  done
  TRIBUNE_LB_BIND=127.0.0.1:8190 haproxy -db -f "$CLUSTER_WORK/haproxy/haproxy.cfg" > "$CLUSTER_WORK/haproxy.log" 2>&1 &
  HAPROXY_PID=$!
  local status
  for _ in $(seq 1 100); do
    status=$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8190/q/health/ready || true)
    [ "$status" != 000 ] && [ "$status" != 503 ] && return 0
    sleep 0.1
  done
  echo "FAILED: HAProxy does not answer: $(tail -5 "$CLUSTER_WORK/haproxy.log")" >&2
  exit 1
}

stop_cluster() {
  kill "${INSTANCE_PIDS[@]}" ${HAPROXY_PID:-} 2> /dev/null || true
  wait "${INSTANCE_PIDS[@]}" ${HAPROXY_PID:-} 2> /dev/null || true
}
