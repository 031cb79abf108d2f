# -*- coding: unicode_escape -*-
# The escape codec decodes escapes in the source itself.
x = "\u00e9\N{SNOWMAN}"
y = 'caf\xe9'
