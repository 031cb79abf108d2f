# traceback through nested calls, a lambda, a comprehension and a method
class K:
    def method(self, v):
        return [1 / x for x in v]
def helper(v):
    f = lambda: K().method(v)
    return f()
helper([1, 0])
