# A SyntaxError in an imported module: the traceback shows the import and the bad line,
# with no importlib frames.
import sys
try:
    import bad_syntax
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.filename.endswith("__init__.py"))
print("bad_syntax" in sys.modules)
import bad_syntax
