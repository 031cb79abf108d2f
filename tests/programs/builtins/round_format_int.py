# round() and format() over int's own methods (int.__round__, int.__format__ specs)
print(round(5), round(15, -1), round(25, -1), round(-7), round(12345, -2))
print(format(42, "5d"), format(255, "#x"), format(1234567, ","))
try:
    round("x")
except TypeError as e:
    print(e)
