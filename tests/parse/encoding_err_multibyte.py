# coding: gbk
x = "��"
