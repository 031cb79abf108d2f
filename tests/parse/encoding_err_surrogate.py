# coding: raw_unicode_escape
x = "\udc80"
