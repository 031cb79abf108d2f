values = (c a)
