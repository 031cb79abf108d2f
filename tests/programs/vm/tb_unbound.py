# uncaught UnboundLocalError inside a method (no suggestion for it)
class A:
    def m(self):
        total += 1
        total = 0
A().m()
