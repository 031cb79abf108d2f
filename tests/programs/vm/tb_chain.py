# Chained tracebacks: cause and context.
def inner():
    d = {}
    return d['missing']

try:
    inner()
except KeyError as e:
    raise ValueError('wrapped') from e
