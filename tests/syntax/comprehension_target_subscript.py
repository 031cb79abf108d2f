table = {}
table[a, b for b in range(3)] = 1
