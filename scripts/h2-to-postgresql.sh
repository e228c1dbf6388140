#!/usr/bin/env bash
# Moves a site from the embedded H2 database to PostgreSQL the way the README tells operators to, and checks that
# nothing was lost: an H2 instance with the demo site (plus revisions, a draft and a post in the trash) is
# exported, the archive is imported into a new PostgreSQL instance, and every resource, revision and media file of
# both is compared (src/test/java/org/tribune/backup/MovedSiteMatchesTest.java). The media move with the site: from
# a directory to an S3 bucket when TRIBUNE_TEST_S3_ENDPOINT is set (eval "$(scripts/s3proxy.sh start)"), and then,
# exported again, back from the bucket to a directory on a third instance, compared the same way.
# Needs a local PostgreSQL started by scripts/test-postgresql.sh (or TRIBUNE_MOVE_URL, TRIBUNE_MOVE_BACK_URL, PGUSER,
# PGPASSWORD).
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/postgresql.sh
URL=$(empty_database "${TRIBUNE_MOVE_URL:-}" tribune_move)
S3=${TRIBUNE_TEST_S3_ENDPOINT:-}
on_s3=()
if [ -n "$S3" ]; then
  BACK_URL=$(empty_database "${TRIBUNE_MOVE_BACK_URL:-}" tribune_move_back)
  on_s3=(TRIBUNE_MEDIA_STORAGE=s3 TRIBUNE_MEDIA_S3_BUCKET=tribune-move TRIBUNE_MEDIA_S3_ENDPOINT="$S3"
    TRIBUNE_MEDIA_S3_PATH_STYLE=true TRIBUNE_MEDIA_S3_CREATE_BUCKET=true TRIBUNE_MEDIA_S3_KEY_PREFIX="move-$RANDOM")
fi

WORK=$(mktemp -d)
package_for h2
cp -r target/quarkus-app "$WORK/h2-app"
package_for postgresql
cp -r target/quarkus-app "$WORK/pg-app"

OLD=http://127.0.0.1:8183
require_free_port 8183
require_free_port 8184
require_free_port 8185
NEW=http://127.0.0.1:8184
BACK=http://127.0.0.1:8185
OLD_PASSWORD=old-site-admin-password
NEW_PASSWORD=new-site-admin-password
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait "${pids[@]}" 2>/dev/null || true; rm -rf "$WORK"' EXIT
ready() { for _ in $(seq 1 90); do curl -sf -o /dev/null "$1/q/health/ready" && return 0; sleep 1; done; return 1; }
fail() { echo "FAILED: $*" >&2; exit 1; }
json() { grep -o "\"$1\":\"[^\"]*\"" | head -1 | cut -d'"' -f4; }
sign_in() {
  curl -sf -X POST "$1/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\": \"admin\", \"password\": \"$2\"}" | json accessToken
}

# The old site: the embedded default with the demo content.
QUARKUS_HTTP_PORT=8183 TRIBUNE_DATA_DIR="$WORK/old" TRIBUNE_DEMO=true TRIBUNE_ADMIN_PASSWORD=$OLD_PASSWORD \
  java -jar "$WORK/h2-app/quarkus-run.jar" > "$WORK/old.log" 2>&1 &
pids+=($!)
ready $OLD || { cat "$WORK/old.log"; fail "the H2 instance did not start"; }
TOKEN=$(sign_in $OLD $OLD_PASSWORD)
auth=(-H "Authorization: Bearer $TOKEN")
POST=$(curl -sf "${auth[@]}" "$OLD/api/v1/posts?size=1" | json id)
for excerpt in "Première retouche" "Seconde retouche"; do
  curl -sf -o /dev/null -X PATCH "${auth[@]}" -H 'Content-Type: application/merge-patch+json' \
    -d "{\"excerpt\": \"$excerpt\"}" "$OLD/api/v1/posts/$POST"
done
curl -sf -o /dev/null -X POST "${auth[@]}" -H 'Content-Type: application/json' \
  -d '{"title": "Brouillon à déménager", "content": "<p>en cours</p>", "status": "draft"}' "$OLD/api/v1/posts"
