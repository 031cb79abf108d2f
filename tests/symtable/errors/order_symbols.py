def f():
    nonlocal b
    nonlocal a
