# ImportError and ModuleNotFoundError messages and attributes.
import sys

try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name, e.path)
try:
    import pkg_basic.no_such_sub
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    import os.path.nothing
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    from os import no_such_name
except ImportError as e:
    print(type(e).__name__, str(e).replace(sys.prefix, "<prefix>"))
try:
    from sys import no_such_name
except ImportError as e:
    print(type(e).__name__, e)
for args in [("",), (1,), ("os", None, None, None, -1), ("x", {}, None, None, 1),
             ("x", None, None, None, 1), ("x", {"__package__": 3}, None, None, 1),
             ("x", {"__package__": "a"}, None, None, 3)]:
    try:
        __import__(*args)
    except Exception as e:
        print(type(e).__name__, e)
try:
    exec("from . import x", {"__name__": "__main__", "__package__": None, "__spec__": None})
except ImportError as e:
    print(type(e).__name__, e)
sys.modules["blocked"] = None
try:
    import blocked
except ImportError as e:
    print(type(e).__name__, e)
del sys.modules["blocked"]
import pkg_basic
try:
    pkg_basic.nothing
except AttributeError as e:
    print(type(e).__name__, e)
