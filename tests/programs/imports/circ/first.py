print("first: start")
from . import second
print("first: second.done =", second.done)
done = True
