#!/usr/bin/env python3
# vim: set fileencoding=iso8859_7 :
λ = "αβγ"
μ = λ * 2
