// interp/modules/sys_internal.h -- What the sys module's files share (not for other parts).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "interp/objects/type.h"

namespace tpy {

extern constinit Type std_stream_type;
struct StdStreamObject : Object {
  int64_t fd;
};

Value std_stream_new(int fd);
bool init_std_stream_type();
bool stream_write_utf8(int fd, std::string_view text);
// One line from fd 0 (with its '\n'; empty at EOF); false with errno on a read error.
bool stdin_readline(std::string* line, int64_t limit);

}  // namespace tpy
