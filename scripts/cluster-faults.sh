#!/usr/bin/env bash
# Three Tribune instances with no shared disk, behind HAProxy (deploy/haproxy), on PostgreSQL and an S3 server, under
# a mixed load and three faults. The load (scripts/load/Load.java) reads, creates, updates with If-Match, deletes,
# uploads photos, signs in and follows the changes feed, all through the load balancer, while a webhook endpoint
# receives every post event. During it the script kills one instance with SIGKILL and starts it again, restarts
# PostgreSQL, and freezes the S3 server (SIGSTOP) for a few seconds. Then it checks, and prints as figures: every
# acknowledged write is found, every acknowledged photo reads back with its checksum, the feed follower holds what
# the list returns, tokens work on every instance, every webhook event was delivered and verified, no 5xx outside
# the faults and only 503 with Retry-After during them, no body with a trace; and latency percentiles per phase.
#
#   bash scripts/cluster-faults.sh                      # about 3 minutes of load (CI)
#   CALM=120 ROUNDS=5 bash scripts/cluster-faults.sh    # longer: 5 rounds of the three faults, 2 minutes apart
#
# Settings: CALM (seconds of steady load between faults, 20), ROUNDS (1), CLIENTS (8), S3_BLOCK (seconds, 8).
# Needs root or sudo (PostgreSQL and HAProxy from the Debian packages, and restarting PostgreSQL), and ports
# 8190-8194 and 9199 free.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/postgresql.sh
. scripts/cluster.sh

CALM=${CALM:-20}
ROUNDS=${ROUNDS:-1}
CLIENTS=${CLIENTS:-8}
S3_BLOCK=${S3_BLOCK:-8}
for port in 8190 8191 8192 8193 8194; do require_free_port $port; done

