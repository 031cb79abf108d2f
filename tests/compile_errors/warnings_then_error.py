assert (x, "msg")
if x is 1: pass
(1, 2)()
return
