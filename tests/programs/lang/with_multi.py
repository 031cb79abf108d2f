# with: several items, exceptions in __exit__, suppression, async-free protocols
class CM:
    def __init__(self, name, suppress=False, fail_exit=False, fail_enter=False):
        self.name, self.suppress, self.fail_exit, self.fail_enter = name, suppress, fail_exit, fail_enter
    def __enter__(self):
        print("enter", self.name)
        if self.fail_enter:
            raise RuntimeError("enter " + self.name)
        return self.name
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v, tb is not None)
        if self.fail_exit:
            raise KeyError("exit " + self.name)
        return self.suppress
with CM("a") as a, CM("b") as b:
    print("body", a, b)
with CM("a", suppress=True), CM("b"):
    raise ValueError("boom")
print("after suppressed")
try:
    with CM("a"), CM("b", fail_exit=True):
        raise ValueError("inner")
except KeyError as e:
    print("got", repr(e), repr(e.__context__))
try:
    with CM("a"), CM("b", fail_enter=True), CM("c"):
        print("never")
except RuntimeError as e:
    print("got", e)
def ret():
    with CM("r"):
        return "returned"
print(ret())
for i in range(2):
    with CM("loop%d" % i):
        if i == 0:
            continue
        break
class NoExit:
    def __enter__(self): return 1
try:
    with NoExit():
        pass
except TypeError as e:
    print(type(e).__name__, e)
class NoEnter:
    def __exit__(self, *a): pass
try:
    with NoEnter():
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    with 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)
class Truthy:
    def __enter__(self): return self
    def __exit__(self, *a): return "yes"
with Truthy():
    raise ValueError
print("truthy suppressed")
with (CM("p1") as p1,
      CM("p2") as p2):
    print(p1, p2)
class Tgt:
    pass
t = Tgt()
with CM("attr") as t.x:
    print(t.x)
with CM("tuple") as (q, r, *s):
    print(q, r, s)
class ExitArgs:
    def __enter__(self): return self
    def __exit__(self, *args):
        print(len(args), [type(x).__name__ for x in args])
with ExitArgs():
    pass
try:
    with ExitArgs():
        1 / 0
except ZeroDivisionError:
    print("zde propagated")
