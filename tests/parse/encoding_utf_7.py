# -*- coding: utf-7 -*-
# UTF-7 (without a plus sign in the code).
x = "+AOkgrA +2D3eAA"
y = [1, 2 - 3]
