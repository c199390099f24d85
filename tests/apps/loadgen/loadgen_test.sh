#!/usr/bin/env bash
# Integration test of dpsctp-loadgen: runs it for a few seconds per scenario against an
# echo server over memif and checks each JSON report's invariants (python3): ok, sent ==
# echoed, nothing lost or corrupted, no association failure, histogram bucket counts sum
# to the sample count, msgs/s > 0; churn: handshakes/s > 0.
#
# Server: dpsctp-gateway with a copy of config/gateway.yaml (temp socket, unique file
# prefix) when GATEWAY_EXE is given and exists: scenarios echo, s1ap, diameter, churn and
# multihome (IPv4 + IPv6 paths, the IPv4 one cut mid-run). Otherwise dpsctp_stack_peer
# --role server (one association, exits after it closes): echo only.
#
# Usage: loadgen_test.sh LOADGEN_EXE STACK_PEER_EXE [GATEWAY_EXE GATEWAY_YAML]
# Env:   LOADGEN_SECONDS (default 3) per scenario.
set -u -o pipefail

LOADGEN=${1:?usage: loadgen_test.sh LOADGEN_EXE STACK_PEER_EXE [GATEWAY_EXE GATEWAY_YAML]}
PEER=${2:?stack peer executable}
GATEWAY=${3:-}
GATEWAY_YAML=${4:-}
SECONDS_PER=${LOADGEN_SECONDS:-3}
TAG="lg_test_$$"
DIR=$(mktemp -d "/tmp/${TAG}.XXXXXX")
SOCK="$DIR/memif.sock"
SERVER_PID=""
RC=0

cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null
  fi
  rm -rf "$DIR" /var/run/dpdk/"${TAG}"_* 2>/dev/null
}
trap cleanup EXIT INT TERM

# wait_pid PID SECONDS: its exit code, or 124 (and kill -9) after SECONDS.
wait_pid() {
  local pid=$1 limit=$2 t=0
  while kill -0 "$pid" 2>/dev/null; do
    if (( t >= limit * 10 )); then kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; return 124; fi
    sleep 0.1; t=$((t + 1))
  done
  wait "$pid"
}

MEMIF_CLIENT="net_memif0,role=client,socket=$SOCK,socket-abstract=no,mac=02:00:00:64:00:02"
LG_COMMON=(--vdev "$MEMIF_CLIENT" --lcore 1 --file-prefix "${TAG}_lg" --timeout 20)

start_gateway() {
  sed -e "s#/tmp/dpsctp-demo/memif.sock#$SOCK#" -e "s#file_prefix: dpsctp-gw#file_prefix: ${TAG}_gw#" \
    "$GATEWAY_YAML" > "$DIR/gateway.yaml"
  "$GATEWAY" --config "$DIR/gateway.yaml" > "$DIR/gateway.$1.log" 2>&1 &
  SERVER_PID=$!
  sleep 0.5
}

stop_server() {
  local rc=0
  if [[ -n "$SERVER_PID" ]]; then
    kill -TERM "$SERVER_PID" 2>/dev/null
    wait_pid "$SERVER_PID" 20 || rc=$?
    SERVER_PID=""
  fi
  return $rc
}

# check_json FILE SCENARIO: the report's invariants.
check_json() {
  python3 - "$1" "$2" <<'PY'
import json, sys
path, scenario = sys.argv[1], sys.argv[2]
r = json.load(open(path))
errs = []
def need(cond, what):
    if not cond: errs.append(what)
t, m, a = r["total"], r["measured"], r["associations"]
need(r["ok"] is True, "ok is false: " + r["error"])
need(r["config"]["scenario"] == scenario, "config.scenario")
need(t["sent_msgs"] > 0, "nothing sent")
need(t["sent_msgs"] == t["received_msgs"], "sent %d != echoed %d" % (t["sent_msgs"], t["received_msgs"]))
need(t["sent_bytes"] == t["received_bytes"], "sent bytes != echoed bytes")
need(r["lost"] == 0, "lost %d" % r["lost"])
need(all(v == 0 for v in r["echo_errors"].values()), "echo errors %s" % r["echo_errors"])
need(a["failed_comm_lost"] == 0 and a["failed_cant_start"] == 0 and a["connect_refused"] == 0,
     "association failures")
need(a["established"] == a["closed_gracefully"] and a["established"] > 0, "not all closed gracefully")
for h in ("rtt", "handshake"):
    need(sum(b[2] for b in r[h]["buckets"]) == r[h]["count"], h + ": bucket counts != count")
    b = r[h]["buckets"]
    need(all(x[0] <= x[1] for x in b) and all(b[i][1] < b[i + 1][0] for i in range(len(b) - 1)),
         h + ": buckets not ordered")
need(r["rtt"]["count"] == m["received_msgs"], "rtt samples != measured echoes")
need(r["rtt"]["p50"] <= r["rtt"]["p99"] <= r["rtt"]["max"], "percentiles not monotonic")
need(m["received_msgs_per_s"] > 0 and m["sent_msgs_per_s"] > 0, "msgs/s is 0")
if scenario == "churn":
    need(a["established"] > 1 and a["handshakes_per_s"] > 0, "churn: no handshakes/s")
    need(r["handshake"]["count"] == a["established"], "handshake samples != established")
if scenario == "multihome":
    need(r["paths"]["cut_frames_dropped"] > 0, "multihome: the cut dropped nothing")
if errs:
    print("FAIL %s: %s" % (scenario, "; ".join(errs)))
    sys.exit(1)
print("json %s: sent=%d echoed=%d msgs/s=%.0f p50=%.1fus p99=%.1fus assocs=%d handshakes/s=%.1f"
      % (scenario, t["sent_msgs"], t["received_msgs"], m["received_msgs_per_s"],
         r["rtt"]["p50"] / 1e3, r["rtt"]["p99"] / 1e3, a["established"], a["handshakes_per_s"]))
PY
}

