# uncaught NameError with a close-name suggestion from the globals
counter_value = 10
def use():
    return counter_valeu + 1
use()
