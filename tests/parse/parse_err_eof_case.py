# tests/parse/parse_err_eof_case.py -- Error: a case block missing at the end of the file.
match x:
    case 1: