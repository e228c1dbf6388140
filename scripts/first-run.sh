#!/usr/bin/env bash
# What a newcomer does first, on a fresh clone: run the README's run command, wait until Tribune is ready, read the
# demo posts, sign in with the README's helper, and stop it, once with Ctrl-C (SIGINT to the terminal's process
# group) and once with a SIGTERM to Maven alone. The command and the helper are read from the README, so the two
# cannot drift apart. Needs only Java 17, Maven, git and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
PORT=8080

# The first line of the code block that follows the marker comment, without its trailing comment.
readme_block_after() {
  awk -v marker="$1" 'index($0, marker) { found = 1; next } found && /^```/ { if (open) exit; open = 1; next }
    found && open { print }' README.md
}
RUN_COMMAND=$(readme_block_after "first-run.sh runs the first command" | sed -n '1s/[[:space:]]*#.*$//p')
SIGNIN=$(readme_block_after "first-run.sh checks this helper" | sed -n '/^signin() {/,/^}/p')
[ -n "$RUN_COMMAND" ] || { echo "FAILED: no run command found in README.md" >&2; exit 1; }
[ -n "$SIGNIN" ] || { echo "FAILED: no signin() helper found in README.md" >&2; exit 1; }
echo "README run command: $RUN_COMMAND"

if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/"; then
  echo "FAILED: port $PORT is already in use; stop what listens there first" >&2; exit 1
fi

WORK=$(mktemp -d)
RUNNING=
cleanup() {
  if [ -n "$RUNNING" ]; then kill -KILL -- "-$RUNNING" 2> /dev/null || true; fi
  pkill -KILL -f "$WORK/clone/target/quarkus-app/quarkus-run.jar" 2> /dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
git clone -q "$REPO" "$WORK/clone"
# CI checks what is committed; a developer running this by hand wants to try the working tree, so its changed and
# new files are carried over.
# (On a clean tree there is nothing to carry, and tar would refuse the empty archive.)
if [ -z "${CI:-}" ] && [ -n "$(git ls-files --modified --others --exclude-standard)" ]; then
  git ls-files -z --modified --others --exclude-standard | xargs -0 -r tar -cf - | tar -xf - -C "$WORK/clone"
fi

# Starts the README command in the fresh clone, in a process group of its own as a terminal would, and waits for
# readiness. Sets RUNNING to the group (and leader) id.
start() {
  local log=$1
  set -m
  (cd "$WORK/clone" && exec bash -c "$RUN_COMMAND") > "$log" 2>&1 &
  RUNNING=$!
  set +m
  for _ in $(seq 1 600); do
    if curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; then return; fi
    if ! kill -0 "$RUNNING" 2> /dev/null; then cat "$log" >&2; echo "FAILED: the run command ended before ready" >&2; exit 1; fi
    sleep 1
  done
  cat "$log" >&2; echo "FAILED: not ready after 10 minutes" >&2; exit 1
}

# Sends a signal, waits for the command to end, and checks that it ended cleanly: an exit status of 0 or the
# signal's own (130, 143), no BUILD FAILURE, no application left running.
stop_with() {
  local signal=$1 target=$2 log=$3 status=0 expected
  kill "-$signal" -- "$target"
  for _ in $(seq 1 60); do kill -0 "$RUNNING" 2> /dev/null || break; sleep 1; done
  if kill -0 "$RUNNING" 2> /dev/null; then echo "FAILED: still running 60 s after SIG$signal" >&2; exit 1; fi
  wait "$RUNNING" || status=$?
  RUNNING=
  expected=$([ "$signal" = INT ] && echo 130 || echo 143)
  if [ "$status" != 0 ] && [ "$status" != "$expected" ]; then
    cat "$log" >&2; echo "FAILED: exit status $status after SIG$signal" >&2; exit 1
  fi
  if grep -q "BUILD FAILURE\|\[ERROR\]" "$log"; then cat "$log" >&2; echo "FAILED: Maven reported an error after SIG$signal" >&2; exit 1; fi
  for _ in $(seq 1 30); do pgrep -f "$WORK/clone/target/quarkus-app/quarkus-run.jar" > /dev/null || break; sleep 1; done
  if pgrep -f "$WORK/clone/target/quarkus-app/quarkus-run.jar" > /dev/null; then
    echo "FAILED: the application outlived Maven after SIG$signal" >&2; exit 1
  fi
  grep -q "tribune stopped in" "$log" || { cat "$log" >&2; echo "FAILED: no clean shutdown after SIG$signal" >&2; exit 1; }
  echo "ok: SIG$signal to $([ "${target#-}" != "$target" ] && echo "the process group" || echo Maven) stopped it cleanly (exit $status)"
}

start "$WORK/first.log"
echo "ok: ready on a fresh clone"

for noise in 'Unrecognized configuration key' 'newer than the version Flyway' 'has been relocated' 'WARN  \[io.qua'; do
  if grep -q "$noise" "$WORK/first.log"; then
    grep "$noise" "$WORK/first.log" >&2; echo "FAILED: start-up noise: $noise" >&2; exit 1
  fi
done
echo "ok: no start-up warnings but the first admin's password"

POSTS=$(curl -fsS "http://127.0.0.1:$PORT/api/v1/posts?category=droits-humains&size=10")
case $POSTS in *'"totalItems":'[1-9]*) ;; *) echo "FAILED: no demo posts: $POSTS" >&2; exit 1 ;; esac
echo "ok: demo posts listed ($(printf '%s' "$POSTS" | sed -E 's/.*"totalItems":([0-9]+).*/\1/') in droits-humains)"

PASSWORD=$(sed -n 's/^ *password: //p' "$WORK/first.log" | head -n 1)
[ -n "$PASSWORD" ] || { echo "FAILED: no generated admin password in the log" >&2; exit 1; }
eval "$SIGNIN"
TOKEN=$(signin "$PASSWORD")
case $TOKEN in ey*.*.*) echo "ok: the README's signin() returns an access token" ;;
  *) echo "FAILED: signin() printed '$TOKEN'" >&2; exit 1 ;; esac
if WRONG=$(signin "not the password" 2> "$WORK/signin.err"); then
  echo "FAILED: signin() succeeded with a wrong password" >&2; exit 1
fi
[ -z "$WRONG" ] || { echo "FAILED: signin() printed '$WRONG' on a wrong password" >&2; exit 1; }
grep -q "sign-in failed: .*unauthorized" "$WORK/signin.err" || { cat "$WORK/signin.err" >&2; echo "FAILED: no reason on stderr" >&2; exit 1; }
echo "ok: signin() fails loudly on a wrong password: $(head -c 120 "$WORK/signin.err")"

stop_with INT "-$RUNNING" "$WORK/first.log"

start "$WORK/second.log"
stop_with TERM "$RUNNING" "$WORK/second.log"
echo "first run: all checks passed"
