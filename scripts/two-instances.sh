#!/usr/bin/env bash
# Starts two instances on one PostgreSQL database and one shared data directory (media files, signing key), and
# shows that they behave as one service: a write through one is read through the other at once, a token from one
# is accepted by the other, what one keeps in its read cache is never served after a write through the other,
# concurrent If-Match updates through both lose nothing, the change log numbers the writes of both without a
# gap, in the order a reader sees them commit, and a client syncing through one while the other writes ends up
# holding exactly what a full read returns. Webhooks: writes through both, dispatched by both, reach a receiver
# that verifies every signature, each event exactly once; and with one instance frozen, writes through the other
# followed at once by its kill -9 are all delivered once the frozen one resumes. Photos put back as they were
# before renditions existed get them from the background job of both instances, each photo once.
# Needs a local PostgreSQL started by scripts/test-postgresql.sh (or TRIBUNE_TWO_URL, PGUSER, PGPASSWORD).
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/postgresql.sh
URL=$(empty_database "${TRIBUNE_TWO_URL:-}" tribune_two)
package_for postgresql

SHARED=$(mktemp -d)
PASSWORD=two-instances-password
A=http://127.0.0.1:8181
require_free_port 8181
require_free_port 8182
require_free_port 8183
B=http://127.0.0.1:8182
pids=()
for port in 8181 8182; do
  on_database "$URL" QUARKUS_HTTP_PORT=$port TRIBUNE_DATA_DIR="$SHARED" TRIBUNE_ADMIN_PASSWORD=$PASSWORD \
    TRIBUNE_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true TRIBUNE_MEDIA_BACKFILL_EVERY=1s \
    java -jar target/quarkus-app/quarkus-run.jar > "$SHARED/instance-$port.log" 2>&1 &
  pids+=($!)
done
trap 'kill "${pids[@]}" 2>/dev/null; wait "${pids[@]}" 2>/dev/null || true; rm -rf "$SHARED"' EXIT
for base in $A $B; do
  for _ in $(seq 1 60); do curl -sf -o /dev/null "$base/q/health/ready" && break; sleep 1; done
done

fail() { echo "FAILED: $*" >&2; exit 1; }
json() { grep -o "\"$1\":\"[^\"]*\"" | head -1 | cut -d'"' -f4; }

TOKEN=$(curl -sf -X POST "$A/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\": \"admin\", \"password\": \"$PASSWORD\"}" | json accessToken)
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$B/api/v1/users/me")" = 200 ] \
  || fail "a token issued by A is refused by B"
echo "ok: a token issued by instance A is accepted by instance B"

POST=$(curl -sf -X POST "$A/api/v1/posts" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"title": "Écrit par A", "content": "<p>lu par B</p>"}' | json id)
[ "$(curl -s -o /dev/null -w '%{http_code}' "$B/api/v1/posts/$POST")" = 200 ] || fail "B does not see A's post"
echo "ok: a post written through A is read through B at once"

