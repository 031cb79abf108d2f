# KeyError of a tuple and an empty message; attribute error suggestions
d = {}
def get():
    return d[(1, 2)]
try:
    get()
except KeyError as e:
    print(repr(e), str(e))
class Obj:
    value = 1
Obj().valeu
