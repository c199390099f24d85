#!/usr/bin/env bash
# Interoperability of dpsctp with usrsctp (an independent SCTP stack, the FreeBSD one in
# user space). usrsctp runs over raw IPv4 in namespace NS_U (kernel address on VETH_U),
# dpsctp on net_af_packet in NS_D (VETH_D has no kernel address: dpsctp answers ARP).
# Every scenario runs both ways (dpsctp server + usrsctp client, usrsctp server + dpsctp
# client), is captured on VETH_U with dumpcap and checked by check_capture.sh (CRC32c of
# every SCTP packet, tshark expert errors). Both peers check delivery exactly (payload.h).
#
# Usage: interop_test.sh DPSCTP_PEER USRSCTP_PEER CHECK_CAPTURE_SH
# Env:   IOP_MESSAGES (bulk scenarios, default 10000), IOP_ONLY (regex of scenario names),
#        IOP_KEEP=DIR (keep the captures and logs there).
set -u -o pipefail

DPS=${1:?usage: interop_test.sh DPSCTP_PEER USRSCTP_PEER CHECK_CAPTURE_SH}
USR=${2:?}
CHECK=${3:?}
MSGS=${IOP_MESSAGES:-10000}
ONLY=${IOP_ONLY:-.}
TAG="iop$$"
DIR=$(mktemp -d "/tmp/${TAG}.XXXXXX")
NS_D="${TAG}_d"
NS_U="${TAG}_u"
VETH_D="${TAG}d"  # at most 15 characters
VETH_U="${TAG}u"
IP_D=10.98.0.1
IP_U=10.98.0.2
PIDS=()
RC=0
PASSED=0
PACKETS=0

cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
  ip netns del "$NS_D" 2>/dev/null
  ip netns del "$NS_U" 2>/dev/null
  rm -rf /var/run/dpdk/"${TAG}"_* 2>/dev/null
  if [[ -n "${IOP_KEEP:-}" ]]; then mkdir -p "$IOP_KEEP" && cp -r "$DIR"/. "$IOP_KEEP"/; fi
  rm -rf "$DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM  # exit (and so clean up) at once, not after the running step

if [[ $(id -u) -ne 0 ]] || ! command -v ip >/dev/null || ! command -v tshark >/dev/null ||
  ! command -v dumpcap >/dev/null; then
  echo "SKIP: the interop suite needs root, iproute2 and tshark (dumpcap)"
  exit 77
fi
if ! { ip netns add "$NS_D" && ip netns add "$NS_U" &&
  ip link add "$VETH_D" type veth peer name "$VETH_U" &&
  ip link set "$VETH_D" netns "$NS_D" && ip link set "$VETH_U" netns "$NS_U" &&
  ip -n "$NS_U" addr add "$IP_U/24" dev "$VETH_U" &&
  ip -n "$NS_D" link set "$VETH_D" up && ip -n "$NS_U" link set "$VETH_U" up &&
  ip -n "$NS_D" link set lo up && ip -n "$NS_U" link set lo up; } 2>"$DIR/setup.err"; then
  echo "SKIP: cannot create network namespaces / veth: $(cat "$DIR/setup.err")"
  exit 77
fi

# wait_pid PID SECONDS: its exit code, or 124 (and kill it) after SECONDS.
wait_pid() {
  local pid=$1 limit=$2 t=0
  while kill -0 "$pid" 2>/dev/null; do
    if ((t >= limit * 10)); then kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; return 124; fi
    sleep 0.1; t=$((t + 1))
  done
  wait "$pid"
}
# wait_for FILE TEXT SECONDS
wait_for() {
  local t=0
  until grep -q "$2" "$1" 2>/dev/null; do
    ((t >= $3 * 10)) && return 1
    sleep 0.1; t=$((t + 1))
  done
}
json_has() { grep -q "\"$2\":$3" "$1"; }

dps() {  # dpsctp peer in NS_D on lcore 0
  ip netns exec "$NS_D" "$DPS" --vdev "net_af_packet0,iface=$VETH_D" --lcore 0 \
    --file-prefix "${TAG}_$1" --ip "$IP_D" --peer-ip "$IP_U" "${@:2}"
}
usr() { ip netns exec "$NS_U" "$USR" --ip "$IP_U" "$@"; }

