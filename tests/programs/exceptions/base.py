# BaseException: args, str, repr, attributes, chaining getsets, notes, reduce
for e in (ValueError(), ValueError("x"), ValueError("x", 2), KeyError("k"), KeyError(),
          KeyError(1, 2), Exception(None), TypeError([1])):
    print(repr(e), "|", str(e), "|", e.args)
e = ValueError("a")
e.args = [1, 2]
print(e.args, repr(e))
e.extra = 5
print(e.extra, e.__dict__)
print(e.__traceback__, e.__context__, e.__cause__, e.__suppress_context__)
c = KeyError("c")
e.__cause__ = c
print(e.__cause__ is c, e.__suppress_context__)
e.__context__ = c
print(e.__context__ is c)
e.__cause__ = None
e.__suppress_context__ = False
print(e.__cause__, e.__suppress_context__)
print(e.with_traceback(None) is e)
e.add_note("note 1")
e.add_note("note 2")
print(e.__notes__)
print(ValueError(1).__reduce__(), ValueError.__new__(ValueError, 1, 2).args)
x = ValueError(1)
x.__setstate__({"foo": 3})
print(x.foo, x.__reduce__())
for f in (lambda: ValueError(x=1), lambda: e.with_traceback(1), lambda: e.add_note(1),
          lambda: setattr(e, "__context__", 1), lambda: setattr(e, "__cause__", 1),
          lambda: setattr(e, "args", 5)):
    try:
        f()
    except TypeError as err:
        print("TypeError:", err)


class MyError(Exception):
    pass


class WithInit(ValueError):
    def __init__(self, a, b=2):
        super().__init__(a + b)
        self.a = a


m = MyError("m", 1)
print(repr(m), str(m), m.args, isinstance(m, Exception), MyError.__mro__)
w = WithInit(1, b=5)
print(repr(w), w.a, w.args)
try:
    raise MyError("raised")
except Exception as caught:
    print("caught", repr(caught), caught.__traceback__ is not None)
try:
    try:
        raise KeyError("inner")
    except KeyError:
        raise ValueError("outer")
except ValueError as v:
    print(repr(v.__context__), v.__cause__, v.__suppress_context__)
try:
    raise ValueError("v") from KeyError("k")
except ValueError as v:
    print(repr(v.__cause__), v.__suppress_context__)
