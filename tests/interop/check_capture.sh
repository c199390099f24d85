#!/usr/bin/env bash
# check_capture.sh FILE [MIN_PACKETS]: fails (exit 1) unless every SCTP packet in the
# capture FILE has a good CRC32c (RFC 9260 §6.8, Appendix B) and tshark's expert info
# reports no error for it (malformed packet, bad length, protocol errors the dissector
# knows). One tshark pass. ICMP errors quote a truncated SCTP packet whose checksum cannot
# match: they are counted and listed, not checked. Prints one summary line.
# Only PI_ERROR counts: retransmitted and duplicated packets (the impaired scenarios) are
# not errors (tshark's SCTP TSN analysis is off by default, and would only raise notes),
# and the frames the impairment cut on TX (EtherType 0x88B5) are not SCTP.
set -u -o pipefail

FILE=${1:?usage: check_capture.sh FILE [MIN_PACKETS]}
MIN=${2:-1}
NAME=$(basename "$FILE")
FIELDS="$FILE.fields"

# tshark 4.0: sctp.checksum.status 1 good, 0 bad, 2 unverified (only verified when asked);
# _ws.expert.severity 8388608 = PI_ERROR.
if ! tshark -n -r "$FILE" -o sctp.checksum:crc-32c -T fields -E separator=/t \
  -e frame.number -e icmp.type -e icmp.code -e sctp.checksum.status -e _ws.malformed \
  -e _ws.expert.severity -e _ws.expert.message >"$FIELDS" 2>"$FILE.tshark.err"; then
  echo "capture $NAME: tshark failed: $(tail -n 3 "$FILE.tshark.err")"
  exit 1
fi
# shellcheck disable=SC2016
read -r TOTAL BADSUM ERRORS ICMP < <(awk -F'\t' '
  $2 != "" { icmp++; next }               # ICMP (quoting one of our packets)
  $4 != "" { sctp++; if ($4 != "1") bad++ }
  $5 != "" || $6 ~ /8388608/ { err++ }
  END { printf "%d %d %d %d\n", sctp, bad, err, icmp }' "$FIELDS")
if ((ICMP > 0)); then
  echo "capture $NAME: note: $ICMP ICMP messages (type/code: $(awk -F'\t' '$2 != "" { print $2 "/" $3 }' "$FIELDS" | sort | uniq -c | tr -s ' ' | tr '\n' ';'))"
fi
if ((BADSUM > 0 || ERRORS > 0 || TOTAL < MIN)); then
  echo "capture $NAME: $TOTAL SCTP packets, $BADSUM with a bad checksum, $ERRORS with expert errors (min $MIN):"
  awk -F'\t' '$2 == "" && (($4 != "" && $4 != "1") || $5 != "" || $6 ~ /8388608/)' "$FIELDS" | head -n 10
  exit 1
fi
rm -f "$FIELDS"
echo "capture $NAME: $TOTAL SCTP packets, checksums good, 0 expert errors"
