print("pkg_basic init", __name__, __package__)
from .mod_a import value_a
__all__ = ["mod_a", "value_a", "helper"]


def helper():
    return "helper from " + __name__
