class Foo():
    [(42, 1 + ((( j := i )))) for i in range(5)]
