# generator/coroutine __del__ (the finalizer as a method): closes, and warns for a coroutine never started
def g():
    try:
        yield 1
    finally:
        print("fin")
x = g(); next(x); print(x.__del__()); print(x.gi_frame)
y = g(); print(y.__del__(), y.gi_frame is not None)
async def c(): pass
co = c(); print(co.__del__()); co.close()
print(dir(g()))
co2 = c()
print(dir(co2))
co2.close()
