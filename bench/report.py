#!/usr/bin/env python3
"""Merges Google Benchmark JSON files and writes the summary table of scripts/bench.

Usage: report.py --out-json latest.json --out-md latest.md [--e2e E2E.json]
                 [--memif-echo MEMIF_ECHO.log] RUN.json...

--e2e: bench/e2e_memif.sh's E2E_OUT file (loadgen <-> gateway over memif: maximum rate
and RTT percentiles at 10/50/90 % of it); --memif-echo: bench/memif_echo_bench.sh's output
(its JSON line is kept). Both end up in latest.json ("e2e_memif", "memif_echo") and in a
table of latest.md.

Rates are computed by Google Benchmark on CPU time (single-threaded benchmarks; the
machine is shared, so CPU time is steadier than wall time). Ratios are dpsctp / usrsctp
for the same workload in the same run.
"""
import argparse
import json
import os
import platform
import subprocess
import time


def load(paths):
    runs, context = {}, None
    for path in paths:
        with open(path) as f:
            doc = json.load(f)
        context = context or doc.get("context", {})
        binary = os.path.splitext(os.path.basename(path))[0]
        for b in doc.get("benchmarks", []):
            b["binary"] = binary
            runs[b["name"]] = b
    return runs, context


def ns(b):
    scale = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[b.get("time_unit", "ns")]
    return b["cpu_time"] * scale


def fmt_rate(x):
    if x is None:
        return "n/a"
    for unit, div in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if x >= div:
            return f"{x / div:.2f} {unit}/s"
    return f"{x:.0f} /s"


def fmt_ns(x):
    return "n/a" if x is None else (f"{x:.1f} ns" if x < 1e4 else f"{x / 1e3:.1f} µs")


def fmt_bytes(x):
    return "n/a" if x is None else f"{x:,.0f} B"


def ratio(a, b):
    return "n/a" if a is None or b is None or b == 0 else f"{a / b:.1f}×"


def get(runs, name, key):
    b = runs.get(name)
    if b is None or b.get("error_occurred"):
        return None
    if key == "ns":
        return ns(b)
    return b.get(key)


def machine():
    model, mhz = platform.processor() or "?", None
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if line.startswith("Model name:"):
                model = line.split(":", 1)[1].strip()
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} vCPU"


