// interp/modules/io_internal.h -- What the _io module's files share: the base classes' layout
// and the concrete types.
#pragma once

#include <cstdint>

#include "interp/objects/type.h"

namespace tpy {

inline constexpr int64_t kIoDefaultBufferSize = 8192;

extern constinit Type iobase_type;          // _io._IOBase
extern constinit Type rawiobase_type;       // _io._RawIOBase
extern constinit Type bufferediobase_type;  // _io._BufferedIOBase
extern constinit Type textiobase_type;      // _io._TextIOBase
extern constinit Type fileio_type;          // _io.FileIO

// Every _io object: an instance __dict__ (CPython's IOBase objects have one) and, for the
// pure bases, the closed flag that _IOBase.close sets.
struct IOBaseObject : Object {
  Value dict;
  int64_t iobase_closed;
};

struct FileIOObject : IOBaseObject {
  int64_t fd;  // -1 when closed
  int64_t blksize;
  uint8_t readable, writable, appending, created, closefd, pad_[3];
};

// io.UnsupportedOperation (a subclass of OSError and ValueError), made with the module.
Value io_unsupported_type();
Value io_unsupported(const char* msg);  // raises it; null

Value fileio_readall(Value self);

bool init_iobase_types();
bool init_fileio_type();

}  // namespace tpy
