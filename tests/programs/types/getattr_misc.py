# getattr/setattr/hasattr/delattr with bad names and defaults
class A:
    x = 1
for fn, args in [(getattr, (A, 1)), (getattr, (A, 1, None)), (setattr, (A, 2, 3)), (hasattr, (A, None)),
                 (delattr, (A, 3.0)), (getattr, (A,)), (getattr, (A, "y")), (delattr, (A, "y"))]:
    try:
        print(fn(*args))
    except Exception as e:
        print(fn.__name__, type(e).__name__, e)
print(getattr(A, "y", "dflt"), getattr(A(), "x"), hasattr(A, "x"))
try:
    A().y
except AttributeError as e:
    print(type(e).__name__, e, e.name, type(e.obj).__name__)
try:
    object().y = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (1).y = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del A().x
except AttributeError as e:
    print(type(e).__name__, e)
try:
    A.__dict__["x"] = 2
except TypeError as e:
    print(type(e).__name__, e)
try:
    int.x = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    del int.real
except TypeError as e:
    print(type(e).__name__, e)
try:
    setattr(1, "real", 2)
except AttributeError as e:
    print(type(e).__name__, e)
