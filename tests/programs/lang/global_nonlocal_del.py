# global/nonlocal/del corner cases, unbound locals, class-scope name resolution
x = 0
def g1():
    global x
    x += 1
    del x
g1()
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)
def outer():
    a = 1
    def inner():
        nonlocal a
        del a
    inner()
    try:
        return a
    except NameError as e:
        return type(e).__name__ + ": " + str(e)
print(outer())
def unbound():
    if False:
        v = 1
    return v
try:
    unbound()
except UnboundLocalError as e:
    print(type(e).__name__, e, isinstance(e, NameError))
def del_twice():
    z = 1
    del z
    try:
        del z
    except UnboundLocalError as e:
        return str(e)
print(del_twice())
class K:
    attr = 1
    del attr
print(hasattr(K, "attr"))
try:
    class K2:
        del nothing
except NameError as e:
    print(type(e).__name__, e)
lst = [1, 2, 3]
del lst[:]
print(lst)
d = {"a": {"b": 1}}
del d["a"]["b"]
print(d)
class O: pass
o = O(); o.p = 1
del o.p
try:
    del o.p
except AttributeError as e:
    print(type(e).__name__, e)
a, b = 1, 2
del a, b
print("a" in globals(), "b" in globals())
def loop_var():
    for i in range(3):
        pass
    del i
    return "ok"
print(loop_var())
def exc_var_cleared():
    try:
        raise ValueError
    except ValueError as err:
        pass
    return "err" in locals()
print(exc_var_cleared())
def nested_global():
    def inner():
        global created_inside
        created_inside = "yes"
    inner()
nested_global()
print(created_inside)
def shadow_builtin():
    len = lambda x: "shadowed"
    return len([1])
print(shadow_builtin(), len([1]))
def comp_global():
    return [x for x in range(2)], x
print(comp_global() if "x" in globals() else "x deleted")
