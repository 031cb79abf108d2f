#!/usr/bin/python3.11
# tests/run_tests.py -- Runs tpy against CPython 3.11 expectations (committed or computed live).
#
#   run_tests.py --tpy BIN --oracle PY errors DIR   each DIR/NAME.py (or NAME.args) is run by tpy
#       and its stdout, stderr and exit status are compared with NAME.out / NAME.err / NAME.rc,
#       which tools/regen-expected produced by running python3.11 the same way.
#   run_tests.py --tpy BIN --oracle PY astdump DIR  every .py under DIR: `tpy --dump-ast` (with
#       and without --attributes) must print what python3.11's ast.dump prints; files CPython
#       rejects must be rejected with the same error type, message and line.
import argparse
import concurrent.futures
import json
import os
import shlex
import subprocess
import sys

PROG_TOKEN = "<PROG>"
# Both sides run with hashing fixed, so set and dict orders of strs are python3.11's own and
# reproducible (tpy's str hash is CPython's SipHash-1-3 under the same key).
# Leak checking stays on for the C++ unit tests; a program run keeps objects in the GC heap
# (which LeakSanitizer does not scan) until the collector of issue 4 frees them, so malloc'd
# memory they own would be reported as leaked at exit.
CASE_ENV = dict(os.environ, PYTHONHASHSEED="0",
                ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "") + ":detect_leaks=0")


def case_command(binary, path):
    """The argv that runs case [path] (NAME.py or NAME.args) under [binary], and its cwd."""
    d, name = os.path.split(path)
    if name.endswith(".args"):
        with open(path) as f:
            args = shlex.split(f.read())
    else:
        args = [name]
    return [binary] + args, d


def normalise(text, binary, case_dir):
    """Removes what differs between machines and programs: paths and the program's name."""
    text = text.replace(binary, PROG_TOKEN).replace(case_dir, "<DIR>")
    return text.replace("Try `python -h'", "Try `tpy -h'")


# Seconds per case; the sanitizer and GC-stress passes are several times slower.
CASE_TIMEOUT = float(os.environ.get("TPY_TEST_TIMEOUT", "60"))


def run_case(binary, path, stdin_path):
    argv, cwd = case_command(binary, path)
    stdin = open(stdin_path, "rb") if os.path.exists(stdin_path) else subprocess.DEVNULL
    try:
        p = subprocess.run(argv, cwd=cwd, stdin=stdin, capture_output=True,
                           timeout=CASE_TIMEOUT, env=CASE_ENV)
    except subprocess.TimeoutExpired:
        return None
    finally:
        if stdin is not subprocess.DEVNULL:
            stdin.close()
    out = normalise(p.stdout.decode("utf-8", "replace"), binary, cwd)
    err = normalise(p.stderr.decode("utf-8", "replace"), binary, cwd)
    return out, err, p.returncode


def case_files(d):
    for name in sorted(os.listdir(d)):
        if name.endswith(".py") or name.endswith(".args"):
            yield os.path.join(d, name)


def expected_of(path):
    base = path.rsplit(".", 1)[0]
    def read(ext, default=""):
        try:
            with open(base + ext, encoding="utf-8") as f:
                return f.read()
        except FileNotFoundError:
            return default
    return read(".out"), read(".err"), int(read(".rc", "0").strip() or 0), base + ".in"


def cmd_errors(args):
    failures = 0
    cases = list(case_files(args.dir))
    def run(path):
        want_out, want_err, want_rc, stdin_path = expected_of(path)
        return path, (want_out, want_err, want_rc), run_case(args.tpy, path, stdin_path)
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(run, cases))
    for path, (want_out, want_err, want_rc), got in results:
        if got is None:
            print(f"FAIL {path}: timed out")
            failures += 1
            continue
        out, err, rc = got
        if (out, err, rc) != (want_out, want_err, want_rc):
            failures += 1
            if failures > args.show:
                continue
            print(f"FAIL {path}")
            if rc != want_rc:
                print(f"  exit status {rc}, expected {want_rc}")
            for label, g, w in (("stdout", out, want_out), ("stderr", err, want_err)):
                if g != w:
                    print(f"  {label}: got {g[-2000:]!r}\n  {label}: expected {w[-2000:]!r}")
    print(f"{len(cases) - failures}/{len(cases)} cases passed")
    return 1 if failures else 0


