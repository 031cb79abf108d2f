import os
import sys
print("running", __name__, __package__, __spec__.name)
print(os.path.basename(sys.argv[0]), sys.argv[1:])
print(sys.path[0] == os.getcwd())
