// interp/cli/source_file.h -- Reading whole source files and streams into memory.
#pragma once

#include <cstdio>
#include <string>

namespace tpy::cli {

// Reads [path] into [out]; returns 0 or the errno (EISDIR for a directory).
int read_source_file(const std::string& path, std::string& out);
// Reads [f] to its end into [out].
void read_stream(std::FILE* f, std::string& out);

}  // namespace tpy::cli
