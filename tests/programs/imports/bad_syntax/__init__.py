value = 1
x = (
