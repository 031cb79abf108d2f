# with statements: __enter__/__exit__, suppression, exceptions in __exit__, errors.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print('enter', self.name)
        return self.name
    def __exit__(self, t, v, tb):
        print('exit', self.name, t.__name__ if t else None, v)
        return self.suppress

with CM('a') as x, CM('b') as y:
    print('body', x, y)

with CM('s', True):
    raise ValueError('suppressed')
print('after')

try:
    with CM('n'):
        raise KeyError('k')
except KeyError as e:
    print('propagated', e)

def in_func():
    for i in range(3):
        with CM(str(i)):
            if i == 1:
                continue
            if i == 2:
                return 'ret'
print(in_func())

try:
    with 1:
        pass
except TypeError as e:
    print(e)

class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except TypeError as e:
    print(e)
