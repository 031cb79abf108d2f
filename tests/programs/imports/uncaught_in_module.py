# An error raised while a module runs: the traceback goes through the import statement.
import pkg_rel.broken
