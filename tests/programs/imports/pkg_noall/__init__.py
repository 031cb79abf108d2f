public = "public"
_private = "private"


def func():
    return "func"
