# list and tuple methods and their errors
l = [3, 1, 2]
l.append(4); l.extend((5, 6)); l.insert(0, 0); l.insert(100, 7); l.insert(-100, -1)
print(l, l.index(2), l.count(1), l.pop(), l.pop(0), l)
for call in [lambda: l.index(99), lambda: l.remove(99), lambda: [].pop(), lambda: l.pop(100),
             lambda: l.index(1, 5), lambda: l.insert("x", 1), lambda: l.extend(5), lambda: l.pop("a"),
             lambda: l.sort(key=5), lambda: [1, "a"].sort(), lambda: l.append(), lambda: l.count(),
             lambda: list(1, 2), lambda: list(5), lambda: l[10], lambda: l.__getitem__("a"),
             lambda: l.index(1, "a")]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
l.sort(reverse=True)
print(l)
l.sort(key=lambda x: -x)
print(l, sorted(l, key=str, reverse=True))
l.reverse()
print(l, l.copy() == l, l.copy() is l)
l.clear()
print(l, len(l))
m = [1, 2, 3, 4, 5]
m[1:3] = ["a", "b", "c"]
print(m)
m[::2] = [0, 0, 0]
print(m)
try:
    m[::2] = [1]
except ValueError as e:
    print(type(e).__name__, e)
del m[::2]
print(m, m * 2, 2 * m, m + m, [0] * -1)
m *= 2
print(m, m[-1], m[-100:100], m[::-1], m[1:-1:2])
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1] < [1, 0], [] == (), [1, [2]] == [1, [2]])
nested = [1, 2]
print(nested.__len__(), nested.__contains__(2), nested.__iter__().__next__(), nested.__reversed__().__next__())
print(list(range(3)), list("ab"), list({1: 2}), list(), list(x for x in "xy"))
t = (1, 2, 3, 2)
print(t.count(2), t.index(3), t[1:], t[::-1], t + (4,), t * 2, len(t), 2 in t)
for call in [lambda: t.index(9), lambda: t[9], lambda: t + [1], lambda: t.count(), lambda: tuple(1),
             lambda: t.__setitem__(0, 1), lambda: tuple([1], [2])]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
print((1,) < (1, 2), (2,) > (1, 5), (1, 2) == (1, 2), () == (), (1,) * 0, repr((1,)), repr(()))
print(tuple(x for x in range(3)), tuple("ab"), hash(()) == hash(()), (1, 2).__getnewargs__())
print([].__class__.__name__, [1, 2, 3][-1:-3:-1], [1, 2, 3][5:], list.__name__, list.__qualname__)
big = list(range(10))
big[2:8:3] = "XY"
print(big)
del big[-3:]
print(big)
print(sorted([3, 1, 2]), sorted("cba"), sorted([(1, "b"), (1, "a")]), sorted([], reverse=True))
try:
    sorted([1, 2], 5)
except TypeError as e:
    print(type(e).__name__, e)
print(min([4, 2, 8]), max("abc"), min(3, 1, 2), max([], default="empty"), min((1, -1), key=abs))
for call in [lambda: min([]), lambda: max(), lambda: max(1), lambda: min([1], [2], default=0)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
print(sum([1, 2, 3]), sum([[1], [2]], []), sum((0.1, 0.2)), sum(range(5), start=10))
for call in [lambda: sum(["a", "b"], ""), lambda: sum([1, "a"]), lambda: sum(5)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
print(any([0, 1]), all([]), any([]), all([1, 0]), list(enumerate("ab", 1)), list(zip("ab", [1, 2, 3])))
try:
    list(zip("ab", [1], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
print(list(map(lambda a, b: a + b, [1, 2], [3, 4])), list(filter(None, [0, 1, "", "a"])), list(reversed([1, 2])))
a = [1, 2, 3]
a[1:1] = [9, 9]
print(a, a.__sizeof__() > 0, [1, 2].__eq__((1, 2)), [1].__add__([2]))
