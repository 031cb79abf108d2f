# ExceptionGroup: split, subgroup, derive, nesting, except*
eg = ExceptionGroup("msg", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
print(repr(eg), str(eg), eg.message, len(eg.exceptions))
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))))
print(eg.subgroup(OSError), eg.split((OSError,)))
print(repr(eg.subgroup(lambda e: True)) == repr(eg), eg.subgroup(lambda e: True) is eg)
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + "!", excs)
meg = MyEG("mine", [ValueError(1), TypeError(2)])
print(repr(meg.split(ValueError)))
beg = BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError()])
print(type(beg).__name__, type(BaseExceptionGroup("x", [ValueError()])).__name__)
for args in [("m", []), ("m", 5), (5, [ValueError()]), ("m", [1]), ("m",)]:
    try:
        ExceptionGroup(*args)
    except Exception as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise ExceptionGroup("g", [ValueError("a"), TypeError("b"), KeyError("c")])
except* ValueError as e:
    print("value", repr(e))
except* TypeError as e:
    print("type", repr(e))
except* KeyError as e:
    print("key", repr(e), e.exceptions)
try:
    try:
        raise ExceptionGroup("g", [ValueError("a"), TypeError("b")])
    except* ValueError:
        print("handled value")
except ExceptionGroup as rest:
    print("rest", repr(rest))
try:
    raise ValueError("naked")
except* ValueError as e:
    print("naked wrapped", repr(e))
try:
    try:
        raise ExceptionGroup("g", [ValueError("a")])
    except* ValueError:
        raise TypeError("new")
except (TypeError, ExceptionGroup) as e:
    print("raised in except*", repr(e), repr(e.__context__))
try:
    try:
        raise ExceptionGroup("g", [ValueError("a"), OSError("o")])
    except* ValueError as e:
        raise
except ExceptionGroup as e:
    print("reraise", repr(e))
try:
    try:
        raise ExceptionGroup("g", [ValueError("a")])
    except* ExceptionGroup:
        pass
except TypeError as e:
    print(type(e).__name__, e)
eg = ExceptionGroup("n", [ValueError(1)])
eg.add_note("note1")
print(eg.__notes__)
try:
    eg.add_note(5)
except TypeError as e:
    print(type(e).__name__, e)
e1 = ValueError("c")
g2 = ExceptionGroup("tb", [e1])
print(g2.exceptions[0] is e1, g2.args)
def flat(g, depth=0):
    for e in g.exceptions:
        if isinstance(e, BaseExceptionGroup):
            print(" " * depth + "group", e.message)
            flat(e, depth + 1)
        else:
            print(" " * depth + repr(e))
flat(ExceptionGroup("top", [ValueError(1), ExceptionGroup("mid", [TypeError(2), ExceptionGroup("low", [KeyError(3)])])]))
try:
    raise ExceptionGroup("multi", [ValueError(1), ValueError(2), TypeError(3)])
except* ValueError as e:
    print("values", [x.args for x in e.exceptions])
except* TypeError as e:
    print("types", [x.args for x in e.exceptions])