def table(runs, context):
    g = lambda n, k: get(runs, n, k)  # noqa: E731
    out = []
    when = context.get("date") or time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())
    out.append(f"Run {when} on {machine()} "
               f"(TSC {context.get('mhz_per_cpu', '?')} MHz, load avg "
               f"{', '.join(f'{x:.1f}' for x in context.get('load_avg', []))}). "
               "CPU time, one thread.\n")
    out.append("### Core (in-memory, one thread): dpsctp vs usrsctp (AF_CONN)\n")
    out.append("| workload | dpsctp | usrsctp | dpsctp/usrsctp |")
    out.append("|---|---|---|---|")
    for size in (32, 128, 512, 1400):
        best_d, best_u = None, None
        for nd in (0, 1):
            d = g(f"BM_CoreOneWay/bytes:{size}/nodelay:{nd}/crc_offload:0", "items_per_second")
            u = g(f"BM_UsrsctpOneWay/bytes:{size}/nodelay:{nd}", "items_per_second")
            best_d = max(filter(None, [best_d, d]), default=None)
            best_u = max(filter(None, [best_u, u]), default=None)
            out.append(f"| one-way {size} B msgs, nodelay={nd} | {fmt_rate(d)} | {fmt_rate(u)} | "
                       f"{ratio(d, u)} |")
        out.append(f"| **one-way {size} B, best of each** | **{fmt_rate(best_d)}** | "
                   f"**{fmt_rate(best_u)}** | **{ratio(best_d, best_u)}** |")
    d = g("BM_CoreHandshake", "items_per_second")
    u = g("BM_UsrsctpHandshake", "items_per_second")
    out.append(f"| handshakes (4-way + ABORT) | {fmt_rate(d)} | {fmt_rate(u)} | {ratio(d, u)} |")
    d = g("BM_MemoryPerIdleAssoc/assocs:1000/iterations:1", "bytes_per_assoc")
    u = g("BM_UsrsctpMemoryPerAssoc/1000/iterations:1", "bytes_per_assoc")
    out.append(f"| heap per idle association, server, 1 K | {fmt_bytes(d)} | {fmt_bytes(u)} | "
               f"{ratio(d, u)} |")
    out.append("\nRatios > 1 favour dpsctp for rates; for heap bytes a ratio > 1 means dpsctp "
               "uses more.\n")
    out.append("### Core, dpsctp only\n")
    out.append("| workload | result |")
    out.append("|---|---|")
    for size in (32, 128, 512, 1400):
        out.append(f"| echo {size} B (round trips) | "
                   f"{fmt_rate(g(f'BM_CoreEcho/bytes:{size}', 'items_per_second'))} |")
    for size in (128, 1400):
        out.append(f"| one-way {size} B, CRC32c offloaded (NIC path) | "
                   f"{fmt_rate(g(f'BM_CoreOneWay/bytes:{size}/nodelay:0/crc_offload:1', 'items_per_second'))} |")
    out.append(f"| INIT -> INIT ACK (stateless, cookie MAC) | "
               f"{fmt_rate(g('BM_CoreInitToInitAck', 'items_per_second'))} |")
    for n in (1000, 1000000):
        b = runs.get(f"BM_MemoryPerIdleAssoc/assocs:{n}/iterations:1")
        if b and b.get("error_occurred"):
            out.append(f"| heap per idle association, {n:,} assocs | {b.get('error_message')} |")
        elif b:
            out.append(f"| heap per idle association, {n:,} assocs | "
                       f"{fmt_bytes(b.get('bytes_per_assoc'))} (+ {fmt_bytes(b.get('endpoint_fixed_bytes'))} "
                       "fixed per endpoint) |")
    out.append("")
    out.append("### Micro\n")
    out.append("| benchmark | 64 B | 256 B | 1500 B | 9000 B |")
    out.append("|---|---|---|---|---|")
    for impl in ("crc32c", "crc32c_isal", "crc32c_sse42", "crc32c_portable"):
        cells = []
        for n in (64, 256, 1500, 9000):
            b = runs.get(f"BM_Crc32c<dpsctp::wire::{impl}>/{n}")
            cells.append("n/a" if not b else
                         f"{ns(b):.1f} ns, {b.get('bytes_per_second', 0) / 1e9:.1f} GB/s")
        out.append(f"| {impl} | " + " | ".join(cells) + " |")
    for off in (0, 1):
        cells = [fmt_ns(g(f"BM_PacketFinish/bytes:{n}/offload:{off}", "ns"))
                 for n in (64, 256, 1500, 9000)]
        label = "finish() with offload (skip CRC)" if off else "finish() software CRC"
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    cells = [fmt_ns(g(f"BM_VerifyChecksum/{n}", "ns")) for n in (64, 256, 1500, 9000)]
    out.append("| RX verify_sctp_checksum | " + " | ".join(cells) + " |")
    out.append("")
    out.append("| benchmark | time/op |")
    out.append("|---|---|")
    rows = [
        ("parse + CRC verify, SACK + 1 DATA (128 B)", "BM_ParseBundledPacket/1"),
        ("parse + CRC verify, SACK + 10 DATA", "BM_ParseBundledPacket/10"),
        ("parse only, SACK + 10 DATA", "BM_ParseOnlyNoChecksum/10"),
        ("build DATA packet 128 B (+CRC)", "BM_BuildDataPacket/128"),
        ("build DATA packet 1400 B (+CRC)", "BM_BuildDataPacket/1400"),
    ]
    for gaps in (0, 4, 16):
        rows.append((f"SACK, {gaps} gap blocks: (64 add() + 2 SACKs) / 2",
                     f"BM_SackAckCycle/gaps:{gaps}"))
        rows.append((f"SACK, {gaps} gap blocks, duplicate (nothing new)",
                     f"BM_SackDuplicate/gaps:{gaps}"))
    for n in ("1000", "100000", "1000000"):
        rows.append((f"vtag lookup via Endpoint::handle_packet (dup SACK), {int(n):,} assocs",
                     f"BM_LookupViaEndpoint/assocs:{n}"))
        rows.append((f"vtag lookup, unordered_map alone, {int(n):,} assocs",
                     f"BM_LookupUnorderedMap/assocs:{n}"))
    rows += [
        ("timer arm+cancel, 1 K ids", "BM_TimerArmCancel/ids:1024"),
        ("timer arm+cancel, 1 M ids", "BM_TimerArmCancel/ids:1048576"),
        ("timer re-arm, 1 M ids", "BM_TimerRearm/ids:1048576"),
        ("timer expire (per timer), 64 K ids", "BM_TimerExpire/ids:65536"),
        ("cookie create (HMAC-SHA256)", "BM_CookieCreate"),
        ("cookie verify (HMAC-SHA256)", "BM_CookieVerify"),
    ]
    for label, name in rows:
        b = runs.get(name)
        if b is None or b.get("error_occurred"):
            continue
        t = ns(b)
        if name.startswith("BM_SackAckCycle"):
            t /= 2  # two SACKs per iteration
        if name.startswith("BM_TimerExpire"):
            t = 1e9 / b["items_per_second"]
        out.append(f"| {label} | {fmt_ns(t)} |")
    errors = [f"{n}: {b.get('error_message')}" for n, b in runs.items() if b.get("error_occurred")]
    if errors:
        out.append("\nErrors: " + "; ".join(errors))
    return "\n".join(out) + "\n"