install_haproxy
haproxy -v | sed -n 1p
CLUSTER_URL=$(empty_database "" tribune_cluster)
CLUSTER_WORK=$(mktemp -d)
CLUSTER_PASSWORD=cluster-admin-password
CLUSTER_KEY=$(cluster_key)
package_for postgresql
eval "$(bash scripts/s3proxy.sh start)"
S3_PID=$(cat target/s3proxy/pid)
RECEIVER_PID=
LOGS=target/cluster-faults
rm -rf "$LOGS"
# The logs of the instances, HAProxy and the receiver are kept in target/cluster-faults for a failed run.
trap 'status=$?; kill -CONT $S3_PID 2> /dev/null || true; stop_cluster; [ -z "$RECEIVER_PID" ] || kill $RECEIVER_PID 2> /dev/null || true;
  bash scripts/s3proxy.sh stop || true; if [ $status != 0 ]; then mkdir -p "$LOGS"; cp "$CLUSTER_WORK"/*.log "$LOGS/"; fi;
  rm -rf "$CLUSTER_WORK"' EXIT

fail() { echo "FAILED: $*" >&2; exit 1; }
for n in 1 2 3; do start_instance $n; done
for n in 1 2 3; do wait_ready $n; done
start_haproxy 3
LB=http://127.0.0.1:8190
echo "three instances, each with its own data directory, media on S3 at $TRIBUNE_TEST_S3_ENDPOINT, behind HAProxy at $LB"

json() { grep -o "\"$1\":\"[^\"]*\"" | head -1 | cut -d'"' -f4; }
sql() { psql_url "$CLUSTER_URL" -qtAX -c "$1"; }

TOKEN=$(curl -sf -X POST "$LB/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\": \"admin\", \"password\": \"$CLUSTER_PASSWORD\"}" | json accessToken)
HOOK=$(curl -sf -X POST "$LB/api/v1/webhooks" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"url": "http://127.0.0.1:8194/hook", "eventTypes": ["post.upsert", "post.remove"]}')
HOOK_ID=$(json id <<< "$HOOK")
WEBHOOK_SECRET=$(json secret <<< "$HOOK") java examples/webhook-receiver/Receiver.java 8194 > "$CLUSTER_WORK/received.log" 2>&1 &
RECEIVER_PID=$!
for _ in $(seq 1 60); do (: > /dev/tcp/127.0.0.1/8194) 2> /dev/null && break; sleep 0.5; done

PHASE=$CLUSTER_WORK/phase
STOP=$CLUSTER_WORK/stop
phase() {
  if [ -n "${LOAD_PID:-}" ] && ! kill -0 "$LOAD_PID" 2> /dev/null; then cat "$CLUSTER_WORK/load.log"; fail "the load stopped early"; fi
  echo "$1" > "$PHASE.next" && mv "$PHASE.next" "$PHASE"; echo "$(date +%T) $1"
}
phase steady-0
# Idle connections are dropped by the client before HAProxy drops them (timeout http-keep-alive), as
# docs/deployment.md asks of clients: otherwise a request sent on a connection closed that instant gets no answer.
java -Djava.awt.headless=true -Djdk.httpclient.keepalive.timeout=5 scripts/load/Load.java base=$LB \
  instances=http://127.0.0.1:8191,http://127.0.0.1:8192,http://127.0.0.1:8193 password=$CLUSTER_PASSWORD \
  phase-file="$PHASE" stop-file="$STOP" clients="$CLIENTS" > "$CLUSTER_WORK/load.log" 2>&1 &
LOAD_PID=$!

wait_all_ready() { for n in 1 2 3; do wait_ready $n; done; sleep 3; }  # 3 s: HAProxy's two good checks
for round in $(seq 1 "$ROUNDS"); do
  sleep "$CALM"
  phase "instance-killed-$round"
  sleep 0.3  # the load reads the phase every 50 ms: a failure caused by the kill must be seen within its phase
  victim=$(( (round % 3) + 1 ))
  kill -9 "${INSTANCE_PIDS[$victim]}"
  wait "${INSTANCE_PIDS[$victim]}" 2> /dev/null || true
  start_instance $victim
  wait_all_ready
  phase "steady-$round-a"
  sleep "$CALM"
  phase "postgresql-restarted-$round"
  as_root service postgresql restart > /dev/null
  for _ in $(seq 1 30); do as_root su postgres -c "pg_isready -q" && break; sleep 1; done
  wait_all_ready
  phase "steady-$round-b"
  sleep "$CALM"
  phase "s3-blocked-$round"
  kill -STOP "$S3_PID"
  sleep "$S3_BLOCK"
  kill -CONT "$S3_PID"
  wait_all_ready
  phase "steady-$round-c"
done
sleep "$CALM"
touch "$STOP"
status=0
wait $LOAD_PID || status=$?
cat "$CLUSTER_WORK/load.log"

# Webhooks: once the deliveries made during the load are done, each one the receiver verified, none given up.
for _ in $(seq 1 120); do
  [ "$(sql "SELECT count(*) FROM webhook_delivery WHERE endpoint_id = '$HOOK_ID' AND state = 'pending'")" = 0 ] && break
  sleep 1
done
read -r pending succeeded failed <<< "$(sql "SELECT count(*) FILTER (WHERE state = 'pending'), count(*) FILTER (WHERE state = 'succeeded'),
  count(*) FILTER (WHERE state = 'failed') FROM webhook_delivery WHERE endpoint_id = '$HOOK_ID'" | tr '|' ' ')"
verified=$(grep '^ok ' "$CLUSTER_WORK/received.log" | sort -u | wc -l)
repeats=$(grep -c '^repeat ' "$CLUSTER_WORK/received.log" || true)
refused=$(grep -c '^refused ' "$CLUSTER_WORK/received.log" || true)
echo "  webhooks: $succeeded deliveries succeeded, $pending pending, $failed given up; the receiver verified $verified events ($repeats delivered again after a fault, $refused refused)"
[ "$pending" = 0 ] && [ "$failed" = 0 ] && [ "$refused" = 0 ] && [ "$verified" = "$succeeded" ] && [ "$succeeded" -gt 0 ] \
  || { echo "FAILED: webhook deliveries: $succeeded succeeded, $pending pending, $failed failed, $verified verified, $refused refused"; status=1; }

for n in 1 2 3; do
  errors=$(grep -c ' ERROR ' "$CLUSTER_WORK/instance-$n.log" || true)
  unreachable=$(grep -c 'was not available on' "$CLUSTER_WORK/instance-$n.log" || true)
  echo "  instance $n logged $errors errors and $unreachable requests answered 503 as a dependency was not available"
  grep -m1 -A3 ' ERROR ' "$CLUSTER_WORK/instance-$n.log" | cut -c1-300 || true
done
[ $status = 0 ] || fail "the cluster under faults broke a rule (above)"
echo "ok: three instances behind HAProxy, on PostgreSQL and S3, kept every acknowledged write through a killed instance, a database restart and a storage outage"
