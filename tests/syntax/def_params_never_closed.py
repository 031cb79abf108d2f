def f(a = 5, b,
