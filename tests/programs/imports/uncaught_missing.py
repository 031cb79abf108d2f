# An uncaught ModuleNotFoundError: CPython's traceback shows no importlib frames.
print("before")
import pkg_basic.missing_module
