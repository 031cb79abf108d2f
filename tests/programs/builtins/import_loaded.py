# import of the modules that are always loaded (sys, builtins) and a missing one
import sys
import builtins
from sys import maxsize
print(builtins.len is len, maxsize == sys.maxsize, builtins.__name__, sys.__name__)
try:
    import no_such_module_xyz
except ModuleNotFoundError as e:
    print(repr(e), e.name)
print(__import__("sys") is sys)
