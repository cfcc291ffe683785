#!/usr/bin/env python3
"""Checks numpy_subject.py against formulary's golden vectors.

Usage: check_golden.py VECTOR_DIR [--wrong]
Loads every <ID>.jsonl file for a formula the NumPy subject implements, evaluates each case and compares it
with the expected value under the case's own tolerance. Prints one line per failure and a closing
'N passed, M failed' line; exits 1 when a case failed.
"""
import json
import pathlib
import sys

import numpy as np

import numpy_subject

IMPLEMENTED = {"CONTRA-F2", "CONTRA-F3", "CONTRA-F4", "CONTRA-F8", "CONTRA-F9"}


def parse(value):
    if isinstance(value, str):
        return float.fromhex(value) if "0x" in value.lower() else float(value)
    if isinstance(value, list):
        return [parse(v) for v in value]
    return value


def within(actual, expected, tol):
    a = np.asarray(actual, dtype=np.float64)
    e = np.asarray(parse(expected), dtype=np.float64)
    if a.shape != e.shape:
        return False, f"shape {a.shape} != {e.shape}"
    metric, bound = tol["metric"], float(parse(tol["bound"]))
    diff = np.abs(a - e)
    if metric == "exact":
        ok = np.array_equal(a, e)
    elif metric in ("absolute", "entrywise-absolute"):
        ok = bool(np.all(diff <= bound))
    elif metric == "normwise-relative":
        ok = np.linalg.norm(a - e) <= bound * max(np.linalg.norm(a), np.linalg.norm(e))
    elif metric == "ulps":
        ok = bool(np.all(diff <= bound * np.spacing(np.maximum(np.abs(a), np.abs(e)))))
    else:
        return False, f"unknown metric {metric}"
    return ok, f"max error {diff.max():.3g}, {metric} bound {bound:.3g}"


def main():
    directory = pathlib.Path(sys.argv[1])
    numpy_subject.WRONG = "--wrong" in sys.argv
    passed = failed = 0
    for path in sorted(directory.glob("*.jsonl")):
        if path.stem not in IMPLEMENTED:
            continue
        for line in path.read_text().splitlines():
            case = json.loads(line)
            args = {k: parse(v) if not isinstance(v, bool) else v for k, v in case["args"].items()}
            actual = numpy_subject.dispatch(case["fn"], args)
            ok, detail = within(actual, case["expected"], case["tolerance"])
            if ok:
                passed += 1
            else:
                failed += 1
                print(f"FAIL {case['case']}: {detail}")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed or not passed else 0)


if __name__ == "__main__":
    main()