# scenario NAME SERVER(dpsctp|usrsctp) CLIENT_END SERVER_END MESSAGES SIZES [CLIENT ARGS...]
# CLIENT_END/SERVER_END: shutdown | abort | peer (see the peers' --end).
scenario() {
  local name=$1 server=$2 cend=$3 send=$4 n=$5 sizes=$6
  shift 6
  [[ $name =~ $ONLY ]] || return 0
  local out="$DIR/$name" common=(--port 5000 --timeout 300)
  echo "== $name: $server server (--end $send), client --end $cend, $n messages of $sizes B $*"
  ip netns exec "$NS_U" dumpcap -q -i "$VETH_U" -w "$out.pcapng" >"$out.dumpcap" 2>&1 &
  local cap=$!
  PIDS+=("$cap")
  wait_for "$out.dumpcap" "Capturing on" 10 || sleep 1
  local spid cpid
  if [[ $server == dpsctp ]]; then
    dps srv --role server --end "$send" --port 5000 --timeout 300 >"$out.server" 2>"$out.server.err" &
    spid=$!
    wait_for "$out.server.err" "port up" 30
    usr --role client --peer-ip "$IP_D" --port 5001 --peer-port 5000 --messages "$n" \
      --sizes "$sizes" --end "$cend" --timeout 240 "$@" >"$out.client" 2>"$out.client.err" &
    cpid=$!
  else
    usr --role server --end "$send" "${common[@]}" >"$out.server" 2>"$out.server.err" &
    spid=$!
    wait_for "$out.server.err" "listening" 10
    dps cli --role client --port 5001 --peer-port 5000 --messages "$n" --sizes "$sizes" \
      --end "$cend" --timeout 240 "$@" >"$out.client" 2>"$out.client.err" &
    cpid=$!
  fi
  PIDS+=("$spid" "$cpid")
  local crc src
  wait_pid "$cpid" 300; crc=$?
  wait_pid "$spid" 30; src=$?
  sleep 0.3
  kill -INT "$cap" 2>/dev/null; wait "$cap" 2>/dev/null
  echo "client exit $crc: $(tail -n 1 "$out.client")"
  echo "server exit $src: $(tail -n 1 "$out.server")"
  local fail=""
  ((crc == 0 && src == 0)) || fail="exit codes $crc/$src"
  # Each side saw the end the other one made (RFC 9260 §9.1 ABORT, §9.2 SHUTDOWN).
  case "$cend/$send" in
    shutdown/*) json_has "$out.server" end_how '"shutdown_comp"' &&
      json_has "$out.server" shutdown_event true || fail+=" server did not see the SHUTDOWN" ;;
    abort/*) json_has "$out.server" end_how '"comm_lost"' || fail+=" server did not see the ABORT" ;;
    peer/shutdown) json_has "$out.client" end_how '"shutdown_comp"' &&
      json_has "$out.client" shutdown_event true || fail+=" client did not see the SHUTDOWN" ;;
    peer/abort) json_has "$out.client" end_how '"comm_lost"' || fail+=" client did not see the ABORT" ;;
  esac
  json_has "$out.server" messages "$n" || fail+=" server recorded a wrong message count"
  local chk
  chk=$(bash "$CHECK" "$out.pcapng" 4 2>&1) || fail+=" capture check failed"
  echo "$chk"
  if [[ -n "$fail" ]]; then
    echo "--- client stderr"; tail -n 5 "$out.client.err"
    echo "--- server stderr"; tail -n 5 "$out.server.err"
    echo "FAIL: $name:$fail"
    RC=1
    return 1
  fi
  # The checker itself must fail on damage: corrupt bytes of the first capture (editcap).
  if [[ $name == echo_dpsctp_server ]] && command -v editcap >/dev/null; then
    editcap -E 0.002 "$out.pcapng" "$out.bad.pcapng" >/dev/null 2>&1
    if bash "$CHECK" "$out.bad.pcapng" 4 >"$out.bad.check" 2>&1; then
      echo "FAIL: $name: check_capture.sh accepted a corrupted capture"; RC=1; return 1
    fi
    echo "checker self-test: corrupted copy rejected ($(head -n 1 "$out.bad.check"))"
    rm -f "$out.bad.pcapng"
  fi
  PASSED=$((PASSED + 1))
  PACKETS=$((PACKETS + $(grep -o '[0-9]* SCTP packets' <<<"$chk" | cut -d' ' -f1)))
  rm -f "$out.pcapng"  # large; the failing ones stay (IOP_KEEP=DIR copies them out)
  echo "PASS: $name"
}

# restart: the usrsctp client (port 5001) is killed with its association up and a new one
# starts on the same port. RFC 9260 §5.2.2: dpsctp must take the new INIT / COOKIE ECHO as
# a restart of the peer (SCTP_RESTART), and the second run must complete on it.
restart_scenario() {
  local name=restart_usrsctp_client_dpsctp_server out="$DIR/restart"
  [[ $name =~ $ONLY ]] || return 0
  echo "== $name: usrsctp client killed after 500 echoes, restarted on the same port"
  ip netns exec "$NS_U" dumpcap -q -i "$VETH_U" -w "$out.pcapng" >"$out.dumpcap" 2>&1 &
  local cap=$!
  PIDS+=("$cap")
  wait_for "$out.dumpcap" "Capturing on" 10 || sleep 1
  dps srv --role server --end peer --port 5000 --restarts 1 --timeout 120 >"$out.server" \
    2>"$out.server.err" &
  local spid=$! c1 c2 crc src fail=""
  PIDS+=("$spid")
  wait_for "$out.server.err" "port up" 30
  usr --role client --peer-ip "$IP_D" --port 5001 --peer-port 5000 --messages 500 \
    --sizes 1..4000 --end hold --timeout 60 >"$out.client1" 2>&1 &
  c1=$!
  PIDS+=("$c1")
  wait_for "$out.client1" '"end":"hold"' 60 || fail+=" first client never finished"
  kill -9 "$c1"; wait "$c1" 2>/dev/null
  usr --role client --peer-ip "$IP_D" --port 5001 --peer-port 5000 --messages 1000 \
    --sizes 1..4000 --end shutdown --timeout 60 >"$out.client" 2>"$out.client.err" &
  c2=$!
  PIDS+=("$c2")
  wait_pid "$c2" 90; crc=$?
  wait_pid "$spid" 30; src=$?
  sleep 0.3
  kill -INT "$cap" 2>/dev/null; wait "$cap" 2>/dev/null
  echo "first client: $(tail -n 1 "$out.client1")"
  echo "client exit $crc: $(tail -n 1 "$out.client")"
  echo "server exit $src: $(tail -n 1 "$out.server")"
  ((crc == 0 && src == 0)) || fail+=" exit codes $crc/$src"
  json_has "$out.client1" ok true || fail+=" first client not ok"
  json_has "$out.server" restarts 1 || fail+=" dpsctp reported no RESTART"
  json_has "$out.server" messages 1000 || fail+=" server recorded a wrong message count"
  local chk
  chk=$(bash "$CHECK" "$out.pcapng" 4 2>&1) || fail+=" capture check failed"
  echo "$chk"
  if [[ -n "$fail" ]]; then
    echo "--- server stderr"; tail -n 5 "$out.server.err"
    echo "FAIL: $name:$fail"; RC=1; return 1
  fi
  PASSED=$((PASSED + 1))
  PACKETS=$((PACKETS + $(grep -o '[0-9]* SCTP packets' <<<"$chk" | cut -d' ' -f1)))
  echo "PASS: $name"
}

for S in dpsctp usrsctp; do
  scenario "echo_${S}_server" "$S" shutdown peer 100 128 --streams 1
  scenario "bulk_ordered_${S}_server" "$S" shutdown peer "$MSGS" 1..4000 --streams 10
  scenario "bulk_unordered_${S}_server" "$S" shutdown peer "$MSGS" 1..4000 --streams 10 --unordered
  scenario "big_64k_${S}_server" "$S" shutdown peer 200 65536 --streams 10 --window 16
  scenario "shutdown_by_${S}_server" "$S" peer shutdown 100 1..4000 --streams 10
  scenario "abort_by_client_${S}_server" "$S" abort peer 100 1..4000 --streams 10
  scenario "abort_by_${S}_server" "$S" peer abort 100 1..4000 --streams 10
done
restart_scenario
echo "interop: $PASSED scenarios passed, $PACKETS SCTP packets checked (bulk: $MSGS messages)"
exit $RC
