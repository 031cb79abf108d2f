# an exception raised inside __exit__ while handling another: both shown, chained
class CM:
    def __enter__(self): return self
    def __exit__(self, *a):
        raise KeyError("from exit")
def run():
    with CM():
        raise ValueError("body")
run()
