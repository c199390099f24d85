#!/usr/bin/env bash
# SCTP-over-UDP (RFC 6951) interoperability of dpsctp with usrsctp: the main scenarios of
# interop_test.sh (handshake + echo, bulk ordered / unordered, 64 KiB messages, SHUTDOWN
# and ABORT from each side), both ways, with every SCTP packet in UDP. usrsctp sends and
# receives through the kernel's UDP socket (usrsctp_init(port)) in NS_U; dpsctp encapsulates
# itself on net_af_packet in NS_D. Different UDP ports on the two sides (dpsctp 9899, the
# IANA one; usrsctp 9900) so the ports each side learns (§5.4) are visible in the capture.
#
# The kernel's veth offloads UDP checksums (CHECKSUM_PARTIAL): a datagram crossing the veth
# would reach dpsctp's af_packet socket, and the capture, with its checksum unfinished.
# The kernel side's TX checksum offload is turned off (ethtool) so the kernel computes it,
# as a real NIC would have before the wire.
#
# Per scenario: both peers' checks (payload.h exact delivery, end seen by the other side),
# check_capture.sh (CRC32c of every SCTP packet, tshark expert errors), and this file's
# UDP check: every SCTP packet rode in UDP between the right ports with a good UDP
# checksum (tshark verifies it, both directions), none went as plain SCTP; dpsctp's
# counters show encapsulated packets both ways and no bad checksum.
#
# Usage: udp_interop_test.sh DPSCTP_PEER USRSCTP_PEER CHECK_CAPTURE_SH
# Env:   IOP_MESSAGES (bulk, default 10000), IOP_ONLY (regex), IOP_KEEP=DIR (keep files).
set -u -o pipefail

DPS=${1:?usage: udp_interop_test.sh DPSCTP_PEER USRSCTP_PEER CHECK_CAPTURE_SH}
USR=${2:?}
CHECK=${3:?}
MSGS=${IOP_MESSAGES:-10000}
ONLY=${IOP_ONLY:-.}
TAG="iopudp$$"
DIR=$(mktemp -d "/tmp/${TAG}.XXXXXX")
NS_D="${TAG}_d"
NS_U="${TAG}_u"
VETH_D="${TAG}d"  # at most 15 characters
VETH_U="${TAG}u"
IP_D=10.97.0.1
IP_U=10.97.0.2
UDP_D=9899  # dpsctp's encapsulation port (RFC 6951 §5.1: IANA "sctp-tunneling")
UDP_U=9900  # usrsctp's
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
trap 'exit 130' INT TERM

if [[ $(id -u) -ne 0 ]] || ! command -v ip >/dev/null || ! command -v tshark >/dev/null ||
  ! command -v dumpcap >/dev/null || ! command -v ethtool >/dev/null; then
  echo "SKIP: the UDP interop suite needs root, iproute2, ethtool and tshark (dumpcap)"
  exit 77
fi
if ! { ip netns add "$NS_D" && ip netns add "$NS_U" &&
  ip link add "$VETH_D" type veth peer name "$VETH_U" &&
  ip link set "$VETH_D" netns "$NS_D" && ip link set "$VETH_U" netns "$NS_U" &&
  ip -n "$NS_U" addr add "$IP_U/24" dev "$VETH_U" &&
  ip -n "$NS_D" link set "$VETH_D" up && ip -n "$NS_U" link set "$VETH_U" up &&
  ip -n "$NS_D" link set lo up && ip -n "$NS_U" link set lo up &&
  ip netns exec "$NS_U" ethtool -K "$VETH_U" tx off >/dev/null; } 2>"$DIR/setup.err"; then
  echo "SKIP: cannot create network namespaces / veth: $(cat "$DIR/setup.err")"
  exit 77
fi

wait_pid() {  # wait_pid PID SECONDS: its exit code, or 124 (and kill it) after SECONDS
  local pid=$1 limit=$2 t=0
  while kill -0 "$pid" 2>/dev/null; do
    if ((t >= limit * 10)); then kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; return 124; fi
    sleep 0.1; t=$((t + 1))
  done
  wait "$pid"
}
wait_for() {  # wait_for FILE TEXT SECONDS
  local t=0
  until grep -q "$2" "$1" 2>/dev/null; do
    ((t >= $3 * 10)) && return 1
    sleep 0.1; t=$((t + 1))
  done
}
json_has() { grep -q "\"$2\":$3" "$1"; }

