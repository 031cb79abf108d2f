// interp/modules/struct_internal.h -- The _struct module's compiled formats: parsing a format
// string into codes, and packing / unpacking one code.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "interp/objects/value.h"

namespace tpy::structmod {

enum class Order : uint8_t { Native, NativeStd, Little, Big };

struct Code {
  char c;         // format character
  int64_t offset; // byte offset in the packed data
  int64_t size;   // bytes of one item
  int64_t count;  // repeat count (for 's' and 'p': the field length, one item)
};

struct Format {
  Order order = Order::Native;
  std::vector<Code> codes;  // pad bytes ('x') are left out
  int64_t size = 0;         // total bytes
  int64_t nitems = 0;       // values packed / unpacked
};

// Parses [fmt]; false with struct.error pending ("bad char in struct format", ...).
bool parse_format(const std::string& fmt, Format* out);

// Packs the values args[0, f.nitems) into [buf] (f.size bytes, zeroed by the caller).
bool pack_values(const Format& f, const Value* args, uint8_t* buf);
// The tuple of values unpacked from [buf] (f.size bytes).
Value unpack_values(const Format& f, const uint8_t* buf);

// Raises struct.error with [message].
Value raise_struct_error(const std::string& message);

}  // namespace tpy::structmod
