class MyError(Exception):
    pass

def f():
    try:
        1 / 0
    except ZeroDivisionError:
        x = [1, 2]
        x[5]

try:
    f()
except IndexError:
    raise MyError()
