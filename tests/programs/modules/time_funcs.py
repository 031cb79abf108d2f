# time: conversions with fixed timestamps (TZ is set to UTC so the output is the same
# everywhere), errors, and sanity of the clocks without printing their values.
import os
os.environ['TZ'] = 'UTC'
import time
time.tzset()

def show(label, thunk):
    try:
        r = thunk()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, repr(r))

print(time.timezone, time.altzone, time.daylight, time.tzname)
for ts in [0, 1, -1.5, 86400 * 365.25 * 30, 1700000000, 2**31, 951782400, 1e9 + 0.999]:
    show('gmtime %r' % ts, lambda: time.gmtime(ts))
    show('localtime %r' % ts, lambda: time.localtime(ts))
t = time.gmtime(1234567890)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, t.tm_isdst, t.tm_zone, t.tm_gmtoff)
print(len(t), t[0], t[-1], t[:3], tuple(t), type(t).__name__, type(t).__module__)
print(time.mktime(t), time.mktime((2000, 1, 1, 0, 0, 0, 0, 1, -1)), time.mktime((2021, 13, 40, 25, 61, 61, 0, 0, 0)))
print(time.asctime(t), time.ctime(0), time.ctime(1e9), time.asctime((2020, 2, 29, 23, 59, 59, 5, 60, 0)))
fmts = ['%Y-%m-%d %H:%M:%S', '%a %A %b %B %c', '%d %j %U %W %w %y %p %I', '%x %X %%', '%Z %z', '']
for f in fmts:
    show('strftime %r' % f, lambda: time.strftime(f, t))
print(time.strftime('%Y-%m-%d', (2020, 0, 0, 0, 0, 0, 0, 0, 0)))
for bad in [(2020, 13, 1, 0, 0, 0, 0, 1, 0), (2020, 1, 32, 0, 0, 0, 0, 1, 0), (2020, 1, 1, 24, 0, 0, 0, 1, 0),
            (2020, 1, 1, 0, 60, 0, 0, 1, 0), (2020, 1, 1, 0, 0, 62, 0, 1, 0), (2020, 1, 1, 0, 0, 0, -2, 1, 0),
            (2020, 1, 1, 0, 0, 0, 0, 367, 0), (1, 2), (2020, 1, 1, 0, 0, 0.5, 0, 1, 0), (2020, 1, 1, 'a', 0, 0, 0, 1, 0)]:
    show('strftime %r' % (bad,), lambda: time.strftime('%Y', bad))
    show('asctime %r' % (bad,), lambda: time.asctime(bad))
show('mktime bad', lambda: time.mktime((1,)))
show('mktime int', lambda: time.mktime(1))
show('gmtime nan', lambda: time.gmtime(float('nan')))
show('gmtime big', lambda: time.gmtime(1e30))
show('gmtime str', lambda: time.gmtime('x'))
show('sleep neg', lambda: time.sleep(-1))
show('sleep str', lambda: time.sleep('a'))
show('sleep 0', lambda: time.sleep(0))
show('strftime int', lambda: time.strftime(5))
show('struct_time', lambda: time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 8)))
show('struct_time short', lambda: time.struct_time((1, 2)))
a = time.time(); b = time.time_ns(); c = time.monotonic(); d = time.perf_counter(); e = time.process_time()
time.sleep(0.01)
print(time.time() >= a, time.time_ns() >= b, time.monotonic() > c, time.perf_counter() - d >= 0.01, time.process_time() >= e)
print(type(time.monotonic_ns()), type(time.perf_counter_ns()), type(time.process_time_ns()), type(time.thread_time()), type(time.thread_time_ns()))
print(abs(time.time() - time.time_ns() / 1e9) < 1, time.clock_gettime(time.CLOCK_REALTIME) > 1e9)
