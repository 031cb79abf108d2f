# Capture names in patterns bind in the enclosing block.
def m(command):
    match command.split():
        case [action]:
            return action
        case [action, obj] if obj in known:
            return action, obj
        case Point(x=px, y=0) | Point(x=0, y=px):
            return px
        case {"key": value, **rest}:
            return value, rest
        case [first, *others]:
            return first, others
        case [*_]:
            pass
        case {1: _, "a": [_, inner as alias]}:
            return alias, inner
        case Color.RED | None | True | -1 | 1 + 2j | "s":
            pass
        case (a, b) as whole:
            return a, b, whole
        case _:
            return fallback


match top_level:
    case Cls(pos1, kw=kwv):
        pass
