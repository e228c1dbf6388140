#!/usr/bin/env bash
# Media: time to upload and process a 12-megapixel JPEG (its ten renditions and placeholder included), the bytes of
# each rendition, throughput of serving its medium size, and the service's peak memory while 10 then 20 such uploads
# run in parallel.
# Usage: bench/media.sh   (needs curl, wrk and the JDK's jshell)
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-8089}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
HEAP=${HEAP:-512m}
BASE="http://127.0.0.1:$PORT"
DATA=$(mktemp -d)
OUT=bench/results
mkdir -p "$OUT"

command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
# Always built here: the PostgreSQL scripts leave a PostgreSQL build in target/.
mvn -B -q package -DskipTests
PHOTO="$DATA/photo-12mp.jpg"
PHOTO="$PHOTO" jshell -R-Djava.awt.headless=true bench/make-photo.jsh > /dev/null

ADMIN_PASSWORD=bench-admin-password
MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} TRIBUNE_ADMIN_PASSWORD=$ADMIN_PASSWORD TRIBUNE_DATA_DIR="$DATA/data" QUARKUS_HTTP_PORT=$PORT \
  java -Xmx"$HEAP" -jar target/quarkus-app/quarkus-run.jar > "$OUT/media-server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 60); do curl -sf "$BASE/api/v1/posts?size=1" > /dev/null && break; sleep 1; done
TOKEN=$(curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\": \"admin\", \"password\": \"$ADMIN_PASSWORD\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
upload() { curl -sf -o "${1:-/dev/null}" -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" -F "file=@$PHOTO" "$BASE/api/v1/media"; }
peak_rss_mb() { awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$SERVER/status"; }

echo "photo: $(du -k "$PHOTO" | cut -f1) KB, 4000 x 3000; JVM heap limit $HEAP"
for _ in 1 2 3; do upload > /dev/null; done   # warm-up
times=$(for _ in 1 2 3 4 5; do upload; done | sort -n)
echo "| upload and process a 12 MP JPEG, sequential (median of 5) | $(sed -n 3p <<< "$times" | awk '{printf "%d ms", $1 * 1000}') |"

# What one upload stores: each rendition, with its bytes.
upload "$DATA/media.json" > /dev/null
grep -o '"width":[0-9]*,"height":[0-9]*,"type":"[^"]*","size":[0-9]*' "$DATA/media.json" \
  | sed -E 's/"width":([0-9]+),"height":([0-9]+),"type":"image\/([a-z]+)","size":([0-9]+)/| rendition \3 \1 x \2 | \4 bytes |/'
# Peak resident memory (VmHWM) after 10, then 20 parallel uploads: bounded means the second does not grow it much.
before=$(peak_rss_mb)
for n in 10 20; do
  start=$(date +%s%N)
  pids=()
  for _ in $(seq 1 "$n"); do upload > /dev/null & pids+=($!); done
  wait "${pids[@]}"
  echo "| $n uploads in parallel | $(( ($(date +%s%N) - start) / 1000000 )) ms in all; peak RSS $(peak_rss_mb) MB (${before} MB before any parallel upload) |"
done

MEDIUM=$(curl -sf -H "Authorization: Bearer $TOKEN" -F "file=@$PHOTO" "$BASE/api/v1/media" | sed -E 's/.*"medium":\{"url":"([^"]+)".*/\1/')
wrk -t"$THREADS" -c"$CONNECTIONS" -d20s "$BASE$MEDIUM" > /dev/null   # warm-up: the JIT needs it
result=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE$MEDIUM")
printf '| GET the medium size (%s bytes) | %s req/s, p50 %s, p99 %s |\n' \
  "$(curl -s -o /dev/null -w '%{size_download}' "$BASE$MEDIUM")" \
  "$(awk '/Requests\/sec/ {print $2}' <<< "$result")" \
  "$(awk '$1 == "50%" {print $2}' <<< "$result")" \
  "$(awk '$1 == "99%" {print $2}' <<< "$result")"
