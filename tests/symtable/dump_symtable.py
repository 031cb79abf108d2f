#!/usr/bin/python3.11
# tests/symtable/dump_symtable.py -- python3.11's symtable module view of source files, in the
# text format of `tpy --dump-symtable` (interp/compile/symtable_dump.h).
#
#   dump_symtable.py FILE            the dump of one file
#   dump_symtable.py PATH...         "== FILE" and its dump for every file (and every *.py under
#                                    each directory, sorted)
# A file CPython cannot parse prints "parse-error: <Type>: <msg> line <n>"; a symbol table
# error (or a future-import error) prints its full location and text.
import ast
import os
import symtable
import sys

import _symtable

FLAG_NAMES = [(1, "DEF_GLOBAL"), (2, "DEF_LOCAL"), (4, "DEF_PARAM"), (8, "DEF_NONLOCAL"),
              (16, "USE"), (32, "DEF_FREE"), (64, "DEF_FREE_CLASS"), (128, "DEF_IMPORT"),
              (256, "DEF_ANNOT"), (512, "DEF_COMP_ITER")]
SCOPE_NAMES = {0: "NONE", 1: "LOCAL", 2: "GLOBAL_EXPLICIT", 3: "GLOBAL_IMPLICIT", 4: "FREE",
               5: "CELL"}
LOW_BITS = (1 << _symtable.SCOPE_OFF) - 1


def flag_text(flags):
    names = [n for bit, n in FLAG_NAMES if flags & bit]
    return "|".join(names) if names else "0"


def dump_table(table, out, indent):
    raw = table._table
    out.append(f"{' ' * indent}{table.get_type()} {table.get_name()} line={table.get_lineno()} "
               f"nested={int(table.is_nested())} varnames=[{','.join(raw.varnames)}]")
    # Symbols keep CPython's order, except the ones a block holds only to pass a free variable
    # to its children: CPython appends those in set (hash) order, so both sides sort them.
    names = list(table.get_identifiers())
    own = [n for n in names if raw.symbols[n] & LOW_BITS]
    passed = sorted(n for n in names if not raw.symbols[n] & LOW_BITS)
    for name in own + passed:
        sym = table.lookup(name)
        flags = raw.symbols[name]
        props = [("parameter", sym.is_parameter()), ("global", sym.is_global()),
                 ("declared_global", sym.is_declared_global()), ("local", sym.is_local()),
                 ("free", sym.is_free()), ("nonlocal", sym.is_nonlocal()),
                 ("referenced", sym.is_referenced()), ("assigned", sym.is_assigned()),
                 ("imported", sym.is_imported()), ("annotated", sym.is_annotated()),
                 ("namespace", sym.is_namespace())]
        text = "".join(" " + p for p, on in props if on)
        scope = (flags >> _symtable.SCOPE_OFF) & _symtable.SCOPE_MASK
        out.append(f"{' ' * (indent + 2)}{name} flags={flag_text(flags & LOW_BITS)} "
                   f"scope={SCOPE_NAMES[scope]}{text}")
    for child in table.get_children():
        dump_table(child, out, indent + 2)


def error_text(e):
    if isinstance(e, SyntaxError):
        return (f"error: {type(e).__name__}: {e.msg} at {e.lineno or 0}:{e.offset or 0}-"
                f"{e.end_lineno or 0}:{e.end_offset or 0} text={e.text!r}")
    return f"error: {type(e).__name__}: {e} at 0:0-0:0 text=None"


def dump_file(path):
    with open(path, "rb") as f:
        data = f.read()
    try:
        top = symtable.symtable(data, path, "exec")
    except (SyntaxError, ValueError, RecursionError, MemoryError) as e:
        # Parse errors are the parser's business (tests/run_tests.py astdump): report only
        # their type, message and line.
        try:
            ast.parse(data, path)
        except (SyntaxError, ValueError, MemoryError) as pe:
            return f"parse-error: {type(pe).__name__}: {getattr(pe, 'msg', pe)} line " \
                   f"{getattr(pe, 'lineno', 0) or 0}\n"
        except RecursionError:
            pass
        return error_text(e) + "\n"
    out = []
    dump_table(top, out, 0)
    return "\n".join(out) + "\n"


def py_files(path):
    """[path] itself, or the *.py files below it in the order `tpy --dump-symtable` walks."""
    if not os.path.isdir(path):
        yield path
        return
    for name in sorted(n for n in os.listdir(path) if not n.startswith(".")):
        child = os.path.join(path, name)
        if os.path.isdir(child):
            yield from py_files(child)
        elif name.endswith(".py"):
            yield child


def main(args):
    if len(args) == 1 and not os.path.isdir(args[0]):
        sys.stdout.write(dump_file(args[0]))
        return 0
    for arg in args:
        for path in py_files(arg):
            sys.stdout.write(f"== {path}\n")
            sys.stdout.write(dump_file(path))
    return 0


if __name__ == "__main__":
    sys.stdout.reconfigure(errors="surrogateescape")
    sys.exit(main(sys.argv[1:]))
