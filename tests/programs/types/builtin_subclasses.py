# Subclasses of built-in types: instance attributes beside variable-size data, overridden
# dunders, super() into the built-in, layout rules.
class S(str):
    def shout(self):
        return self.upper() + "!"
s = S("hello" * 10)
s.tag = 1
print(s.shout()[:6], s.tag, s.__dict__, len(s), type(s).__name__, isinstance(s, str))

class T(tuple):
    def first(self):
        return self[0]
t = T((1, 2, 3))
t.extra = "e"
print(t, t.first(), t.extra, len(t), t + (4,))

class L(list):
    def append(self, x):
        super().append(x * 2)
l = L()
l.append(1)
l.append(2)
l.name = "l"
print(l, l.name, len(l), l == [2, 4], type(l + [1]).__name__)

class D(dict):
    def __missing__(self, key):
        return "missing " + key
    def __setitem__(self, k, v):
        super().__setitem__(k, v + v)
d = D()
d["a"] = "x"
print(d["a"], d["b"], d, isinstance(d, dict))

class Ex(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    raise Ex("bad", 7)
except Exception as e:
    print(type(e).__name__, e.args, e.code)

for bases in [(str, tuple), (list, dict), (list, Exception)]:
    try:
        type("X", bases, {})
    except TypeError as e:
        print("TypeError:", e)
class Both(L, list):
    pass
print(Both.__mro__)
try:
    class SlotTuple(tuple):
        __slots__ = ("a",)
except TypeError as e:
    print("TypeError:", e)
class EmptySlots(str):
    __slots__ = ()
print(EmptySlots("q"), hasattr(EmptySlots("q"), "__dict__"))
