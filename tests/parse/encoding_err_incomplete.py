# coding: euc_kr
x = 1
# ㅤㄱ