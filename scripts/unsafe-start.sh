#!/usr/bin/env bash
# A PostgreSQL deployment refuses to start with demo data on or with a short admin password, and says why in one
# log line. Builds for PostgreSQL; needs a local PostgreSQL started by scripts/test-postgresql.sh (or TRIBUNE_UNSAFE_URL, PGUSER, PGPASSWORD).
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/postgresql.sh
URL=$(empty_database "${TRIBUNE_UNSAFE_URL:-}" tribune_unsafe)
package_for postgresql
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

refuses() {
  local why=$1; shift
  if (on_database "$URL" "$@" QUARKUS_HTTP_PORT=8189 TRIBUNE_DATA_DIR="$WORK/data" \
      timeout 60 java -jar target/quarkus-app/quarkus-run.jar > "$WORK/out.log" 2>&1); then
    echo "FAILED: started with $*" >&2; exit 1
  fi
  grep -q "ERROR .*Refusing to start: $why" "$WORK/out.log" || { cat "$WORK/out.log" >&2; echo "FAILED: no reason for $*" >&2; exit 1; }
  echo "ok: refuses to start with $* and logs: $(grep -o "Refusing to start: .*" "$WORK/out.log")"
}
refuses "TRIBUNE_DEMO=true is for the embedded H2 database only" TRIBUNE_DEMO=true TRIBUNE_ADMIN_PASSWORD=long-enough-password
refuses "TRIBUNE_ADMIN_PASSWORD must have at least 12 characters" TRIBUNE_ADMIN_PASSWORD=too-short
