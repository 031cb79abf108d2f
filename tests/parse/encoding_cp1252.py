# -*- coding: Windows-1252 -*-
# Windows-1252: curly quotes, the euro sign and accented names.
café = "“€ 10”"
naïve = {'clé': café, 'œuvre': "Œ—ƒ"}
print(naïve['clé'], len(café))
