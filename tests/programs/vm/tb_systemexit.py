# SystemExit with a string message, raised from a nested function inside finally
def f():
    try:
        raise SystemExit("goodbye")
    finally:
        print("finally runs")
f()
