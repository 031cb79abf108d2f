class E(Exception):
    pass
def f():
    raise E
f()
