# tests/unit/data/gen_int_cases.py -- Writes int_cases.txt: int operations computed by CPython.
#
# Run with the oracle: /usr/bin/python3.11 tests/unit/data/gen_int_cases.py > int_cases.txt
# For a bigger soak, pass a seed and a scale and point the test at the output:
#   /usr/bin/python3.11 gen_int_cases.py 7 20 > /tmp/big.txt
#   TPY_INT_CASES=/tmp/big.txt build/tests/tpy_unit_tests --gtest_filter='IntOracle*'
# Each line is `op<TAB>arg...<TAB>expected`. Arguments are decimal ints, except for fromstr
# (base, then the text's UTF-8 bytes in hex) and fromfloat (float.hex()). Expected values are
# decimal ints, "q r" for divmod, float.hex() for tofloat, or "!Type: message" for an error
# ("!float" when CPython's result is a float). The length limit on int/str conversion is off
# here (sys.set_int_max_str_digits(0)); int_test.cpp tests the limit itself.
import random
import sys

SEED = int(sys.argv[1]) if len(sys.argv) > 1 else 20240611
SCALE = int(sys.argv[2]) if len(sys.argv) > 2 else 1
rng = random.Random(SEED)
EDGES = [0, 1, -1, 2, -2, 3, 7, 10, -10, 255, 256, 2**31, 2**32 - 1, 2**61 - 1, 2**61,
         2**62 - 1, 2**62, 2**62 + 1, -2**62, -2**62 - 1, -2**62 + 1, 2**63 - 1, 2**63,
         -2**63, -2**63 - 1, 2**64 - 1, 2**64, -2**64, 2**64 + 1, 2**128 - 1, -2**128,
         (2**61 - 1) * 12345, -(2**61 - 1) * 3, 10**18, 10**19, -10**19, 10**38]


def rand_int(bits):
    v = rng.getrandbits(bits) | (1 << (bits - 1)) if bits else 0
    if rng.random() < 0.3:  # long runs of ones or zeros stress carries and borrows
        v |= (1 << rng.randrange(1, bits + 1)) - 1
    return -v if rng.random() < 0.5 else v


def operand():
    r = rng.random()
    if r < 0.2:
        return rng.choice(EDGES) * rng.choice([1, -1])
    if r < 0.45:
        return rng.randint(-1000, 1000)
    if r < 0.65:
        return rand_int(rng.randint(55, 70))
    if r < 0.95:
        return rand_int(rng.randint(70, 600))
    return rand_int(rng.randint(600, 1500))


def result(f):
    try:
        v = f()
    except Exception as e:  # noqa: BLE001 - every exception kind is a case
        return f"!{type(e).__name__}: {e}"
    if isinstance(v, float):
        return "!float"
    if isinstance(v, tuple):
        return f"{v[0]} {v[1]}"
    if isinstance(v, str):
        return v
    return str(int(v))


def emit(op, args, expected):
    print("\t".join([op] + [str(a) for a in args] + [expected]))


BINARY = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "floordiv": lambda a, b: a // b,
    "mod": lambda a, b: a % b,
    "divmod": divmod,
    "and": lambda a, b: a & b,
    "or": lambda a, b: a | b,
    "xor": lambda a, b: a ^ b,
    "cmp": lambda a, b: (a > b) - (a < b),
    "eq": lambda a, b: int(a == b),
    "gcd": lambda a, b: __import__("math").gcd(a, b),
}
UNARY = {
    "neg": lambda a: -a,
    "abs": abs,
    "invert": lambda a: ~a,
    "hash": hash,
    "bitlength": lambda a: a.bit_length(),
    "hex": lambda a: format(a, "x"),
    "oct": lambda a: format(a, "o"),
    "bin": lambda a: format(a, "b"),
    "tofloat": lambda a: float(a).hex(),
}


def binary_cases():
    for op, f in BINARY.items():
        for _ in range(160 * SCALE):
            a, b = operand(), operand()
            if rng.random() < 0.1:
                b = a if rng.random() < 0.5 else -a
            if op in ("floordiv", "mod", "divmod") and rng.random() < 0.04:
                b = 0
            emit(op, [a, b], result(lambda: f(a, b)))


