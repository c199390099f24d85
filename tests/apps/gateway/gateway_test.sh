#!/usr/bin/env bash
# Integration test of dpsctp-gateway (issue 6): started from each shipped config/*.yaml
# (test copies: memif or af_packet instead of the NIC, a unique --file-prefix, no
# hugepages, logs under a temp dir), with tests/runtime/stack's dpsctp_stack_peer as the
# client (exactly-once, in-order, byte-exact echo checks).
#
#   cli         --version, --help, usage errors, --check of every shipped config (exit 0,
#               "FILE: OK: ..."), --check of a broken copy (exit 2, FILE:LINE:COLUMN error)
#   echo        gateway.yaml listener s1ap, s1-mme.yaml (2 streams, dual-homed), and
#               gateway.yaml's second listener (diameter, 3868: Stack::add_endpoint) with a
#               pcapng capture that tshark reads: handshake, DATA/SACK, shutdown, every
#               CRC32c valid, nothing malformed
#   sink        diameter.yaml: exact message/byte counts in the final report; SIGTERM with
#               the association up: the client sees a graceful SHUTDOWN (RFC 9260 §9.2,
#               it exits 0 only on SHUTDOWN_COMP) and the gateway exits 0; the DPDK
#               telemetry commands /dpsctp/{stats,assocs,eps,snmp} with the association up
#   ppid        the accepted-PPID filter counts and drops the client's PPID; SIGHUP is
#               logged as not supported and the gateway keeps running
#   relay       relay.yaml: client -> relay -> upstream echo gateway on a Linux bridge in a
#               netns (af_packet); the upstream is killed and restarted mid-run and the
#               client's echo run still completes with exact checks
#
# Usage: gateway_test.sh GATEWAY_EXE PEER_EXE CONFIG_DIR
# Env:   GW_TEST_ONLY="echo relay" runs only those sections; GW_TEST_KEEP=1 keeps the temp dir.
set -u -o pipefail

GW=${1:?usage: gateway_test.sh GATEWAY_EXE PEER_EXE CONFIG_DIR}
PEER=${2:?}
CONF=${3:?}
HERE=$(cd "$(dirname "$0")" && pwd)
MK=(python3 "$HERE/make_test_config.py")
TAG="gwt$$"
DIR=$(mktemp -d "/tmp/${TAG}.XXXXXX")
NS="${TAG}_ns"
PEER_PPID=1685091171  # dpsctp_stack_peer's PPID ("dpsc")
PIDS=()
RC=0

cleanup() {
  for pid in "${PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; fi
  done
  ip netns del "$NS" 2>/dev/null
  if [[ "${GW_TEST_KEEP:-0}" == 1 ]]; then echo "kept $DIR"; else rm -rf "$DIR"; fi
  rm -rf /var/run/dpdk/"${TAG}"_* 2>/dev/null
}
trap cleanup EXIT INT TERM

fail() { echo "FAIL: $*"; RC=1; }
pass() { echo "PASS: $*"; }

# wait_pid PID SECONDS: its exit code, or 124 (and kill -9) after SECONDS.
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
line = [l for l in open(sys.argv[1]) if l.startswith("{")][-1]
v = json.loads(line)
for p in sys.argv[2].split("."):
    v = v[int(p)] if isinstance(v, list) else v[p]
print(v)
PY
}

# expect NAME ACTUAL WANTED
expect() {
  if [[ "$2" == "$3" ]]; then echo "  ok: $1 = $2"; else fail "$1 = $2, expected $3"; fi
}

# GW_TEST_ONLY="echo relay": run only these sections (cli echo sink ppid relay).
want() { [[ -z "${GW_TEST_ONLY:-}" || " $GW_TEST_ONLY " == *" $1 "* ]]; }

