# _heapq and _bisect through heapq and bisect (native functions when they import).
import heapq, bisect, _heapq, _bisect

def show(label, thunk):
    try:
        r = thunk()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, r)

print(heapq.heappush is _heapq.heappush, bisect.bisect_left is _bisect.bisect_left)
h = []
for x in [5, 3, 8, 1, 9, 2, 7, 3, 0]:
    heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0, 4, 4]
heapq.heapify(data); print(data)
print(heapq.heapreplace(data, 10), data)
print(heapq.heappushpop(data, -1), heapq.heappushpop(data, 5), data)
m = [3, 1, 4, 1, 5, 9, 2, 6]
heapq._heapify_max(m); print(m, heapq._heappop_max(m), heapq._heapreplace_max(m, 0), m)
print(heapq.nsmallest(3, [5, 1, 4, 2, 3]), heapq.nlargest(2, 'heapq'), list(heapq.merge([1, 3, 5], [2, 4])))
pairs = [(2, 'b'), (1, 'z'), (1, 'a'), (3, 'c')]
heapq.heapify(pairs); print([heapq.heappop(pairs) for _ in range(4)])
show('push tuple', lambda: heapq.heappush((), 1))
show('push args', lambda: heapq.heappush([]))
show('pop empty', lambda: heapq.heappop([]))
show('pop int', lambda: heapq.heappop(1))
show('heapify int', lambda: heapq.heapify(1))
show('replace empty', lambda: heapq.heapreplace([], 1))
show('uncomparable', lambda: heapq.heapify([1, 'a', 2]))
class Evil:
    def __lt__(self, other):
        h2.clear()
        return True
h2 = [Evil(), Evil(), Evil()]
show('mutating', lambda: heapq.heapify(h2))

a = [1, 2, 2, 2, 3, 5, 8]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 4), bisect.bisect_left(a, 0), bisect.bisect_right(a, 9))
print(bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 3), bisect.bisect_left(a, 2, hi=1))
bisect.insort(a, 4); bisect.insort_left(a, 2); bisect.insort_right(a, 100); print(a)
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ('d', 4), key=lambda r: r[1]); print(recs)
print(bisect.bisect('acegi', 'f'), bisect.bisect(range(0, 100, 5), 42))
show('lo neg', lambda: bisect.bisect_right([1], 1, -1))
show('no args', lambda: bisect.bisect_right())
show('lo str', lambda: bisect.bisect_right([1], 1, 'a'))
show('hi str', lambda: bisect.bisect_right([1], 1, 0, 'x'))
show('hi none', lambda: bisect.bisect_right([1], 1, hi=None))
show('insort tuple', lambda: bisect.insort_right((), 1))
show('not seq', lambda: bisect.bisect_right(1, 1))
