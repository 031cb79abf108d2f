# compile(..., "single") prints expression values through sys.displayhook
exec(compile("1 + 1", "<i>", "single"))
exec(compile("None", "<i>", "single"))
exec(compile("'text'", "<i>", "single"))
x = 5
exec(compile("x * 2", "<i>", "single"))
print(_)
