# Namespace packages (directories without __init__.py).
import os
import ns_pkg.part.mod
print(ns_pkg.part.mod.WHAT)
print(ns_pkg.__file__ if hasattr(ns_pkg, "__file__") else "no __file__")
print([os.path.basename(p) for p in ns_pkg.__path__])
print(type(ns_pkg.__path__).__name__, ns_pkg.__spec__.origin)
print(repr(ns_pkg).startswith("<module 'ns_pkg' (namespace)"))
import pkg_rel.inner
print(pkg_rel.inner.NAME, pkg_rel.inner.sibling.__name__)
