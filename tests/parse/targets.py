# tests/parse/targets.py -- assignment, for, with and del targets and their contexts.
a = 1
a.b = 1
a[0] = 1
a.b[0].c = 1
a().b = 1
(a) = 1
(a.b) = 1
((a)) = 1
(a, b) = 1
[a, b] = 1
[a, [b, (c, *d)]] = 1
a, = 1
*a, b = 1
a, *(b, c) = 1
(*a,) = 1
[*a] = 1
for a.b in c: pass
for a[0], (b, c) in d: pass
for (a) in b: pass
with a as (b, c): pass
with a as [b, *c]: pass
with a as b.c, d as e[0]: pass
del a
del a.b, a[0]
del (a)
del (a, b)
del [a, b]
del (a), [b]
del a,
x = [a for (b, c) in d]
