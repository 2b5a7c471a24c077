"""Print how many golden cases of issue 12 pass, per class: python tests/cases/tally.py [-v]

-v also lists each failing case, and each case marked open that passes now
(remove its "open" mark).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import normalize

GOLDEN = json.loads((Path(__file__).parent / "engine_v2.json").read_text(encoding="utf-8"))


def main(verbose: bool) -> int:
    passed: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    stale = 0
    for case in GOLDEN["cases"]:
        report = normalize.fix(case["input"])
        kind = "typo" if "output" in case else "control"
        want = case.get("output", case["input"])
        ok = report.fixed == want and (kind == "typo" or not report.fixes)
        key = (str(case["class"]), kind)
        total[key] += 1
        passed[key] += ok
        if ok and case.get("open"):
            stale += 1
        if verbose and (ok == bool(case.get("open"))):
            label = "PASSES, unmark open" if ok else "FAILS"
            print(f"{label}: [{case['class']}] {case['input']!r} -> {report.fixed!r}")
    print(f"{'class':<6}{'controls':>10}{'typos':>10}  name")
    for cls, name in GOLDEN["classes"].items():
        c, t = (cls, "control"), (cls, "typo")
        print(f"{cls:<6}{passed[c]:>4}/{total[c]:<5}{passed[t]:>4}/{total[t]:<5}  {name}")
    all_ok, all_n = sum(passed.values()), sum(total.values())
    n_open = sum(1 for c in GOLDEN["cases"] if c.get("open"))
    print(f"all   {all_ok}/{all_n} pass; {n_open} marked open; {stale} open but passing")
    return 0


if __name__ == "__main__":
    sys.exit(main("-v" in sys.argv[1:]))
