from .. import mod_a
from ..mod_a import value_a as va
print("sub init sees", mod_a.__name__, va)
