#!/usr/bin/env python3.11
# tests/compile/dis_compare.py -- Compares `tpy --dis FILE` with python3.11's dis.dis(compile()).
#
# Usage: dis_compare.py --tpy BUILD/tpy [--threshold PCT] [--show N] [-O] PATH...
# PATH may be a file or a directory (all *.py below it). Code-object addresses are normalised
# away; everything else (line numbers, offsets, opnames, args, argreprs, exception tables) must
# match. Files python3.11 cannot compile are skipped. Exit status 0 when the share of files
# that match is at least the threshold (default 100%).
import argparse
import dis
import io
import os
import re
import subprocess
import sys
import warnings

ADDR = re.compile(r" at 0x[0-9a-f]+")


def python_dis(path, optimize):
    with open(path, "rb") as f:
        src = f.read()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        code = compile(src, path, "exec", optimize=optimize)
    out = io.StringIO()
    dis.dis(code, file=out)
    return ADDR.sub(" at 0x", out.getvalue())


def tpy_dis(tpy, path, optimize):
    cmd = [tpy] + (["-O"] * optimize) + ["--dis", path]
    r = subprocess.run(cmd, capture_output=True, timeout=120)
    if r.returncode != 0:
        return None, r.stderr.decode("utf-8", "replace")
    return ADDR.sub(" at 0x", r.stdout.decode("utf-8", "replace")), ""


def files_of(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for name in sorted(files):
                    if name.endswith(".py"):
                        yield os.path.join(root, name)
        else:
            yield p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tpy", required=True)
    ap.add_argument("--threshold", type=float, default=100.0)
    ap.add_argument("--show", type=int, default=3, help="diffs to print")
    ap.add_argument("--list", action="store_true", help="list mismatching files")
    ap.add_argument("-O", dest="optimize", action="count", default=0)
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    total = same = errors = 0
    shown = 0
    for path in files_of(args.paths):
        try:
            expected = python_dis(path, args.optimize)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        total += 1
        got, err = tpy_dis(args.tpy, path, args.optimize)
        if got == expected:
            same += 1
            continue
        if got is None:
            errors += 1
        if args.list:
            print("MISMATCH", path)
        if shown < args.show:
            shown += 1
            print("=== %s" % path)
            if got is None:
                print("tpy failed: " + err[:2000])
            else:
                import difflib
                diff = difflib.unified_diff(expected.splitlines(), got.splitlines(),
                                            "python3.11", "tpy", lineterm="", n=2)
                for k, line in enumerate(diff):
                    if k > 60:
                        print("...")
                        break
                    print(line)
    pct = 100.0 * same / total if total else 100.0
    print("dis_compare: %d/%d files identical (%.1f%%), %d tpy failures" % (same, total, pct, errors))
    return 0 if pct >= args.threshold else 1


if __name__ == "__main__":
    sys.exit(main())
