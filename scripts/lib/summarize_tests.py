"""Prints 'tests: N passed, M failed' over every GoogleTest case meson ran (from the
gtest XML files meson's gtest protocol writes) plus non-gtest tests from testlog.json."""
import glob
import json
import os
import sys
import xml.etree.ElementTree as ET

build = sys.argv[1]
passed = failed = skipped = crashed_suites = 0
for path in glob.glob(os.path.join(build, "**", "*.xml"), recursive=True):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        continue
    if root.tag != "testsuites":
        continue
    for case in root.iter("testcase"):
        if case.find("failure") is not None:
            failed += 1
        elif case.get("result") == "skipped" or case.find("skipped") is not None:
            skipped += 1
        else:
            passed += 1
log = os.path.join(build, "meson-logs", "testlog.json")
if os.path.exists(log):
    with open(log) as f:
        for line in f:
            t = json.loads(line)
            if t.get("protocol") == "gtest":
                # Cases were counted from the XML; a suite that crashed may have written
                # none, so its failure is counted here.
                if t["result"] not in ("OK", "SKIP"):
                    crashed_suites += 1
                continue
            if t["result"] == "OK":
                passed += 1
            elif t["result"] == "SKIP":
                skipped += 1
            else:
                failed += 1
failed = max(failed, crashed_suites)
print(f"tests: {passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
sys.exit(1 if failed or passed == 0 else 0)