def load_memif_echo(path):
    """The client's JSON line of memif_echo_bench.sh's output (None if absent)."""
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith("{") and '"msgs_per_s"' in line:
                return json.loads(line)
    return None


def fmt_us(ns_value):
    return f"{ns_value / 1e3:.1f}"


E2E_LABELS = {
    "max": "maximum: closed loop",
    "open_10": "open loop, 10 % of max",
    "open_50": "open loop, 50 % of max",
    "open_90": "open loop, 90 % of max",
    "peer_shards_1": "closed loop vs dpsctp_stack_peer, 1 shard",
    "peer_shards_2": "closed loop vs dpsctp_stack_peer, 2 shards",
}


def e2e_table(e2e, memif_echo):
    out = []
    if e2e:
        c = e2e["config"]
        out.append("### End to end: dpsctp-loadgen <-> dpsctp-gateway (echo) over net_memif\n")
        out.append(f"{c['size']} B messages, PPID {c['ppid']}, {c['associations']} associations x "
                   f"{c['streams']} streams (closed loop: window {c['window']} per association), "
                   f"{c['seconds']:.0f} s per point after {c['warmup_s']:.0f} s warm-up; one "
                   "busy-polling lcore per process (gateway CPU 0, loadgen CPU 1); load average "
                   f"after the run {', '.join(f'{x:.1f}' for x in e2e.get('load_avg_after', []))}. "
                   "RTT = loadgen send -> echo received, µs.\n")
        out.append("| point | offered | echoes/s | p50 | p99 | p99.9 | max |")
        out.append("|---|---|---|---|---|---|---|")
        for p in e2e["points"]:
            r = p["rtt_ns"]
            offered = fmt_rate(p["offered_msgs_per_s"]) if p["offered_msgs_per_s"] > 0 else "—"
            if not p.get("ok", True):
                out.append(f"| {E2E_LABELS.get(p['name'], p['name'])} | {offered} | "
                           f"**FAILED** ({p.get('lost', 0)} lost): {p.get('error', '')} | | | | |")
                continue
            out.append(f"| {E2E_LABELS.get(p['name'], p['name'])} | {offered} | "
                       f"{fmt_rate(p['msgs_per_s'])} | {fmt_us(r['p50'])} | {fmt_us(r['p99'])} | "
                       f"{fmt_us(r['p99_9'])} | {fmt_us(r['max'])} |")
        out.append("")
    if memif_echo:
        out.append(f"memif_echo_bench (two dpsctp_stack_peer, {memif_echo.get('size')} B, "
                   f"window {memif_echo.get('window')}, {memif_echo.get('associations', 1)} "
                   f"association): **{fmt_rate(memif_echo.get('msgs_per_s'))}** echoes.\n")
    return "\n".join(out) + ("\n" if out else "")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--out-json", required=True)
    p.add_argument("--out-md", required=True)
    p.add_argument("--e2e", help="bench/e2e_memif.sh E2E_OUT file")
    p.add_argument("--memif-echo", help="bench/memif_echo_bench.sh output")
    p.add_argument("inputs", nargs="+")
    a = p.parse_args()
    runs, context = load(a.inputs)
    doc = {"context": context, "benchmarks": list(runs.values())}
    e2e = memif_echo = None
    if a.e2e:
        with open(a.e2e) as f:
            e2e = doc["e2e_memif"] = json.load(f)
    if a.memif_echo:
        memif_echo = doc["memif_echo"] = load_memif_echo(a.memif_echo)
    with open(a.out_json, "w") as f:
        json.dump(doc, f, indent=1)
    with open(a.out_md, "w") as f:
        extra = e2e_table(e2e, memif_echo)
        f.write(table(runs, context) + ("\n" + extra if extra.strip() else ""))


if __name__ == "__main__":
    main()
