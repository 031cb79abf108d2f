# tests/parse/statements.py -- every statement form, odd spacing, continuations, comments.
import os, sys as system, a.b.c, a.b as ab
from . import x
from .. import y as z
from ... import w
from .... import v
from .mod import (a, b as c,)
from mod import *
from .a.b import c
global g1, g2
x = y = z = 1
x, y = y, x
[a, *b] = c
(a, b), c = d
a.b, a[c], *d = e
x += 1; x -= 1; x *= 2; x @= m; x /= 2; x //= 2; x %= 2; x **= 2
x >>= 1; x <<= 1; x &= 1; x |= 1; x ^= 1
del x, y[0], z.a, (p, q), [r]
assert x, "message"
assert (x)
raise
raise E
raise E from None
def outer():
    nonlocal_var = 1
    def inner():
        nonlocal nonlocal_var
        return
    yield
    yield x
    yield from y
    x = yield
    return 1, 2
if a:
    pass
elif b:
    pass
elif c: pass
else:
    pass
while x:
    break
else:
    continue
for i, (j, k) in enumerate(z):
    pass
else: pass
try:
    pass
except E as e:
    pass
except (A, B):
    pass
except:
    pass
else:
    pass
finally:
    pass
try:
    pass
finally:
    pass
try:
    pass
except* E as e:
    pass
except* (F, G):
    pass
with a: pass
with a as b, c as (d, e): pass
with (a as b, c as d,): pass
with (a, b): pass
with (a): pass
with (yield): pass
x = 1 \
    + 2
y = (1 +
     2)   # comment
if x: y = 1; z = 2;
"""docstring"""
...
x: int
x: int = 1
x: list[int] = []
x = *a, *b
x = yield_ = 1
for x in *a, *b: pass
