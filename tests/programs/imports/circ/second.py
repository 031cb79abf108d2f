print("second: start")
from . import first
print("second: first is partial:", not hasattr(first, "done"))
try:
    from .first import done
except ImportError as e:
    print("ImportError raised")
try:
    first.done
except AttributeError as e:
    print("AttributeError:", e)
done = True
