#!/usr/bin/env bash
# End-to-end echo benchmark (issue 9): dpsctp-loadgen <-> dpsctp-gateway over DPDK
# net_memif, two processes, one busy-polling worker lcore each (gateway lcore 0, loadgen
# lcore 1), 128-byte messages, PPID 18 (S1AP), the gateway's `route: echo` listener.
#
#   (a) maximum rate: closed loop, E2E_ASSOCS associations x window E2E_WINDOW messages
#       outstanding each, for SECONDS -> max msgs/s (echoes received per second)
#   (b) open loop (paced, `--rate`) at 10 %, 50 % and 90 % of that maximum -> msgs/s
#       achieved and round-trip latency p50 / p99 / p99.9 (loadgen's histogram: the send
#       time travels in the payload, every echo is verified exactly once and byte-exact)
#   (c) optional, E2E_STACK_PEER=path/to/dpsctp_stack_peer: the same closed loop against
#       dpsctp_stack_peer --role server with 1 and with 2 shards (the gateway itself runs
#       one shard only: see docs/performance.md "Scaling")
#
# Usage: bench/e2e_memif.sh GATEWAY_EXE LOADGEN_EXE [SECONDS]
#   SECONDS  measured seconds per point (default 5; each point also has 1 s of warm-up)
# Env: E2E_OUT=FILE (write the JSON that bench/report.py --e2e merges), E2E_ASSOCS (4),
#      E2E_WINDOW (64), E2E_SIZE (128), E2E_STREAMS (4), E2E_STACK_PEER (unset: skip (c)).
# Overload: when the loadgen offers more than the gateway can echo, the gateway's echo
# backlog closes the loadgen's receive window (RFC 9260 §6.2) instead of ABORTing, so an
# open-loop point falls short of its offered rate (loadgen_send_backpressure counts the
# sends its full send buffer refused) rather than failing.
# Prints one line per point (and the gateway's cumulative stats line after it). Numbers
# only, never a verdict on speed: a point whose loadgen reports loss or an association
# failure (an overloaded open loop) is printed and recorded as FAILED with its reason,
# and the script goes on; it exits 1 when something could not run at all (a process
# that does not start, no report, the closed-loop maximum itself failing), else 0.
# Needs root (memif sockets, /var/run/dpdk). Everything it starts is stopped by PID and
# its temp directory and DPDK runtime directories are removed on every exit path.
set -u -o pipefail

GATEWAY=${1:?usage: e2e_memif.sh GATEWAY_EXE LOADGEN_EXE [SECONDS]}
LOADGEN=${2:?usage: e2e_memif.sh GATEWAY_EXE LOADGEN_EXE [SECONDS]}
SECS=${3:-5}
ASSOCS=${E2E_ASSOCS:-4}
WINDOW=${E2E_WINDOW:-64}
SIZE=${E2E_SIZE:-128}
STREAMS=${E2E_STREAMS:-4}
OUT=${E2E_OUT:-}
STACK_PEER=${E2E_STACK_PEER:-}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
YAML="$ROOT/config/gateway.yaml"
TAG="dpsctp_e2e_$$"
DIR=$(mktemp -d "/tmp/${TAG}.XXXXXX")
SOCK="$DIR/memif.sock"
SERVER_PID=""
LG_PID=""

cleanup() {
  local p
  for p in "$LG_PID" "$SERVER_PID"; do
    if [[ -n "$p" ]] && kill -0 "$p" 2>/dev/null; then
      kill -TERM "$p" 2>/dev/null
      for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$p" 2>/dev/null
      wait "$p" 2>/dev/null
    fi
  done
  rm -rf "$DIR" /var/run/dpdk/"${TAG}"_* 2>/dev/null
}
trap cleanup EXIT
trap 'exit 130' INT TERM

die() { echo "e2e_memif: $*" >&2; exit 1; }
[[ -x "$GATEWAY" ]] || die "gateway executable '$GATEWAY' not found"
[[ -x "$LOADGEN" ]] || die "loadgen executable '$LOADGEN' not found"
[[ "$(id -u)" -eq 0 ]] || die "DPDK needs root here (memif sockets, /var/run/dpdk)"

# wait_pid PID SECONDS: its exit code, or 124 (after kill -9) once SECONDS have passed.
wait_pid() {
  local pid=$1 limit=$2 t=0
  while kill -0 "$pid" 2>/dev/null; do
    if (( t >= limit * 10 )); then kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; return 124; fi
    sleep 0.1; t=$((t + 1))
  done
  wait "$pid"
}

