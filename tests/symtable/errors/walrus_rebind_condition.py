def f():
    return {i+1 for i in range(5) if (i := 0)}
