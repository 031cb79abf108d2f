# open() in binary modes: buffered readers and writers, FileIO, seek/tell, read1/peek.
import io
import os

path = "/tmp/tpy_io_bin_%d.bin" % os.getpid()
with open(path, "wb") as f:
    print(type(f).__name__, f.mode, f.write(b"0123456789\nabcdef\n"), f.tell())
with open(path, "rb") as f:
    print(type(f).__name__, type(f.raw).__name__, f.read(4), f.peek(2)[:2], f.read1(3))
    print(f.readline(), f.tell(), f.read(), f.read())
    f.seek(-3, 2)
    print(f.read(), f.seek(2), f.read(2))
with open(path, "r+b") as f:
    print(type(f).__name__, f.read(3))
    f.seek(0)
    f.write(b"XY")
    f.seek(0)
    print(f.read(5))
    print(f.truncate(4), f.seek(0, 2))
with open(path, "ab") as f:
    f.write(b"++")
with open(path, "rb", buffering=0) as f:
    print(type(f).__name__, f.read(), f.closefd, f.readable(), f.writable())
raw = io.FileIO(path, "r")
print(raw.mode, raw.read(2), raw.readall(), raw.fileno() >= 0)
raw.close()
print(raw.closed, repr(raw))
try:
    raw.read()
except ValueError as e:
    print(e)
with open(path, "rb") as f:
    buf = bytearray(3)
    print(f.readinto(buf), buf, list(f))
try:
    io.FileIO(path + ".missing")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno)
try:
    io.FileIO("/tmp")
except IsADirectoryError as e:
    print(type(e).__name__, e.errno)
os.remove(path)
print(os.path.exists(path))
