# Files and directories through os: a scratch directory in /tmp, only relative facts printed.
import errno
import os
import stat

base = os.path.join("/tmp", "tpy_os_test_%d" % os.getpid())
os.mkdir(base)
try:
    os.mkdir(base)
except FileExistsError as e:
    print(type(e).__name__, e.errno == errno.EEXIST, e.filename == base)
path = os.path.join(base, "data.bin")
fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b"hello world\n"), os.write(fd, bytearray(b"more")))
os.close(fd)
st = os.stat(path)
print(st.st_size, stat.S_ISREG(st.st_mode), stat.S_IMODE(st.st_mode) & 0o600, len(st), st[6])
print(type(st).__name__, type(st.st_mtime).__name__, type(st.st_mtime_ns).__name__, type(st[8]).__name__)
print(st.st_mtime_ns // 1000000000 == st[8] == int(st.st_mtime))
fd = os.open(path, os.O_RDONLY)
print(os.read(fd, 5), os.lseek(fd, 0, os.SEEK_CUR), os.read(fd, 100), os.read(fd, 10))
print(os.fstat(fd).st_size, os.isatty(fd))
os.close(fd)
try:
    os.close(fd)
except OSError as e:
    print(type(e).__name__, e.errno == errno.EBADF)
os.mkdir(os.path.join(base, "sub"))
open_dir = sorted(os.listdir(base))
print(open_dir, sorted(os.listdir(os.fsencode(base))))
with os.scandir(base) as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(repr(e), e.name, e.is_dir(), e.is_file(), e.is_symlink(), e.path == os.path.join(base, e.name))
print(entries[0].stat().st_size, os.fspath(entries[0]) == entries[0].path)
os.symlink("data.bin", os.path.join(base, "link"))
print(os.readlink(os.path.join(base, "link")), os.path.islink(os.path.join(base, "link")))
print(os.lstat(os.path.join(base, "link")).st_size != os.stat(os.path.join(base, "link")).st_size)
os.rename(path, os.path.join(base, "renamed.bin"))
os.replace(os.path.join(base, "renamed.bin"), os.path.join(base, "final.bin"))
print(sorted(os.listdir(base)))
print(os.access(os.path.join(base, "final.bin"), os.R_OK), os.access(os.path.join(base, "nope"), os.F_OK))
for name in ("link", "final.bin"):
    os.unlink(os.path.join(base, name))
os.rmdir(os.path.join(base, "sub"))
try:
    os.remove(os.path.join(base, "gone"))
except FileNotFoundError as e:
    print(type(e).__name__, e.strerror, os.path.basename(e.filename))
try:
    os.rename(os.path.join(base, "a"), os.path.join(base, "b"))
except FileNotFoundError as e:
    print(str(e).replace(base, "<base>"))
os.rmdir(base)
print(os.path.exists(base))
os.makedirs(os.path.join(base, "x", "y"))
os.removedirs(os.path.join(base, "x", "y"))
print(os.path.exists(base))
