# three exceptions chained by context, the middle one suppressing nothing
def f():
    try:
        {}["k"]
    except KeyError:
        try:
            [][0]
        except IndexError:
            int("x")
f()
