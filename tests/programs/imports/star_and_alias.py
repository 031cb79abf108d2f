# `from m import *` with and without __all__, `import a.b as c`, sys.modules entries and
# relative imports beyond the top-level package.
import sys

from pkg_noall import *
print(public, func(), "_private" in dir())
import pkg_basic.sub.deep as deep_alias
print(deep_alias.__name__, "deep_alias" in dir(), "pkg_basic" in dir())
from pkg_basic import mod_a as ma, helper as h
print(ma.value_a, h())
fake = type(sys)("fake_module")
fake.answer = 42
sys.modules["fake_module"] = fake
import fake_module
from fake_module import answer
print(fake_module is fake, answer, repr(fake))
try:
    import pkg_noall.beyond
except ImportError as e:
    print(type(e).__name__, e)
try:
    from fake_module import missing
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
del sys.modules["fake_module"]
try:
    import fake_module
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
