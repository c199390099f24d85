#!/usr/bin/env bash
# Interoperability of dpsctp's SCTP extensions with usrsctp (which implements all three),
# both directions (dpsctp client/sender + usrsctp server/echoer, and the reverse):
#   idata_*   RFC 8260 I-DATA negotiated (§2.2.1): bulk ordered / unordered / 64 KiB
#             messages; the capture must carry I-DATA (type 64) and no DATA (type 0).
#   pr_*      RFC 3758 / RFC 7496 timed reliability (SCTP_PR_SCTP_TTL) with 10 % loss on
#             dpsctp's side: every id echoed or reported abandoned (SEND_FAILED), per-stream
#             order across the skipped SSNs, FORWARD TSN (type 192) in the capture; the
#             same over I-DATA with I-FORWARD-TSN (type 194, RFC 8260 §2.3).
#   reset_*   RFC 6525 mid-traffic Outgoing SSN Reset Request (§5.1.2) of streams 0..3 after
#             K messages: the requester's performed SCTP_STREAM_RESET_EVENTs name streams
#             0..3 (usrsctp asks per stream once its queue drained: maybe several
#             requests), so do the answerer's incoming ones, the SSNs of streams 0..3 (only) restart at 0 (capture),
#             nothing lost or duplicated. addstreams_*: 8 outbound streams in the INIT,
#             then Add Outgoing Streams (§5.1.5) and traffic on the new streams 8, 9.
# (RE-CONFIG is not combined with I-DATA: dpsctp refuses RE-CONFIG on an I-DATA
# association.) Every scenario is captured on the usrsctp side and checked by
# check_capture.sh plus this file's chunk-type counts (one tshark pass).
#
# Usage: ext_interop_test.sh DPSCTP_PEER USRSCTP_PEER CHECK_CAPTURE_SH
# Env:   IOP_MESSAGES (idata bulk, default 10000), IOP_PR_MESSAGES (default 1000),
#        IOP_ONLY (regex of scenario names), IOP_KEEP=DIR (keep captures and logs).
set -u -o pipefail

DPS=${1:?usage: ext_interop_test.sh DPSCTP_PEER USRSCTP_PEER CHECK_CAPTURE_SH}
USR=${2:?}
CHECK=${3:?}
MSGS=${IOP_MESSAGES:-10000}
PR_MSGS=${IOP_PR_MESSAGES:-1000}
ONLY=${IOP_ONLY:-.}
TAG="iopx$$"
DIR=$(mktemp -d "/tmp/${TAG}.XXXXXX")
NS_D="${TAG}_d"
NS_U="${TAG}_u"
VETH_D="${TAG}d"  # at most 15 characters
VETH_U="${TAG}u"
IP_D=10.96.0.1
IP_U=10.96.0.2
PIDS=()
RC=0
PASSED=0
SECONDS=0

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
  ! command -v dumpcap >/dev/null; then
  echo "SKIP: the extension interop suite needs root, iproute2 and tshark (dumpcap)"
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
json_num() { grep -o "\"$2\":-\?[0-9]*" "$1" | tail -n 1 | cut -d: -f2; }  # json_num FILE KEY

# The peers run in the background (&): exec makes $! the peer's own pid, so kill reaches it.
dps() {  # dpsctp peer in NS_D on lcore 0
  exec ip netns exec "$NS_D" "$DPS" --vdev "net_af_packet0,iface=$VETH_D" --lcore 0 \
    --file-prefix "${TAG}_$1" --ip "$IP_D" --peer-ip "$IP_U" "${@:2}"
}
usr() { exec ip netns exec "$NS_U" "$USR" --ip "$IP_U" "$@"; }

# chunk_counts FILE SENDER_IP: "TYPE COUNT" lines of every SCTP chunk type in the capture,
# and "ssn0 SID N": on stream SID (0x....) the sender's DATA SSNs went from non-zero back
# to 0 N times (an SSN reset, RFC 6525 §5.2.2; 10000 messages never wrap the 16 bits).
chunk_counts() {
  tshark -n -r "$1" -T fields -E separator=/t -e ip.src -e sctp.chunk_type -e sctp.data_sid \
    -e sctp.data_ssn 2>/dev/null | awk -F'\t' -v s="$2" '
    { n = split($2, t, ","); for (i = 1; i <= n; i++) c[t[i]]++
      if ($1 == s && $3 != "") { m = split($3, sid, ","); split($4, ssn, ",")
        for (i = 1; i <= m; i++) {
          if (ssn[i] == "0" && (sid[i] in last) && last[sid[i]] != "0") z[sid[i]]++
          if (!(sid[i] in z)) z[sid[i]] += 0
          last[sid[i]] = ssn[i] } } }
    END { for (k in c) print k, c[k]; for (k in z) print "ssn0", k, z[k] }'
}
count_of() { awk -v k="$2" '$1 == k { print $2; f = 1 } END { if (!f) print 0 }' "$1"; }

