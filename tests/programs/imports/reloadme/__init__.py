counter = globals().get("counter", 0) + 1
print("reloadme executed, counter =", counter)
