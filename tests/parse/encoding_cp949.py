# -*- coding: uhc -*-
# Korean (CPython's test_source_encoding runs exec() on cp949 source).
한국어 = "안녕하세요 ぇ"
print(한국어)
