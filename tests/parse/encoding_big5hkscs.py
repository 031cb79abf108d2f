# -*- coding: big5-hkscs -*-
# Big5-HKSCS, where one pair decodes to two code points.
香港 = "繁體字 Ê̄ 𧉧"
