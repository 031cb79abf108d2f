from . import second
done = True
