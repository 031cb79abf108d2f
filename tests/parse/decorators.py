# tests/parse/decorators.py -- decorators, classes and function signatures.
@dec
def f(): pass

@dec.attr(arg, kw=1)
@other
async def g(a, /, b, *, c): ...

@ (lambda f: f)
class C(Base, metaclass=Meta, **extra):
    @property
    def p(self) -> int:
        return 1
    @p.setter
    def p(self, v): self._p = v
    x: int = 1
    y: "str"
    (z): int
    a.b: int = 2
    c[0]: list

@a[0].b(c)(d)
class D(): pass
class E: pass
class F(*bases): pass
@x := y
def h(): pass
