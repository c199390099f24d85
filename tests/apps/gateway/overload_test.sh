#!/usr/bin/env bash
# Overload and graceful-stop test of dpsctp-gateway's echo route (issue 10), with
# dpsctp-loadgen over net_memif (gateway lcore 0, loadgen lcore 1):
#
#   backpressure  the gateway's send buffer is tiny (8 KB), the client keeps 1,500 messages
#                 outstanding per association (closed loop, 4 associations): the echo backlog
#                 must hold far more than the send buffer, and instead of an ABORT
#                 ("echo backlog overflow") the backlog's bytes close the client's window
#                 (RFC 9260 §6.2, Endpoint::set_receive_held). Checks: every message echoed
#                 exactly once (loadgen ok), no backlog ABORT, the backlog high water above
#                 what the old fixed bound allowed (512 messages of 128 B) and below what the
#                 receive window admits (256 KB / (128 + 16) B = 1820, plus the in-flight slack).
#   stop          full load (closed loop, 4 associations x window 64), SIGTERM to the gateway
#                 mid-run: every association ends with SHUTDOWN_COMP at the client (no
#                 COMM_LOST), the gateway exits 0, and the accounting is exact: the client's
#                 sent = echoed + SEND_FAILED + unanswered, and its unanswered count equals the
#                 gateway's stop_unanswered (messages the client had queued when our SHUTDOWN
#                 came: RFC 9260 §9.2 lets it send them, and forbids us to answer).
#
# Usage: overload_test.sh GATEWAY_EXE LOADGEN_EXE CONFIG_DIR
# Env:   OVL_TEST_ONLY="stop" runs only those sections; OVL_TEST_KEEP=1 keeps the temp dir.
set -u -o pipefail

GW=${1:?usage: overload_test.sh GATEWAY_EXE LOADGEN_EXE CONFIG_DIR}
LG=${2:?}
CONF=${3:?}
HERE=$(cd "$(dirname "$0")" && pwd)
TAG="relay_ovl$$"
DIR=$(mktemp -d "/tmp/${TAG}.XXXXXX")
SOCK="$DIR/memif.sock"
PIDS=()
RC=0

cleanup() {
  for pid in "${PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; fi
  done
  if [[ "${OVL_TEST_KEEP:-0}" == 1 ]]; then echo "kept $DIR"; else rm -rf "$DIR"; fi
  rm -rf /var/run/dpdk/"${TAG}"_* 2>/dev/null
}
trap cleanup EXIT INT TERM

fail() { echo "FAIL: $*"; RC=1; }
pass() { echo "PASS: $*"; }
want() { [[ -z "${OVL_TEST_ONLY:-}" || " $OVL_TEST_ONLY " == *" $1 "* ]]; }
expect() { if [[ "$2" == "$3" ]]; then echo "  ok: $1 = $2"; else fail "$1 = $2, expected $3"; fi; }
# expect_range NAME VALUE LOW HIGH (inclusive)
expect_range() {
  if (( $2 >= $3 && $2 <= $4 )); then echo "  ok: $1 = $2 (in [$3, $4])"; else fail "$1 = $2, not in [$3, $4]"; fi
}

wait_pid() {
  local pid=$1 limit=$2 t=0
  while kill -0 "$pid" 2>/dev/null; do
    if (( t >= limit * 10 )); then kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; return 124; fi
    sleep 0.1; t=$((t + 1))
  done
  wait "$pid"
}

# jget FILE PATH: a field of the last JSON line of FILE (PATH like listeners.0.msgs_in).
jget() {
  python3 - "$1" "$2" <<'PY'
import json, sys
line = [l for l in open(sys.argv[1]) if l.lstrip().startswith("{")][-1]
v = json.loads(line)
for p in sys.argv[2].split("."):
    v = v[int(p)] if isinstance(v, list) else v[p]
print(v)
PY
}
# rget FILE PATH: a field of the loadgen's JSON report (one document).
rget() {
  python3 - "$1" "$2" <<'PY'
import json, sys
v = json.load(open(sys.argv[1]))
for p in sys.argv[2].split("."):
    v = v[int(p)] if isinstance(v, list) else v[p]
print(v)
PY
}

# start_gateway NAME [make_test_config.py args...]: a copy of config/gateway.yaml on $SOCK.
start_gateway() {
  local name=$1; shift
  python3 "$HERE/make_test_config.py" "$CONF/gateway.yaml" "$DIR/$name.yaml" \
    --set "eal.vdevs=[\"net_memif0,role=server,socket=$SOCK,socket-abstract=no\"]" \
    --set "eal.file_prefix=\"${TAG}_gw\"" --set 'eal.lcores=[0]' "$@" || return 1
  rm -f "$SOCK"
  "$GW" --config "$DIR/$name.yaml" > "$DIR/$name.gw.out" 2> "$DIR/$name.gw.err" &
  GW_PID=$!
  PIDS+=("$GW_PID")
  for _ in $(seq 200); do
    [[ -S "$SOCK" ]] && return 0
    kill -0 "$GW_PID" 2>/dev/null || break
    sleep 0.1
  done
  tail -n 5 "$DIR/$name.gw.err"
  return 1
}

