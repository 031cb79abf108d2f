# BaseExceptionGroup / ExceptionGroup
eg = ExceptionGroup("msg", [ValueError(1), TypeError(2)])
print(repr(eg), "|", str(eg), "|", eg.message, eg.exceptions, eg.args)
print(type(BaseExceptionGroup("m", [ValueError()])).__name__)
print(type(BaseExceptionGroup("m", [KeyboardInterrupt()])).__name__)
print(str(ExceptionGroup("one", [ValueError()])))
print(ExceptionGroup.__mro__)
print(issubclass(ExceptionGroup, Exception), isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup))
nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b"), ValueError("c")]), KeyError("d")])
match, rest = nested.split(ValueError)
print(repr(match))
print(repr(rest))
print(repr(nested.subgroup(TypeError)), nested.subgroup(OSError))
print(nested.split(Exception)[0] is nested, nested.split(Exception)[1])
m, r = nested.split(lambda e: isinstance(e, KeyError))
print(repr(m), repr(r))
print(repr(nested.subgroup((KeyError, TypeError))))
nested.add_note("the note")
print(nested.subgroup(ValueError).__notes__)
d = eg.derive([KeyError(1)])
print(repr(d), type(d).__name__)


class MyGroup(ExceptionGroup):
    pass


mg = MyGroup("mine", [ValueError(1)])
print(repr(mg), type(mg.split(ValueError)[0]).__name__)
for args in (("m",), (1, []), ("m", 1), ("m", []), ("m", [1]), ("m", [ValueError()], 3)):
    try:
        BaseExceptionGroup(*args)
    except (TypeError, ValueError) as err:
        print(type(err).__name__ + ":", err)
try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as err:
    print("TypeError:", err)
try:
    eg.split(1)
except TypeError as err:
    print("TypeError:", err)
