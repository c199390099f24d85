#!/usr/bin/env python3
"""Writes a test copy of a shipped dpsctp-gateway config (config/*.yaml).

The copy keeps what the file says about listeners, routes, PPIDs, streams, tunables and
upstream pools, and replaces what only fits the machine it was written for (PCI NICs,
hugepages, socket paths, log files) with test-friendly values given on the command line:

  make_test_config.py IN OUT [--set PATH=JSON]... [--del PATH]... [--append PATH=JSON]...
  make_test_config.py IN --listeners     print "name port route outbound inbound ppids" lines

PATH is dotted with list indices, e.g. eal.vdevs, listeners[0].ppids, upstreams[0].members.
"""
import json
import re
import sys

import yaml


def walk(doc, path, create=True):
    parts = re.findall(r"[^.\[\]]+|\[\d+\]", path)
    node = doc
    for p in parts[:-1]:
        if p.startswith("["):
            node = node[int(p[1:-1])]
        else:
            if p not in node and create:
                node[p] = {}
            node = node[p]
    last = parts[-1]
    return node, (int(last[1:-1]) if last.startswith("[") else last)


def main(argv):
    doc = yaml.safe_load(open(argv[1]))
    if argv[2] == "--listeners":
        for l in doc["listeners"]:
            print(l["name"], l["port"], l["route"], l.get("outbound_streams", 10),
                  l.get("max_inbound_streams", 65535),
                  ",".join(str(p) for p in l.get("ppids", [])) or "-")
        return 0
    out = argv[2]
    args = argv[3:]
    for flag, spec in zip(args[::2], args[1::2]):
        if flag == "--del":
            node, key = walk(doc, spec, create=False)
            if isinstance(node, dict):
                node.pop(key, None)
            continue
        path, value = spec.split("=", 1)
        node, key = walk(doc, path)
        if flag == "--set":
            node[key] = json.loads(value)
        elif flag == "--append":
            node.setdefault(key, []).append(json.loads(value))
        else:
            raise SystemExit(f"unknown flag {flag}")
    with open(out, "w") as f:
        yaml.safe_dump(doc, f, sort_keys=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
