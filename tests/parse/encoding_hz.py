# -*- coding: hz -*-
# HZ: GB2312 in 7 bits between shift sequences.
x = "~{VPND~} and ~~~~"
