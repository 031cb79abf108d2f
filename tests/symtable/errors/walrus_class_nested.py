class Foo():
    [[(j := i) for i in range(5)] for k in ()]
