#!/usr/bin/python3.11
# tests/symtable/random_programs.py -- Writes random programs that stress scoping rules, for
# check_symtable.py to compare tpy and python3.11 on.
#
#   random_programs.py OUTDIR COUNT SEED
#
# Programs nest functions, classes, lambdas and comprehensions and mix global/nonlocal
# declarations, walruses, private names, super(), parameters and imports over a small pool of
# names, so that the interesting cases (cells, free variables passed through classes, conflicts
# and their errors) come up often. Many programs are rejected by CPython's symbol table; the
# error and its location must then match too.
import os
import random
import sys

NAMES = ["a", "b", "c", "x", "__p", "__q__", "super", "__class__", "_C__p", "self"]


class Gen:
    def __init__(self, rng):
        self.r = rng
        self.lines = []

    def name(self):
        return self.r.choice(NAMES)

    def expr(self, depth, in_async=False, in_func=False):
        r = self.r
        k = r.randrange(16 if depth < 3 else 3)
        if k <= 2:
            return self.name()
        if k == 3:
            return str(r.randrange(10))
        if k == 4:
            return f"({self.expr(depth + 1, in_async, in_func)} + {self.expr(depth + 1, in_async, in_func)})"
        if k == 5:
            params = ", ".join(self.params())
            return f"(lambda {params}: {self.expr(depth + 1)})" if params else \
                f"(lambda: {self.expr(depth + 1)})"
        if k in (6, 7):
            kind = r.choice(["[{e} {g}]", "{{{e} {g}}}", "({e} {g})", "{{{e}: {e2} {g}}}"])
            gens = []
            for _ in range(r.randrange(1, 3)):
                tgt = r.choice([self.name(), f"({self.name()}, {self.name()})"])
                asy = "async " if in_async and r.random() < 0.2 else ""
                cond = f" if {self.expr(depth + 1, in_async, in_func)}" if r.random() < 0.3 else ""
                gens.append(f"{asy}for {tgt} in {self.expr(depth + 2, in_async, in_func)}{cond}")
            return kind.format(e=self.expr(depth + 1, in_async, in_func),
                               e2=self.expr(depth + 1, in_async, in_func), g=" ".join(gens))
        if k == 8:
            return f"({self.name()} := {self.expr(depth + 1, in_async, in_func)})"
        if k == 9:
            return f"{self.name()}({self.expr(depth + 1, in_async, in_func)})"
        if k == 10:
            return "super()"
        if k == 11 and in_async:
            return f"(await {self.expr(depth + 1, in_async, in_func)})"
        if k == 12 and in_func and r.random() < 0.3:
            return f"(yield {self.expr(depth + 1, in_async, in_func)})"
        if k == 13:
            return f"({self.expr(depth + 1, in_async, in_func)}).{self.name()}"
        return self.name()

    def params(self):
        r = self.r
        n = r.randrange(4)
        names = [r.choice(NAMES[:5] + ["p1", "p2", "p3"]) for _ in range(n)]
        if len(set(names)) != len(names) and r.random() < 0.8:
            names = list(dict.fromkeys(names))
        out = []
        for i, nm in enumerate(names):
            form = r.randrange(6)
            if form == 0 and "*" not in "".join(out):
                out.append("*" + nm)
            elif form == 1:
                out.append(f"{nm}={self.expr(2)}")
            else:
                out.append(nm)
        # Keep it syntactically valid: defaults after non-defaults are fine only in order.
        fixed, seen_default, seen_star = [], False, False
        for p in out:
            if p.startswith("*"):
                if seen_star:
                    continue
                seen_star = True
            elif "=" in p:
                seen_default = True
            elif seen_default and not seen_star:
                p = p + "=0"
            fixed.append(p)
        return fixed

    def block(self, indent, ctx, depth):
        r = self.r
        count = r.randrange(1, 5)
        for _ in range(count):
            self.stmt(indent, ctx, depth)

    def stmt(self, indent, ctx, depth):
        r = self.r
        pad = "    " * indent
        in_async = ctx == "async"
        in_func = ctx in ("func", "async")
        k = r.randrange(21 if depth < 4 else 10)
        if k <= 2:
            self.lines.append(f"{pad}{self.name()} = {self.expr(0, in_async, in_func)}")
        elif k == 3 and r.random() < 0.4:
            self.lines.append(f"{pad}{r.choice(['global', 'nonlocal'])} {self.name()}")
        elif k == 4:
            self.lines.append(f"{pad}{self.expr(0, in_async, in_func)}")
        elif k == 5:
            self.lines.append(f"{pad}{self.name()} += {self.expr(0, in_async, in_func)}")
        elif k == 6:
            self.lines.append(f"{pad}del {self.name()}")
        elif k == 7:
            ann = f"{self.name()}: {self.expr(1, in_async, in_func)}"
            if r.random() < 0.5:
                ann += f" = {self.expr(1, in_async, in_func)}"
            self.lines.append(pad + ann)
        elif k == 8:
            mod = r.choice(["os", "os.path", "__p.q", "a.b"])
            alias = f" as {self.name()}" if r.random() < 0.5 else ""
            if r.random() < 0.5:
                self.lines.append(f"{pad}import {mod}{alias}")
            else:
                self.lines.append(f"{pad}from {mod} import {self.name()}{alias}")
        elif k == 9 and in_func:
            self.lines.append(f"{pad}return {self.expr(0, in_async, in_func)}")
        elif k in (10, 11, 12):
            is_async = r.random() < 0.25
            nm = r.choice(NAMES[:5] + ["f", "g", "top", "listcomp"])
            deco = f"{pad}@{self.expr(1, in_async, in_func)}\n" if r.random() < 0.2 else ""
            self.lines.append(f"{deco}{pad}{'async ' if is_async else ''}def {nm}"
                              f"({', '.join(self.params())}):")
            self.block(indent + 1, "async" if is_async else "func", depth + 1)
        elif k in (13, 14):
            nm = r.choice(["C", "__D", "_", "K"])
            bases = f"({self.expr(1, in_async, in_func)})" if r.random() < 0.3 else ""
            self.lines.append(f"{pad}class {nm}{bases}:")
            self.block(indent + 1, "class", depth + 1)
        elif k == 15:
            self.lines.append(f"{pad}for {self.name()} in {self.expr(1, in_async, in_func)}:")
            self.block(indent + 1, ctx, depth + 1)
        elif k == 16:
            self.lines.append(f"{pad}try:")
            self.block(indent + 1, ctx, depth + 1)
            self.lines.append(f"{pad}except {self.name()} as {self.name()}:")
            self.block(indent + 1, ctx, depth + 1)
        elif k == 17:
            self.lines.append(f"{pad}with {self.expr(1, in_async, in_func)} as {self.name()}:")
            self.block(indent + 1, ctx, depth + 1)
        elif k == 18:
            self.lines.append(f"{pad}match {self.expr(1, in_async, in_func)}:")
            for _ in range(r.randrange(1, 3)):
                pat = r.choice(["[{n}, *{n2}]", "{{'k': {n}, **{n2}}}", "Cls({n}, kw={n2})",
                                "({n} | {n2}) as {n3}", "{n}", "_", "[*_]", "1 | 2"])
                guard = f" if {self.expr(1, in_async, in_func)}" if r.random() < 0.3 else ""
                n1, n2 = self.name(), self.name()
                while n2 == n1:
                    n2 = r.choice(NAMES[:5] + ["m1", "m2"])
                self.lines.append(f"{pad}    case {pat.format(n=n1, n2=n2, n3='m3')}{guard}:")
                self.block(indent + 2, ctx, depth + 1)
                if pat in ("{n}", "_"):
                    break
        elif k == 19 and in_func:
            self.lines.append(f"{pad}yield {self.expr(0, in_async, in_func)}")
        elif k == 20:
            self.lines.append(f"{pad}if {self.expr(0, in_async, in_func)}:")
            self.block(indent + 1, ctx, depth + 1)
            self.lines.append(f"{pad}else:")
            self.block(indent + 1, ctx, depth + 1)
        else:
            self.lines.append(f"{pad}{self.name()} = {self.expr(0, in_async, in_func)}")


def write_programs(out, count, seed):
    os.makedirs(out, exist_ok=True)
    for i in range(count):
        rng = random.Random(seed * 100003 + i)
        g = Gen(rng)
        if rng.random() < 0.15:
            g.lines.append("from __future__ import annotations")
        g.block(0, "module", 0)
        with open(os.path.join(out, f"random_{seed}_{i:05d}.py"), "w") as f:
            f.write("\n".join(g.lines) + "\n")


def main():
    write_programs(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
