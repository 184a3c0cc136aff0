#!/usr/bin/env bash
# The launcher's own test, run by `./cryptotalks test` (stage 4) after the browser tests have stopped their system.
#   launcher/test.sh [COUNTS_FILE]
# Part 1, the supervisor alone, with stand-in services (a few seconds): back-off and giving up, the fatal first start,
#   stop/start/restart of one service, SIGKILL and restart, SIGTERM stopping everything; `rebuild` refusing a
#   worker without a scope and starting every instance again after a failed reset.
# Part 2, the real system from `./cryptotalks up --no-build` on a data folder of its own, on the usual ports (they
#   must be free): status parsed, a worker killed with SIGKILL reported and restarted while the API keeps answering
#   (GET /api/posts/list/0/1/desc/createdAt polled throughout), stop/start of a worker that stays stopped meanwhile,
#   restart of another, `rebuild posts-service`, `down` leaving nothing behind.
# Prints one line per check and "launcher: N passed, M failed"; writes "N M" to COUNTS_FILE; exits 1 on a failure.
# LAUNCHER_TEST_PART=1 runs part 1 alone.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
COUNTS=${1:-}
TMP=$(mktemp -d /tmp/cryptotalks-launcher-test.XXXXXX)
passed=0 failed=0
supervised=()   # data folders whose supervisor this test started
poller=""

