# print: sep/end/file/flush and CPython's argument errors
print()
print(1, 2, 3)
print(1, 2, 3, sep="-")
print(1, 2, 3, sep=None, end=None)
print("a", "b", sep="", end="!\n")
print("no newline", end="")
print(" then", "more", flush=True)
print(*[1, "x", None, True, (1, 2)], sep=", ")


class W:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        self.parts.append("<flush>")


w = W()
print("to", "w", file=w, flush=True)
print(w.parts)
print("file None", file=None)
for kw in ({"sep": 1}, {"end": 2}, {"sep": []}, {"foo": 1}):
    try:
        print("x", **kw)
    except TypeError as e:
        print("TypeError:", e)
try:
    print("x", file=1)
except AttributeError as e:
    print("AttributeError:", e)


class S:
    def __str__(self):
        return "S!"


print(S(), [S()][0])
