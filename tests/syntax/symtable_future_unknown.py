'''doc'''
from __future__ import division, spam as eggs
