# a SyntaxError raised by exec() is printed with its line and caret
print("before")
exec("x = (1,\n2 +)\n")
