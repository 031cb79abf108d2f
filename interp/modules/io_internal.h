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

namespace tpy {

// How text streams split lines (the newline argument of TextIOWrapper and StringIO).
enum class NewlineMode : uint8_t {
  Universal,  // newline=None: input already translated to "\n"
  Any,        // newline="": "\r", "\n" and "\r\n" all end lines, untranslated
  Exact,      // newline="\n", "\r" or "\r\n": only that string ends a line
};

// The end (exclusive) of the line starting at [start] in the str [s], or -1 when no line
// ending is there yet. In Any mode a "\r" at the very end is a line end only when [final].
int64_t text_line_end(Value s, int64_t start, NewlineMode mode, Value newline, bool final);
// "\r\n" and "\r" replaced by "\n" (universal newlines on input).
Value text_translate_input(Value s);
// "\n" replaced by [newline] (output translation); s itself when nothing changes.
Value text_translate_output(Value s, Value newline);
// The `newlines` attribute for the kinds seen (bits: 1 "\r", 2 "\n", 4 "\r\n"): None, one
// str, or a tuple of them.
Value newlines_seen(int64_t seen);
// Parses a newline argument (None, "", "\n", "\r", "\r\n"); false with ValueError/TypeError.
bool text_newline_arg(Value v, NewlineMode* mode, Value* newline);

bool init_bytesio_type();
bool init_stringio_type();
bool init_buffered_types();
bool init_textio_type();
bool init_newline_decoder_type();

extern constinit Type bytesio_type;
extern constinit Type stringio_type;
extern constinit Type buffered_reader_type;
extern constinit Type buffered_writer_type;
extern constinit Type buffered_random_type;
extern constinit Type buffered_rwpair_type;
extern constinit Type textiowrapper_type;
extern constinit Type newline_decoder_type;

}  // namespace tpy

namespace tpy {

// bool(v) for optional flag arguments (null: false); false with the error pending.
bool arg_bool_value(Value v, bool* out);
// TextIOWrapper.tell() without the closed check (used by write() and seek()).
Value text_tell_value(Value self);

}  // namespace tpy
