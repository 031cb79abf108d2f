# Circular imports see partially initialised modules, with CPython's messages.
import circ.first
print(circ.first.done, circ.second.done)
