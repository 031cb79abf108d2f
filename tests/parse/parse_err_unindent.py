# tests/parse/parse_err_unindent.py -- Error: unindent matching no outer level.
if x:
        y = 1
    z = 2
