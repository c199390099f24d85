#!/usr/bin/env bash
# Interoperability of dpsctp with usrsctp (an independent SCTP stack, the FreeBSD one in
# user space). usrsctp runs over raw IPv4 in namespace NS_U (kernel address on VETH_U),
# dpsctp on net_af_packet in NS_D (VETH_D has no kernel address: dpsctp answers ARP).
# Every scenario runs both ways (dpsctp server + usrsctp client, usrsctp server + dpsctp
# client), is captured on VETH_U with dumpcap and checked by check_capture.sh (CRC32c of
# every SCTP packet, tshark expert errors). Both peers check delivery exactly (payload.h).
#
# Usage: interop_test.sh DPSCTP_PEER USRSCTP_PEER CHECK_CAPTURE_SH
# Env:   IOP_BULK_MESSAGES (the two big bulk scenarios, one ordered and one unordered, one
#        per server side; default 100000), IOP_MESSAGES (the other bulk and the impaired
#        scenarios, default 10000), IOP_CAPTURE_PACKETS (packets captured and checked per
#        scenario, default 100000: the 100,000-message runs send ~620,000 and tshark
#        needs about a minute for them; 0: all), IOP_ONLY (regex of scenario names),
#        IOP_KEEP=DIR (keep the captures and logs there).
set -u -o pipefail

DPS=${1:?usage: interop_test.sh DPSCTP_PEER USRSCTP_PEER CHECK_CAPTURE_SH}
USR=${2:?}
CHECK=${3:?}
MSGS=${IOP_MESSAGES:-10000}
BULK=${IOP_BULK_MESSAGES:-100000}
CAP_PACKETS=${IOP_CAPTURE_PACKETS:-100000}
CAP_LIMIT=()
((CAP_PACKETS > 0)) && CAP_LIMIT=(-c "$CAP_PACKETS")
ONLY=${IOP_ONLY:-.}
TAG="iop$$"
DIR=$(mktemp -d "/tmp/${TAG}.XXXXXX")
NS_D="${TAG}_d"
NS_U="${TAG}_u"
VETH_D="${TAG}d"  # at most 15 characters
VETH_U="${TAG}u"
IP_D=10.98.0.1
IP_U=10.98.0.2
IP_D2=10.98.1.1  # second addresses (multihome): one veth pair, a second subnet on it
IP_U2=10.98.1.2
PIDS=()
DPS_ARGS=()  # extra dpsctp peer arguments of the scenario running (e.g. --impair)
USR_ARGS=()  # extra usrsctp peer arguments of the scenario running
IMPAIR="loss=2,reorder=2,dup=1,gap=3,seed=7"
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
  ip -n "$NS_U" addr add "$IP_U2/24" dev "$VETH_U" &&
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

# The peers always run in the background (&): exec makes $! the peer's own pid (ip netns
# exec execs it in turn), so kill -9 $! reaches the peer and not just a subshell.
dps() {  # dpsctp peer in NS_D on lcore 0
  exec ip netns exec "$NS_D" "$DPS" --vdev "net_af_packet0,iface=$VETH_D" --lcore 0 \
    --file-prefix "${TAG}_$1" --ip "$IP_D" --peer-ip "$IP_U" "${DPS_ARGS[@]}" "${@:2}"
}
usr() { exec ip netns exec "$NS_U" "$USR" --ip "$IP_U" "${USR_ARGS[@]}" "$@"; }

# scenario NAME SERVER(dpsctp|usrsctp) CLIENT_END SERVER_END MESSAGES SIZES [CLIENT ARGS...]
# CLIENT_END/SERVER_END: shutdown | abort | peer (see the peers' --end).
scenario() {
  local name=$1 server=$2 cend=$3 send=$4 n=$5 sizes=$6
  shift 6
  [[ $name =~ $ONLY ]] || return 0
  local out="$DIR/$name" common=(--port 5000 --timeout 300)
  echo "== $name: $server server (--end $send), client --end $cend, $n messages of $sizes B $*"
  ip netns exec "$NS_U" dumpcap -q -i "$VETH_U" "${CAP_LIMIT[@]}" -w "$out.pcapng" \
    >"$out.dumpcap" 2>&1 &
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
  # Large; the failing ones stay (IOP_KEEP=DIR copies them out); a wrapper that checks
  # more in the capture asks for it under IOP_KEEP_PCAP.
  if [[ -n "${IOP_KEEP_PCAP:-}" ]]; then mv "$out.pcapng" "$IOP_KEEP_PCAP"; else rm -f "$out.pcapng"; fi
  echo "PASS: $name"
}

