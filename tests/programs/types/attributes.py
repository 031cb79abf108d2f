# Attribute hooks: __getattr__, __getattribute__, __setattr__, __delattr__ and the builtins.
class G:
    a = 1
    def __getattr__(self, name):
        return "missing:" + name
g = G()
print(g.a, g.b, getattr(g, "c"), hasattr(g, "anything"))

class GA:
    def __init__(self):
        self.x = 1
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback:" + name
ga = GA()
print(ga.x, ga.secret, ga.nope)

class SA:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)
sa = SA()
sa.v = 4
print(sa.v)
del sa.v
print(hasattr(sa, "v"))

class Plain:
    pass
p = Plain()
setattr(p, "dyn", 5)
print(getattr(p, "dyn"), getattr(p, "zzz", "default"), p.__dict__)
delattr(p, "dyn")
print(p.__dict__)
for stmt in ["p.missing", "del p.missing", "object().x = 1", "object().y", "(1).x = 2",
             "(1).real = 3", "[].append = 1", "Plain.nope", "del Plain.nope", "int.x = 1",
             "getattr(p, 1)", "setattr(p, 1, 2)"]:
    try:
        exec(stmt)
        print("ok", stmt)
    except (AttributeError, TypeError) as e:
        print(type(e).__name__ + ":", e)

p.__dict__["via_dict"] = 1
print(p.via_dict)
p.__dict__ = {"fresh": 2}
print(p.fresh, hasattr(p, "via_dict"))
try:
    p.__dict__ = 1
except TypeError as e:
    print("TypeError:", e)
many = Plain()
for i in range(100):
    setattr(many, "a" + str(i), i)
print(many.a0, many.a99, len(many.__dict__))
Plain.cls_attr = "class"
print(p.cls_attr, Plain.cls_attr)
del Plain.cls_attr
print(hasattr(p, "cls_attr"))
Plain.__repr__ = lambda self: "Plain!"
print(repr(p), str(p))
del Plain.__repr__
print(repr(p).startswith("<__main__.Plain object at 0x"))
print(type(p).__dict__["__dict__"].__name__, type(object.__dict__["__class__"]).__name__)

class Swap1: pass
class Swap2:
    def who(self): return "Swap2"
s = Swap1()
s.__class__ = Swap2
print(s.who(), type(s).__name__)
try:
    s.__class__ = int
except TypeError as e:
    print("TypeError:", e)
try:
    (1).__class__ = bool
except TypeError as e:
    print("TypeError:", e)
