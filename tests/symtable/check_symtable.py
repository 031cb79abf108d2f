#!/usr/bin/python3.11
# tests/symtable/check_symtable.py -- Compares `tpy --dump-symtable` with python3.11's symtable
# module (dump_symtable.py) on every *.py file under the given paths.
#
#   check_symtable.py --tpy BIN [--oracle PY] [--jobs N] [--random COUNT --seed S] PATH...
#
# --random also checks COUNT programs from random_programs.py (written to a temporary directory).
#
# Files are handed to both sides in chunks, one process per chunk and side. A file CPython
# cannot parse only needs to be rejected by tpy's parser too (the parser's messages are checked
# by tests/run_tests.py astdump); everything else, symbol table errors included, must match
# line for line.
import argparse
import concurrent.futures
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DUMP_SCRIPT = os.path.join(HERE, "dump_symtable.py")
CHUNK = 150
ENV = dict(os.environ, ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "") + ":detect_leaks=0")


def py_files(path):
    """The *.py files of [path] in the order both dumpers walk directories."""
    if not os.path.isdir(path):
        yield path
        return
    for name in sorted(n for n in os.listdir(path) if not n.startswith(".")):
        child = os.path.join(path, name)
        if os.path.isdir(child):
            yield from py_files(child)
        elif name.endswith(".py"):
            yield child


def split_dump(text):
    """{path: dump text} from the "== path" sections of a multi-file dump."""
    sections = {}
    path, lines = None, []
    for line in text.split("\n"):
        if line.startswith("== "):
            if path is not None:
                sections[path] = "\n".join(lines)
            path, lines = line[3:], []
        else:
            lines.append(line)
    if path is not None:
        sections[path] = "\n".join(lines)
    return sections


def normalise_unknown_code(got, want):
    """[got] with the code properties of blocks the oracle could not check ("code=?") hidden."""
    g, w = got.split("\n"), want.split("\n")
    if len(g) != len(w):
        return got
    for i, (gl, wl) in enumerate(zip(g, w)):
        if wl.endswith(" code=?") and " code=" in gl:
            g[i] = gl[:gl.rindex(" code=")] + " code=?"
    return "\n".join(g)


def run(argv):
    p = subprocess.run(argv, capture_output=True, env=ENV, timeout=900)
    return p.stdout.decode("utf-8", "surrogateescape"), p.stderr.decode("utf-8", "replace")


def describe(path, got, want):
    g, w = got.split("\n"), want.split("\n")
    for i in range(max(len(g), len(w))):
        gl = g[i] if i < len(g) else "<missing>"
        wl = w[i] if i < len(w) else "<missing>"
        if gl != wl:
            ctx = "\n".join("      " + x for x in w[max(0, i - 3):i])
            return f"{path}: line {i + 1} of the dump differs\n{ctx}\n   got: {gl}\n  want: {wl}"
    return f"{path}: dumps differ"


def check_chunk(args, files):
    # Two files per argument list at least, so that both sides print "== path" headers.
    want_out, want_err = run([args.oracle, DUMP_SCRIPT] + files + files[:1] * (len(files) == 1))
    got_out, got_err = run([args.tpy, "--dump-symtable"] + files + files[:1] * (len(files) == 1))
    want, got = split_dump(want_out), split_dump(got_out)
    failures = []
    for f in files:
        w, g = want.get(f), got.get(f)
        if w is None:
            failures.append(f"{f}: the oracle printed nothing: {want_err[-400:]!r}")
        elif g is None:
            failures.append(f"{f}: tpy printed nothing: {got_err[-400:]!r}")
        elif w.startswith("parse-error:"):
            if not g.startswith("parse-error:"):
                failures.append(f"{f}: python3.11 cannot parse it ({w.strip()}), tpy can")
        elif g != w and normalise_unknown_code(g, w) != w:
            failures.append(describe(f, g, w))
    return failures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tpy", required=True)
    ap.add_argument("--oracle", default="/usr/bin/python3.11")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--show", type=int, default=30, help="mismatches to print")
    ap.add_argument("--random", type=int, default=0, help="random programs to check too")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("paths", nargs="*")
    args = ap.parse_args()
    paths = list(args.paths)
    tmp = None
    if args.random:
        sys.path.insert(0, HERE)
        import random_programs
        tmp = tempfile.mkdtemp(prefix="tpy_symtable_")
        random_programs.write_programs(tmp, args.random, args.seed)
        paths.append(tmp)
    try:
        return check(args, paths)
    finally:
        if tmp:
            shutil.rmtree(tmp)


def check(args, paths):
    files = [os.path.abspath(f) for p in paths for f in py_files(p)]
    chunks = [files[k:k + CHUNK] for k in range(0, len(files), CHUNK)]
    failures = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        for res in ex.map(lambda c: check_chunk(args, c), chunks):
            failures.extend(res)
    for f in failures[:args.show]:
        print("FAIL", f)
    print(f"{len(files) - len(failures)}/{len(files)} files match python3.11's symtable module")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