# impaired NAME SERVER ...: scenario() with dpsctp's RX and TX impaired by IMPAIR (seeded
# loss, reordering, duplication in ethdev callbacks: runtime/dpdk/impairment.h; this kernel
# has no sch_netem), then a check that frames really were dropped, held back and
# duplicated in both directions. RFC 9260 §6.3 (retransmission), §6.2 (duplicate TSNs in
# SACK), §6.6 (ordered delivery despite reordering): delivery must still be exact.
impaired() {
  local name=$1 server=$2
  [[ $name =~ $ONLY ]] || return 0
  DPS_ARGS=(--impair "$IMPAIR" --linger-ms 3000)
  scenario "$@" || { DPS_ARGS=(); return 1; }
  DPS_ARGS=()
  local f="$DIR/$name.client" j dir k miss=""
  [[ $server == dpsctp ]] && f="$DIR/$name.server"
  j=$(grep -o '"impairment":{"rx":{[^}]*},"tx":{[^}]*}}' "$f")
  for dir in rx tx; do
    for k in dropped held duplicated; do
      grep -qE "\"$dir\":\{[^}]*\"$k\":[1-9]" <<<"$j" || miss+=" $dir.$k"
    done
  done
  echo "impairment: $j"
  if [[ -n "$miss" ]]; then
    echo "FAIL: $name: the impairment did not act ($miss = 0)"; RC=1; PASSED=$((PASSED - 1))
    return 1
  fi
}

