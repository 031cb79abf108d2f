# constant folding of bool operators must keep bool results (compiler folds True & False as int)
print(True & False, True | False, True ^ True, type(True ^ False).__name__)
