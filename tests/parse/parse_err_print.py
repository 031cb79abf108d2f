# tests/parse/parse_err_print.py -- Error: Python 2 print statement.
print "hello"
