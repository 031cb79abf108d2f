# deep recursion through native re-entry raises RecursionError, never overflows the C++ stack
class E:
    def __eq__(self, other):
        return self == other
try:
    E() == E()
except RecursionError as e:
    print(type(e).__name__, e)
class H:
    def __hash__(self):
        return hash(self)
try:
    hash(H())
except RecursionError as e:
    print(type(e).__name__, e)
class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError as e:
    print(type(e).__name__, e)
class G:
    def __getattr__(self, name):
        return getattr(self, name)
try:
    G().x
except RecursionError as e:
    print(type(e).__name__, e)
class L:
    def __len__(self):
        return len(self)
try:
    len(L())
except RecursionError as e:
    print(type(e).__name__, e)
class S:
    def __str__(self):
        return str(self)
try:
    str(S())
except RecursionError as e:
    print(type(e).__name__, e)
class I:
    def __iter__(self):
        return iter(self)
try:
    iter(I())
except RecursionError as e:
    print(type(e).__name__, e)
class C:
    def __call__(self):
        return self()
try:
    C()()
except RecursionError as e:
    print(type(e).__name__, e)
class B:
    def __bool__(self):
        return bool(self)
try:
    bool(B())
except RecursionError as e:
    print(type(e).__name__, e)
l = []
l.append(l)
print(l, repr(l))
d = {}
d[1] = d
print(d)
def deep(n):
    return deep(n + 1)
try:
    deep(0)
except RecursionError as e:
    print(type(e).__name__, e)
class A:
    def __add__(self, o):
        return self + o
try:
    A() + 1
except RecursionError as e:
    print(type(e).__name__, e)
x = []
for i in range(100000):
    x = [x]
try:
    print(len(repr(x)))
except RecursionError as e:
    print(type(e).__name__, e)
print("ok")
