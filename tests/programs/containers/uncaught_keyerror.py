# An uncaught KeyError: the traceback shows the key itself (a tuple stays a tuple).
d = {"a": 1}
print(d["a"])
d[("a", 1)]
