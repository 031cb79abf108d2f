# importlib.import_module, reload, sys.modules and module-level __getattr__.
import importlib
import sys

m = importlib.import_module("pkg_basic.mod_a")
print(m.__name__, m.value_a)
print(importlib.import_module(".mod_a", "pkg_basic") is m)
r = importlib.import_module("reloadme")
r2 = importlib.reload(r)
print(r is r2, r.counter)
del sys.modules["reloadme"]
r3 = importlib.import_module("reloadme")
print(r3 is r, r3.counter)
import lazy
print(lazy.dynamic, lazy.static, dir(lazy))
try:
    lazy.other
except AttributeError as e:
    print(e)
from lazy import dynamic
print(dynamic)
try:
    importlib.import_module("..x", "pkg_basic")
except ImportError as e:
    print(type(e).__name__, e)
try:
    importlib.import_module(".x")
except TypeError as e:
    print(type(e).__name__, e)
import importlib.util
print(importlib.util.find_spec("pkg_basic").name, importlib.util.find_spec("no_such") is None)
print(sorted(n for n in ("sys", "builtins", "_imp", "_thread", "_weakref", "_warnings")
             if n in sys.builtin_module_names))
print("os" in sys.stdlib_module_names, "pkg_basic" in sys.stdlib_module_names)