def unary_cases():
    for op, f in UNARY.items():
        for a in EDGES + [-e for e in EDGES] + [operand() for _ in range(100 * SCALE)]:
            emit(op, [a], result(lambda: f(a)))
    for bits in (1023, 1024, 1025):  # float rounding at the top of the range
        for a in (2**bits - 1, 2**bits - 2**(bits - 54), 2**bits - 2**(bits - 53) - 1,
                  2**(bits - 1) + 2**(bits - 54), 2**(bits - 1) + 2**(bits - 54) + 1):
            emit("tofloat", [a], result(lambda: float(a).hex()))
    for k in (53, 54, 55, 64, 65, 100):  # ties to even
        for a in (2**k + 1, 2**k + 2, 2**k + 3, 2**k + 2**(k - 53), 2**k + 3 * 2**(k - 53),
                  2**k + 2**(k - 53) + 1):
            emit("tofloat", [a], result(lambda: float(a).hex()))
            emit("tofloat", [-a], result(lambda: float(-a).hex()))


def shift_cases():
    for _ in range(250 * SCALE):
        a = operand()
        n = rng.choice([0, 1, 2, 31, 62, 63, 64, 65, 127, 128, 129, 500, rng.randrange(0, 300),
                        -1, -(2**70), 2**70, 2**62])
        for op, f in (("lshift", lambda a, n: a << n), ("rshift", lambda a, n: a >> n)):
            if op == "lshift" and n >= 2**62 and a != 0:
                expected = "!MemoryError: "
            else:
                expected = result(lambda: f(a, n))
            emit(op, [a, n], expected)


def pow_cases():
    for _ in range(200 * SCALE):
        a = operand() if rng.random() < 0.5 else rng.randint(-40, 40)
        bits = max(abs(a).bit_length(), 1)
        e = rng.randint(-3, max(0, min(200, 6000 // bits)))
        emit("pow", [a, e], "!float" if e < 0 else result(lambda: a ** e))
    for a, e in ((0, 2**70), (1, 2**70), (-1, 2**70), (-1, 2**70 + 1), (2, 0), (0, 0),
                 (-2, 63), (2, 62), (-2, 62), (-2, 61), (3, 39), (3, 40), (-3, 39), (2**40, 3),
                 (1024, 300), (-1024, 301), (10, 100)):
        emit("pow", [a, e], result(lambda: a ** e))
    for _ in range(200 * SCALE):
        a, e, m = operand(), operand() if rng.random() < 0.7 else rng.randint(-5, 5), operand()
        if rng.random() < 0.05:
            m = rng.choice([0, 1, -1])
        emit("powmod", [a, e, m], result(lambda: pow(a, e, m)))


def fromstr_cases():
    texts = ["0", "-0", "+7", "  42  ", "\t-13\n", "1_000", "1__0", "_1", "1_", "0x1f", "0X1F",
             "0x_1f", "0o17", "0b101", "0b", "0x", "010", "00", "0_0", "0_8", "08", "- 1",
             "1 1", "12a", "", "   ", "z", "Z", "zz", "1\x00", "\u00e9", "x" * 300,
             "9" * 19, "-" + "9" * 40, "0b1", "0b_1_0", "1e5", "0.5", "++1", "+-1",
             "123456789012345678901234567890", "0" * 30 + "17", "\x0b\x0c 5 \r"]
    for base in (0, 2, 8, 10, 16, 36):
        for t in texts:
            emit("fromstr", [base, t.encode().hex()], result(lambda: int(t, base)))
    for _ in range(120 * SCALE):
        base = rng.choice([2, 3, 7, 8, 10, 10, 10, 16, 16, 36, 0])
        v = operand()
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"
        s, m = "", abs(v)
        while m:
            s, m = digits[m % (base or 10)] + s, m // (base or 10)
        s = ("-" if v < 0 else "") + (s or "0")
        if rng.random() < 0.3:
            s = s.upper()
        emit("fromstr", [base, s.encode().hex()], result(lambda: int(s, base)))
    emit("fromstr", [37, b"1".hex()], result(lambda: int("1", 37)))
    emit("fromstr", [1, b"1".hex()], result(lambda: int("1", 1)))


def fromfloat_cases():
    values = [0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 1e18, -1e18, 2.0**62, -2.0**62, 2.0**63,
              2.0**64, -2.0**64, 1e300, -1e300, 1.7976931348623157e308, 123456789.987,
              4611686018427387903.0, float("nan"), float("inf"), float("-inf"), 2.0**62 - 512]
    for d in values + [rng.uniform(-1e30, 1e30) for _ in range(30 * SCALE)]:
        emit("fromfloat", [d.hex()], result(lambda: int(d)))


sys.set_int_max_str_digits(0)
binary_cases()
unary_cases()
shift_cases()
pow_cases()
fromstr_cases()
fromfloat_cases()
