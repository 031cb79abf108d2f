#!/usr/bin/python3.11
# tests/symtable/dump_symtable.py -- python3.11's symtable module view of source files, in the
# text format of `tpy --dump-symtable` (interp/compile/symtable_dump.h).
#
#   dump_symtable.py FILE            the dump of one file
#   dump_symtable.py PATH...         "== FILE" and its dump for every file (and every *.py under
#                                    each directory, sorted)
# A file CPython cannot parse prints "parse-error: <Type>: <msg> line <n>"; a symbol table
# error (or a future-import error) prints its full location and text.
#
# The symtable module does not show whether a block is a generator or a coroutine, has *args or
# **kwargs, or (for a class) must create the __class__ cell; the code objects compile() makes
# from the same source do, in their co_flags and co_cellvars. Each block line ends with
# "code=" and those of generator, coroutine, varargs, varkeywords, class_cell that hold, or
# "code=?" where no code object could be matched to the block (compile() failed: errors of the
# code generator, such as 'return' outside function). A block's code object is found among its
# parent's code constants by name and first line.
import ast
import inspect
import os
import symtable
import sys
import types
import warnings

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


def code_text(table, code):
    if code is None:
        return "?"
    props = []
    if table.get_type() == "function":
        f = code.co_flags
        props = [("generator", f & (inspect.CO_GENERATOR | inspect.CO_ASYNC_GENERATOR)),
                 ("coroutine", f & (inspect.CO_COROUTINE | inspect.CO_ASYNC_GENERATOR)),
                 ("varargs", f & inspect.CO_VARARGS), ("varkeywords", f & inspect.CO_VARKEYWORDS)]
    elif table.get_type() == "class":
        props = [("class_cell", "__class__" in code.co_cellvars)]
    return ",".join(p for p, on in props if on)


def code_params(c):
    n = (c.co_argcount + c.co_kwonlyargcount + bool(c.co_flags & inspect.CO_VARARGS) +
         bool(c.co_flags & inspect.CO_VARKEYWORDS))
    return c.co_varnames[:n]


def block_name(t):
    """The co_name of the code object of block [t]."""
    name = t.get_name()
    if name == "lambda" or (name in ("listcomp", "setcomp", "dictcomp", "genexpr") and
                            list(t._table.varnames) == [".0"]):
        return f"<{name}>"
    return name


def code_shape(c):
    """What a code object shows of its block, apart from lines: name, parameters, locals, free
    variables and the shapes of its children."""
    children = [k for k in c.co_consts if isinstance(k, types.CodeType)]
    return (c.co_name, code_params(c), tuple(sorted(set(c.co_varnames) | set(c.co_cellvars))),
            tuple(sorted(c.co_freevars)), tuple(sorted(code_shape(k) for k in children)))


def block_shape(t):
    raw = t._table
    local = set()
    if t.get_type() == "function":
        local = {n for n, f in raw.symbols.items()
                 if (f >> _symtable.SCOPE_OFF) & _symtable.SCOPE_MASK in (_symtable.LOCAL,
                                                                          _symtable.CELL)}
    free = {n for n, f in raw.symbols.items()
            if (f >> _symtable.SCOPE_OFF) & _symtable.SCOPE_MASK == _symtable.FREE or
            f & _symtable.DEF_FREE_CLASS}
    return (block_name(t), tuple(raw.varnames), tuple(sorted(local)), tuple(sorted(free)),
            tuple(sorted(block_shape(k) for k in t.get_children())))


def match_children(table, code):
    """The code object of each child block of [table], or None."""
    children = table.get_children()
    if code is None:
        return [None] * len(children)
    consts = [c for c in code.co_consts if isinstance(c, types.CodeType)]
    if len(consts) != len(children):
        return [None] * len(children)
    # A decorated def's code starts at its first decorator, the block at `def`; compile.c also
    # visits decorators before defaults, a dict comprehension's key before its value and a
    # comprehension's outermost iterable after its body, the symbol table the other way round.
    # Sorting both sides by name, line and shape pairs them up anyway.
    by_block = sorted(enumerate(children), key=lambda ic: (
        block_name(ic[1]), ic[1].get_lineno(), block_shape(ic[1]), ic[0]))
    by_code = sorted(enumerate(consts), key=lambda ic: (
        ic[1].co_name, ic[1].co_firstlineno, code_shape(ic[1]), ic[0]))
    out = [None] * len(children)
    for (bi, b), (_, c) in zip(by_block, by_code):
        out[bi] = c if c.co_name == block_name(b) else None
    return out


def dump_table(table, out, indent, code):
    raw = table._table
    out.append(f"{' ' * indent}{table.get_type()} {table.get_name()} line={table.get_lineno()} "
               f"nested={int(table.is_nested())} varnames=[{','.join(raw.varnames)}] "
               f"code={code_text(table, code)}")
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
    for child, child_code in zip(table.get_children(), match_children(table, code)):
        dump_table(child, out, indent + 2, child_code)


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
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            code = compile(data, path, "exec", dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        code = None
    out = []
    dump_table(top, out, 0, code)
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
