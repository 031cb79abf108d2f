def f():
    ä = 1; global ä
