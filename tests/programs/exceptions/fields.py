# The exception types with their own fields
print(StopIteration().value, StopIteration(1, 2).value, StopIteration(3).args)
print(SystemExit().code, SystemExit(2).code, SystemExit(1, 2).code)
ie = ImportError("msg", name="mod", path="/p")
print(repr(ie), str(ie), ie.msg, ie.name, ie.path)
print(str(ImportError()), ImportError(1, 2).msg, str(ImportError(1, 2)), ModuleNotFoundError("m", name="x").name)
ae = AttributeError("a", name="n", obj=5)
print(repr(ae), ae.name, ae.obj, AttributeError().name)
ne = NameError("n", name="nm")
print(ne.name, NameError().name, UnboundLocalError("u", name="v").name)
for args in ((2, "No such file"), (2, "No such file", "f.txt"), (13, "Denied", "a", None, "b"),
             (1,), (1, 2, 3, 4, 5, 6), (17, "exists"), (999, "unknown"), ()):
    o = OSError(*args)
    print(type(o).__name__, repr(o), "|", str(o), "|", o.errno, o.strerror, o.filename, o.filename2)
print(FileNotFoundError(2, "x").errno, type(FileNotFoundError(13, "x")).__name__)
print(OSError(2, "x", "f").__reduce__())
se = SyntaxError("bad", ("/a/b/file.py", 3, 4, "text", 3, 6))
print(str(se), se.msg, se.filename, se.lineno, se.offset, se.text, se.end_lineno, se.end_offset)
print(str(SyntaxError("m", ("/x.py", None, 4, "t"))), str(SyntaxError("m", (None, 5, 1, "t"))))
print(str(SyntaxError()), str(SyntaxError("only")), SyntaxError("only").lineno)
ue = UnicodeEncodeError("ascii", "\xe9\u1234", 0, 1, "ordinal not in range(128)")
print(str(ue), ue.encoding, ue.object, ue.start, ue.end, ue.reason)
print(str(UnicodeEncodeError("ascii", "\xe9\u1234", 1, 2, "r")))
print(str(UnicodeEncodeError("ascii", "\xe9\u1234", 0, 2, "r")))
print(str(UnicodeEncodeError("ascii", "\U0001f600", 0, 1, "r")))
print(str(UnicodeTranslateError("\xe9", 0, 1, "r")))
for f in (lambda: ImportError("a", foo=1), lambda: AttributeError("x", foo=1),
          lambda: SyntaxError("m", (1, 2)), lambda: UnicodeEncodeError(1, 2, 3, 4, 5),
          lambda: UnicodeEncodeError("a", "b", 1, 2), lambda: KeyError(k=1)):
    try:
        f()
    except TypeError as err:
        print("TypeError:", err)
try:
    raise StopIteration(42)
except StopIteration as s:
    print("value", s.value)
