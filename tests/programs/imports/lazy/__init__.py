def __getattr__(name):
    if name == "dynamic":
        return "made on demand"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return ["dynamic", "static"]


static = 1