# --- cli ---------------------------------------------------------------------------------
cli_case() {
echo "== cli"
"$GW" --version | grep -q '^dpsctp-gateway [0-9]' && pass "--version" || fail "--version"
"$GW" --help | grep -q -- '--check' && pass "--help" || fail "--help"
"$GW" > /dev/null 2>&1; expect "exit code without --config" $? 2
"$GW" --bogus > /dev/null 2>&1; expect "exit code of an unknown option" $? 2
for f in gateway s1-mme diameter relay; do
  out=$("$GW" --config "$CONF/$f.yaml" --check); rc=$?
  if (( rc == 0 )) && [[ "$out" == "$CONF/$f.yaml: OK: "* ]]; then
    pass "--check $f.yaml: $out"
  else
    fail "--check $f.yaml: exit $rc: $out"
  fi
done
cp "$CONF/gateway.yaml" "$DIR/broken.yaml"
printf 'port:\n  device: net_memif0\n' >> "$DIR/broken.yaml"   # a duplicate key
printf 'bogus_section: 1\n' > "$DIR/unknown.yaml"
for f in broken unknown; do
  err=$("$GW" --config "$DIR/$f.yaml" --check 2>&1 >/dev/null); rc=$?
  if (( rc == 2 )) && [[ "$err" =~ ^$DIR/$f.yaml:[0-9]+:[0-9]+:\  ]]; then
    pass "--check $f.yaml refused: $err"
  else
    fail "--check $f.yaml: exit $rc: $err"
  fi
done
}
want cli && cli_case

# --- memif runs ----------------------------------------------------------------------------
GW_IP=10.77.0.1
CLI_IP=10.77.0.2

# memif_config SRC NAME [make_test_config args...]: $DIR/NAME.yaml, the gateway on lcore 0
# as the memif server; every listener also accepts the peer's PPID.
memif_config() {
  local src=$1 name=$2; shift 2
  local n addrs="[\"$GW_IP\"" i
  n=$(python3 -c 'import yaml,sys; print(len(yaml.safe_load(open(sys.argv[1]))["addresses"]))' "$src")
  for (( i = 1; i < n; i++ )); do addrs+=",\"10.77.$i.1\""; done   # keep multi-homing
  addrs+="]"
  local args=(--set 'eal.lcores=[0]' --set eal.hugepages=false --set eal.memory_mb=256
    --set "eal.file_prefix=\"${TAG}_$name\""
    --set "eal.vdevs=[\"net_memif0,role=server,socket=$DIR/$name.sock,socket-abstract=no,mac=02:00:00:77:00:01\"]"
    --set 'eal.pci=[]' --set 'eal.extra_args=[]' --set 'port.device="net_memif0"' --del port.vlan
    --set "addresses=$addrs" --del gateway
    --set 'logging.level="info"' --set "logging.file=\"$DIR/$name.log\""
    --set 'stats.interval="1s"' --set stats.telemetry=false)
  local count i
  count=$(python3 -c 'import yaml,sys; print(len(yaml.safe_load(open(sys.argv[1]))["listeners"]))' "$src")
  for (( i = 0; i < count; i++ )); do args+=(--append "listeners[$i].ppids=$PEER_PPID"); done
  "${MK[@]}" "$src" "$DIR/$name.yaml" "${args[@]}" "$@"
}

start_gw() {  # start_gw NAME [prefix command...]: GW_PID
  local name=$1; shift
  "$@" "$GW" --config "$DIR/$name.yaml" > "$DIR/$name.gw.out" 2> "$DIR/$name.gw.err" &
  GW_PID=$!
  PIDS+=("$GW_PID")
  sleep 0.5   # the memif server creates its socket before the client looks for it
}

stop_gw() {  # stop_gw NAME: SIGTERM, the exit code must be 0
  local name=$1 rc
  kill -TERM "$GW_PID" 2>/dev/null
  wait_pid "$GW_PID" 30; rc=$?
  expect "$name: gateway exit code after SIGTERM" "$rc" 0
  if (( rc != 0 )); then tail -n 20 "$DIR/$name.gw.err" "$DIR/$name.log" 2>/dev/null; fi
}

