# __getattr__/__getattribute__/__setattr__/__delattr__ and name mangling
class G:
    a = 1
    def __getattr__(self, name):
        if name.startswith("no"):
            raise AttributeError(f"custom {name}")
        return "dyn_" + name
g = G()
print(g.a, g.zzz, getattr(g, "q"), hasattr(g, "nope"), getattr(g, "nothing", "dflt"))
try:
    g.nox
except AttributeError as e:
    print(type(e).__name__, e)
class GA:
    def __init__(self):
        self.real = 1
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        if name == "boom":
            raise AttributeError("boom attr")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback " + name
ga = GA()
print(ga.real, ga.secret, ga.boom, ga.other)
class Log:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value * 2 if isinstance(value, int) else value)
    def __delattr__(self, name):
        print("del", name)
        if name == "keep":
            raise AttributeError("cannot delete keep")
        object.__delattr__(self, name)
l = Log()
l.x = 3
l.keep = 1
print(l.x, vars(l))
del l.x
try:
    del l.keep
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del l.missing
except AttributeError as e:
    print(type(e).__name__, e)
setattr(l, "y", "s")
print(l.y)
class Mangle:
    __x = 1
    def get(self):
        return self.__x, Mangle.__x, self._Mangle__x
    def __dunder__(self):
        return "not mangled"
    def set(self):
        self.__y = 2
        return self.__dict__
print(Mangle().get(), Mangle().__dunder__(), Mangle().set(), "_Mangle__x" in Mangle.__dict__)
class _Under:
    __z = 3
    def g(self): return self.__z
print(_Under().g(), [k for k in _Under.__dict__ if "z" in k])
class __Dunder:
    __q = 4
print([k for k in __Dunder.__dict__ if "q" in k])
try:
    Mangle().__x
except AttributeError as e:
    print(type(e).__name__, e)
def mangled_in_func():
    class In:
        def m(self):
            __local = 1
            return sorted(locals())
    return In().m()
print(mangled_in_func())
class AttrErrInProp:
    @property
    def p(self):
        raise AttributeError("inner")
    def __getattr__(self, name):
        return "getattr " + name
print(AttrErrInProp().p)
class Slow:
    def __getattribute__(self, name):
        raise KeyError(name)
try:
    Slow().x
except KeyError as e:
    print(type(e).__name__, e)
print(hasattr(Slow, "x"))
try:
    hasattr(Slow(), "x")
except KeyError as e:
    print("hasattr propagates", e)
class Obj: pass
o = Obj()
object.__setattr__(o, "k", 1)
print(object.__getattribute__(o, "k"), o.__dict__)
try:
    object.__setattr__(1, "k", 1)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    object.__setattr__(int, "k", 1)
except TypeError as e:
    print(type(e).__name__, e)
o.__dict__ = {"new": 1}
print(o.new)
try:
    o.__dict__ = 5
except TypeError as e:
    print(type(e).__name__, e)
class ClassGetattr:
    pass
try:
    ClassGetattr.nothing
except AttributeError as e:
    print(type(e).__name__, e)
class MetaGA(type):
    def __getattr__(cls, name):
        return "meta " + name
class WithMetaGA(metaclass=MetaGA): pass
print(WithMetaGA.whatever)