# start_loadgen NAME ARGS...: 4 associations, 128 B echo, PPID 18 (the s1ap listener).
start_loadgen() {
  local name=$1; shift
  "$LG" --vdev "net_memif0,role=client,socket=$SOCK,socket-abstract=no" --lcore 1 \
    --file-prefix "${TAG}_lg" --ip 192.168.100.2 --peer-ip 192.168.100.1 --port 36412 \
    --scenario echo --size 128 --ppid 18 --associations 4 --streams 4 --timeout 30 \
    --json "$DIR/$name.json" "$@" > "$DIR/$name.lg.out" 2> "$DIR/$name.lg.err" &
  LG_PID=$!
  PIDS+=("$LG_PID")
}

if want backpressure; then
  echo "== backpressure: tiny send buffer, 1500 outstanding per association"
  if start_gateway bp --set 'tunables.send_buffer=8192' --set 'tunables.receive_window=262144'; then
    start_loadgen bp --window 1500 --messages 120000
    wait_pid "$LG_PID" 120; lrc=$?
    kill -TERM "$GW_PID"; wait_pid "$GW_PID" 30; grc=$?
    expect "loadgen exit" "$lrc" 0
    expect "gateway exit" "$grc" 0
    if [[ -s "$DIR/bp.json" ]]; then
      expect "loadgen ok" "$(rget "$DIR/bp.json" ok)" True
      expect "echoed" "$(rget "$DIR/bp.json" total.received_msgs)" 120000
      expect "client COMM_LOST" "$(rget "$DIR/bp.json" associations.failed_comm_lost)" 0
    else
      fail "no loadgen report"; tail -n 5 "$DIR/bp.lg.err"
    fi
    expect "gateway backlog_aborts" "$(jget "$DIR/bp.gw.out" backlog_aborts)" 0
    expect "gateway aborteds" "$(jget "$DIR/bp.gw.out" aborteds)" 0
    expect_range "gateway backlog_high_water" "$(jget "$DIR/bp.gw.out" backlog_high_water)" 513 2400
    (( RC == 0 )) && pass "backpressure: the window closed, nothing ABORTed or lost"
  else
    fail "the gateway did not start"
  fi
fi

if want stop; then
  echo "== stop: SIGTERM to the gateway under full closed-loop load"
  if start_gateway stop; then
    start_loadgen stop --window 64 --duration 60 --expect-peer-shutdown
    # Full load for 3 s (the associations are up well before), then the graceful stop.
    sleep 3
    kill -TERM "$GW_PID"; wait_pid "$GW_PID" 30; grc=$?
    wait_pid "$LG_PID" 60; lrc=$?
    expect "gateway exit" "$grc" 0
    expect "loadgen exit" "$lrc" 0
    if [[ -s "$DIR/stop.json" ]]; then
      R="$DIR/stop.json"
      sent=$(rget "$R" total.sent_msgs); echoed=$(rget "$R" total.received_msgs)
      failed=$(rget "$R" echo_errors.send_failed_events)
      unanswered=$(rget "$R" associations.unanswered_at_peer_shutdown)
      echo "  client: sent $sent echoed $echoed send_failed $failed unanswered $unanswered"
      expect "loadgen ok" "$(rget "$R" ok)" True
      expect "client SHUTDOWN_COMP" "$(rget "$R" associations.closed_gracefully)" 4
      expect "client peer SHUTDOWNs" "$(rget "$R" associations.peer_shutdowns)" 4
      expect "client COMM_LOST" "$(rget "$R" associations.failed_comm_lost)" 0
      expect "sent = echoed + failed + unanswered" "$sent" "$((echoed + failed + unanswered))"
      expect "gateway msgs_in = sent" "$(jget "$DIR/stop.gw.out" msgs_in)" "$sent"
      expect "gateway msgs_out = echoed" "$(jget "$DIR/stop.gw.out" msgs_out)" "$echoed"
      expect "gateway stop_unanswered = client unanswered" \
        "$(jget "$DIR/stop.gw.out" stop_unanswered)" "$unanswered"
      expect "gateway shutdowns" "$(jget "$DIR/stop.gw.out" shutdowns)" 4
      expect "gateway aborteds" "$(jget "$DIR/stop.gw.out" aborteds)" 0
      (( echoed > 1000 )) || fail "only $echoed echoes before the stop: not under load"
    else
      fail "no loadgen report"; tail -n 5 "$DIR/stop.lg.err"
    fi
    (( RC == 0 )) && pass "stop: SHUTDOWN on every association, every message accounted"
  else
    fail "the gateway did not start"
  fi
fi

exit $RC
