# coding: unicode_escape
x = 1
y = "\ud800"