# wait_socket: the memif client does not retry a socket that is not there yet, and EAL
# start-up takes seconds on a loaded machine.
wait_socket() {
  for _ in $(seq 200); do
    [[ -S "$SOCK" ]] && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

start_gateway() {
  sed -e "s#/tmp/dpsctp-demo/memif.sock#$SOCK#" -e "s#file_prefix: dpsctp-gw#file_prefix: ${TAG}_gw#" \
    "$YAML" > "$DIR/gateway.yaml"
  grep -q "$SOCK" "$DIR/gateway.yaml" && grep -q "${TAG}_gw" "$DIR/gateway.yaml" ||
    die "config/gateway.yaml changed: its memif socket or file_prefix line was not found"
  rm -f "$SOCK"
  "$GATEWAY" --config "$DIR/gateway.yaml" > "$DIR/gateway.log" 2>&1 &
  SERVER_PID=$!
  wait_socket || { tail -n 20 "$DIR/gateway.log" >&2; die "the gateway did not start"; }
}

# start_stack_peer SHARDS: dpsctp_stack_peer's echo server, exits after ASSOCS closed.
start_stack_peer() {
  rm -f "$SOCK"
  "$STACK_PEER" --role server --vdev "net_memif0,role=server,socket=$SOCK,socket-abstract=no" \
    --lcore 0 --lcores "$1" --file-prefix "${TAG}_sp$1" --ip 192.168.100.1 \
    --peer-ip 192.168.100.2 --associations "$ASSOCS" --streams "$STREAMS" --timeout 300 \
    > "$DIR/stack_peer.$1.out" 2> "$DIR/stack_peer.$1.err" &
  SERVER_PID=$!
  wait_socket || { tail -n 20 "$DIR/stack_peer.$1.err" >&2; die "the stack peer did not start"; }
}

stop_server() {
  local rc=0
  if [[ -n "$SERVER_PID" ]]; then
    kill -TERM "$SERVER_PID" 2>/dev/null
    wait_pid "$SERVER_PID" 30 || rc=$?
    SERVER_PID=""
  fi
  return $rc
}

NPOINT=0
# run_point NAME LOADGEN_ARGS...: one loadgen run -> $DIR/NAME.json, one printed line.
run_point() {
  local name=$1; shift
  NPOINT=$((NPOINT + 1))
  "$LOADGEN" --vdev "net_memif0,role=client,socket=$SOCK,socket-abstract=no" --lcore 1 \
    --file-prefix "${TAG}_lg" --ip 192.168.100.2 --peer-ip 192.168.100.1 --port 36412 \
    --local-port $((40000 + 100 * NPOINT)) --scenario echo --size "$SIZE" --ppid 18 \
    --associations "$ASSOCS" --streams "$STREAMS" --duration "$SECS" --warmup 1 \
    --timeout 60 --json "$DIR/$name.json" "$@" > "$DIR/$name.out" 2> "$DIR/$name.err" &
  LG_PID=$!
  local rc=0
  wait_pid "$LG_PID" $((SECS + 120)) || rc=$?
  LG_PID=""
  # The gateway's last per-second stats line (cumulative rtx, net drops, backlog).
  [[ -f "$DIR/gateway.log" ]] && grep 'assocs .* rtx' "$DIR/gateway.log" | tail -n 1 > "$DIR/$name.gw"
  if [[ ! -s "$DIR/$name.json" ]]; then
    cat "$DIR/$name.out" >&2; tail -n 20 "$DIR/$name.err" >&2
    [[ -f "$DIR/gateway.log" ]] && tail -n 5 "$DIR/gateway.log" >&2
    die "$name: loadgen exit $rc and no report"
  fi
  # A report with ok=false (loss, an association failure: e.g. an overloaded open loop) is
  # a result: it is printed and recorded as failed. Only the maximum point must succeed.
  python3 - "$DIR/$name.json" "$name" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
m, t = r["measured"], r["rtt"]
offered = ("%.0f" % r["config"]["rate"]) if r["config"]["rate"] > 0 else "closed"
if not r["ok"]:
    print("e2e_memif %-14s offered=%-9s FAILED lost=%d: %s" % (sys.argv[2], offered, r["lost"], r["error"]))
    sys.exit(1)
print("e2e_memif %-14s offered=%-9s msgs_per_s=%.0f p50_us=%.1f p99_us=%.1f p99_9_us=%.1f "
      "max_us=%.1f loadgen_retransmitted=%d loadgen_send_backpressure=%d" % (
          sys.argv[2], offered, m["received_msgs_per_s"], t["p50"] / 1e3, t["p99"] / 1e3,
          t["p99_9"] / 1e3, t["max"] / 1e3, r["sctp"]["retransmitted_chunks"],
          r.get("send_backpressure", 0)))
PY
  local ok=$?
  [[ -s "$DIR/$name.gw" ]] && sed 's/^.*\] /  gateway: /' "$DIR/$name.gw"
  return $ok
}

rate_of() {  # rate_of NAME: measured echoes per second of a finished point
  python3 -c 'import json,sys; print(int(json.load(open(sys.argv[1]))["measured"]["received_msgs_per_s"]))' \
    "$DIR/$1.json"
}

echo "e2e_memif: gateway + loadgen over net_memif, ${SIZE} B echo, PPID 18, $ASSOCS associations," \
  "$STREAMS streams, ${SECS} s per point (+1 s warm-up); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
start_gateway
POINTS=(max)
FAILED=0
run_point max --window "$WINDOW" || die "the closed-loop (maximum) run failed"
MAX=$(rate_of max)
(( MAX > 0 )) || die "maximum rate is 0"
for pct in 10 50 90; do
  run_point "open_$pct" --rate $((MAX * pct / 100)) || FAILED=$((FAILED + 1))
  POINTS+=("open_$pct")
done
stop_server || die "the gateway did not stop cleanly (exit $?)"
mv "$DIR/gateway.log" "$DIR/gateway.done.log"  # the stack-peer points have no gateway line

if [[ -n "$STACK_PEER" ]]; then
  [[ -x "$STACK_PEER" ]] || die "E2E_STACK_PEER '$STACK_PEER' is not executable"
  for shards in 1 2; do
    start_stack_peer "$shards"
    run_point "peer_shards_$shards" --window "$WINDOW" || FAILED=$((FAILED + 1))
    POINTS+=("peer_shards_$shards")
    # It exits by itself once the associations have closed (after a 1.5 s linger).
    rc=0; wait_pid "$SERVER_PID" 30 || rc=$?
    SERVER_PID=""
    (( rc == 0 )) || echo "e2e_memif: warning: dpsctp_stack_peer ($shards shards) exit $rc" \
      "after a successful run: $(tail -n 3 "$DIR/stack_peer.$shards.err" | tr '\n' ' ')" >&2
    tail -n 1 "$DIR/stack_peer.$shards.out" > "$DIR/peer_shards_$shards.server.json" 2>/dev/null
  done
fi

if [[ -n "$OUT" ]]; then
  python3 - "$OUT" "$DIR" "$SECS" "$ASSOCS" "$WINDOW" "$SIZE" "$STREAMS" "${POINTS[@]}" <<'PY'
import json, os, sys, time
out, d, secs, assocs, window, size, streams = sys.argv[1:8]
points = []
for name in sys.argv[8:]:
    r = json.load(open(os.path.join(d, name + ".json")))
    m, t = r["measured"], r["rtt"]
    p = {"name": name, "mode": r["config"]["mode"], "offered_msgs_per_s": r["config"]["rate"],
         "msgs_per_s": m["received_msgs_per_s"], "sent_msgs_per_s": m["sent_msgs_per_s"],
         "messages": m["received_msgs"], "seconds": m["seconds"],
         "rtt_ns": {k: t[k] for k in ("min", "p50", "p90", "p99", "p99_9", "max", "mean")},
         "ok": r["ok"], "error": r["error"], "lost": r["lost"],
         "send_backpressure": r.get("send_backpressure"), "sctp": r.get("sctp")}
    gw = os.path.join(d, name + ".gw")
    if os.path.exists(gw):
        p["gateway_stats_line"] = open(gw).read().strip().split("] ")[-1]
    server = os.path.join(d, name + ".server.json")
    if os.path.exists(server):
        try:
            p["server"] = json.load(open(server))
        except ValueError:
            pass
    points.append(p)
doc = {"benchmark": "e2e_memif", "date": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime()),
       "load_avg_after": [float(x) for x in open("/proc/loadavg").read().split()[:3]],
       "config": {"seconds": float(secs), "warmup_s": 1.0, "associations": int(assocs),
                  "window": int(window), "size": int(size), "streams": int(streams), "ppid": 18,
                  "gateway_lcores": 1, "loadgen_lcores": 1},
       "points": points}
with open(out, "w") as f:
    json.dump(doc, f, indent=1)
print("e2e_memif: wrote " + out)
PY
fi
(( FAILED == 0 )) || echo "e2e_memif: $FAILED point(s) FAILED (recorded as such): see above"
exit 0