client() {  # client NAME PORT STREAMS MESSAGES [more stack_peer args]: exit code in CLIENT_RC
  local name=$1 port=$2 streams=$3 n=$4; shift 4
  "$PEER" --role client --vdev "net_memif0,role=client,socket=$DIR/$name.sock,socket-abstract=no,mac=02:00:00:77:00:02" \
    --lcore 1 --file-prefix "${TAG}_${name}_cli" --ip "$CLI_IP" --peer-ip "$GW_IP" \
    --sctp-port "$port" --streams "$streams" --messages "$n" --size 128 "$@" \
    > "$DIR/$name.cli.out" 2> "$DIR/$name.cli.err"
  CLIENT_RC=$?
  echo "  client: $(tail -n 1 "$DIR/$name.cli.out")"
}

# echo_case NAME SRC LISTENER_INDEX MESSAGES [capture]
echo_case() {
  local name=$1 src=$2 li=$3 n=$4 cap=${5:-} port streams
  echo "== echo: $name ($(basename "$src") listener $li, $n messages${cap:+, pcapng capture})"
  local extra=()
  [[ -n "$cap" ]] && extra=(--set "capture.file=\"$DIR/$name.pcapng\"")
  memif_config "$src" "$name" "${extra[@]}" || { fail "$name: config"; return; }
  read -r _ port _ out in _ < <("${MK[@]}" "$DIR/$name.yaml" --listeners | sed -n "$((li + 1))p")
  streams=$(( out < in ? out : in )); streams=$(( streams < 8 ? streams : 8 ))
  start_gw "$name"
  client "$name" "$port" "$streams" "$n" --timeout 60
  expect "$name: client exit code" "$CLIENT_RC" 0
  stop_gw "$name"
  expect "$name: gateway msgs_in" "$(jget "$DIR/$name.gw.out" "listeners.$li.msgs_in")" "$n"
  expect "$name: gateway msgs_out" "$(jget "$DIR/$name.gw.out" "listeners.$li.msgs_out")" "$n"
  expect "$name: ppid drops" "$(jget "$DIR/$name.gw.out" "listeners.$li.ppid_drops")" 0
  grep -q "assocs .* | in .* msg/s" "$DIR/$name.log" && echo "  ok: summary line logged" ||
    fail "$name: no periodic summary line in the log"
  [[ -n "$cap" ]] && capture_checks "$DIR/$name.pcapng"
}

# capture_checks FILE: tshark reads the pcapng; handshake, DATA/SACK and shutdown are in
# it, every SCTP checksum (CRC32c, RFC 9260 §6.8) verifies, no malformed packet.
capture_checks() {
  local f=$1
  if ! command -v tshark >/dev/null; then echo "SKIP: capture checks: no tshark"; return; fi
  [[ -s "$f" ]] || { fail "capture: $f missing or empty"; return; }
  tshark -r "$f" -o sctp.checksum:crc-32c -T fields -e sctp.chunk_type -e sctp.checksum.status \
    > "$DIR/cap.fields" 2> "$DIR/cap.err" || { fail "capture: tshark -r: $(head -3 "$DIR/cap.err")"; return; }
  local got
  got=$(python3 - "$DIR/cap.fields" <<'PY'
import sys
types, bad, sctp = set(), 0, 0
for line in open(sys.argv[1]):
    cols = line.rstrip("\n").split("\t")
    if len(cols) < 2 or not cols[0]:
        continue
    sctp += 1
    types.update(int(t) for t in cols[0].split(","))
    bad += cols[1] != "1"
names = {0: "DATA", 1: "INIT", 2: "INIT_ACK", 3: "SACK", 7: "SHUTDOWN", 8: "SHUTDOWN_ACK",
         10: "COOKIE_ECHO", 11: "COOKIE_ACK", 14: "SHUTDOWN_COMPLETE"}
print(" ".join(n for t, n in sorted(names.items()) if t in types), "| bad_checksums", bad,
      "| sctp_frames>100", sctp > 100)
PY
)
  expect "capture: chunk types seen, bad checksums" "$got" \
    "DATA INIT INIT_ACK SACK SHUTDOWN SHUTDOWN_ACK COOKIE_ECHO COOKIE_ACK SHUTDOWN_COMPLETE | bad_checksums 0 | sctp_frames>100 True"
  local malformed
  # The payloads are the peer's test pattern, not Diameter / S1AP: those dissectors off.
  malformed=$(tshark -r "$f" -o sctp.checksum:crc-32c --disable-protocol diameter \
    --disable-protocol s1ap -Y "_ws.malformed || _ws.expert.severity >= error" 2>/dev/null | wc -l)
  expect "capture: malformed or error-level expert frames" "$malformed" 0
}

