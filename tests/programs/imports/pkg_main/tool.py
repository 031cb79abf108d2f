import os
import sys
print("tool", __name__, __package__)
print(os.path.basename(sys.argv[0]), sys.argv[1:])
if __name__ == "__main__":
    print("main guard ran")
