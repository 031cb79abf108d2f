# mappingproxy (type.__dict__ style) and reprs of recursive containers.
MappingProxyType = type(type.__dict__)
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

m = MappingProxyType({"a": 1, "b": 2})
print(m, repr(m), str(m), len(m), m["a"], "a" in m, "z" in m, list(m), m.get("z", 0), m.get("a"))
print(m.keys(), m.values(), m.items(), m.copy(), type(m.copy()).__name__, list(reversed(m)))
print(m | {"c": 3}, {"c": 3} | m, m == {"a": 1, "b": 2}, m != {})
t(lambda: m["z"])
def set_item():
    m["x"] = 1
def del_item():
    del m["a"]
def ior():
    global m
    m |= {}
t(set_item)
t(del_item)
t(ior)
t(lambda: MappingProxyType([]))
t(lambda: MappingProxyType(1))
t(lambda: hash(m))
print(type(int.__dict__).__name__, "__add__" in int.__dict__, type(list.__dict__["append"]).__name__)
print(sorted(x for x in dir(MappingProxyType) if not x.startswith("__")))
l = [1]
l.append(l)
d = {"k": l}
l.append(d)
print(l, d)
s = [d, d]
print(s)
t2 = (l, l)
print(t2)
class R:
    def __repr__(self):
        return "R!"
print([R(), (R(),), {R(): R()}], {1: [R()]})
x = []
y = [x]
x.append(y)
print(x, y)
print(repr([[], [[]], [[], []]]), repr(((), ((),))), repr({(): {}}))
