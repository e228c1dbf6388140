#!/usr/bin/env bash
# A real S3 API on localhost for the tests, without Docker: S3Proxy (org.gaul:s3proxy) with its filesystem backend.
#
#   eval "$(scripts/s3proxy.sh start)"   fetches S3Proxy with Maven, starts it, waits for it, and prints the
#                                        settings to export (AWS_* for the SDK, TRIBUNE_TEST_S3_ENDPOINT)
#   scripts/s3proxy.sh stop              stops it and removes its data
# Settings: S3PROXY_PORT (9199).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${S3PROXY_PORT:-9199}
HOME_DIR=target/s3proxy
case "${1:-}" in
  start)
    mkdir -p "$HOME_DIR/data"
    mvn -B -q -f scripts/s3proxy/pom.xml dependency:copy-dependencies -DoutputDirectory="$PWD/$HOME_DIR/lib" >&2
    cat > "$HOME_DIR/s3proxy.conf" <<CONF
s3proxy.endpoint=http://127.0.0.1:$PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=tribune-test
s3proxy.credential=tribune-test-secret
jclouds.provider=filesystem
jclouds.filesystem.basedir=$PWD/$HOME_DIR/data
CONF
    LOG_LEVEL=info nohup java -cp "$HOME_DIR/lib/*" org.gaul.s3proxy.Main --properties "$HOME_DIR/s3proxy.conf" \
      > "$HOME_DIR/s3proxy.log" 2>&1 < /dev/null &
    echo $! > "$HOME_DIR/pid"
    for _ in $(seq 1 60); do
      [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/")" != 000 ] && break
      sleep 1
    done
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/")" != 000 ] \
      || { echo "S3Proxy did not start: $(tail -5 "$HOME_DIR/s3proxy.log")" >&2; exit 1; }
    echo "export AWS_ACCESS_KEY_ID=tribune-test AWS_SECRET_ACCESS_KEY=tribune-test-secret AWS_REGION=us-east-1"
    echo "export TRIBUNE_TEST_S3_ENDPOINT=http://127.0.0.1:$PORT"
    ;;
  stop)
    if [ -f "$HOME_DIR/pid" ]; then kill "$(cat "$HOME_DIR/pid")" 2> /dev/null || true; rm -f "$HOME_DIR/pid"; fi
    rm -rf "$HOME_DIR/data"
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
