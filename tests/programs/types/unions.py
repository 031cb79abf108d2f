# PEP 604 unions of types: type.__or__ and types.UnionType.
u = int | str
print(u, type(u).__name__, u.__args__, u.__parameters__)
print(int | None, None | int, int | int, (int | str) | (str | list), list | dict | int)
print(isinstance(1, int | str), isinstance(None, int | None), isinstance("s", int | list))
print(issubclass(bool, int | str), issubclass(list, int | str))
print(int | str == str | int, int | str == int | list, hash(int | str) == hash(str | int))
class A:
    pass
class Meta(type):
    pass
class B(metaclass=Meta):
    pass
print(A | None, B | A, type(B | A).__name__)
for expr in ["int | 1", "1 | int", "'a' | int"]:
    try:
        eval(expr)
    except TypeError as e:
        print("TypeError:", e)
print(type.__dict__["__or__"], type.__dict__["__ror__"])
