def f():
    return [i for i in range(5) for j in (k := range(i))]
