# os.path (posixpath over posix.stat and friends), with relative facts only.
import os
import os.path
import sys

print(os.name, os.sep, os.pathsep, os.curdir, os.pardir, os.extsep, os.linesep == "\n")
print(os.path is sys.modules["posixpath"], os.path.__name__)
print(os.path.join("a", "b", "c.txt"), os.path.join("/x", "/y", "z"))
print(os.path.split("/a/b/c.txt"), os.path.splitext("archive.tar.gz"), os.path.splitext(".bashrc"))
print(os.path.basename("/a/b/"), os.path.dirname("/a/b/c"), os.path.normpath("a//b/../c/./d"))
print(os.path.isabs("/x"), os.path.isabs("x"), os.path.commonprefix(["/usr/lib", "/usr/local"]))
print(os.path.commonpath(["/usr/lib/x", "/usr/local/y"]), os.path.relpath("/a/b/c", "/a/d"))
here = os.path.dirname(os.path.abspath(__file__))
print(os.path.abspath(".") == os.getcwd() == here)
print(os.path.exists(__file__), os.path.isfile(__file__), os.path.isdir(here), os.path.islink(__file__))
print(os.path.exists("no/such/file"), os.path.isdir(__file__), os.path.getsize(__file__) > 0)
print(os.path.expanduser("~") == os.environ.get("HOME", os.path.expanduser("~")))
print(os.path.samefile(__file__, os.path.join(here, "os_path.py")))
print(os.path.realpath(".") == os.path.realpath(here))
print(os.fspath("p"), os.fspath(b"p"))
class P:
    def __fspath__(self):
        return "from fspath"
print(os.fspath(P()), os.path.join(P(), "x"))
for bad in (1, None, [1]):
    try:
        os.fspath(bad)
    except TypeError as e:
        print(e)
