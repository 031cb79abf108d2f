# list: methods, operators, comparison and the error messages of each.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

l = [3, 1, 2]
l.append(4)
l.extend((5, 6))
l.extend(range(2))
l.insert(0, -1)
l.insert(100, 99)
l.insert(-2, 42)
print(l, len(l))
print(l.pop(), l.pop(0), l.pop(-3), l)
l.remove(42)
print(l, l.count(1), l.index(1), l.index(1, 2))
t(lambda: l.remove(1000))
t(lambda: l.index(1000))
t(lambda: l.index(1, 1, 2))
t(lambda: [].pop())
t(lambda: [1].pop(5))
t(lambda: [1].pop("a"))
t(lambda: [1].insert(1))
t(lambda: [1].append())
t(lambda: [1].count())
t(lambda: [1, 2].index())
t(lambda: [1, 2].index(1, "a"))
c = l.copy()
c.reverse()
print(c, l, c is l)
c.clear()
print(c, len(c))
print([1, 2] + [3], [0] * 4, 3 * [1, 2], [1] * -2, [[]] * 2)
t(lambda: [1] + (2,))
t(lambda: [1] * 1.5)
t(lambda: 1.5 * [1])
t(lambda: [1] * [1])
x = [1, 2]
y = x
x += (3, 4)
x += range(5, 7)
x *= 2
print(x, y is x)
x *= 0
print(x)
t(lambda: x.__iadd__(5))
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1, 2] == [1, 2], [] == [], [1] != [1.0])
t(lambda: [1] < ["a"])
t(lambda: [1] < (1,))
t(lambda: hash([]))
print(2 in [1, 2], 5 in [1, 2], [] in [[]])
print(list(), list("abc"), list(range(3)), list((1, 2)), list({1: 2}))
t(lambda: list(1))
t(lambda: list(1, 2))
t(lambda: list(x=1))
nan = float("nan")
print([nan] == [nan], nan in [nan], [nan].count(nan), [nan].index(nan))
print(sorted(k for k in dir(list) if not k.startswith("__")))
ri = reversed([1, 2, 3])
print(type(ri).__name__, ri.__length_hint__(), list(ri), ri.__length_hint__())
li = iter([1, 2, 3])
print(type(li).__name__, next(li), li.__length_hint__(), list(li))
class L(list):
    pass
s = L([1, 2])
s.append(3)
print(s, type(s).__name__, type(s + [1]).__name__, s == [1, 2, 3], len(s))
a = [1, 2, 3]
for v in a:
    if v == 1:
        a.append(4)
print(a)
print([1, 2, 3].__sizeof__() > 0)
