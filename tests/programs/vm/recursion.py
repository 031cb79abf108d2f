# RecursionError at the recursion limit, and recovery.
import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print(type(e).__name__, e)

class R:
    def __getattr__(self, name):
        return getattr(self, name)
try:
    R().x
except RecursionError as e:
    print(type(e).__name__)

def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
d = depth(0)
print(900 < d < 1000)
sys.setrecursionlimit(50)
try:
    down(0)
except RecursionError:
    print('small limit')
print(sys.getrecursionlimit())
