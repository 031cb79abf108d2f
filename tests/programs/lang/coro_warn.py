# a coroutine object dropped without being awaited warns on stderr (at exit without a GC)
async def co():
    return 1
c = co()
print(type(c).__name__, c.__name__, c.__qualname__, c.cr_running, c.cr_frame is not None)
c.close()
print(c.cr_frame)
c2 = co()
try:
    c2.send(None)
except StopIteration as e:
    print("stop", e.value)
print("end")
def statement_call():
    co()
statement_call()
statement_call()
class K:
    async def meth(self):
        pass
K().meth()
kept = co()
print("kept", type(kept).__name__)
