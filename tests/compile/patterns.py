# match with every pattern kind.
def describe(obj):
    match obj:
        case None | True:
            return "singleton"
        case 0 | 1 | -1:
            return "small"
        case [x, y, *rest]:
            return x, y, rest
        case [x, *_]:
            return x
        case {"key": value, **others}:
            return value, others
        case Point(x=0, y=yy) if yy > 0:
            return yy
        case str() as text:
            return text
        case _:
            return "other"