if want echo; then
  echo_case gateway "$CONF/gateway.yaml" 0 20000
  echo_case s1mme "$CONF/s1-mme.yaml" 0 20000
  echo_case second_listener "$CONF/gateway.yaml" 1 5000 capture
fi

# --- sink + graceful stop with a live association -------------------------------------------
# telemetry_checks: the /dpsctp/* commands of the sink gateway, association up.
telemetry_checks() {
  local sock=/var/run/dpdk/${TAG}_sink/dpdk_telemetry.v2 q=(python3 "$HERE/telemetry_query.py")
  [[ -S "$sock" ]] || { fail "telemetry: no socket $sock"; return; }
  "${q[@]}" "$sock" /dpsctp/stats > "$DIR/t.stats" && "${q[@]}" "$sock" /dpsctp/assocs > "$DIR/t.assocs" &&
    "${q[@]}" "$sock" /dpsctp/eps > "$DIR/t.eps" && "${q[@]}" "$sock" /dpsctp/snmp > "$DIR/t.snmp" ||
    { fail "telemetry: query failed"; return; }
  echo "  telemetry /dpsctp/assocs: $(cat "$DIR/t.assocs")"
  local got
  got=$(python3 - "$DIR" <<'PY'
import json, sys
d = sys.argv[1]
st, asc, eps, snmp = (json.load(open(f"{d}/t.{n}")) for n in ("stats", "assocs", "eps", "snmp"))
rows = [v for k, v in asc.items() if k != "total"]
a = rows[0] if len(rows) == 1 else {}
ep = eps.get("diameter", {})
print(st["msgs_in"], st["associations"], asc["total"], a.get("state"), a.get("local_port"),
      a.get("peer_port"), a.get("peer_addresses"), ep.get("port"), ep.get("route"),
      snmp["SctpPassiveEstabs"], snmp["SctpCurrEstab"])
PY
)
  expect "telemetry: msgs_in assocs total state lport pport peers ep.port ep.route PassiveEstabs CurrEstab" \
    "$got" "500 1 1 ESTABLISHED 3868 3869 $CLI_IP 3868 sink 1 1"
}

sink_case() {
echo "== sink: diameter.yaml; SIGTERM with the association up"
memif_config "$CONF/diameter.yaml" sink --set stats.telemetry=true
read -r _ port route _ < <("${MK[@]}" "$DIR/sink.yaml" --listeners | head -n 1)
expect "diameter.yaml route" "$route" sink
start_gw sink
# 500 messages, all in one window: then the client waits for echoes that never come.
"$PEER" --role client --vdev "net_memif0,role=client,socket=$DIR/sink.sock,socket-abstract=no,mac=02:00:00:77:00:02" \
  --lcore 1 --file-prefix "${TAG}_sink_cli" --ip "$CLI_IP" --peer-ip "$GW_IP" --sctp-port "$port" \
  --streams 8 --messages 500 --window 500 --size 128 --timeout 30 \
  > "$DIR/sink.cli.out" 2> "$DIR/sink.cli.err" &
CPID=$!
PIDS+=("$CPID")
for _ in $(seq 1 100); do   # until the gateway's association is up and the messages are in
  grep -q "assocs 1 " "$DIR/sink.log" 2>/dev/null && break; sleep 0.1
done
sleep 1
telemetry_checks
kill -TERM "$GW_PID"
wait_pid "$CPID" 40; crc=$?
echo "  client: $(tail -n 1 "$DIR/sink.cli.out")"
expect "sink: client exit code (0 = SHUTDOWN_COMP, graceful)" "$crc" 0
grep -q '"echoes":0' "$DIR/sink.cli.out" && echo "  ok: no echo from a sink" || fail "sink: echoes"
wait_pid "$GW_PID" 20; expect "sink: gateway exit code after SIGTERM" $? 0
expect "sink: msgs_in" "$(jget "$DIR/sink.gw.out" listeners.0.msgs_in)" 500
expect "sink: bytes_in" "$(jget "$DIR/sink.gw.out" listeners.0.bytes_in)" 64000
expect "sink: msgs_out" "$(jget "$DIR/sink.gw.out" listeners.0.msgs_out)" 0
expect "sink: graceful shutdowns" "$(jget "$DIR/sink.gw.out" shutdowns)" 1
expect "sink: aborts" "$(jget "$DIR/sink.gw.out" aborteds)" 0
}
want sink && sink_case

