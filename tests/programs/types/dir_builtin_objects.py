# dir() of built-in objects lists CPython 3.11's names (frame, traceback, function, descriptors, numbers, containers)
import sys
def f(): pass
class K:
    def m(self): pass
try:
    raise ValueError
except ValueError as e:
    tb = e.__traceback__
objs = {"frame": sys._getframe(), "function": f, "traceback": tb, "method": K().m, "builtin": len, "property": property(),
        "classmethod": classmethod(f), "staticmethod": staticmethod(f), "super": super(K, K()), "type": type, "object": object(),
        "exception": ValueError(), "slice": slice(1), "range": range(1), "bool": True, "int": 1, "float": 1.0, "complex": 1j,
        "list": [], "dict": {}, "set": set(), "frozenset": frozenset(), "tuple": (), "none": None, "ellipsis": ...,
        "dict_keys": {}.keys(), "list_iterator": iter([]), "enumerate": enumerate([]), "zip": zip(), "map": map(len, [])}
for name, o in objs.items():
    print(name, dir(o))
fr = sys._getframe()
print(fr.f_trace_lines, fr.f_trace_opcodes)
try:
    fr.clear()
except RuntimeError as e:
    print(type(e).__name__, e)
def done():
    return sys._getframe()
print(done().clear(), float.__getformat__("double"), (2 + 3j).__complex__(), type((2 + 3j).__complex__()).__name__)
try:
    float.__getformat__("long")
except ValueError as e:
    print(type(e).__name__, e)
print(classmethod(f).__annotations__, staticmethod(f).__annotations__)
