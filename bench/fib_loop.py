# bench/fib_loop.py -- Calls and integer loops: recursive fib plus a summing loop (interpreter speed).
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def loop(n):
    s = 0
    for i in range(n):
        s += i * i % 7
    return s


print(fib(30), loop(10_000_000))
