# an uncaught assertion with a message computed from values
def check(x):
    assert x > 10, f"x too small: {x}"
check(3)