# Each instance answers anonymous reads from memory while no write has committed anywhere: 20 times, one instance
# keeps the post, a list and a category in its cache, the other changes them, and the very next anonymous read
# through the first must show the change.
CATEGORY=$(curl -sf -X POST "$A/api/v1/categories" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name": "Rubrique partagée"}' | json id)
CACHED=$(curl -sf -X POST "$A/api/v1/posts" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"title\": \"Gardé en mémoire\", \"content\": \"<p>lu par les deux</p>\", \"categories\": [\"$CATEGORY\"]}" | json id)
for i in $(seq 1 20); do
  if [ $((i % 2)) = 0 ]; then reader=$A; writer=$B; else reader=$B; writer=$A; fi
  for _ in 1 2; do
    curl -sf -o /dev/null "$reader/api/v1/posts/$CACHED"
    curl -sf -o /dev/null "$reader/api/v1/posts?size=5"
  done
  curl -sf -o /dev/null -X PATCH "$writer/api/v1/posts/$CACHED" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/merge-patch+json' -d "{\"title\": \"Titre $i\"}"
  curl -sf -o /dev/null -X PATCH "$writer/api/v1/categories/$CATEGORY" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/merge-patch+json' -d "{\"name\": \"Rubrique $i\"}"
  one=$(curl -sf "$reader/api/v1/posts/$CACHED")
  list=$(curl -sf "$reader/api/v1/posts?size=5")
  grep -q "\"title\":\"Titre $i\"" <<< "$one" || fail "round $i: $reader served a post older than the write through $writer"
  grep -q "\"name\":\"Rubrique $i\"" <<< "$one" || fail "round $i: $reader served a category name older than the write"
  grep -q "\"title\":\"Titre $i\"" <<< "$list" || fail "round $i: $reader served a list older than the write"
done
echo "ok: 20 writes alternating between A and B, each seen by the next anonymous read through the other's read cache"

jshell -R-Djava.awt.headless=true - > /dev/null <<JSH
javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(300, 200, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", new java.io.File("$SHARED/image.png"));
/exit
JSH
MEDIA=$(curl -sf -X POST "$A/api/v1/media" -H "Authorization: Bearer $TOKEN" -F "file=@$SHARED/image.png" | json id)
[ "$(curl -s -o /dev/null -w '%{http_code}' "$B/api/v1/media/$MEDIA/file?size=thumbnail")" = 200 ] \
  || fail "B cannot serve a file uploaded through A"
echo "ok: a photo uploaded through A is served by B from the shared directory"

# Photos uploaded before the current renditions existed: 8 are put back as the first API stored them, and the
# background job of both instances (every second here) runs on the same rows at once. Each photo must change exactly
# once, with one change-log entry, and each of its renditions must be served by both instances.
sql() { psql_url "$URL" -qtAX -c "$1"; }
jshell -R-Djava.awt.headless=true - > /dev/null <<JSH
var image = new java.awt.image.BufferedImage(2400, 1600, java.awt.image.BufferedImage.TYPE_INT_RGB);
var g = image.createGraphics(); g.setPaint(new java.awt.GradientPaint(0, 0, java.awt.Color.BLUE, 2400, 1600, java.awt.Color.ORANGE)); g.fillRect(0, 0, 2400, 1600);
javax.imageio.ImageIO.write(image, "jpg", new java.io.File("$SHARED/photo.jpg"));
/exit
JSH
OLD=()
for i in $(seq 1 8); do
  base=$([ $((i % 2)) = 0 ] && echo $A || echo $B)
  OLD+=("$(curl -sf -X POST "$base/api/v1/media" -H "Authorization: Bearer $TOKEN" -F "file=@$SHARED/photo.jpg" | json id)")
done
IDS=$(printf "'%s'," "${OLD[@]}"); IDS=${IDS%,}
BEFORE=$(sql "SELECT last_seq FROM change_log_head")
sql "BEGIN; DELETE FROM media_rendition WHERE media_id IN ($IDS) AND name LIKE 'w%';
     UPDATE media SET rendition_set = 1, blurhash = NULL, dominant_color = NULL WHERE id IN ($IDS); COMMIT;" > /dev/null
for _ in $(seq 1 60); do [ "$(sql "SELECT count(*) FROM media WHERE id IN ($IDS) AND rendition_set < 2")" = 0 ] && break; sleep 1; done
[ "$(sql "SELECT count(*) FROM media WHERE id IN ($IDS) AND rendition_set < 2")" = 0 ] \
  || fail "the background job left photos without renditions after 60 s"
entries=$(sql "SELECT count(*) FROM change_log WHERE seq > $BEFORE AND resource_id IN ($IDS)")
[ "$entries" = 8 ] || fail "8 photos given renditions by two instances made $entries change-log entries, not 8"
for id in "${OLD[@]}"; do
  for url in $(curl -sf "$A/api/v1/media/$id" | grep -o '"url":"/api/v1/media/[^"]*width=[^"]*' | cut -d'"' -f4); do
    for base in $A $B; do
      [ "$(curl -s -o /dev/null -w '%{http_code}' "$base$url")" = 200 ] || fail "$base does not serve $url"
    done
  done
done
echo "ok: 8 photos from before the renditions, taken by both instances' background jobs: each given its renditions once (8 change-log entries), all served by both"

ETAG=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $TOKEN" "$A/api/v1/posts/$POST" | sed -n 's/^[Ee][Tt]ag: //p' | tr -d '\r')
results=$(mktemp)
for i in $(seq 1 10); do
  base=$([ $((i % 2)) = 0 ] && echo $A || echo $B)
  curl -s -o /dev/null -w '%{http_code}\n' -X PATCH "$base/api/v1/posts/$POST" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/merge-patch+json' -H "If-Match: $ETAG" -d "{\"excerpt\": \"Version $i\"}" >> "$results" &
done
wait $(jobs -p | grep -v -e "${pids[0]}" -e "${pids[1]}") 2>/dev/null || true
sleep 1
wins=$(grep -c '^200$' "$results" || true)
stale=$(grep -c '^412$' "$results" || true)
[ "$wins" = 1 ] && [ "$stale" = 9 ] || fail "concurrent If-Match updates: $wins succeeded, $stale got 412 (want 1 and 9)"
REVISIONS=$(curl -sf -H "Authorization: Bearer $TOKEN" "$B/api/v1/posts/$POST/revisions" | sed -E 's/.*"totalItems":([0-9]+).*/\1/')
[ "$REVISIONS" = 2 ] || fail "expected 2 revisions after one winning update, found $REVISIONS"
echo "ok: 10 concurrent updates from one version through A and B: 1 applied, 9 refused with 412, nothing lost"

# The change log. 40 writes race through both instances while a reader follows the log as the changes feed will:
# each time it asks for the entries after the last one it saw, the next must be exactly one more. An entry
# numbered before another but committed after it would make the reader skip it; the lock taken at commit time
# (docs/api-conventions.md) rules that out.
START=$(sql "SELECT last_seq FROM change_log_head")
WRITES=40
skips=$(mktemp)
created=$(mktemp)
(
  cursor=$START
  deadline=$((SECONDS + 120))
  while [ "$cursor" -lt $((START + WRITES)) ] && [ $SECONDS -lt $deadline ]; do
    for seq in $(sql "SELECT seq FROM change_log WHERE seq > $cursor ORDER BY seq"); do
      [ "$seq" = $((cursor + 1)) ] || echo "after $cursor the reader saw $seq" >> "$skips"
      cursor=$seq
    done
  done
  [ "$cursor" -ge $((START + WRITES)) ] || echo "the reader stopped at $cursor" >> "$skips"
) &
reader=$!
writers=()
for i in $(seq 1 $WRITES); do
  base=$([ $((i % 2)) = 0 ] && echo $A || echo $B)
  curl -s -o /dev/null -w '%{http_code}\n' -X POST "$base/api/v1/categories" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d "{\"name\": \"Journal $i $RANDOM\"}" >> "$created" &
  writers+=($!)
done
wait "${writers[@]}"
wait $reader
[ "$(grep -c '^201$' "$created")" = $WRITES ] || fail "not every concurrent write succeeded: $(sort "$created" | uniq -c)"
[ ! -s "$skips" ] || fail "a reader of the change log skipped entries: $(cat "$skips")"
read -r count first last <<< "$(sql "SELECT count(*), min(seq), max(seq) FROM change_log WHERE seq > $START" | tr '|' ' ')"
[ "$count" = $WRITES ] && [ "$first" = $((START + 1)) ] && [ "$last" = $((START + WRITES)) ] \
  || fail "expected entries $((START + 1))..$((START + WRITES)), found $count from $first to $last"
echo "ok: $WRITES writes racing through A and B: $WRITES change-log entries, numbered without a gap, read in order while they committed"

# The changes feed. A client syncs through B, again and again, while posts are written through A: created, some as
# drafts, edited, filed in a category that is then renamed, trashed, restored, published and deleted. Once the
# writes are done and the client has synced once more, it must hold exactly the public posts B lists.
declare -A held
cursor=""
sync_through_b() {
  local page more=true
  while $more; do
    page=$(curl -sf "$B/api/v1/changes?limit=25${cursor:+&after=$cursor}") || fail "B refused a changes page"
    while read -r type id action; do
      [ -n "$type" ] || continue
      if [ "$action" = upsert ]; then held["$type/$id"]=1; else unset "held[$type/$id]"; fi
    done < <(grep -o '"type":"[^"]*","id":"[^"]*","action":"[^"]*"' <<< "$page" \
      | sed -E 's/"type":"([^"]*)","id":"([^"]*)","action":"([^"]*)"/\1 \2 \3/' || true)
    cursor=$(grep -o '"next":"[^"]*"' <<< "$page" | cut -d'"' -f4)
    grep -q '"hasMore":true' <<< "$page" || more=false
  done
}
sync_through_b
write() { curl -sf -o /dev/null -X "$1" "$A$2" -H "Authorization: Bearer $TOKEN" -H "Content-Type: ${4:-application/json}" ${3:+-d "$3"}; }
(
  FILED=$(curl -sf -X POST "$A/api/v1/categories" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"name\": \"Suivie $RANDOM\"}" | json id)
  for i in $(seq 1 12); do
    status=$([ $((i % 3)) = 0 ] && echo draft || echo published)
    id=$(curl -sf -X POST "$A/api/v1/posts" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      -d "{\"title\": \"Synchronisé $i\", \"content\": \"<p>$i</p>\", \"status\": \"$status\", \"categories\": [\"$FILED\"]}" | json id)
    write PATCH "/api/v1/posts/$id" "{\"title\": \"Synchronisé $i, relu\"}" application/merge-patch+json
    case $((i % 4)) in
      1) write DELETE "/api/v1/posts/$id" ;;
      2) write DELETE "/api/v1/posts/$id"; write POST "/api/v1/posts/$id/restore" ;;
      3) write PATCH "/api/v1/posts/$id" '{"status": "published"}' application/merge-patch+json ;;
      0) write DELETE "/api/v1/posts/$id?permanent=true" ;;
    esac
    if [ $((i % 5)) = 0 ]; then
      write PATCH "/api/v1/categories/$FILED" "{\"name\": \"Suivie renommée $i $RANDOM\"}" application/merge-patch+json
    fi
  done
) &
writer=$!
while kill -0 $writer 2>/dev/null; do sync_through_b; sleep 0.2; done
wait $writer || fail "a write through A failed"
sync_through_b
synced=$(for key in "${!held[@]}"; do if [[ $key == post/* ]]; then echo "${key#post/}"; fi; done | sort)
listed=$(curl -sf "$B/api/v1/posts?size=100" | grep -o '{"id":"[^"]*","slug":"[^"]*","permalink"' | cut -d'"' -f4 | sort)
[ "$synced" = "$listed" ] || fail "a client synced through B holds other posts than B lists: $(diff <(echo "$synced") <(echo "$listed") | head -5)"
echo "ok: a client syncing through B while A wrote holds exactly the $(wc -l <<< "$listed" | tr -d ' ') public posts B lists"

# Webhooks. The receiver is the README's example: it checks each signature and prints "ok <id> <type>" for a new
# event, "repeat <id>" for one it already had, "refused <id>" for a bad signature.
hook=$(curl -sf -X POST "$A/api/v1/webhooks" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"url": "http://127.0.0.1:8183/hook", "eventTypes": ["category.upsert"]}')
SECRET=$(json secret <<< "$hook")
WEBHOOK_SECRET="$SECRET" java examples/webhook-receiver/Receiver.java 8183 > "$SHARED/received.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do (: > /dev/tcp/127.0.0.1/8183) 2> /dev/null && break; sleep 0.5; done
expect_received() { # <count of "ok" lines> <seconds>
  for _ in $(seq 1 "$2"); do [ "$(grep -c '^ok ' "$SHARED/received.log" || true)" -ge "$1" ] && return 0; sleep 1; done
  fail "the receiver verified $(grep -c '^ok ' "$SHARED/received.log" || true) events, expected $1: $(tail -5 "$SHARED/received.log")"
}
HOOKED=30
for i in $(seq 1 $HOOKED); do
  base=$([ $((i % 2)) = 0 ] && echo $A || echo $B)
  curl -sf -o /dev/null -X POST "$base/api/v1/categories" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d "{\"name\": \"Annoncée $i $RANDOM\"}" &
done
wait $(jobs -p | grep -v -x -e "${pids[0]}" -e "${pids[1]}" -e "${pids[2]}") 2>/dev/null || true
expect_received $HOOKED 60
sleep 3
! grep -q '^refused' "$SHARED/received.log" || fail "a delivery's signature did not verify: $(grep '^refused' "$SHARED/received.log" | head -3)"
! grep -q '^repeat' "$SHARED/received.log" || fail "an event was delivered twice by the two instances: $(grep '^repeat' "$SHARED/received.log" | head -3)"
[ "$(grep -c '^ok ' "$SHARED/received.log")" = $HOOKED ] || fail "expected $HOOKED events, got $(grep -c '^ok ' "$SHARED/received.log")"
echo "ok: $HOOKED writes through A and B, dispatched by both: $HOOKED signed events, each delivered once"

# B is frozen; five writes go through A, which is killed with SIGKILL at once, before or during their delivery.
kill -STOP "${pids[1]}"
for i in 1 2 3 4 5; do
  curl -sf -o /dev/null -X POST "$A/api/v1/categories" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d "{\"name\": \"Avant la panne $i $RANDOM\"}"
done
kill -9 "${pids[0]}"
wait "${pids[0]}" 2> /dev/null || true
before=$(grep -c '^ok ' "$SHARED/received.log" || true)
kill -CONT "${pids[1]}"
expect_received $((HOOKED + 5)) 120
echo "ok: A killed with SIGKILL right after 5 writes ($((before - HOOKED)) delivered by then): B delivered the rest, nothing lost"
