# dir of modules/classes, generators with next, iter over a raising callable, except*, exception str overrides, exit()
import sys
print("exit" in dir(sys), len(dir(sys)) > 10)
class C:
    a = 1
    def m(self): pass
print([n for n in dir(C) if not n.startswith("__")])
def g():
    yield 1
    yield 2
it = g()
print(next(it), next(it), next(it, "end"))
try:
    max([1, 2], key=lambda v: 1 / 0 if v == 2 else v)
except ZeroDivisionError as e:
    print("ZDE", e)
def raiser():
    raise StopIteration
print(list(iter(raiser, 0)))
print(sorted([3, 1, 2], key=lambda v: -v))
print(isinstance(ExceptionGroup("x", [ValueError()]), ExceptionGroup))
try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
except* ValueError as e:
    print("got", repr(e))
except* TypeError as e:
    print("got", repr(e))
print(hash(ValueError) is not None, ValueError("a") == ValueError("a"))
class E(Exception):
    def __str__(self):
        return "custom"
print(str(E()), repr(E(1)))
print(KeyError("a").__str__(), BaseException.__str__(KeyError("a")))
print(SystemExit.__mro__, GeneratorExit.__base__)
exit(4)
