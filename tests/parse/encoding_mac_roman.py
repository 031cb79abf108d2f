# -*- coding: macintosh -*-
#!/usr/bin/env python3
π = 3.14159  # √ and ∞ are Mac Roman too
x = "∂ƒ©˙∆˚¬…æ"