def cmd_regen(args):
    """Writes NAME.out/.err/.rc for every case by running the oracle."""
    for path in case_files(args.dir):
        base = path.rsplit(".", 1)[0]
        out, err, rc = run_case(args.oracle, path, base + ".in")
        for ext, text in ((".out", out), (".err", err), (".rc", f"{rc}\n")):
            if ext == ".rc" or text:
                with open(base + ext, "w", encoding="utf-8") as f:
                    f.write(text)
            elif os.path.exists(base + ext):
                os.remove(base + ext)
    return 0


ORACLE_DUMP = r"""
import ast, json, sys
res = {}
for path in sys.argv[1:]:
    try:
        with open(path, 'rb') as f:
            tree = ast.parse(f.read(), path)
        res[path] = ['ok', ast.dump(tree), ast.dump(tree, include_attributes=True)]
    except SyntaxError as e:
        res[path] = ['error', type(e).__name__, e.msg, e.lineno]
    except (ValueError, RecursionError, MemoryError) as e:
        res[path] = ['other', type(e).__name__, str(e)]
json.dump(res, sys.stdout)
"""


def py_files(root):
    for d, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".py"):
                yield os.path.join(d, name)


# LeakSanitizer's exit-time scan costs ~0.2 s per process, which over 3,300 dumps is most of
# the sanitizer pass; leaks are checked by the in-process unit and fuzz tests and the error
# cases instead.
DUMP_ENV = dict(os.environ, ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "") + ":detect_leaks=0")


def tpy_dump(binary, path, attributes):
    argv = [binary, "--dump-ast"] + (["--attributes"] if attributes else []) + [path]
    p = subprocess.run(argv, capture_output=True, timeout=120, env=DUMP_ENV)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def check_file(binary, path, want):
    """Returns None when tpy agrees with the oracle on [path], else a description."""
    if want[0] == "ok":
        for attributes, expected in ((False, want[1]), (True, want[2])):
            rc, out, err = tpy_dump(binary, path, attributes)
            if rc != 0 or out.rstrip("\n") != expected:
                return describe_mismatch(path, attributes, rc, out, err, expected)
        return None
    rc, out, err = tpy_dump(binary, path, False)
    lines = err.rstrip("\n").split("\n")
    if want[0] == "error":
        want_last = f"{want[1]}: {want[2]}"
        # Errors without a location (lineno 0 or None: source decoding) print no File line.
        located = bool(want[3])
        want_line = f", line {want[3]}"
        if rc == 1 and lines[-1] == want_last and (not located or want_line in lines[0]):
            return None
        return f"{path}: expected {want_last} at line {want[3]}, got rc={rc}: {err[-400:]!r}"
    if rc == 1 and lines[-1].startswith(want[1]):
        return None
    return f"{path}: expected {want[1]}: {want[2]}, got rc={rc}: {err[-400:]!r}"


def describe_mismatch(path, attributes, rc, out, err, expected):
    flag = " --attributes" if attributes else ""
    if rc != 0:
        return f"{path}{flag}: tpy exited {rc}: {err[-600:]!r}"
    got = out.rstrip("\n")
    i = next((k for k in range(min(len(got), len(expected))) if got[k] != expected[k]),
             min(len(got), len(expected)))
    lo = max(0, i - 150)
    return (f"{path}{flag}: first difference at char {i}\n"
            f"   got: ...{got[lo:i + 150]}\n  want: ...{expected[lo:i + 150]}")


def cmd_astdump(args):
    files = list(py_files(args.dir))
    oracle = {}
    chunk = 64
    for k in range(0, len(files), chunk):
        p = subprocess.run([args.oracle, "-c", ORACLE_DUMP] + files[k:k + chunk],
                           capture_output=True, check=True)
        oracle.update(json.loads(p.stdout))
    failures = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as ex:
        for res in ex.map(lambda f: check_file(args.tpy, f, oracle[f]), files):
            if res:
                failures.append(res)
    for f in failures[: args.show]:
        print("FAIL", f)
    print(f"{len(files) - len(failures)}/{len(files)} files match CPython's ast.dump")
    return 1 if failures else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tpy", required=True)
    ap.add_argument("--oracle", default="/usr/bin/python3.11")
    ap.add_argument("--show", type=int, default=50, help="mismatches to print")
    ap.add_argument("--jobs", type=int, default=2, help="cases run at once")
    ap.add_argument("mode", choices=["errors", "regen", "astdump"])
    ap.add_argument("dir")
    args = ap.parse_args()
    args.tpy = os.path.abspath(args.tpy)
    args.dir = os.path.abspath(args.dir)
    return {"errors": cmd_errors, "regen": cmd_regen, "astdump": cmd_astdump}[args.mode](args)


if __name__ == "__main__":
    sys.exit(main())