TRASHED=$(curl -sf -X POST "${auth[@]}" -H 'Content-Type: application/json' \
  -d '{"title": "Billet à la corbeille", "content": "<p>supprimé</p>"}' "$OLD/api/v1/posts" | json id)
curl -sf -o /dev/null -X DELETE "${auth[@]}" "$OLD/api/v1/posts/$TRASHED"

# The backup, exactly as the README shows it.
curl -sf "${auth[@]}" -o "$WORK/backup.zip" "$OLD/api/v1/admin/export"
echo "ok: exported $(stat -c %s "$WORK/backup.zip") bytes from H2"

# The new site: PostgreSQL, started empty. It shares the old site's signing key only so that the comparison
# below can read both with one token; an operator does not need to.
on_database "$URL" QUARKUS_HTTP_PORT=8184 TRIBUNE_DATA_DIR="$WORK/new" TRIBUNE_ADMIN_PASSWORD=$NEW_PASSWORD "${on_s3[@]}" \
  TRIBUNE_AUTH_JWT_KEY_FILE="$WORK/old/keys/jwt-signing-key.pem" java -jar "$WORK/pg-app/quarkus-run.jar" > "$WORK/new.log" 2>&1 &
pids+=($!)
ready $NEW || { cat "$WORK/new.log"; fail "the PostgreSQL instance did not start"; }
NEW_TOKEN=$(sign_in $NEW $NEW_PASSWORD)
curl -sf -X POST -H "Authorization: Bearer $NEW_TOKEN" -H 'Content-Type: application/zip' \
  -T "$WORK/backup.zip" "$NEW/api/v1/admin/import" > "$WORK/import.json" \
  || fail "the import was refused: $(cat "$WORK/import.json")"
echo "ok: imported into PostgreSQL${S3:+, media in the S3 bucket}: $(cat "$WORK/import.json")"
compare() {
  mvn -B -q test -Dtest=MovedSiteMatchesTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtribune.compare.old=$OLD -Dtribune.compare.new=$1 -Dtribune.compare.token="$TOKEN"
}
compare $NEW
echo "ok: every resource, revision and media file of the H2 site is identical on PostgreSQL${S3:+ with its media on S3}"

if [ -n "$S3" ]; then
  # And back: the S3 site exported, imported into a third instance whose media are in a directory again.
  curl -sf -H "Authorization: Bearer $TOKEN" -o "$WORK/from-s3.zip" "$NEW/api/v1/admin/export"
  on_database "$BACK_URL" QUARKUS_HTTP_PORT=8185 TRIBUNE_DATA_DIR="$WORK/back" TRIBUNE_ADMIN_PASSWORD=$NEW_PASSWORD \
    TRIBUNE_AUTH_JWT_KEY_FILE="$WORK/old/keys/jwt-signing-key.pem" java -jar "$WORK/pg-app/quarkus-run.jar" > "$WORK/back.log" 2>&1 &
  pids+=($!)
  ready $BACK || { cat "$WORK/back.log"; fail "the third instance did not start"; }
  curl -sf -X POST -H "Authorization: Bearer $(sign_in $BACK $NEW_PASSWORD)" -H 'Content-Type: application/zip' \
    -T "$WORK/from-s3.zip" "$BACK/api/v1/admin/import" > "$WORK/import-back.json" \
    || fail "the import from the S3 site was refused: $(cat "$WORK/import-back.json")"
  [ "$(find "$WORK/back/media" -type f | wc -l)" -gt 0 ] || fail "the third instance holds no media files in its directory"
  compare $BACK
  echo "ok: exported again from S3 and imported into an instance with a media directory: $(find "$WORK/back/media" -type f | wc -l) files, every resource, revision and media file identical to the H2 site's"
fi

# Signing in changes the account (its last sign-in), so it comes after the comparison.
[ -n "$(sign_in $NEW $OLD_PASSWORD)" ] || fail "the old site's admin cannot sign in to the new one"
echo "ok: the old site's accounts sign in to the new one"