cleanup() {
  [ -n "$poller" ] && { touch "$TMP/stop-polling"; wait "$poller" 2>/dev/null; }
  local data
  for data in "${supervised[@]}"; do
    CRYPTOTALKS_DATA=$data "$ROOT/cryptotalks" down >/dev/null 2>&1
  done
  wait 2>/dev/null
  if [ "$failed" -gt 0 ]; then
    local keep=${CRYPTOTALKS_DATA:-$ROOT/.data}/logs/launcher-test
    rm -rf "$keep"; mkdir -p "$keep"
    cp -r "$TMP"/. "$keep/" 2>/dev/null
    echo "launcher test: the logs of the failed run are in $keep"
  fi
  rm -rf "$TMP"
  echo "launcher: $passed passed, $failed failed"
  [ -z "$COUNTS" ] || echo "$passed $failed" >"$COUNTS"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

check() { # check DESCRIPTION COMMAND...
  if "${@:2}"; then passed=$((passed + 1)); printf '  ok      %s\n' "$1"
  else failed=$((failed + 1)); printf '  FAILED  %s\n' "$1"; fi
}

eventually() { # eventually SECONDS COMMAND...: until COMMAND passes
  local limit=$1 started=$SECONDS; shift
  until "$@"; do [ $((SECONDS - started)) -lt "$limit" ] || return 1; sleep 0.5; done
}

launcher() { # launcher DATA ARGS...: ./cryptotalks on that data folder
  local data=$1; shift
  CRYPTOTALKS_DATA=$data "$ROOT/cryptotalks" "$@"
}

row() { launcher "$1" status 2>/dev/null | awk -v name="$2" '$1 == name'; }   # row DATA SERVICE
column() { row "$1" "$2" | awk -v n="$3" '{print $n}'; }                     # column DATA SERVICE N (2 state, 3 pid, 6 health)
state_is() { [ "$(column "$1" "$2" 2)" = "$3" ]; }                            # state_is DATA SERVICE STATE
running_and_up() { [ "$(row "$1" "$2" | awk '{print $2 "/" $6}')" = "running/UP" ]; }
pid_of() { column "$1" "$2" 3; }
pid_changed() { local now; now=$(pid_of "$1" "$2"); [[ "$now" =~ ^[0-9]+$ ]] && [ "$now" != "$3" ]; }
gone() { ! kill -0 "$1" 2>/dev/null; }
logged() { grep -q -- "$2" "$1" 2>/dev/null; }                                # logged FILE TEXT
not_logged() { ! logged "$@"; }
same() { [ "$1" = "$2" ]; }

# ================================================================ part 1: the supervisor with stand-in services
echo "launcher test, part 1: the supervisor with stand-in services"
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then BIN=$JAVA_HOME/bin/; else BIN=""; fi
FAKE=$TMP/fake
mkdir -p "$FAKE/run" "$FAKE/logs" "$FAKE/launcher"
check "the supervisor compiles" "${BIN}javac" -d "$FAKE/launcher" "$ROOT/launcher/Supervisor.java"

fake_plan() { # stand-ins: "steady" runs until stopped; "flaky" becomes ready, then exits 3 after 1.5 s
  printf '%s\n' "backoff-ms 100" "max-backoff-ms 1000" "crash-limit 3" "crash-window-s 60" "stop-timeout-s 5" \
    group "service steady" "ready log:steady ready" "ready-timeout-s 10" \
    "arg sh" "arg -c" "arg echo steady ready; exec sleep 600" \
    group "service flaky" "ready log:flaky ready" "ready-timeout-s 10" \
    "arg sh" "arg -c" "arg echo flaky ready; sleep 1.5; exit 3"
}
fake_plan >"$FAKE/run/plan"
"${BIN}java" -cp "$FAKE/launcher" Supervisor "$FAKE/run/plan" "$FAKE/run" "$FAKE/logs" >"$FAKE/out" 2>&1 &
fake_supervisor=$!
supervised+=("$FAKE")
OUT=$FAKE/out
check "stand-ins start and the supervisor says it is up" eventually 20 logged "$OUT" "is up in"
check "a crash is reported with its exit status and restarted after 100 ms" eventually 10 logged "$OUT" "flaky died (exit status 3).*restarting it in 100 ms"
check "the second crash waits twice as long (200 ms)" eventually 10 logged "$OUT" "flaky died.*restarting it in 200 ms"
check "the third crash within the window gives up, loudly" eventually 10 logged "$OUT" "flaky died.*GIVING UP on it"
check "status: the given-up service is failed" state_is "$FAKE" flaky failed
check "status: the other one keeps running" state_is "$FAKE" steady running
sleep 1
check "a given-up service is not restarted" not_logged "$FAKE/logs/supervisor.log" "restarting it in 400 ms"
steady_pid=$(pid_of "$FAKE" steady)
kill -KILL "$steady_pid" 2>/dev/null
check "SIGKILL of a service is reported as such" eventually 10 logged "$OUT" "steady died (killed by SIGKILL"
check "and it is restarted with a new pid" eventually 10 pid_changed "$FAKE" steady "$steady_pid"
check "stop SERVICE answers" launcher "$FAKE" stop steady
check "a stopped service is stopped" state_is "$FAKE" steady stopped
sleep 1
check "and stays stopped (not restarted)" state_is "$FAKE" steady stopped
check "start SERVICE answers" launcher "$FAKE" start steady
check "it runs again" state_is "$FAKE" steady running
steady_pid=$(pid_of "$FAKE" steady)
check "restart SERVICE answers" launcher "$FAKE" restart steady
check "restart gives it a new pid" pid_changed "$FAKE" steady "$steady_pid"
check "start of a given-up service tries again" launcher "$FAKE" start flaky
check "an unknown service is refused" eval '! launcher "$FAKE" stop nosuch 2>/dev/null'
steady_pid=$(pid_of "$FAKE" steady)
kill -TERM "$fake_supervisor"
wait "$fake_supervisor"
check "SIGTERM stops the supervisor cleanly (exit status 143)" same "$?" 143
check "and the services with it" gone "$steady_pid"
check "and removes its control files" eval '! ls "$FAKE"/run/supervisor.* >/dev/null 2>&1'
supervised=()

# rebuild: the refusals before anything stops, and a failed reset that starts every instance of the worker again
# (stand-ins named after the workers; Kafka is a closed port, so the reset fails after its 10 s admin timeout)
if [ -f "$ROOT/posts-service/target/posts-service-0.1.0-SNAPSHOT-exec.jar" ] \
    && [ -f "$ROOT/users-service/target/users-service-0.1.0-SNAPSHOT-exec.jar" ]; then
  REB=$TMP/rebuild
  mkdir -p "$REB/run" "$REB/logs" "$REB/launcher"
  cp "$FAKE"/launcher/*.class "$REB/launcher/"
  { printf '%s\n' "backoff-ms 100" "max-backoff-ms 1000" "crash-limit 3" "crash-window-s 60" "stop-timeout-s 5" group
    for name in users-service posts-service posts-service-2; do
      printf '%s\n' "service $name" "ready log:$name ready" "ready-timeout-s 10" "arg sh" "arg -c" "arg echo $name ready; exec sleep 600"
    done; } >"$REB/run/plan"
  "${BIN}java" -cp "$REB/launcher" Supervisor "$REB/run/plan" "$REB/run" "$REB/logs" >"$REB/out" 2>&1 &
  rebuild_supervisor=$!
  supervised+=("$REB")
  check "rebuild stand-ins start" eventually 20 logged "$REB/out" "is up in"
  check "rebuild of a service that is no worker is refused" eval '! launcher "$REB" rebuild api-gateway 2>/dev/null'
  users_pid=$(pid_of "$REB" users-service)
  launcher "$REB" rebuild users-service >"$REB/users.out" 2>&1; status=$?
  check "rebuild of a worker without a declared scope fails, naming why" \
    eval '[ $status -ne 0 ] && logged "$REB/users.out" "users-service declares no rebuild scope"'
  check "and stops nothing" eval '[ "$(pid_of "$REB" users-service)" = "$users_pid" ] && state_is "$REB" users-service running'
  posts_pids="$(pid_of "$REB" posts-service) $(pid_of "$REB" posts-service-2)"
  KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9 launcher "$REB" rebuild posts-service >"$REB/posts.out" 2>&1; status=$?
  check "rebuild prints the scope, then stops every instance of the worker" \
    eval '[ $status -ne 0 ] && logged "$REB/posts.out" "truncate table posts" && logged "$REB/posts.out" "stopped posts-service-2"'
  check "a failed reset says nothing was rebuilt" logged "$REB/posts.out" "nothing was rebuilt; posts-service is running again"
  check "and both instances run again, with new pids" eval 'state_is "$REB" posts-service running && state_is "$REB" posts-service-2 running \
    && [ "$(pid_of "$REB" posts-service) $(pid_of "$REB" posts-service-2)" != "$posts_pids" ]'
  kill -TERM "$rebuild_supervisor"; wait "$rebuild_supervisor"
  supervised=()
else
  echo "  (rebuild checks skipped: the services' jars are not built)"
fi

printf '%s\n' group "service broken" "ready log:never" "ready-timeout-s 10" "arg sh" "arg -c" "arg echo broken on start; exit 7" \
  >"$FAKE/run/plan-broken"
"${BIN}java" -cp "$FAKE/launcher" Supervisor "$FAKE/run/plan-broken" "$FAKE/run" "$FAKE/logs" >"$FAKE/out-broken" 2>&1
check "a service that dies during the first start stops the launch (exit status 1)" same "$?" 1
check "naming the service, its exit status and its log" logged "$FAKE/out-broken" "broken stopped while starting (exit status 7.*broken.log"

# ================================================================ part 2: the real system
if [ "${LAUNCHER_TEST_PART:-}" = 1 ]; then exit "$((failed > 0))"; fi   # part 1 alone (while changing the supervisor)
echo "launcher test, part 2: ./cryptotalks up on a data folder of its own"
SYS=$TMP/system
mkdir -p "$SYS"
launcher "$SYS" up --no-build >"$TMP/up.out" 2>&1 &
up=$!
supervised+=("$SYS")
UP=$TMP/up.out
eventually 300 eval '[ -f "$SYS/run/supervisor.ready" ] || ! kill -0 $up 2>/dev/null'
if ! check "the system starts (its supervisor reports it ready within 300 s)" test -f "$SYS/run/supervisor.ready"; then
  tail -n 40 "$UP"
  exit 1
fi

http_status() { # http_status PORT PATH: the status code, 000 when nothing answers
  local line=""
  { exec 4<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || { echo 000; return; }
  printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$2" >&4
  IFS= read -r -t 5 line <&4
  exec 4<&- 4>&-
  line=${line#HTTP/1.? }; echo "${line:0:3}"
}

# the API, polled throughout what follows: one request every 0.3 s
( while [ ! -f "$TMP/stop-polling" ]; do
    echo "$(date +%T) $(http_status 3000 /api/posts/list/0/1/desc/createdAt)" >>"$TMP/api-polls"
    sleep 0.3
  done ) &
poller=$!

launcher "$SYS" status >"$TMP/status-1" 2>&1
cat "$TMP/status-1" | sed 's/^/    /'
status_row() { awk -v name="$1" '$1 == name' "$TMP/status-1"; }
row_healthy() { # SERVICE: running, a pid, an uptime, health UP
  local name state pid uptime restarts health
  read -r name state pid uptime restarts health _ <<<"$(status_row "$1")"
  [ "$state" = running ] && [[ "$pid" =~ ^[0-9]+$ ]] && [[ "$uptime" =~ ^[0-9]+(ms|s|m[0-9]{2}s|h[0-9]{2}m)$ ]] \
    && [ "$restarts" = 0 ] && [ "$health" = UP ]
}
row_details() { status_row "$1" | grep -Eq " $2\$"; }   # SERVICE REGEX: the DETAILS column
check "status: a header and one row per service" same "$(head -n 1 "$TMP/status-1" | awk '{print $1, $2, $3, $4, $5, $6, $7}')" \
  "SERVICE STATE PID UPTIME RESTARTS HEALTH DETAILS"
for service in devstack users-service auth-service posts-service crypto-rates-service api-gateway frontend; do
  check "status: $service running, with a pid and an uptime, no restarts, health UP" row_healthy "$service"
done
for service in users-service auth-service posts-service crypto-rates-service; do
  check "status: $service reports its consumer lag and dead letters" row_details "$service" "lag=[0-9]+ dead-letters=[0-9]+"
done
check "status: the gateway reports its outbox backlog" row_details api-gateway "outbox=[0-9]+"

posts_pid=$(pid_of "$SYS" posts-service)
kill -KILL "$posts_pid"
check "a worker killed with SIGKILL is reported" eventually 15 logged "$UP" "posts-service died (killed by SIGKILL"
check "the rest keep running (the gateway is not stopped)" running_and_up "$SYS" api-gateway
check "it is restarted with a new pid and is healthy again" eventually 180 eval 'pid_changed "$SYS" posts-service "$posts_pid" && running_and_up "$SYS" posts-service'
check "its return is reported" eventually 10 logged "$UP" "posts-service is back"

users_pid=$(pid_of "$SYS" users-service)
check "stop users-service" launcher "$SYS" stop users-service
check "users-service is stopped and its process gone" eval 'state_is "$SYS" users-service stopped && gone "$users_pid"'
sleep 4
check "and stays stopped (not restarted)" state_is "$SYS" users-service stopped
check "the API answers while a worker is stopped" same "$(http_status 3000 /api/posts/list/0/1/desc/createdAt)" 200
check "start users-service" launcher "$SYS" start users-service
check "users-service runs again, healthy" running_and_up "$SYS" users-service

auth_pid=$(pid_of "$SYS" auth-service)
check "restart auth-service" launcher "$SYS" restart auth-service
check "auth-service has a new pid and is healthy" eval 'pid_changed "$SYS" auth-service "$auth_pid" && running_and_up "$SYS" auth-service'
check "the web app still answers (GET / on :8080)" same "$(http_status 8080 /)" 200

launcher "$SYS" rebuild posts-service >"$TMP/rebuild.out" 2>&1; status=$?
check "rebuild posts-service: its tables from the log, the figures printed" \
  eval '[ $status -eq 0 ] && logged "$TMP/rebuild.out" "caught up: [0-9]* events re-applied, lag 0"'
[ "$status" -eq 0 ] || sed 's/^/    /' "$TMP/rebuild.out"
check "posts-service runs again, healthy" running_and_up "$SYS" posts-service

touch "$TMP/stop-polling"; wait "$poller"; poller=""
polls=$(wc -l <"$TMP/api-polls")
bad=$(awk '$2 != "200"' "$TMP/api-polls" | wc -l)
echo "    the API was polled $polls times while a worker was killed, stopped, started, restarted and rebuilt; $bad answers were not 200"
check "the API answered 200 throughout" eval '[ "$polls" -gt 20 ] && [ "$bad" -eq 0 ]'
[ "$bad" -eq 0 ] || awk '$2 != "200"' "$TMP/api-polls" | head -n 10

pids=$(cat "$SYS"/run/*.pid 2>/dev/null)
check "down stops everything" launcher "$SYS" down
wait "$up" 2>/dev/null
supervised=()
check "no process of the system is left" eval 'for pid in $pids; do ! kill -0 $pid 2>/dev/null || exit 1; done'
check "its ports are free again" eventually 15 eval '! (exec 5<>/dev/tcp/127.0.0.1/3000) 2>/dev/null && ! (exec 5<>/dev/tcp/127.0.0.1/19092) 2>/dev/null && ! (exec 5<>/dev/tcp/127.0.0.1/15432) 2>/dev/null'

[ "$failed" -eq 0 ]
