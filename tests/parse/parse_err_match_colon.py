# tests/parse/parse_err_match_colon.py -- Error: case without ':'.
match x:
    case 1
        pass
