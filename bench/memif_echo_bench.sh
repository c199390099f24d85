#!/usr/bin/env bash
# End-to-end echo benchmark of the DPDK runtime (issue 5 acceptance): two dpsctp
# processes over net_memif, one worker lcore per side (server on CPU 0, client on CPU 1),
# 128-byte messages on 8 streams, a window of 256 outstanding messages; the client counts
# echoes (each checked exactly once, in order, byte-exact) from COMM_UP to the last echo.
#
# Usage: bench/memif_echo_bench.sh PEER_EXE [MESSAGES] [SIZE]
#   PEER_EXE  the dpsctp_stack_peer binary (tests/runtime/stack in a build directory)
#   MESSAGES  default 500000; SIZE default 128
# Prints the client's JSON line, then "memif_echo msgs_per_s=N messages=M size=S".
# Numbers only: it fails (exit 1) only if the run itself fails, never on speed. Both
# processes busy-poll: on a machine shared with other work the rate drops accordingly.
set -u -o pipefail

PEER=${1:?usage: memif_echo_bench.sh PEER_EXE [MESSAGES] [SIZE]}
MESSAGES=${2:-500000}
SIZE=${3:-128}
TAG="dpsctp_mb_$$"
DIR=$(mktemp -d "/tmp/${TAG}.XXXXXX")
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null
  fi
  rm -rf "$DIR" /var/run/dpdk/"${TAG}"_* 2>/dev/null
}
trap cleanup EXIT INT TERM

MEMIF="socket=$DIR/memif.sock,socket-abstract=no"
"$PEER" --role server --vdev "net_memif0,role=server,$MEMIF,mac=02:00:00:98:00:01" --lcore 0 \
  --file-prefix "${TAG}_srv" --ip 10.98.0.1 --peer-ip 10.98.0.2 --streams 8 --timeout 600 \
  > "$DIR/server.out" 2> "$DIR/server.err" &
SERVER_PID=$!
# The memif client does not retry a socket that is not there yet: wait for the server's
# (EAL start-up takes seconds on a loaded machine).
for _ in $(seq 100); do [[ -S "$DIR/memif.sock" ]] && break; sleep 0.1; done
if ! "$PEER" --role client --vdev "net_memif0,role=client,$MEMIF,mac=02:00:00:98:00:02" \
  --lcore 1 --file-prefix "${TAG}_cli" --ip 10.98.0.2 --peer-ip 10.98.0.1 \
  --messages "$MESSAGES" --size "$SIZE" --streams 8 --window 256 --timeout 600 \
  > "$DIR/client.out" 2> "$DIR/client.err"; then
  echo "memif_echo: client failed" >&2
  tail -n 20 "$DIR/client.err" "$DIR/server.err" >&2
  exit 1
fi
wait "$SERVER_PID"; SERVER_PID=""
line=$(tail -n 1 "$DIR/client.out")
echo "$line"
rate=$(sed -n 's/.*"msgs_per_s":\([0-9]*\).*/\1/p' <<<"$line")
echo "memif_echo msgs_per_s=${rate:-0} messages=$MESSAGES size=$SIZE"
