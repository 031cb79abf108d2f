values = [1, 2]
flags = values {mode=2 3}
