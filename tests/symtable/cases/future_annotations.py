"""Docstring first: the future import still counts."""
from __future__ import annotations, generator_stop
from __future__ import division

# Annotations go into annotation blocks, which are nobody's children: their names vanish.
x: AnnotationOnly = 1
y: List[int]


def f(a: ArgAnn, *b: VarAnn, c: KwAnn = None, **d: KwargsAnn) -> ReturnAnn:
    local: LocalAnn = a
    lam: Callable[[], int] = lambda: 1
    comp: [q for q in w] = 2
    return local, lam, comp


class C:
    attr: ClassAnn
    other: ClassAnn2 = 3

    def m(self, p: ParamAnn) -> Ret:
        return p
