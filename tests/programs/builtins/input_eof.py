# input: prompt to stdout, lines from stdin, EOFError at the end
print("first:", input("prompt> "))
print("second:", repr(input()))
try:
    input("last> ")
except EOFError as e:
    print("EOFError:", e)
