from __future__ import annotations
def f(*, k: (yield)): pass
