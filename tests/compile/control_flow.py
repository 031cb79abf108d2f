# Loops, conditionals, boolean operators and comparisons.
def loops(n, items):
    total = 0
    for i in range(n):
        if i % 2 == 0 and i > 2 or not i:
            continue
        elif i == 7:
            break
        total += i
    else:
        total = -1
    while total < 100:
        total *= 2
        if total > 50:
            break
    x = 1 if total else 2
    return 0 < x <= 3, a if (a := total) else None, [j for j in items if j is not None]

def chained(a, b, c):
    if a < b < c:
        return True
    return a == b != c
