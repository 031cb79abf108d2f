// interp/modules/sys_module.h -- The sys module: what the runner and other parts call into.
#pragma once

#include <string>
#include <vector>

#include "interp/objects/type.h"

namespace tpy {

// The sys module and its dict (made by init_sys, after the vm row).
Value sys_module();
Value sys_dict();

// sys.argv from the command line (the script path first, as CPython's).
void sys_set_argv(const std::vector<std::string>& argv);

// Flushes the buffered sys.__stdout__ / sys.__stderr__ writers: the runner calls it at exit,
// and anything writing to fd 2 directly (traceback printing) should call it first.
void sys_flush_std_streams();

// sys.stdout / sys.stderr as currently set (attribute of the sys module); null with
// RuntimeError "lost sys.stdout" pending when deleted.
Value sys_get_stdout();
Value sys_get_stderr();

// Writes [text] (UTF-8) to the file object [file] through its write() method (fast path for
// the native std streams). -1 on error.
int sys_write_text(Value file, std::string_view text);
int sys_write_str(Value file, Value s);

}  // namespace tpy
