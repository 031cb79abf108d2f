# open() in text mode: newlines, encodings, line iteration, tell/seek, modes, errors.
import io
import os

path = "/tmp/tpy_io_text_%d.txt" % os.getpid()
with open(path, "w") as f:
    print(type(f).__name__, f.mode, f.encoding, f.name == path, f.line_buffering)
    print(f.write("first line\nsecond\r\nthird\rlast"))
with open(path) as f:
    print(repr(f.read()))
with open(path, newline="") as f:
    print(list(f))
with open(path, newline="\r\n") as f:
    print(repr(f.readline()), repr(f.readline()))
with open(path) as f:
    print(repr(f.readline()), f.tell(), repr(f.read(4)), repr(f.readline()))
    f.seek(0)
    print(repr(f.read(5)), f.seekable(), f.readable(), f.writable())
with open(path, "a", encoding="utf-8") as f:
    f.write("\nunicode: é ü 中 😀")
with open(path, encoding="utf-8") as f:
    print(f.readlines()[-1])
with open(path, encoding="latin-1") as f:
    print(repr(f.read()[-12:]))
with open(path, "rb") as f:
    data = f.read()
print(len(data), data[-4:])
try:
    with open(path, encoding="ascii") as f:
        f.read()
except UnicodeDecodeError as e:
    print(type(e).__name__, e.reason)
with open(path, "w", newline="\r\n") as f:
    f.write("a\nb\n")
with open(path, "rb") as f:
    print(f.read())
with open(path, "x" if False else "w") as f:
    f.writelines(["x\n", "y\n"])
with open(path) as f:
    for i, line in enumerate(f):
        print(i, repr(line))
for mode in ("rw", "rbt", "z"):
    try:
        open(path, mode)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    open(path, "rb", encoding="utf-8")
except ValueError as e:
    print(e)
try:
    open(path + ".missing")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror)
f = open(path)
f.close()
print(f.closed)
try:
    f.read()
except ValueError as e:
    print(e)
os.remove(path)
