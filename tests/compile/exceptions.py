# try/except/else/finally, with, and returns inside finally.
def f(path):
    try:
        fh = open(path)
    except (OSError, ValueError) as e:
        print(e)
        return None
    except KeyError:
        raise
    else:
        print("ok")
    finally:
        print("done")
    with fh as g, open(path) as h:
        data = g.read() + h.read()
    return data

def g():
    for i in range(3):
        try:
            return i
        finally:
            print(i)

def h():
    try:
        pass
    except* ValueError as eg:
        print(eg)
    except* TypeError:
        pass
