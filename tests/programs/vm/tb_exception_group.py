# an uncaught ExceptionGroup with nested groups and notes
def f():
    e = ValueError("v")
    e.add_note("a note")
    raise ExceptionGroup("outer", [e, ExceptionGroup("inner", [TypeError("t"), KeyError("k")])])
f()
