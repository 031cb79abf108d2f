# __name__ == "__main__", sys.path[0], __file__ of the script.
import os
import sys
print(__name__, os.path.basename(__file__), sys.path[0] == os.path.dirname(os.path.abspath(__file__)))
print(type(__loader__).__name__, __spec__, __package__)
if __name__ == "__main__":
    print("guarded")
