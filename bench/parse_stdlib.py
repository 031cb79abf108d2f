#!/usr/bin/python3.11
# bench/parse_stdlib.py -- Parse speed: `tpy --parse-only` vs python3.11's ast.parse, one run.
#
# Both sides parse every .py file under the stdlib root in one process and time the parsing
# only (files are read before the clock starts). Prints both times and the ratio.
import argparse
import ast
import os
import re
import subprocess
import sys
import time


def py_files(root):
    for d, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".py"):
                yield os.path.join(d, name)


def cpython_seconds(files):
    sources = []
    for path in files:
        with open(path, "rb") as f:
            sources.append((path, f.read()))
    t0 = time.perf_counter()
    for path, src in sources:
        try:
            ast.parse(src, path)
        except SyntaxError:
            pass
    return time.perf_counter() - t0


def tpy_seconds(tpy, root):
    p = subprocess.run([tpy, "--parse-only", root], capture_output=True, text=True)
    m = re.search(r"parsed (\d+) files, (\d+) lines, (\d+) errors in ([\d.]+) s", p.stdout)
    if not m:
        sys.exit(f"unexpected output from tpy --parse-only: {p.stdout!r} {p.stderr[-300:]!r}")
    return int(m[1]), int(m[2]), int(m[3]), float(m[4])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tpy", default=os.path.join(os.path.dirname(__file__), "..", "build", "tpy"))
    ap.add_argument("--root", default="/usr/lib/python3.11")
    ap.add_argument("--repeat", type=int, default=3, help="best of N for each side")
    args = ap.parse_args()
    files = list(py_files(args.root))
    cp = min(cpython_seconds(files) for _ in range(args.repeat))
    runs = [tpy_seconds(args.tpy, args.root) for _ in range(args.repeat)]
    nfiles, lines, errors, _ = runs[0]
    tp = min(r[3] for r in runs)
    print(f"stdlib parse: {nfiles} files, {lines} lines ({errors} rejected by tpy)")
    print(f"  python3.11 ast.parse : {cp:.3f} s")
    print(f"  tpy --parse-only     : {tp:.3f} s")
    print(f"  ratio                : tpy is {cp / tp:.1f}x faster than python3.11")


if __name__ == "__main__":
    main()
