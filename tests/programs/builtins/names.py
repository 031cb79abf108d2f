# the builtins module's names: types, constants, exception types
for t in (object, type, int, bool, str, tuple, list, dict, set, frozenset, range, slice,
          enumerate, zip, map, filter, reversed, property, classmethod, staticmethod, super):
    print(t.__name__, t)
print(None, True, False, Ellipsis, NotImplemented, __debug__)
for e in (BaseException, Exception, ValueError, KeyError, StopIteration, OSError,
          FileNotFoundError, ExceptionGroup, BaseExceptionGroup, UnicodeDecodeError,
          RecursionError, NotImplementedError, ModuleNotFoundError, UserWarning):
    print(e.__name__, e.__mro__)
print(print.__name__, len.__name__, type(print).__name__, repr(len))
