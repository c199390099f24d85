#!/usr/bin/env python3
"""Sends one DPDK telemetry command and prints the JSON reply's value.

  telemetry_query.py SOCKET COMMAND     e.g. /var/run/dpdk/P/dpdk_telemetry.v2 /dpsctp/stats

The v2 socket is SOCK_SEQPACKET: the server first sends an info object, then one reply
per command, {"<command>": <value>}.
"""
import json
import socket
import sys


def main():
    s = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    s.settimeout(5)
    s.connect(sys.argv[1])
    s.recv(16384)  # the info object
    s.send(sys.argv[2].encode())
    reply = json.loads(s.recv(65536).decode())
    print(json.dumps(reply[sys.argv[2]]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
