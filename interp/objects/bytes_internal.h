// interp/objects/bytes_internal.h -- What the bytes*, bytearray* and memoryview* files share.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "interp/objects/buffer.h"
#include "interp/objects/bytes.h"
#include "interp/objects/container_util.h"
#include "interp/objects/native.h"

namespace tpy {

extern constinit Type bytes_iterator_type;
extern constinit Type bytearray_iterator_type;
extern constinit Type bytearray_storage_type;

// Allocation for a type that may be a subclass (attribute block at the cell's end for bytes).
Value bytes_new_typed(Type* type, int64_t n);
Value bytearray_new_typed(Type* type, const void* data, size_t n);
void register_bytes_buffers();

// An int-like item as a byte; ValueError [range_msg] outside 0..255 ("bytes must be in
// range(0, 256)" for bytes(), "byte must be in range(0, 256)" for bytearray's).
bool byte_from_item(Value item, const char* range_msg, uint8_t* out);
// Appends the bytes of the ints an iterable yields.
bool bytes_collect_iterable(Value x, const char* range_msg, std::string& out);

// The result of a method of [self]: bytearray for a bytearray (or subclass), else bytes.
inline bool bytes_family_mutable(Value self) { return !is_bytes(self); }
Value bytes_result(Value self, std::string_view data);
// self's bytes unchanged as a result: the object itself for exact bytes, else a copy.
Value bytes_result_self(Value self);

// A bytes-like argument; TypeError "a bytes-like object is required, not 'str'" otherwise.
bool arg_buffer(Value v, BufferView& out);
// CPython's ADJUST_INDICES of optional start/end arguments (None allowed).
bool bytes_slice_bounds(Value start, Value end, int64_t len, int64_t* s, int64_t* e);
int64_t bytes_find_in(std::string_view h, std::string_view n, int64_t start, int64_t end,
                      bool reverse);

// Results are built in std::string, which aborts (no C++ exceptions) when it cannot allocate:
// every size a program controls is checked against this first (MemoryError, as CPython).
constexpr int64_t kMaxBytesResult = int64_t{1} << 34;
bool bytes_size_ok(int64_t n);

// AC's Py_ssize_t converter: __index__, "Python int too large to convert to C ssize_t".
bool bytes_ssize_arg(Value v, int64_t* out);
// bytes.hex(sep, bytes_per_sep) for any data (memoryview.hex too); sep/bps null when absent.
Value bytes_hex_impl(std::string_view data, Value sep, Value bytes_per_sep);

// Rich comparison of two byte strings ([op] any of the six).
Value bytes_compare_views(std::string_view x, std::string_view y, CompareOp op);
// `item in self` for bytes and bytearray: an int byte or a bytes-like subsequence.
int bytes_contains(Value self, Value item);
// The iterators of bytes and bytearray (one implementation over bytes_view).
Value bytes_family_iter(Type* iter_type, Value self);
bool init_bytes_iterator(Type* t);

// seq * n / n * seq for a sequence recognised by [is_seq]: the sequence and a count >= 0, or
// (the other operand's numeric result, -1) when its own multiply slot handled the pair.
bool bytes_repeat_args(Value a, Value b, bool (*is_seq)(Value), BinaryFn self_fn, Value* seq,
                       int64_t* n);

// bytes % args (PEP 461); null with an exception pending.
Value bytes_percent_format(Value format, Value args);
// int-or-bytes-like "sub" argument of find/count/index/in; false: error pending.
bool bytes_sub_arg(Value v, BufferView& view, std::string& single);

// Method tables, shared through bytes_methods.def.
#define TPY_BYTES_METHOD(name, fn, flags, doc) Value fn(Value self, const Value* args, size_t nargs, Value kwnames);
#include "interp/objects/bytes_methods.def"
#undef TPY_BYTES_METHOD

// The ascii predicates as Python sees them for bytes.
inline bool byte_is_space(uint8_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
inline bool byte_is_lower(uint8_t c) { return c >= 'a' && c <= 'z'; }
inline bool byte_is_upper(uint8_t c) { return c >= 'A' && c <= 'Z'; }
inline bool byte_is_alpha(uint8_t c) { return byte_is_lower(c) || byte_is_upper(c); }
inline bool byte_is_digit(uint8_t c) { return c >= '0' && c <= '9'; }
inline bool byte_is_alnum(uint8_t c) { return byte_is_alpha(c) || byte_is_digit(c); }

}  // namespace tpy
