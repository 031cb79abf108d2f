from __future__ import annotations
def f(x: [(yield) for y in z]): pass
