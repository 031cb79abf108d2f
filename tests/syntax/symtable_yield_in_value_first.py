def f():
    return [(yield (z for z in (yield))) for x in y]