# --- accepted-PPID filter ---------------------------------------------------------------------
ppid_case() {
echo "== ppid: s1ap accepts only PPID 18; the client's 50 messages are counted and dropped"
memif_config "$CONF/gateway.yaml" ppid --set 'listeners[0].ppids=[18]' --set 'shutdown.timeout="1s"'
start_gw ppid
client ppid 36412 8 50 --window 50 --timeout 4
expect "ppid: client exit code (1: no echo came back)" "$CLIENT_RC" 1
kill -HUP "$GW_PID"; sleep 1.5   # reload is not supported: logged, the process goes on
kill -0 "$GW_PID" 2>/dev/null && grep -q "SIGHUP: configuration reload is not supported" "$DIR/ppid.log" &&
  echo "  ok: SIGHUP logged as not supported, gateway still running" || fail "ppid: SIGHUP"
stop_gw ppid
expect "ppid: ppid_drops" "$(jget "$DIR/ppid.gw.out" listeners.0.ppid_drops)" 50
expect "ppid: msgs_in" "$(jget "$DIR/ppid.gw.out" listeners.0.msgs_in)" 0
}
want ppid && ppid_case

# --- relay over a Linux bridge in a netns ----------------------------------------------------
relay_case() {
  echo "== relay: relay.yaml; client -> relay -> upstream echo gateway; upstream restarted"
  if [[ $(id -u) -ne 0 ]] || ! command -v ip >/dev/null; then
    echo "SKIP: relay needs root and iproute2"; return
  fi
  if ! { ip netns add "$NS" && ip -n "$NS" link add br0 type bridge &&
         ip -n "$NS" link set br0 up && ip -n "$NS" link set lo up; } 2>"$DIR/ns.err"; then
    echo "SKIP: relay: cannot create a netns/bridge: $(cat "$DIR/ns.err")"; return
  fi
  local i
  for i in 1 2 3; do
    ip -n "$NS" link add "g${i}a" type veth peer name "g${i}b" &&
      ip -n "$NS" link set "g${i}b" master br0 && ip -n "$NS" link set "g${i}b" up &&
      ip -n "$NS" link set "g${i}a" up || { fail "relay: veth $i"; return; }
  done
  local nsx=(ip netns exec "$NS")
  local common=(--set eal.hugepages=false --set 'eal.pci=[]' --set 'eal.extra_args=[]'
    --set 'port.device="net_af_packet0"' --del port.vlan --del gateway
    --set 'logging.level="info"' --set 'stats.interval="1s"' --set stats.telemetry=false)
  # The upstream: gateway.yaml's s1ap echo listener on g1 (10.78.0.10).
  "${MK[@]}" "$CONF/gateway.yaml" "$DIR/up.yaml" "${common[@]}" --set 'eal.lcores=[0]' \
    --set "eal.file_prefix=\"${TAG}_up\"" --set 'eal.vdevs=["net_af_packet0,iface=g1a"]' \
    --set 'addresses=["10.78.0.10"]' --set "logging.file=\"$DIR/up.log\"" \
    --append "listeners[0].ppids=$PEER_PPID" --append "listeners[1].ppids=$PEER_PPID"
  # The relay on g2 (10.78.0.1): relay.yaml with its pool pointed at the upstream. Short
  # retransmission timers so the dead upstream is noticed within seconds.
  "${MK[@]}" "$CONF/relay.yaml" "$DIR/relay.yaml" "${common[@]}" --set 'eal.lcores=[1]' \
    --set "eal.file_prefix=\"${TAG}_relay\"" --set 'eal.vdevs=["net_af_packet0,iface=g2a"]' \
    --set 'addresses=["10.78.0.1"]' --set "logging.file=\"$DIR/relay.log\"" \
    --set 'upstreams[0].members=[{"addresses":["10.78.0.10"],"port":36412}]' \
    --set 'upstreams[0].reconnect_interval="500ms"' \
    --set 'tunables.rto_initial="300ms"' --set 'tunables.rto_min="200ms"' \
    --set 'tunables.rto_max="1s"' --append "listeners[0].ppids=$PEER_PPID"
  "${nsx[@]}" "$GW" --config "$DIR/up.yaml" > "$DIR/up.gw.out" 2> "$DIR/up.gw.err" &
  local up=$!; PIDS+=("$up")
  GW_PID=""
  start_gw relay "${nsx[@]}"
  local relay=$GW_PID
  sleep 2
  # --window 1: one message in flight end to end, so a SIGKILLed upstream cannot take an
  # acknowledged message with it unanswered (its SACK and its echo leave in one packet):
  # every message the relay hands back (RFC 6458 §6.1.4) is one the upstream never
  # answered, and the exactly-once check stays exact. With a wider window, messages the
  # dead upstream had acknowledged but not yet answered are lost with it — no relay can
  # recover those (SCTP acknowledges delivery to the application, not its answer).
  local n=400   # slow: three busy-polling processes share 2 CPUs, one message in flight
  "${nsx[@]}" "$PEER" --role client --vdev net_af_packet0,iface=g3a --lcore 0 \
    --file-prefix "${TAG}_rcli" --ip 10.78.0.2 --peer-ip 10.78.0.1 --sctp-port 36412 \
    --messages "$n" --size 128 --streams 8 --window 1 --timeout 150 \
    > "$DIR/rcli.out" 2> "$DIR/rcli.err" &
  local cpid=$!; PIDS+=("$cpid")
  for _ in $(seq 1 100); do
    grep -q "assocs 2 | in [1-9]" "$DIR/relay.log" 2>/dev/null && break; sleep 0.1
  done
  sleep 0.5
  echo "  killing the upstream (SIGKILL) mid-run"
  kill -9 "$up"; wait "$up" 2>/dev/null
  sleep 1
  "${nsx[@]}" "$GW" --config "$DIR/up.yaml" > "$DIR/up2.gw.out" 2> "$DIR/up2.gw.err" &
  up=$!; PIDS+=("$up")
  wait_pid "$cpid" 160; local crc=$?
  echo "  client: $(tail -n 1 "$DIR/rcli.out")"
  expect "relay: client exit code (exact echo run through the restart)" "$crc" 0
  GW_PID=$relay; stop_gw relay
  kill -TERM "$up"; wait_pid "$up" 20; expect "relay: upstream exit code" $? 0
  expect "relay: client msgs_in" "$(jget "$DIR/relay.gw.out" listeners.0.msgs_in)" "$n"
  expect "relay: client msgs_out" "$(jget "$DIR/relay.gw.out" listeners.0.msgs_out)" "$n"
  local fails conns
  fails=$(jget "$DIR/relay.gw.out" listeners.0.upstream_failures)
  conns=$(jget "$DIR/relay.gw.out" listeners.0.upstream_connects)
  echo "  relay: upstream_failures=$fails upstream_connects=$conns resent=$(jget "$DIR/relay.gw.out" listeners.0.upstream_resent)"
  (( fails >= 1 && conns >= 2 )) && echo "  ok: failed over" || fail "relay: no failover seen"
  if (( crc != 0 )); then tail -n 5 "$DIR/rcli.err" "$DIR/relay.log" "$DIR/relay.gw.err"; fi
}
want relay && relay_case

(( RC == 0 )) && echo "ALL PASS" || echo "SOME FAILED"
exit $RC
