# The order CPython visits things decides the order of symbols and child blocks.
@decorator_first(lambda: deco_lambda)
def f(a=default_lambda_owner(lambda: default_lambda), *, k=(lambda: kwdefault)) -> (lambda: ret):
    pass


d = {key1: val1, key2: val2, **spread}
dc = {dk: dv for dk in dkeys for dv in dvals}
try:
    body_name = 1
except ExcType as handler_name:
    handler_body = 1
else:
    else_name = 1
finally:
    final_name = 1
call(arg, *star, kw=kwval, **dstar)
obj.attr[sub1:sub2].m(lambda: l1, lambda: l2)
with cm1 as t1, cm2 as t2:
    pass
class K(Base1, Base2, kw=kwv):
    pass
(gen for gen in g1 if gen for g2 in gen if g2)
raise exc from cause
assert test, msg
a = b = c
aug += augval
ann: annot = annval
for tgt in it:
    pass
import a.b.c
import d.e as f_alias
from .rel import g_name, h as i_alias
if cond:
    in_if = 1
elif cond2:
    in_elif = 1
else:
    in_else = 1
while wcond:
    pass
else:
    welse = 1
x = y if z else w
