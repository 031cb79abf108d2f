# -*- coding: euc-jp -*-
# EUC-JP, with a three-byte JIS X 0212 character.
文字列 = "漢字とかな ˘ ¡"
print(len(文字列))
