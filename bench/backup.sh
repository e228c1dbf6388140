#!/usr/bin/env bash
# Backup: time and peak memory of exporting a site with many posts and photos, and of importing the archive into
# a new instance. Both stream: memory must not grow with the size of the archive.
# Usage: bench/backup.sh   (needs curl and the JDK's jshell; POSTS, PHOTOS, HEAP, PORT to change the run)
set -euo pipefail
cd "$(dirname "$0")/.."

POSTS=${POSTS:-2000}
PHOTOS=${PHOTOS:-100}
HEAP=${HEAP:-512m}
PORT=${PORT:-8089}
OLD="http://127.0.0.1:$PORT"
NEW="http://127.0.0.1:$(( PORT + 1 ))"
DATA=$(mktemp -d)
OUT=bench/results
mkdir -p "$OUT"
ADMIN_PASSWORD=bench-admin-password

# Always built here: the PostgreSQL scripts leave a PostgreSQL build in target/.
mvn -B -q package -DskipTests
PHOTO="$DATA/photo-12mp.jpg"
PHOTO="$PHOTO" jshell -R-Djava.awt.headless=true bench/make-photo.jsh > /dev/null

pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait "${pids[@]}" 2>/dev/null || true; rm -rf "$DATA"' EXIT
start() {   # start NAME PORT
  MALLOC_ARENA_MAX=2 TRIBUNE_ADMIN_PASSWORD=$ADMIN_PASSWORD TRIBUNE_DATA_DIR="$DATA/$1" QUARKUS_HTTP_PORT=$2 \
    java -Xmx"$HEAP" -jar target/quarkus-app/quarkus-run.jar > "$OUT/backup-$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 60); do curl -sf -o /dev/null "http://127.0.0.1:$2/q/health/ready" && return 0; sleep 1; done
  return 1
}
sign_in() {
  curl -sf -X POST "$1/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\": \"admin\", \"password\": \"$ADMIN_PASSWORD\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}
peak_rss_mb() { awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$1/status"; }

start old "$PORT"
TOKEN=$(sign_in "$OLD")
seq 1 "$PHOTOS" | xargs -P 4 -I{} curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" -F "file=@$PHOTO" "$OLD/api/v1/media"
cfg="$DATA/posts.cfg"
for i in $(seq 1 "$POSTS"); do
  printf 'url = "%s/api/v1/posts"\nrequest = "POST"\nheader = "Content-Type: application/json"\nheader = "Authorization: Bearer %s"\noutput = "/dev/null"\ndata = "{\\"title\\": \\"Communiqué %d\\", \\"content\\": \\"<p>Le Conseil de Paris a adopté un vœu de soutien lors de sa séance numéro %d.</p><p>Deuxième paragraphe, pour donner au texte une taille réaliste.</p>\\"}"\nnext\n' \
    "$OLD" "$TOKEN" "$i" "$i" >> "$cfg"
done
sed -i '$ d' "$cfg"
curl -s --no-progress-meter --fail-early --parallel --parallel-max 4 -K "$cfg"

echo "site: $POSTS posts, $PHOTOS photos of 12 MP ($(du -sm "$DATA/old/media" | cut -f1) MB of media files); JVM heap limit $HEAP"
before=$(peak_rss_mb "${pids[0]}")
seconds=$(curl -sf -o "$DATA/backup.zip" -w '%{time_total}' -H "Authorization: Bearer $TOKEN" "$OLD/api/v1/admin/export")
echo "| export | $(du -m "$DATA/backup.zip" | cut -f1) MB archive in ${seconds} s | peak RSS ${before} MB before, $(peak_rss_mb "${pids[0]}") MB after |"

start new $(( PORT + 1 ))
before=$(peak_rss_mb "${pids[1]}")
seconds=$(curl -sf -o "$DATA/import.json" -w '%{time_total}' -X POST -H "Authorization: Bearer $(sign_in "$NEW")" \
  -H 'Content-Type: application/zip' -T "$DATA/backup.zip" "$NEW/api/v1/admin/import")
echo "| import into a new instance | ${seconds} s | peak RSS ${before} MB before, $(peak_rss_mb "${pids[1]}") MB after |"

# The new instance has not processed any photo, so its peak memory shows what an export itself takes.
before=$(peak_rss_mb "${pids[1]}")
seconds=$(curl -sf -o "$DATA/again.zip" -w '%{time_total}' -H "Authorization: Bearer $(sign_in "$NEW")" "$NEW/api/v1/admin/export")
echo "| export from the restored instance | $(du -m "$DATA/again.zip" | cut -f1) MB archive in ${seconds} s | peak RSS ${before} MB before, $(peak_rss_mb "${pids[1]}") MB after |"