dps() {  # dpsctp peer in NS_D, SCTP over UDP port UDP_D
  exec ip netns exec "$NS_D" "$DPS" --vdev "net_af_packet0,iface=$VETH_D" --lcore 0 \
    --file-prefix "${TAG}_$1" --ip "$IP_D" --peer-ip "$IP_U" --udp-encaps "$UDP_D" "${@:2}"
}
usr() { exec ip netns exec "$NS_U" "$USR" --ip "$IP_U" --udp-encaps "$UDP_U" "$@"; }

# udp_check FILE: every datagram to or from an encapsulation port goes between UDP_D and
# UDP_U (by direction) with a UDP checksum tshark verified good, and no plain SCTP (IP
# protocol 132) was sent; prints a summary, fails otherwise. This pass needs no SCTP
# dissection (check_capture.sh's pass does that: tshark decodes UDP port 9899 as SCTP).
udp_check() {
  local f=$1 fields="$1.udp"
  tshark -n -r "$f" --disable-protocol sctp -o udp.check_checksum:TRUE -T fields \
    -E separator=/t -e ip.src -e ip.proto -e udp.srcport -e udp.dstport \
    -e udp.checksum.status >"$fields" 2>"$f.udp.err" || { echo "udp check: tshark failed"; return 1; }
  local out
  out=$(awk -F'\t' -v d="$IP_D" -v ud="$UDP_D" -v uu="$UDP_U" '
    $2 == "132" { n++; plain++; next }  # plain SCTP
    $2 != "17" || ($3 != ud && $3 != uu && $4 != ud && $4 != uu) { next }  # ARP, ICMP, ...
    { n++ }
    $1 == d && ($3 != ud || $4 != uu) { ports++ }
    $1 != d && ($3 != uu || $4 != ud) { ports++ }
    $5 != "1" { bad++ }
    $1 == d { from_d++ }
    END { printf "%d %d %d %d %d\n", n, plain, ports, bad, from_d }' "$fields")
  local n plain ports bad from_d
  read -r n plain ports bad from_d <<<"$out"
  echo "udp check: $n SCTP packets in UDP ($from_d from dpsctp), $plain plain SCTP," \
    "$ports with wrong ports, $bad without a good UDP checksum"
  ((n >= 4 && plain == 0 && ports == 0 && bad == 0 && from_d > 0 && from_d < n))
}

# scenario NAME SERVER(dpsctp|usrsctp) CLIENT_END SERVER_END MESSAGES SIZES [CLIENT ARGS...]
scenario() {
  local name=$1 server=$2 cend=$3 send=$4 n=$5 sizes=$6
  shift 6
  [[ $name =~ $ONLY ]] || return 0
  local out="$DIR/$name"
  echo "== $name: $server server (--end $send), client --end $cend, $n messages of $sizes B $*"
  ip netns exec "$NS_U" dumpcap -q -i "$VETH_U" -w "$out.pcapng" >"$out.dumpcap" 2>&1 &
  local cap=$!
  PIDS+=("$cap")
  wait_for "$out.dumpcap" "Capturing on" 10 || sleep 1
  local spid cpid dlog
  if [[ $server == dpsctp ]]; then
    # The server learns usrsctp's UDP port from the INIT (RFC 6951 §5.4).
    dps srv --role server --end "$send" --port 5000 --timeout 120 >"$out.server" 2>"$out.server.err" &
    spid=$!
    dlog="$out.server.err"
    wait_for "$out.server.err" "port up" 30
    usr --role client --peer-ip "$IP_D" --port 5001 --peer-port 5000 --messages "$n" \
      --sizes "$sizes" --end "$cend" --timeout 100 --udp-remote-port "$UDP_D" "$@" \
      >"$out.client" 2>"$out.client.err" &
    cpid=$!
  else
    usr --role server --end "$send" --port 5000 --timeout 120 >"$out.server" 2>"$out.server.err" &
    spid=$!
    wait_for "$out.server.err" "listening" 10
    dps cli --role client --port 5001 --peer-port 5000 --messages "$n" --sizes "$sizes" \
      --end "$cend" --timeout 100 --udp-remote-port "$UDP_U" "$@" >"$out.client" 2>"$out.client.err" &
    cpid=$!
    dlog="$out.client.err"
  fi
  PIDS+=("$spid" "$cpid")
  local crc src
  wait_pid "$cpid" 120; crc=$?
  wait_pid "$spid" 30; src=$?
  sleep 0.3
  kill -INT "$cap" 2>/dev/null; wait "$cap" 2>/dev/null
  echo "client exit $crc: $(tail -n 1 "$out.client")"
  echo "server exit $src: $(tail -n 1 "$out.server")"
  local fail=""
  ((crc == 0 && src == 0)) || fail="exit codes $crc/$src"
  case "$cend/$send" in
    shutdown/*) json_has "$out.server" end_how '"shutdown_comp"' &&
      json_has "$out.server" shutdown_event true || fail+=" server did not see the SHUTDOWN" ;;
    abort/*) json_has "$out.server" end_how '"comm_lost"' || fail+=" server did not see the ABORT" ;;
    peer/shutdown) json_has "$out.client" end_how '"shutdown_comp"' &&
      json_has "$out.client" shutdown_event true || fail+=" client did not see the SHUTDOWN" ;;
    peer/abort) json_has "$out.client" end_how '"comm_lost"' || fail+=" client did not see the ABORT" ;;
  esac
  json_has "$out.server" messages "$n" || fail+=" server recorded a wrong message count"
  # dpsctp's own view: packets went both ways in UDP, none failed the UDP checksum.
  local counters
  counters=$(grep -o 'udp_encap rx [0-9]* tx [0-9]* bad_checksum [0-9]*' "$dlog")
  echo "dpsctp: ${counters:-no udp_encap counters}"
  [[ $counters =~ rx\ [1-9][0-9]*\ tx\ [1-9][0-9]*\ bad_checksum\ 0$ ]] ||
    fail+=" dpsctp counters: not encapsulated both ways"
  # The two tshark passes run side by side (2 CPUs; tshark's per-frame cost dominates).
  local chk uchk cpid2
  bash "$CHECK" "$out.pcapng" 4 >"$out.check" 2>&1 &
  cpid2=$!
  uchk=$(udp_check "$out.pcapng" 2>&1) || fail+=" UDP check failed"
  wait "$cpid2" || fail+=" capture check failed"
  chk=$(cat "$out.check")
  echo "$chk"
  echo "$uchk"
  if [[ -n "$fail" ]]; then
    echo "--- client stderr"; tail -n 5 "$out.client.err"
    echo "--- server stderr"; tail -n 5 "$out.server.err"
    echo "FAIL: $name:$fail"
    RC=1
    return 1
  fi
  # The checkers must fail on damage: a corrupted copy of the first capture (editcap).
  if [[ $name == echo_dpsctp_server ]] && command -v editcap >/dev/null; then
    editcap -E 0.003 "$out.pcapng" "$out.bad.pcapng" >/dev/null 2>&1
    if bash "$CHECK" "$out.bad.pcapng" 4 >/dev/null 2>&1 && udp_check "$out.bad.pcapng" >/dev/null 2>&1; then
      echo "FAIL: $name: the checks accepted a corrupted capture"; RC=1; return 1
    fi
    echo "checker self-test: corrupted copy rejected"
    rm -f "$out.bad.pcapng"
  fi
  PASSED=$((PASSED + 1))
  PACKETS=$((PACKETS + $(grep -o '^udp check: [0-9]*' <<<"$uchk" | cut -d' ' -f3)))
  [[ -n "${IOP_KEEP:-}" ]] || rm -f "$out.pcapng"  # large; IOP_KEEP=DIR keeps them
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
echo "interop-udp: $PASSED scenarios passed, $PACKETS SCTP-in-UDP packets checked (bulk: $MSGS messages)"
exit $RC
