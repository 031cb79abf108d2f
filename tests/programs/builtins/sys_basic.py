# sys: version_info, limits, std streams, modules, exc_info, exit (argv[0] and implementation differ by design)
import sys
print(sys.version_info[:2] == (3, 11), sys.version_info.major, sys.version_info >= (3, 8))
print(sys.maxsize, sys.platform, sys.byteorder, sys.getdefaultencoding())
print(type(sys.implementation.name))
print(sys.getrecursionlimit())
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(e)
try:
    sys.setrecursionlimit("a")
except TypeError as e:
    print(e)
print(type(sys.argv), len(sys.argv))
print(type(sys.modules), "sys" in sys.modules, sys.modules["sys"] is sys, "builtins" in sys.modules)
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
n = sys.stdout.write("written\n")
print(n)
sys.stdout.flush()
print(sys.exc_info(), sys.exception())
try:
    raise KeyError("k")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t, repr(v), tb is not None, repr(sys.exception()))
print(sys.intern("abc") == "abc", type(sys.getsizeof([])))
print(sys.get_int_max_str_digits())
print(sys.flags.optimize, sys.hash_info.modulus, sys.int_info.bits_per_digit)
print(type(sys.path), type(sys.executable))
try:
    sys.stdout.write(5)
except TypeError as e:
    print(e)
print("to stderr", file=sys.stderr)
print(repr(sys.version_info), repr(sys.stdout))
sys.exit(3)
