#!/usr/bin/env bash
# Runs the whole test suite against PostgreSQL 15+.
#
#   scripts/test-postgresql.sh
#       installs PostgreSQL from the Debian packages if needed, starts it, and creates the user "tribune" and
#       empty databases (needs root or sudo);
#   TRIBUNE_TEST_POSTGRESQL_URL=jdbc:postgresql://host:5432/db PGUSER=... PGPASSWORD=... scripts/test-postgresql.sh
#       uses your server: db, db_first_admin, db_demo and db_backup must exist and be empty.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/postgresql.sh

URL=${TRIBUNE_TEST_POSTGRESQL_URL:-}
DB_USER=${PGUSER:-tribune}
DB_PASSWORD=${PGPASSWORD:-tribune}
if [ -z "$URL" ]; then
  if ! ls /usr/lib/postgresql/*/bin/postgres > /dev/null 2>&1; then
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null
  fi
  as_root service postgresql start > /dev/null
  for _ in $(seq 1 30); do as_root su postgres -c "pg_isready -q" && break; sleep 1; done
  as_root su postgres -c "psql -q -c \"DO \\\$\\\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD'; END IF; END\\\$\\\$\""
  for db in tribune tribune_first_admin tribune_demo tribune_backup tribune_search_window tribune_migration tribune_sitemap tribune_media_cdn tribune_media_down tribune_media_redirect; do
    as_root su postgres -c "dropdb --if-exists $db && createdb -O $DB_USER $db"
  done
  URL=jdbc:postgresql://localhost:5432/tribune
fi

# With TRIBUNE_TEST_S3_ENDPOINT (eval "$(scripts/s3proxy.sh start)"), media are kept in that S3 store, as a
# production deployment on PostgreSQL would keep them, and the BlobStore contract runs against it too.
S3=()
if [ -n "${TRIBUNE_TEST_S3_ENDPOINT:-}" ]; then
  S3=(-Dtribune.media.storage=s3 -Dtribune.media.s3.bucket=tribune-test
      -Dtribune.media.s3.endpoint="$TRIBUNE_TEST_S3_ENDPOINT" -Dtribune.media.s3.path-style=true
      -Dtribune.media.s3.create-bucket=true -Dtribune.media.s3.key-prefix=main)
fi

# db-kind is fixed when Quarkus builds the application; the tests build it for PostgreSQL here.
mvn -B verify "${S3[@]}" \
  -Dquarkus.datasource.db-kind=postgresql \
  "-D%test.quarkus.datasource.jdbc.url=$URL" \
  -Dquarkus.datasource.username="$DB_USER" \
  -Dquarkus.datasource.password="$DB_PASSWORD" \
  -Dtribune.test.postgresql-url="$URL"
