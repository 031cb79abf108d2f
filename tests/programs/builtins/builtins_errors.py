# built-in functions with wrong argument types and counts: CPython's messages
calls = [
    "chr(-1)", "chr(0x110000)", "chr('a')", "ord('ab')", "ord(5)", "ord('')", "hex('1')", "oct(1.0)", "bin(None)",
    "isinstance(1, 5)", "isinstance(1, (int, 5))", "issubclass(1, int)", "issubclass(int, 1)", "isinstance(1, (str, (int,)))",
    "iter(5, 1)", "next(iter([]))", "next(iter([]), 'dflt')", "next(5)", "len()", "len(1, 2)", "abs()",
    "divmod(1)", "pow(1)", "round()", "sorted()", "sorted(5)", "reversed([], 1)", "enumerate(5)", "enumerate([], 'x')",
    "zip(5)", "map(None)", "map(len, 5)", "filter(None)", "list(filter(5, [1]))", "list(map(5, [1]))", "sum([], 5, 6)",
    "min(5)", "max(1, 2, key=5)", "any(5)", "all(None)", "callable()", "id()", "hash([])", "repr()", "ascii(1, 2)",
    "format(1, 2)", "format(1, 'q')", "vars(None)", "getattr()", "setattr(1)", "delattr(1)", "hasattr(1)",
    "print(sep=5)", "print(end=5)", "print(file=5)", "print(flush=1, x=2)", "input(1, 2)", "open()" if False else "0",
    "int(x=5)", "float(1, 2)", "complex(1, 2, 3)", "str(1, 2, 3, 4)", "bool(1, 2)", "tuple(1, 2)", "dict(1, 2)", "set(1, 2)",
    "frozenset(1)", "object(1)", "type()", "type(1, 2)", "super(1)", "property(1, 2, 3, 4, 5)", "slice()", "range(1, 2, 3, 4)",
    "bytes(-1)", "bytearray('x')", "memoryview(1)", "exec()", "eval()", "compile()", "compile('1', 'f')", "globals(1)", "locals(1)",
    "divmod('a', 1)", "abs('a')", "round(1, 2, 3)", "max()", "min([], [])", "sum(['a'])", "iter()", "aiter(1)", "anext(1)",
    "issubclass(int, (str, 5))", "isinstance(5, int | 3)", "chr(1.5)", "ord(b'ab')", "bin(2**70)",
]
for c in calls:
    try:
        r = eval(c)
        print(c, "->", repr(r)[:60])
    except Exception as e:
        print(c, "!!", type(e).__name__, e)
print(isinstance(1, (str, (int,))), isinstance(True, int | str), issubclass(bool, (str, int)), ord("é"), chr(233), ascii("é"))
print(hex(255), oct(8), bin(5), hex(-1), format(255, "x"), ord(b"a"), ord(bytearray(b"z")))
print(list(iter([1, 2, 3].pop, 1)), next(iter("a")), callable(print), callable(lambda: 0))
print(sorted({3: 1, 1: 2}), sorted("bca", key=ord), list(reversed((1, 2))), list(enumerate("ab", start=-1)))
print(divmod(-7, 2), pow(2, 100) % 7, pow(2, 100, 7), round(2.675, 2), abs(-3.5), abs(True), abs(-0.0))
print(max([1, 5, 3]), max(1, 5, 3), max("abc", key=lambda c: -ord(c)), min([[1, 2], [0, 9]]), max([], default=None))
print(sum([1.5, 2.5]), sum(range(4), 10), sum([[1]], start=[0]), any(x > 2 for x in range(4)), all(x < 2 for x in range(4)))
print(repr(print), repr(len), repr(abs)[:20], len.__name__, len.__qualname__, len.__module__, print.__self__.__name__ if hasattr(print, "__self__") else "")
