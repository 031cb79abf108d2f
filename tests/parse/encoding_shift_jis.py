# -*- coding: shift-jis -*-
# Shift_JIS: kanji, kana and half-width katakana.
名前 = "日本語テキスト ｶﾀｶﾅ"
def 挨拶(誰):
    return f"こんにちは、{誰}さん"
print(挨拶(名前))
