# Sourced by the scripts that run Tribune on a local PostgreSQL (started by scripts/test-postgresql.sh).

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Prints the JDBC URL of an empty database: the URL given ($1), or else a local database named $2, created anew.
empty_database() {
  if [ -n "$1" ]; then echo "$1"; return; fi
  as_root su postgres -c "dropdb --if-exists $2 && createdb -O ${PGUSER:-tribune} $2" >&2
  echo "jdbc:postgresql://localhost:5432/$2"
}

# Runs a command with the datasource settings for the database at URL $1.
on_database() {
  local url=$1; shift
  env QUARKUS_DATASOURCE_JDBC_URL="$url" QUARKUS_DATASOURCE_USERNAME="${PGUSER:-tribune}" \
    QUARKUS_DATASOURCE_PASSWORD="${PGPASSWORD:-tribune}" "$@"
}
