# Functions, closures, classes, decorators, annotations, lambdas and imports.
import os.path as osp
from collections import OrderedDict as OD, deque

x: int = 3

def deco(f):
    return f

@deco
def outer(a, /, b=1, *args, c, d=2, **kw) -> int:
    "Docstring."
    def inner():
        nonlocal a
        a += 1
        return a, b
    return inner

class Base:
    pass

@deco
class C(Base, metaclass=type):
    attr: str = "a"
    def method(self):
        return super().method()
    @property
    def prop(self):
        return __class__

f = lambda y, *, z=3: y + z
print(osp.join("a", "b"), OD(), deque([1, 2, 3]), f(1))
