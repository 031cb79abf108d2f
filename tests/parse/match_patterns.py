# tests/parse/match_patterns.py -- every pattern kind of the match statement.
match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case ["go", direction] | ["move", direction]:
        pass
    case Point(x=0, y=0):
        pass
    case Point(1, 2, z=3,):
        pass
    case pkg.mod.Class(a, b=[1, *rest]):
        pass
    case {"x": x, "y": y, **rest}:
        pass
    case {1: _, 2.5: _, -3: _, 1+2j: _, -1-2j: _, "s" "t": _, None: _, a.b: _,}:
        pass
    case {}:
        pass
    case {**rest}:
        pass
    case (1 | 2 | 3) as n if n > 1:
        pass
    case [*_, last]:
        pass
    case (first, *others):
        pass
    case ():
        pass
    case []:
        pass
    case (x):
        pass
    case x,:
        pass
    case a, *b, c:
        pass
    case None | True | False:
        pass
    case -0j | 0.5 | 1_000 | 0x1F | b"bytes":
        pass
    case _:
        pass
match x, y:
    case 1, 2: pass
match (x):
    case _ if (y := 1): pass
match *a, b:
    case [1, [2, (3, *_)], {"k": [v]}]: pass
match = 1
match.attr = 2
match[0] = 3
case = match(case)
_ = case
print(match, case, _)
def match(): pass
