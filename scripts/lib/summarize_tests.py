"""Prints 'tests: N passed, M failed' over every test meson ran in the given build dirs:
GoogleTest suites count their individual cases (from the <suite>.xml files meson's gtest
protocol writes), other tests (corpus replays, scripts) count once each (from
meson-logs/testlog.json)."""
import json
import os
import sys
import xml.etree.ElementTree as ET

passed = failed = skipped = 0
runs = []
for build in sys.argv[1:]:
    log = os.path.join(build, "meson-logs", "testlog.json")
    if not os.path.exists(log):
        failed += 1  # a build dir whose tests never ran
        continue
    with open(log) as f:
        runs += [(build, json.loads(line)) for line in f if line.strip()]
for build, t in runs:
    ok = t["result"] in ("OK", "EXPECTEDFAIL")
    xml = os.path.join(build, t["name"] + ".xml")
    cases = []
    if os.path.exists(xml):
        try:
            cases = list(ET.parse(xml).getroot().iter("testcase"))
        except ET.ParseError:
            cases = []
    if not cases:  # not a gtest suite, or one that crashed before writing its XML
        if t["result"] == "SKIP":
            skipped += 1
        elif ok:
            passed += 1
        else:
            failed += 1
        continue
    suite_failed = 0
    for case in cases:
        if case.find("failure") is not None:
            suite_failed += 1
        elif case.get("result") == "skipped" or case.find("skipped") is not None:
            skipped += 1
        else:
            passed += 1
    failed += suite_failed if (suite_failed or ok) else 1
print(f"tests: {passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
sys.exit(1 if failed or passed == 0 else 0)
