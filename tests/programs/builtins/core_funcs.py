# len, repr, ascii, isinstance, issubclass, id, hash, callable, getattr family, abs, divmod,
# pow, round, hex/oct/bin, chr/ord, format
print(len([1, 2]), len("abc"), len({1: 2}), len(range(10)))
print(repr("a'b"), repr([1, "x"]), ascii("é\u1234"), ascii([1, "ü"]))
print(isinstance(1, int), isinstance(True, int), isinstance("x", (int, str)), isinstance(1, (str, (list, int))))
print(issubclass(bool, int), issubclass(int, (str, object)), issubclass(KeyError, LookupError))
print(id(None) == id(None), id([]) is not None)
print(hash(1) == hash(True), hash("a") == hash("a"), hash(-1), hash((1, 2)) == hash((1, 2)))
print(callable(len), callable(1), callable(int), callable(lambda: 0))


class A:
    x = 1


a = A()
print(getattr(a, "x"), getattr(a, "y", "dflt"), hasattr(a, "x"), hasattr(a, "y"))
setattr(a, "y", 5)
print(a.y)
delattr(a, "y")
print(hasattr(a, "y"))
print(abs(-5), abs(3), abs(-(2**70)))
print(divmod(7, 2), divmod(-7, 2), divmod(2**70, 3))
print(pow(2, 10), pow(2, 10, 1000), pow(3, -1, 7), pow(base=2, exp=3), pow(2, 100))

print(hex(255), hex(-255), oct(8), oct(-8), bin(5), bin(-5), hex(0), bin(2**70))
print(chr(65), chr(0x1f600) == "\U0001f600", ord("a"), ord("\u1234"), ord("é"))
print(format(42), format("x", ">3"), format(True), format("ab"))


class Idx:
    def __index__(self):
        return 10


print(hex(Idx()), bin(Idx()), oct(Idx()), chr(Idx() .__index__() + 55))

tests = [
    lambda: len(5),
    lambda: len(),
    lambda: isinstance(1),
    lambda: isinstance(1, 2),
    lambda: issubclass(1, int),
    lambda: getattr(a),
    lambda: getattr(a, 1),
    lambda: getattr(a, "nope"),
    lambda: setattr(a, 1, 2),
    lambda: hasattr(a, 1),
    lambda: abs("x"),
    lambda: divmod(1, 0),
    lambda: divmod("a", 1),
    lambda: pow(2, 3, 0),
    lambda: pow(),

    lambda: hex("x"),
    lambda: chr(-1),
    lambda: chr(0x110000),
    lambda: chr("a"),
    lambda: ord("ab"),
    lambda: ord(""),
    lambda: ord(1),
    lambda: format(1, 2),
    lambda: format("x", "q"),
    lambda: hash([]),
    lambda: repr(),
    lambda: id(1, 2),
]
for t in tests:
    try:
        print("no error:", t())
    except Exception as e:
        print(type(e).__name__ + ":", e)
