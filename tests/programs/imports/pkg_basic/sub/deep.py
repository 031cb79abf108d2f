from ...pkg_basic import helper
from . import __name__ as parent_name

def where():
    return __name__, __package__, parent_name, helper()
