# uncaught exception whose __str__ fails, and a subclass with a custom __str__
class E(Exception):
    def __str__(self):
        return "custom text"
class Bad(Exception):
    def __str__(self):
        raise RuntimeError("nope")
try:
    raise E(1)
except E as e:
    print(repr(e), str(e))
raise Bad("x")
