from .. import sibling
from ..sibling import NAME
