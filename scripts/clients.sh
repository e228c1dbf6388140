#!/usr/bin/env bash
# The spec as integrators use it: lint openapi.yaml with Spectral and Redocly, generate a TypeScript client
# (openapi-typescript + openapi-fetch) and a Java client (openapi-generator, java/native), compile both with no hand
# edits, and run the example program of each (clients/) against a live instance with the demo section.
# Needs Java 17, Maven, Node.js 20+ and npm; the npm packages' versions are pinned in package.json and package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PORT=8191
PASSWORD=clients-example-password

(cd tools/spec && npm ci --no-audit --no-fund && npm run lint)
echo "ok: openapi.yaml passes spectral:oas (0 errors, 0 warnings) and Redocly recommended (0 errors)"

(cd clients/typescript && npm ci --no-audit --no-fund && npm run generate && npm run build)
echo "ok: the TypeScript client compiles with tsc --strict"
(cd clients/java && mvn -B -q clean package)
SCHEMAS=$(sed -n '/^  schemas:/,/^  [a-z]/p' openapi.yaml | sed -n 's/^    \([A-Za-z0-9]*\):$/\1/p')
for model in clients/java/target/generated-sources/openapi/src/gen/java/main/org/tribune/client/model/*.java; do
  name=$(basename "$model" .java)
  if [ "$name" != AbstractOpenApiSchema ] && ! printf '%s\n' "$SCHEMAS" | grep -qx "$name"; then
    echo "FAILED: the Java client has a class $name that no schema of openapi.yaml names" >&2; exit 1
  fi
done
echo "ok: the Java client compiles, and names each model class after a schema of the spec"

if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/"; then
  echo "FAILED: port $PORT is already in use; stop what listens there first" >&2; exit 1
fi
mvn -B -q package -DskipTests
WORK=$(mktemp -d)
APP=
cleanup() { if [ -n "$APP" ]; then kill "$APP" 2> /dev/null || true; wait "$APP" 2> /dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT
QUARKUS_HTTP_PORT=$PORT TRIBUNE_DATA_DIR="$WORK/data" TRIBUNE_DEMO=true TRIBUNE_ADMIN_PASSWORD=$PASSWORD \
  java -jar target/quarkus-app/quarkus-run.jar > "$WORK/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 120); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" && break; sleep 1; done
curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" || { cat "$WORK/app.log" >&2; echo "FAILED: not ready" >&2; exit 1; }

export TRIBUNE_URL="http://127.0.0.1:$PORT" TRIBUNE_USERNAME=admin TRIBUNE_PASSWORD=$PASSWORD
(cd clients/typescript && npm start)
(cd clients/java && mvn -B -q exec:java)
cd "$ROOT"
echo "clients: all checks passed"
