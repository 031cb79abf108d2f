# Class blocks: names invisible to methods, __class__ cells, DEF_FREE_CLASS, nonlocal in classes.
class Plain:
    attr = 1

    def method(self):
        return attr

    def uses_super(self):
        return super().method()

    def uses_class(self):
        return __class__

    @staticmethod
    def nested_super():
        return lambda: super()

    class Inner:
        def m(self):
            return super(), Plain

    values = [attr for _ in range(3)]
    gen = (super() for _ in ())


def factory(base, meta):
    shared = 1
    own = 2

    class Made(base, metaclass=meta, flag=shared):
        own = 3
        nonlocal_use = own

        def m(self):
            return own, shared, Made

        def n(self):
            nonlocal shared
            shared = 4

    return Made


def class_nonlocal():
    v = 1

    class K:
        nonlocal v
        v = 2

        def get(self):
            return v
    return K


def class_global():
    class G:
        global gg
        gg = 1

        def get(self):
            return gg
    return G


def deco(f):
    return f


@deco
class Decorated(Plain, **{}):
    @deco
    def m(self, __private, _single, __dunder__):
        __local = __private
        return self.__attr, __local, _Decorated__x, __dunder__

    def __mangled_method(self):
        pass

    import __hidden.sub as __alias
    from mod import __thing, _other
    import __top_level


class _:
    def m(self, __x):
        return __x


class __Under:
    def m(self, __x):
        return __x


class ___:
    def m(self, __x):
        return __x


def not_in_class(__x):
    return __x
