# try/except/else/finally, break/continue/return through finally, chaining, except*.
def tf(n):
    for i in range(n):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print('body', i)
        finally:
            print('finally', i)
    return 'out'
print(tf(5))

def ret():
    try:
        return 'try'
    finally:
        print('cleanup')
print(ret())

def override():
    try:
        return 1
    finally:
        return 2
print(override())

def swallow():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            if i < 2:
                continue
    return 'after'
try:
    print(swallow())
except ValueError as e:
    print('escaped', e)

try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise KeyError('k') from e
except KeyError as e:
    print(repr(e), type(e.__cause__).__name__, e.__suppress_context__)

try:
    try:
        raise TypeError('a')
    except TypeError:
        raise ValueError('b')
except ValueError as e:
    print(repr(e.__context__))

try:
    try:
        raise TypeError('a')
    except TypeError:
        raise ValueError('b') from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)

try:
    raise ExceptionGroup('eg', [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as g:
    print('values', [str(x) for x in g.exceptions])
except* TypeError as g:
    print('types', [str(x) for x in g.exceptions])

try:
    raise
except RuntimeError as e:
    print(e)

def gen_exc():
    try:
        raise KeyError('x')
    except KeyError:
        import sys
        return sys.exc_info()[0].__name__
print(gen_exc())

try:
    raise 5
except TypeError as e:
    print(e)
try:
    try:
        pass
    except 5:
        pass
    [][1]
except IndexError as e:
    print(e)
e = None
try:
    raise ValueError
except ValueError as e:
    pass
try:
    e
except NameError as x:
    print(x)
else:
    print('e kept')
for i in range(2):
    try:
        pass
    except Exception:
        pass
    else:
        print('else', i)
