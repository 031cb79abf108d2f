# exception chaining (__cause__/__context__/__suppress_context__) and __traceback__ walking
def lines(e):
    out = []
    tb = e.__traceback__
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out
def level3():
    raise KeyError("deep")
def level2():
    try:
        level3()
    except KeyError as e:
        raise ValueError("mid") from e
def level1():
    try:
        level2()
    except ValueError:
        raise RuntimeError("top")
try:
    level1()
except RuntimeError as e:
    print(repr(e), lines(e))
    ctx = e.__context__
    print(repr(ctx), lines(ctx), repr(ctx.__cause__), ctx.__suppress_context__)
    print(repr(ctx.__cause__.__context__), e.__cause__, e.__suppress_context__)
e = ValueError("fresh")
print(e.__traceback__, e.__context__, e.__cause__, e.__suppress_context__)
e.__cause__ = KeyError("c")
print(e.__suppress_context__, repr(e.__cause__))
try:
    e.__cause__ = 5
except TypeError as err:
    print(type(err).__name__, err)
try:
    e.__context__ = "x"
except TypeError as err:
    print(type(err).__name__, err)
try:
    e.__traceback__ = 1
except TypeError as err:
    print(type(err).__name__, err)
def reraise_keeps_tb():
    try:
        level3()
    except KeyError as k:
        raise k
try:
    reraise_keeps_tb()
except KeyError as k:
    print(lines(k))
def with_tb():
    try:
        level3()
    except KeyError as k:
        return k.with_traceback(None)
k = with_tb()
print(k.__traceback__)
try:
    raise k
except KeyError as k2:
    print(lines(k2))
def context_cycle():
    try:
        try:
            raise ValueError("a")
        except ValueError as a:
            try:
                raise TypeError("b")
            except TypeError as b:
                raise a
    except ValueError as final:
        return repr(final.__context__), repr(final.__context__.__context__)
print(context_cycle())
try:
    try:
        1 / 0
    finally:
        print("finally sees", repr(__import__("sys").exc_info()[1]))
except ZeroDivisionError:
    print("after")
try:
    raise ValueError("x") from KeyError("y")
except ValueError as v:
    print(repr(v.__cause__), v.__suppress_context__)
class MyExc(Exception):
    pass
try:
    raise MyExc
except MyExc as m:
    print(repr(m), m.args, str(m) == "")
print(repr(BaseException()), repr(Exception(1, 2)), str(Exception(1, 2)), str(KeyError("k")), str(KeyError()))
print(repr(OSError(2, "No such")), str(OSError(2, "No such", "f.txt")), OSError(2, "x").errno, type(OSError(2, "x")).__name__)
print(StopIteration(5).value, repr(SystemExit(3)), SystemExit(3).code, repr(KeyboardInterrupt()))
print(issubclass(KeyError, LookupError), ZeroDivisionError.__mro__[1].__name__, BaseExceptionGroup.__mro__[1].__name__)
