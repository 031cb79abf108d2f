# raise ... from ... : the cause printed first with "direct cause"
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("bad config") from e
parse("x")
