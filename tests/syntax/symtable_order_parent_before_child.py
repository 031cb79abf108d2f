def f():
    def g():
        nonlocal a
    nonlocal b