# ext NAME SENDER(dpsctp|usrsctp) MESSAGES SIZES CHECKS -- [ARGS of both peers] -- [SENDER ARGS]
#   -- [dpsctp-only ARGS]. The sender is the client (it sends, checks the echoes, ends with
#   SHUTDOWN); the other is the echoing server. CHECKS: space-separated words
#   chunk:T>=N / chunk:T==N (capture), s.KEY>=N / s.KEY==N / r.KEY... (sender's / server's
#   JSON line), ssn0restart (the sender's SSNs restart at 0 once on streams 0..3, never on
#   the others).
ext() {
  local name=$1 sender=$2 n=$3 sizes=$4 checks=$5
  shift 5
  [[ $name =~ $ONLY ]] || return 0
  local both=() sargs=() dargs=()
  [[ ${1:-} == -- ]] && shift
  while (($#)) && [[ $1 != -- ]]; do both+=("$1"); shift; done
  [[ ${1:-} == -- ]] && shift
  while (($#)) && [[ $1 != -- ]]; do sargs+=("$1"); shift; done
  [[ ${1:-} == -- ]] && shift
  dargs=("$@")
  local out="$DIR/$name" t0=$SECONDS
  echo "== $name: $sender sends $n messages of $sizes B; both: ${both[*]}; sender: ${sargs[*]}; dpsctp: ${dargs[*]}"
  ip netns exec "$NS_U" dumpcap -q -i "$VETH_U" -w "$out.pcapng" >"$out.dumpcap" 2>&1 &
  local cap=$!
  PIDS+=("$cap")
  wait_for "$out.dumpcap" "Capturing on" 10 || sleep 1
  local spid cpid sender_ip
  if [[ $sender == usrsctp ]]; then
    sender_ip=$IP_U
    dps srv --role server --end peer --port 5000 --timeout 150 "${both[@]}" "${dargs[@]}" \
      >"$out.server" 2>"$out.server.err" &
    spid=$!
    wait_for "$out.server.err" "port up" 30
    usr --role client --peer-ip "$IP_D" --port 5001 --peer-port 5000 --messages "$n" \
      --sizes "$sizes" --end shutdown --timeout 120 "${both[@]}" "${sargs[@]}" \
      >"$out.client" 2>"$out.client.err" &
    cpid=$!
  else
    sender_ip=$IP_D
    usr --role server --end peer --port 5000 --timeout 150 "${both[@]}" \
      >"$out.server" 2>"$out.server.err" &
    spid=$!
    wait_for "$out.server.err" "listening" 10
    dps cli --role client --port 5001 --peer-port 5000 --messages "$n" --sizes "$sizes" \
      --end shutdown --timeout 120 "${both[@]}" "${sargs[@]}" "${dargs[@]}" \
      >"$out.client" 2>"$out.client.err" &
    cpid=$!
  fi
  PIDS+=("$spid" "$cpid")
  local crc src
  wait_pid "$cpid" 140; crc=$?
  wait_pid "$spid" 30; src=$?
  sleep 0.3
  kill -INT "$cap" 2>/dev/null; wait "$cap" 2>/dev/null
  echo "sender exit $crc: $(tail -n 1 "$out.client")"
  echo "server exit $src: $(tail -n 1 "$out.server")"
  local fail=""
  ((crc == 0 && src == 0)) || fail="exit codes $crc/$src"
  grep -q '"end_how":"shutdown_comp"' "$out.client" || fail+=" sender: no SHUTDOWN COMPLETE"
  local chk
  chk=$(bash "$CHECK" "$out.pcapng" 4 2>&1) || fail+=" capture check failed"
  echo "$chk"
  chunk_counts "$out.pcapng" "$sender_ip" >"$out.chunks"
  echo "chunks: $(grep -v '^ssn0' "$out.chunks" | sort -n | tr '\n' ';')"
  local c key op want got file
  for c in $checks; do
    if [[ $c == ssn0restart ]]; then
      got=$(awk '$1 == "ssn0" && (($2 ~ /^0x000[0-3]$/) ? $3 == 1 : $3 == 0) { k++ }
        $1 == "ssn0" { all++ } END { print k + 0, all + 0 }' "$out.chunks")
      echo "ssn restart: $got (streams with the expected SSN restarts: once on 0..3, never on" \
        "the others; streams seen)"
      [[ ${got% *} -ge 10 && ${got% *} == "${got#* }" ]] || fail+=" SSNs did not restart at 0"
      continue
    fi
    [[ $c =~ ^([a-z]+[.:])([a-z_0-9]+)(\>=|==)(-?[0-9]+)$ ]] || { fail+=" bad check $c"; continue; }
    key=${BASH_REMATCH[2]} op=${BASH_REMATCH[3]} want=${BASH_REMATCH[4]}
    case ${BASH_REMATCH[1]} in
      chunk:) got=$(count_of "$out.chunks" "$key") ;;
      s.) file=$out.client; got=$(json_num "$file" "$key") ;;
      r.) file=$out.server; got=$(json_num "$file" "$key") ;;
    esac
    got=${got:-missing}
    if [[ $got == missing ]] || { [[ $op == '>=' ]] && ((got < want)); } ||
      { [[ $op == '==' ]] && ((got != want)); }; then
      fail+=" $c (got $got)"
    fi
  done
  if [[ -n "$fail" ]]; then
    echo "--- sender stderr"; tail -n 5 "$out.client.err"
    echo "--- server stderr"; tail -n 5 "$out.server.err"
    echo "FAIL: $name:$fail"
    RC=1
    return 1
  fi
  PASSED=$((PASSED + 1))
  [[ -n "${IOP_KEEP:-}" ]] || rm -f "$out.pcapng"
  echo "PASS: $name ($((SECONDS - t0)) s)"
}

LOSS="loss=10,seed=11"
for S in dpsctp usrsctp; do
  # RFC 8260: I-DATA only (type 64), never DATA (type 0); exact delivery (peers' checks).
  ext "idata_ordered_${S}_sends" "$S" "$MSGS" 1..4000 "chunk:64>=$MSGS chunk:0==0 s.messages==$MSGS r.messages==$MSGS" \
    -- --interleave --streams 10
  ext "idata_unordered_${S}_sends" "$S" "$MSGS" 1..4000 "chunk:64>=$MSGS chunk:0==0 s.messages==$MSGS r.unordered==$MSGS" \
    -- --interleave --streams 10 --unordered
  # At most 3 messages of 64 KiB in flight: dpsctp has no partial delivery, and usrsctp
  # interleaves the fragments of every stream's message, so more incomplete messages than
  # the 256 KiB receive window holds leave dpsctp at a_rwnd 0 (zero window probes only).
  ext "idata_64k_${S}_sends" "$S" 100 65536 "chunk:64>=2000 chunk:0==0 s.messages==100" \
    -- --interleave --streams 10 --window 3
  # RFC 3758 / 7496 timed reliability under loss: abandoned messages and FORWARD TSN.
  ext "pr_ttl_${S}_sends" "$S" "$PR_MSGS" 1..4000 "chunk:192>=1 s.resolved==$PR_MSGS s.data_failed>=1 s.duplicates==0 r.out_of_order==0" \
    -- --streams 10 -- --pr-ttl-ms 100 -- --impair "$LOSS"
  ext "pr_ttl_idata_${S}_sends" "$S" "$PR_MSGS" 1..4000 "chunk:194>=1 chunk:192==0 chunk:0==0 s.resolved==$PR_MSGS s.data_failed>=1 r.out_of_order==0" \
    -- --interleave --streams 10 -- --pr-ttl-ms 100 -- --impair "$LOSS"
  # RFC 6525 §5.1.2 mid-traffic SSN reset; §5.1.5 add streams, then use them.
  ext "reset_${S}_sends" "$S" "$MSGS" 1..4000 "chunk:130>=2 s.stream_resets>=1 s.streams_reset==4 r.streams_reset==4 s.messages==$MSGS r.messages==$MSGS ssn0restart" \
    -- --streams 10 -- --reset-stream-at $((MSGS * 3 / 10))
  ext "addstreams_${S}_sends" "$S" 1000 1..4000 "chunk:130>=2 s.stream_changes==1 s.messages==1000 r.messages==1000 r.ordered_streams_seen==10" \
    -- --streams 10 -- --init-streams 8 --add-streams 2
done
echo "interop-ext: $PASSED scenarios passed in ${SECONDS} s"
exit $RC
