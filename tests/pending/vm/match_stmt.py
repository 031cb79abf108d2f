# match statements: literals, captures, sequences, mappings, classes, guards, or-patterns.
from dataclasses import dataclass

@dataclass
class Point:
    x: int
    y: int

def describe(v):
    match v:
        case 0 | 1:
            return 'small'
        case [x, y, *rest]:
            return f'seq {x} {y} {rest}'
        case {'k': val, **others}:
            return f'map {val} {others}'
        case Point(x=0, y=yy):
            return f'on y axis {yy}'
        case Point(xx, yy) if xx == yy:
            return f'diagonal {xx}'
        case Point():
            return 'point'
        case str() as s:
            return 'str ' + s
        case None:
            return 'none'
        case _:
            return 'other'

for v in [0, 1, [1, 2, 3, 4], (5, 6), {'k': 1, 'z': 2}, Point(0, 3), Point(2, 2), Point(1, 2),
          'hi', None, 3.5, [1]]:
    print(describe(v))

class C:
    __match_args__ = ('a',)
    def __init__(self):
        self.a = 1
match C():
    case C(1):
        print('matched __match_args__')
try:
    match C():
        case C(1, 2):
            pass
except TypeError as e:
    print(e)
match 5:
    case int(n):
        print('int self', n)
