# Sourced by the scripts that run Tribune on a local PostgreSQL (started by scripts/test-postgresql.sh).

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Prints the JDBC URL of an empty database: the URL given ($1), or else a local database named $2, created anew.
empty_database() {
  if [ -n "$1" ]; then echo "$1"; return; fi
  as_root su postgres -c "dropdb --if-exists $2 && createdb -O ${PGUSER:-tribune} $2" >&2
  echo "jdbc:postgresql://localhost:5432/$2"
}

# Runs a command with the datasource settings for the database at URL $1. It replaces the shell it runs in, so
# that `on_database ... &` leaves in $! the pid of the command itself, which the scripts stop at exit; run it
# in a subshell, ( on_database ... ), to wait for it.
on_database() {
  local url=$1; shift
  exec env QUARKUS_DATASOURCE_JDBC_URL="$url" QUARKUS_DATASOURCE_USERNAME="${PGUSER:-tribune}" \
    QUARKUS_DATASOURCE_PASSWORD="${PGPASSWORD:-tribune}" "$@"
}

# Stops the script when something already listens on the port: an instance left over from an interrupted run
# would answer the readiness checks in place of the one about to start.
require_free_port() {
  if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$1/"; then
    echo "FAILED: port $1 is already in use; stop what listens there first" >&2; exit 1
  fi
}

# Runs psql, with the remaining arguments, on the database at JDBC URL $1.
psql_url() {
  local url=$1; shift
  [[ "$url" =~ ^jdbc:postgresql://([^:/]+)(:([0-9]+))?/([^?]+) ]] || { echo "cannot read host and database from $url" >&2; return 1; }
  PGPASSWORD="${PGPASSWORD:-tribune}" psql -h "${BASH_REMATCH[1]}" -p "${BASH_REMATCH[3]:-5432}" \
    -U "${PGUSER:-tribune}" -d "${BASH_REMATCH[4]}" "$@"
}

# Builds target/quarkus-app for the database kind $1 (h2 or postgresql), unless it was already built for that kind
# from the same sources: CI's scripts run one after another on one commit, and each used to rebuild the same jar.
# Outside a git work tree it always builds.
package_for() {
  local kind=$1 stamp=target/quarkus-app/.built-for fingerprint=
  if git rev-parse --git-dir > /dev/null 2>&1; then
    fingerprint="$kind $({ git rev-parse HEAD; git status --porcelain --untracked-files=all -- src pom.xml;
      git diff HEAD -- src pom.xml; } | sha256sum | cut -d' ' -f1)"
    if [ -f "$stamp" ] && [ -f target/quarkus-app/quarkus-run.jar ] && [ "$(cat "$stamp")" = "$fingerprint" ]; then
      echo "target/quarkus-app is already built for $kind from these sources" >&2
      return
    fi
  fi
  rm -f "$stamp"
  mvn -B -q package -DskipTests -Dquarkus.datasource.db-kind="$kind"
  [ -z "$fingerprint" ] || echo "$fingerprint" > "$stamp"
}
