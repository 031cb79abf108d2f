# `from m import name` failures: ImportError.name / .path and the circular-import message.
# Waits for IMPORT_FROM (interp/vm/eval_support.cpp) to call tpy::import_from (import.h).
import sys
try:
    from os import no_such_name
except ImportError as e:
    print(e.name, e.path.replace(sys.prefix, "<prefix>"))
try:
    from sys import no_such_name
except ImportError as e:
    print(e.name, e.path)
import circ_from.first