# run_scenario NAME LOADGEN_ARGS...: one loadgen run and its checks.
run_scenario() {
  local name=$1; shift
  echo "== $name: dpsctp-loadgen $*"
  "$LOADGEN" "${LG_COMMON[@]}" --json "$DIR/$name.json" "$@" > "$DIR/$name.out" 2> "$DIR/$name.err" &
  local pid=$! rc
  wait_pid "$pid" 90; rc=$?
  cat "$DIR/$name.out"
  if (( rc != 0 )); then
    echo "--- loadgen stderr"; tail -n 20 "$DIR/$name.err"
    echo "FAIL: $name: loadgen exit $rc"; return 1
  fi
  check_json "$DIR/$name.json" "${name%%-*}" || return 1
  echo "PASS: $name"
}

LG_IP=(--ip 192.168.100.2 --peer-ip 192.168.100.1)
if [[ -n "$GATEWAY" && -x "$GATEWAY" && -f "$GATEWAY_YAML" ]]; then
  echo "server: dpsctp-gateway ($GATEWAY)"
  scenario() {  # scenario NAME ARGS...: a fresh gateway per scenario
    local name=$1; shift
    start_gateway "$name"
    run_scenario "$name" "$@" || RC=1
    if ! stop_server; then echo "FAIL: $name: gateway did not stop cleanly"; RC=1; fi
    if (( RC != 0 )); then echo "--- gateway log"; tail -n 20 "$DIR/gateway.$name.log"; fi
  }
  scenario echo "${LG_IP[@]}" --scenario echo --ppid 18 --associations 4 --streams 4 \
    --window 32 --size 256 --duration "$SECONDS_PER" --warmup 0.5
  scenario s1ap "${LG_IP[@]}" --scenario s1ap --associations 4 --streams 8 --rate 5000 \
    --duration "$SECONDS_PER"
  scenario diameter "${LG_IP[@]}" --port 3868 --scenario diameter --associations 2 --streams 4 \
    --window 16 --duration "$SECONDS_PER"
  scenario churn "${LG_IP[@]}" --scenario churn --ppid 18 --associations 8 --rate 200 \
    --duration "$SECONDS_PER"
  scenario multihome --ip 192.168.100.2 --ip fd00:100::2 --peer-ip 192.168.100.1 \
    --peer-ip fd00:100::1 --scenario multihome --ppid 18 --associations 1 --streams 2 \
    --rate 2000 --duration "$SECONDS_PER" --cut-path-at 1.5
else
  echo "server: dpsctp_stack_peer --role server (no gateway): echo, one association"
  "$PEER" --role server --vdev "net_memif0,role=server,socket=$SOCK,socket-abstract=no" \
    --lcore 0 --file-prefix "${TAG}_srv" --ip 192.168.100.1 --peer-ip 192.168.100.2 \
    --streams 4 --timeout 60 > "$DIR/peer.out" 2> "$DIR/peer.err" &
  SERVER_PID=$!
  sleep 0.5
  run_scenario echo "${LG_IP[@]}" --scenario echo --associations 1 --streams 4 --window 32 \
    --duration "$SECONDS_PER" --warmup 0.5 --port 36412 || RC=1
  wait_pid "$SERVER_PID" 20 || { echo "FAIL: stack peer exit"; tail -n 5 "$DIR/peer.err"; RC=1; }
  SERVER_PID=""
fi
exit $RC
