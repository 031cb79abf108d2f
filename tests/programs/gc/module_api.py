# The gc module's API: enable/disable, thresholds, stats shape, callbacks, referents, freeze.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())

old = gc.get_threshold()
print(len(old), all(isinstance(x, int) for x in old))
gc.set_threshold(500, 5, 5)
print(gc.get_threshold())
gc.set_threshold(*old)
print(gc.get_threshold() == old)

st = gc.get_stats()
print(len(st), sorted(st[0]))
print(len(gc.get_count()))

events = []
def cb(phase, info):
    events.append((phase, info['generation'], sorted(info)))
gc.callbacks.append(cb)
gc.collect()
gc.collect(0)
gc.callbacks.remove(cb)
print(events)

try:
    gc.collect(3)
except ValueError as e:
    print('ValueError', e)

class C:
    pass
c = C()
x = [c, 'y']
print(c in gc.get_referents(x), 'y' in gc.get_referents(x))
print(any(r is x for r in gc.get_referrers(c)))
d = {'k': c}
print(any(r is d for r in gc.get_referrers(c)))
print(type(gc.collect()).__name__, gc.garbage)
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
gc.set_debug(0)
print(gc.get_debug())
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
objs = gc.get_objects()
print(any(o is x for o in objs))
