# -*- coding: latin-1 -*-
def f():
    ä = 1; global ä
