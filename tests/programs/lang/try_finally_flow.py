# try/except/else/finally with break/continue/return in finally
def f1():
    try:
        return "try"
    finally:
        print("f1 finally")
print(f1())
def f2():
    try:
        return "try"
    finally:
        return "finally"
print(f2())
def f3():
    for i in range(3):
        try:
            if i == 1:
                continue
            print("body", i)
        finally:
            print("fin", i)
    return i
print(f3())
def f4():
    for i in range(5):
        try:
            raise ValueError(i)
        finally:
            break
    return i
print(f4())
def f5():
    try:
        raise KeyError("x")
    finally:
        return "swallowed"
print(f5())
def f6():
    while True:
        try:
            return 1
        finally:
            break
    return 2
print(f6())
def f7():
    try:
        pass
    except Exception:
        print("no")
    else:
        print("else")
        return "else-ret"
    finally:
        print("fin7")
print(f7())
def f8():
    try:
        try:
            raise ValueError("inner")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer caught", e)
        return e
    finally:
        print("outer finally")
print(repr(f8()))
def f9():
    try:
        1 / 0
    except ZeroDivisionError as e:
        try:
            raise TypeError("t")
        except TypeError as e2:
            print(repr(e2.__context__))
    try:
        print(e)
    except NameError as ne:
        print(type(ne).__name__, ne)
    except UnboundLocalError as ne:
        print(type(ne).__name__, ne)
f9()
def f10():
    for i in range(3):
        try:
            continue
        finally:
            print("cont fin", i)
f10()
def f11():
    x = 0
    try:
        x = 1
        return x
    finally:
        x = 2
        print("x in finally", x)
print(f11())
def f12():
    try:
        raise ValueError
    except (TypeError, ValueError) as e:
        return type(e).__name__
print(f12())
def f13():
    try:
        raise ValueError("a")
    except ValueError:
        raise
    finally:
        print("f13 fin")
try:
    f13()
except ValueError as e:
    print("reraised", e)
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    try:
        raise ValueError(1)
    except ValueError:
        raise TypeError(2)
except TypeError as e:
    print(repr(e), repr(e.__context__), e.__suppress_context__, e.__cause__)
try:
    try:
        raise ValueError(1)
    except ValueError as v:
        raise TypeError(2) from v
except TypeError as e:
    print(repr(e.__cause__), e.__suppress_context__)
try:
    raise TypeError(3) from None
except TypeError as e:
    print(e.__cause__, e.__suppress_context__, e.__context__)
try:
    raise TypeError from 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise 5
except TypeError as e:
    print(type(e).__name__, e)
class NotExc: pass
try:
    raise NotExc
except TypeError as e:
    print(type(e).__name__, e)
try:
    try:
        pass
    except 5:
        pass
    raise ValueError
except 5 if False else ValueError:
    print("ok matched")
try:
    try:
        raise ValueError
    except 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)
def gen_fin():
    try:
        yield 1
    finally:
        print("gen fin")
for v in gen_fin():
    print("v", v)
e = ValueError("x")
try:
    raise e
except ValueError as caught:
    print(caught is e)
print("e" in dir())
try:
    raise ValueError("tb")
except ValueError as err:
    print(err.__traceback__.tb_lineno, err.__traceback__.tb_next)
class MyErr(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
try:
    raise MyErr(1, 2)
except MyErr as m:
    print(m.args, m.b, str(m), repr(m))
try:
    assert False, "message"
except AssertionError as a:
    print(repr(a))
try:
    assert 1 == 2
except AssertionError as a:
    print(repr(a), a.args)
x = 1
del x
try:
    x
except NameError as ne:
    print(ne, ne.name)
def unb():
    y = 1
    del y
    return y
try:
    unb()
except UnboundLocalError as ne:
    print(ne)
try:
    del undefined_global
except NameError as ne:
    print(ne)
l = [1, 2, 3, 4]
del l[1], l[0:1]
print(l)
d = {"a": 1}
try:
    del d["b"]
except KeyError as k:
    print(repr(k))