# multihome NAME SERVER ...: scenario() with both peers bound to two addresses (IP_x and
# IP_x2, two subnets on the one veth pair: a Stack has one port, so two veth pairs would
# need two Stacks). After 1,000 messages dpsctp's Impairment cuts each side's primary
# destination: frames to IP_D are dropped on RX (usrsctp's primary) and frames to the
# first --peer-ip on TX (dpsctp's primary). RFC 9260 §8.2: both peers must report that
# address unreachable; §6.4.1: the transfer completes on the other addresses with every
# message delivered exactly once. Path.Max.Retrans is 1 (usrsctp: 0 means "unchanged"),
# and 0 for the dpsctp client: after the first T3 expiry its new data already goes to the
# alternate (§6.4.1), so a second error on the cut path would wait for a heartbeat (30 s).
multihome() {
  local name=$1 server=$2
  [[ $name =~ $ONLY ]] || return 0
  # RTO.Max 3 s on both: while a side has not failed over yet, its peer's timer backs off
  # (RFC 9260 §6.3.3 E2) up to 60 s by default, which only makes the run slow.
  DPS_ARGS=(--ip "$IP_D,$IP_D2" --peer-ip "$IP_U,$IP_U2" --cut-at 1000 --path-max-retrans 1
    --rto-max-ms 3000)
  USR_ARGS=(--ip "$IP_U,$IP_U2" --path-max-retrans 1 --rto-max-ms 3000)
  # usrsctp over raw IPv4 chooses no source by subnet: it sends everything from the address
  # bound last (IP_U2) and RFC 9260 §6.4 replies go to a packet's source, so IP_U2 cannot
  # fail without ending the association. With dpsctp as the server IP_U2 is its primary
  # (the INIT's source): there only usrsctp's primary, IP_D, fails (--cut-rx-only). And
  # dpsctp keeps IP_D as the source of that path (core/association.cc: a passive
  # association's first path takes the COOKIE ECHO's destination as its local address),
  # so the peer's SHUTDOWN COMPLETE, sent to the SHUTDOWN ACK's source, would be lost:
  # the cut heals when the SHUTDOWN arrives (--heal-on-end), after the whole transfer.
  [[ $server == dpsctp ]] && DPS_ARGS+=(--cut-rx-only --heal-on-end)
  [[ $server == usrsctp ]] && DPS_ARGS+=(--path-max-retrans 0)
  local keep=$DIR/$name.pcapng.keep
  IOP_KEEP_PCAP=$keep scenario "$@"; local r=$?
  DPS_ARGS=()
  USR_ARGS=()
  ((r == 0)) || return 1
  local d="$DIR/$name.client" u="$DIR/$name.server" miss="" n2d n2u
  [[ $server == dpsctp ]] && { d="$DIR/$name.server"; u="$DIR/$name.client"; }
  json_has "$d" cut true || miss+=" dpsctp never cut the path"
  [[ $server == dpsctp ]] || grep -qE '"addr_unreachable":[1-9]' "$d" ||
    miss+=" dpsctp reported no unreachable address"
  grep -qE '"addr_unreachable":[1-9]' "$u" || miss+=" usrsctp reported no unreachable address"
  # DATA went to the second addresses: usrsctp's failover target IP_D2 always; IP_U2 is
  # dpsctp's failover target as a client (as a server it is its primary, never cut).
  n2d=$(tshark -n -r "$keep" -Y "sctp.chunk_type == 0 && ip.dst == $IP_D2" 2>/dev/null | wc -l)
  n2u=$(tshark -n -r "$keep" -Y "sctp.chunk_type == 0 && ip.dst == $IP_U2" 2>/dev/null | wc -l)
  rm -f "$keep"
  echo "multihome: DATA packets on the second path: $n2d to $IP_D2, $n2u to $IP_U2;" \
    "unreachable events: dpsctp $(grep -o '"addr_unreachable":[0-9]*' "$d" | cut -d: -f2)," \
    "usrsctp $(grep -o '"addr_unreachable":[0-9]*' "$u" | cut -d: -f2)"
  ((n2d > 0 && n2u > 0)) || miss+=" no DATA on the second path"
  if [[ -n "$miss" ]]; then
    echo "FAIL: $name:$miss"; RC=1; PASSED=$((PASSED - 1))
    return 1
  fi
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

# restart of the server: the usrsctp server is killed (SIGKILL) while a dpsctp client's
# association is up and a new one starts on the same port with blackhole 0. The client,
# paused after P echoes, resumes: the new server answers its DATA with ABORT (T bit,
# RFC 9260 §8.4 (8), §8.5.1 (B)), dpsctp reports COMM_LOST, hands back what was unacked
# (SEND_FAILED), reconnects and sends the rest. Exact accounting: M = old server's record
# (P) + new server's messages + the client's SEND_FAILED ids, each id exactly once.
restart_server_scenario() {
  local name=restart_usrsctp_server_dpsctp_client out="$DIR/restart_srv" m=2000 p=700
  [[ $name =~ $ONLY ]] || return 0
  echo "== $name: usrsctp server killed after $p of $m messages, restarted on the same port"
  ip netns exec "$NS_U" dumpcap -q -i "$VETH_U" -w "$out.pcapng" >"$out.dumpcap" 2>&1 &
  local cap=$!
  PIDS+=("$cap")
  wait_for "$out.dumpcap" "Capturing on" 10 || sleep 1
  local s1 s2 cpid crc src fail=""
  usr --role server --end peer --port 5000 --report-at "$p" --timeout 120 >"$out.server1" \
    2>"$out.server1.err" &
  s1=$!
  PIDS+=("$s1")
  wait_for "$out.server1.err" "listening" 10
  dps cli --role client --port 5001 --peer-port 5000 --messages "$m" --sizes 1..4000 \
    --streams 10 --end shutdown --pause-at "$p" --resume-file "$out.resume" --reconnects 1 \
    --timeout 120 >"$out.client" 2>"$out.client.err" &
  cpid=$!
  PIDS+=("$cpid")
  wait_for "$out.client.err" "paused" 60 || fail+=" client never paused"
  wait_for "$out.server1" '"report_at"' 5 || fail+=" old server never reported"
  # The client's delayed SACK (RFC 9260 §6.2, 200 ms) goes out first: sent after the kill
  # it would meet no raw socket and the kernel's ICMP protocol unreachable would end the
  # association before the new server's ABORT could (a valid detection, not this one).
  sleep 0.5
  kill -9 "$s1"; wait "$s1" 2>/dev/null
  usr --role server --end peer --port 5000 --blackhole 0 --timeout 120 >"$out.server" \
    2>"$out.server.err" &
  s2=$!
  PIDS+=("$s2")
  wait_for "$out.server.err" "listening" 10
  touch "$out.resume"
  wait_pid "$cpid" 120; crc=$?
  wait_pid "$s2" 30; src=$?
  sleep 0.3
  kill -INT "$cap" 2>/dev/null; wait "$cap" 2>/dev/null
  echo "old server: $(tail -n 1 "$out.server1")"
  echo "client exit $crc: $(tail -n 1 "$out.client")"
  echo "server exit $src: $(tail -n 1 "$out.server")"
  ((crc == 0 && src == 0)) || fail+=" exit codes $crc/$src"
  json_has "$out.server1" messages "$p" || fail+=" old server's record is not $p"
  json_has "$out.client" reconnects 1 || fail+=" dpsctp did not detect the restart"
  local new failed
  new=$(grep -o '"messages":[0-9]*' "$out.server" | cut -d: -f2)
  failed=$(grep -o '"data_failed":[0-9]*' "$out.client" | cut -d: -f2)
  echo "accounting: $m sent = $p (old server) + ${new:-?} (new server) + ${failed:-?} (SEND_FAILED)"
  [[ -n $new && -n $failed ]] && ((p + new + failed == m && failed >= 1)) ||
    fail+=" accounting does not add up"
  local chk aborts
  chk=$(bash "$CHECK" "$out.pcapng" 4 2>&1) || fail+=" capture check failed"
  echo "$chk"
  # The new server's answer: ABORT with the T bit (it reflects the client's tag).
  aborts=$(tshark -n -r "$out.pcapng" -Y "sctp.abort_t_bit == 1 && ip.src == $IP_U" 2>/dev/null |
    wc -l)
  echo "ABORT (T bit) from the restarted server: $aborts"
  ((aborts >= 1)) || fail+=" no ABORT with the T bit from the new server"
  if [[ -n "$fail" ]]; then
    echo "--- client stderr"; tail -n 5 "$out.client.err"
    echo "FAIL: $name:$fail"; RC=1; return 1
  fi
  PASSED=$((PASSED + 1))
  PACKETS=$((PACKETS + $(grep -o '[0-9]* SCTP packets' <<<"$chk" | cut -d' ' -f1)))
  echo "PASS: $name"
}

for S in dpsctp usrsctp; do
  scenario "echo_${S}_server" "$S" shutdown peer 100 128 --streams 1
  # 100,000 messages in two of the four (each ~40 s on an idle 2-core machine), 10,000 in
  # the other two: the whole suite stays within the CI budget.
  n_ord=$MSGS n_unord=$BULK
  [[ $S == dpsctp ]] && { n_ord=$BULK n_unord=$MSGS; }
  scenario "bulk_ordered_${S}_server" "$S" shutdown peer "$n_ord" 1..4000 --streams 10
  scenario "bulk_unordered_${S}_server" "$S" shutdown peer "$n_unord" 1..4000 --streams 10 \
    --unordered
  scenario "big_64k_${S}_server" "$S" shutdown peer 200 65536 --streams 10 --window 16
  scenario "shutdown_by_${S}_server" "$S" peer shutdown 100 1..4000 --streams 10
  scenario "abort_by_client_${S}_server" "$S" abort peer 100 1..4000 --streams 10
  scenario "abort_by_${S}_server" "$S" peer abort 100 1..4000 --streams 10
  impaired "impaired_bulk_ordered_${S}_server" "$S" shutdown peer "$MSGS" 1..4000 --streams 10
  impaired "impaired_bulk_unordered_${S}_server" "$S" shutdown peer "$MSGS" 1..4000 --streams 10 \
    --unordered
  multihome "multihome_failover_${S}_server" "$S" shutdown peer 5000 1..4000 --streams 10
done
restart_scenario
restart_server_scenario
echo "interop: $PASSED scenarios passed, $PACKETS SCTP packets checked (bulk: $BULK and $MSGS" \
  "messages) in ${SECONDS}s"
exit $RC
