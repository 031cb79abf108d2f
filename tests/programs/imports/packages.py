# Packages, submodules, relative imports and module attributes.
import os
import sys

import pkg_basic
print(pkg_basic.value_a, pkg_basic.helper())
import pkg_basic.sub.deep
print(pkg_basic.sub.deep.where())
from pkg_basic.sub import deep as d2
print(d2 is pkg_basic.sub.deep, "pkg_basic.sub" in sys.modules)
print(os.path.basename(pkg_basic.__file__), os.path.basename(pkg_basic.mod_a.__file__))
print([os.path.basename(p) for p in pkg_basic.__path__])
print(pkg_basic.__spec__.name, pkg_basic.__spec__.parent, pkg_basic.sub.deep.__spec__.parent)
print(pkg_basic.__package__, pkg_basic.mod_a.__package__, pkg_basic.sub.deep.__package__)
print(type(pkg_basic.__loader__).__name__, pkg_basic.__spec__.submodule_search_locations is not None)
print(pkg_basic.mod_a.__cached__)
from pkg_basic import *
print(sorted(k for k in dir() if not k.startswith("_")))
m = __import__("pkg_basic.sub.deep")
print(m.__name__)
m = __import__("pkg_basic.sub.deep", fromlist=["where"])
print(m.__name__)
print(__name__, __package__, __spec__)
print(repr(sys.modules["pkg_basic"]).startswith("<module 'pkg_basic' from "))
print(repr(sys), repr(sys.modules["posix"]))
