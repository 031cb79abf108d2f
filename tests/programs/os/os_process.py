# Process-level os functions and os.environ (facts that do not vary between runs).
import os
import sys

print(os.getpid() > 0, os.getppid() > 0, os.getpid() != os.getppid())
print(isinstance(os.cpu_count(), int), os.cpu_count() >= 1)
print(os.getuid() == os.geteuid(), type(os.getgid()).__name__)
u = os.uname()
print(type(u).__name__, len(u), u.sysname, u[0] == u.sysname)
os.environ["TPY_TEST_VAR"] = "value one"
print(os.environ["TPY_TEST_VAR"], os.getenv("TPY_TEST_VAR"), os.environb[b"TPY_TEST_VAR"])
print("TPY_TEST_VAR" in os.environ, os.environ.get("TPY_NOT_SET", "default"))
del os.environ["TPY_TEST_VAR"]
print("TPY_TEST_VAR" in os.environ)
print(os.strerror(2), os.strerror(13))
print(len(os.urandom(16)), type(os.urandom(0)).__name__)
print(os.waitstatus_to_exitcode(256), os.waitstatus_to_exitcode(9))
print(os.WIFEXITED(0), os.WEXITSTATUS(512))
print(os.getcwd() == os.path.abspath("."), type(os.getcwdb()).__name__)
print(os.device_encoding(99) is None)
print(os.path.basename(sys.executable) != "", os.sep.join(["a", "b"]))
print(os.supports_bytes_environ, os.stat in os.supports_dir_fd, os.stat in os.supports_follow_symlinks)
t = os.times()
print(type(t).__name__, len(t), t.elapsed > 0)
