# -*- coding: gb18030 -*-
# GB18030: GBK pairs and four-byte sequences (BMP and beyond).
中文 = "汉字 € ḿ 𠀀 😀"
print(中文, len(中文))
