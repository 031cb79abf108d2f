// interp/modules/binascii_module.cpp -- The binascii module: hex, base64 (lenient and strict
// decoding with CPython's messages), crc32 and crc_hqx, binascii.Error and Incomplete.
#include <cstdint>
#include <string>

#include "gc/roots.h"
#include "interp/modules/native_modules.h"
#include "interp/objects/abstract.h"
#include "interp/objects/buffer.h"
#include "interp/objects/bytes.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/int.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/module.h"

namespace tpy {
namespace {

Value raise_binascii(const char* message) {
  return raise_error(as_type(gc::g_roots.binascii_error()), message);
}

// The a2b_* argument: ASCII str or any bytes-like object, as bytes.
bool ascii_data(Value v, std::string* out) {
  if (is_str(v)) {
    std::string_view a = str_ascii_view(v);
    if (a.empty() && str_length(v) != 0) {
      raise_error(exc_ValueError, "string argument should contain only ASCII characters");
      return false;
    }
    out->assign(a);
    return true;
  }
  if (!has_buffer(v)) {
    raise_format(exc_TypeError, "argument should be bytes, buffer or ASCII string, not '%.100s'",
                 type_of(v)->c_name());
    return false;
  }
  BufferView b;
  if (!b.get(v)) return false;
  out->assign(b.bytes());
  return true;
}

bool binary_data(Value v, std::string* out) {
  BufferView b;
  if (!b.get(v)) return false;
  out->assign(b.bytes());
  return true;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// hexlify(data, sep=None, bytes_per_sep=1): [sep] between groups of bytes_per_sep bytes,
// counted from the right (from the left when negative).
Value f_hexlify(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"data", "sep", "bytes_per_sep", nullptr};
  Value data, sep, per;
  ArgSpec spec{"hexlify", kw, 1, 3, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&data, &sep, &per})) return Value();
  std::string in;
  if (!binary_data(data, &in)) return Value();
  char sepc = 0;
  if (!sep.is_null() && !is_none(sep)) {
    std::string s;
    if (is_str(sep)) {
      s = str_to_utf8(sep);
      if (str_length(sep) != 1) s = "xx";
    } else if (!binary_data(sep, &s)) {
      return Value();
    }
    if (s.size() != 1) return raise_error(exc_ValueError, "sep must be length 1.");
    sepc = s[0];
  }
  int64_t group = 1;
  if (!per.is_null() && !arg_to_index(per, &group)) return Value();
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  size_t n = in.size();
  uint64_t g = group < 0 ? static_cast<uint64_t>(-group) : static_cast<uint64_t>(group);
  for (size_t i = 0; i < n; i++) {
    if (sepc && g != 0 && i > 0) {
      bool boundary = group < 0 ? i % g == 0 : (n - i) % g == 0;
      if (boundary) out += sepc;
    }
    unsigned char c = static_cast<unsigned char>(in[i]);
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return bytes_from_view(out);
}

Value f_unhexlify(Value, const Value* args, size_t, Value) {
  std::string in;
  if (!ascii_data(args[0], &in)) return Value();
  if (in.size() % 2 != 0) return raise_binascii("Odd-length string");
  std::string out(in.size() / 2, '\0');
  for (size_t i = 0; i < out.size(); i++) {
    int hi = hex_value(in[2 * i]), lo = hex_value(in[2 * i + 1]);
    if (hi < 0 || lo < 0) return raise_binascii("Non-hexadecimal digit found");
    out[i] = static_cast<char>(hi << 4 | lo);
  }
  return bytes_from_view(out);
}

constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int b64_value(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

Value f_b2a_base64(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"", "newline", nullptr};
  Value data, newline;
  ArgSpec spec{"b2a_base64", kw, 1, 1, 1, false};
  if (!parse_args(spec, args, nargs, kwnames, {&data, &newline})) return Value();
  std::string in;
  if (!binary_data(data, &in)) return Value();
  bool nl = true;
  if (!newline.is_null()) {
    int t = object_truthy(newline);
    if (t < 0) return Value();
    nl = t != 0;
  }
  std::string out;
  size_t i = 0;
  for (; i + 3 <= in.size(); i += 3) {
    uint32_t v = static_cast<unsigned char>(in[i]) << 16 |
                 static_cast<unsigned char>(in[i + 1]) << 8 | static_cast<unsigned char>(in[i + 2]);
    out += kB64[v >> 18];
    out += kB64[(v >> 12) & 63];
    out += kB64[(v >> 6) & 63];
    out += kB64[v & 63];
  }
  size_t rest = in.size() - i;
  if (rest > 0) {
    uint32_t v = static_cast<unsigned char>(in[i]) << 16;
    if (rest == 2) v |= static_cast<unsigned char>(in[i + 1]) << 8;
    out += kB64[v >> 18];
    out += kB64[(v >> 12) & 63];
    out += rest == 2 ? kB64[(v >> 6) & 63] : '=';
    out += '=';
  }
  if (nl) out += '\n';
  return bytes_from_view(out);
}

Value f_a2b_base64(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"", "strict_mode", nullptr};
  Value data, strict_v;
  ArgSpec spec{"a2b_base64", kw, 1, 1, 1, false};
  if (!parse_args(spec, args, nargs, kwnames, {&data, &strict_v})) return Value();
  std::string in;
  if (!ascii_data(data, &in)) return Value();
  bool strict = false;
  if (!strict_v.is_null()) {
    int t = object_truthy(strict_v);
    if (t < 0) return Value();
    strict = t != 0;
  }
  if (strict && !in.empty() && in[0] == '=') return raise_binascii("Leading padding not allowed");
  std::string out;
  int quad = 0, pads = 0;
  bool padding_started = false;
  unsigned left = 0;
  for (size_t i = 0; i < in.size(); i++) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c == '=') {
      padding_started = true;
      if (quad >= 2 && quad + ++pads >= 4) {
        // A complete pad sequence ends the data.
        if (strict && i + 1 < in.size()) return raise_binascii("Excess data after padding");
        return bytes_from_view(out);
      }
      continue;
    }
    int v = b64_value(c);
    if (v < 0) {
      if (strict) return raise_binascii("Only base64 data is allowed");
      continue;
    }
    if (strict && padding_started) return raise_binascii("Discontinuous padding not allowed");
    pads = 0;
    switch (quad) {
      case 0: quad = 1; left = v; break;
      case 1: quad = 2; out += static_cast<char>(left << 2 | v >> 4); left = v & 0x0f; break;
      case 2: quad = 3; out += static_cast<char>(left << 4 | v >> 2); left = v & 0x03; break;
      default: quad = 0; out += static_cast<char>(left << 6 | v); left = 0; break;
    }
  }
  if (quad == 1) {
    std::string msg = "Invalid base64-encoded string: number of data characters (" +
                      std::to_string(out.size() / 3 * 4 + 1) +
                      ") cannot be 1 more than a multiple of 4";
    return raise_binascii(msg.c_str());
  }
  if (quad != 0) return raise_binascii("Incorrect padding");
  return bytes_from_view(out);
}

// -- CRCs -----------------------------------------------------------------------------------------

uint32_t crc32_update(uint32_t crc, const std::string& data) {
  static uint32_t table[256];
  static bool ready = false;
  if (!ready) {
    for (uint32_t i = 0; i < 256; i++) {
      uint32_t c = i;
      for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      table[i] = c;
    }
    ready = true;
  }
  crc = ~crc;
  for (unsigned char b : data) crc = table[(crc ^ b) & 0xff] ^ (crc >> 8);
  return ~crc;
}

// The low 32 bits of an int argument (CPython's unsigned int conversion with wrap-around).
bool low_bits(Value v, uint32_t* out) {
  Value i = number_index(v);
  if (i.is_null()) return false;
  Value mask = int_from_i64(0xffffffffLL);
  Value r = int_and(i, mask);
  if (r.is_null()) return false;
  *out = static_cast<uint32_t>(r.as_int());
  return true;
}

Value f_crc32(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("crc32", nargs, 1, 2)) return Value();
  std::string in;
  if (!binary_data(args[0], &in)) return Value();
  uint32_t crc = 0;
  if (nargs == 2 && !low_bits(args[1], &crc)) return Value();
  return int_from_u64(crc32_update(crc, in));
}

Value f_crc_hqx(Value, const Value* args, size_t nargs, Value) {
  if (!check_nargs("crc_hqx", nargs, 2, 2)) return Value();
  std::string in;
  if (!binary_data(args[0], &in)) return Value();
  uint32_t crc;
  if (!low_bits(args[1], &crc)) return Value();
  crc &= 0xffff;
  for (unsigned char b : in) {
    crc ^= static_cast<uint32_t>(b) << 8;
    for (int k = 0; k < 8; k++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return Value::from_int(crc);
}

const MethodDef kFunctions[] = {
    {"a2b_base64", f_a2b_base64, kMethFastKw, "Decode a line of base64 data."},
    {"a2b_hex", f_unhexlify, kMethO, "Binary data of hexadecimal representation.\n\nhexstr must contain an even number of hex digits (upper or lower case).\nThis function is also available as \"unhexlify()\"."},
    {"b2a_base64", f_b2a_base64, kMethFastKw, "Base64-code line of data."},
    {"b2a_hex", f_hexlify, kMethFastKw, "Hexadecimal representation of binary data."},
    {"crc32", f_crc32, kMethFast, "Compute CRC-32 incrementally."},
    {"crc_hqx", f_crc_hqx, kMethFast, "Compute CRC-CCITT incrementally."},
    {"hexlify", f_hexlify, kMethFastKw, "Hexadecimal representation of binary data."},
    {"unhexlify", f_unhexlify, kMethO, "Binary data of hexadecimal representation.\n\nhexstr must contain an even number of hex digits (upper or lower case)."},
    {nullptr, nullptr, 0, nullptr}};

// A heap exception class binascii.<name> deriving from [base].
bool make_error(Value& root, const char* name, Type* base) {
  if (!root.is_null()) return true;
  Value n = str_from_ascii(name);
  Value bases = tuple_pack({Value::from_object(base)});
  Value ns = dict_new();
  Value mod = str_from_ascii("binascii");
  if (n.is_null() || bases.is_null() || ns.is_null() || mod.is_null() ||
      dict_set_cstr(ns, "__module__", mod) < 0)
    return false;
  Value targs = tuple_pack({n, bases, ns});
  if (targs.is_null()) return false;
  Value cls = call_tuple_dict(Value::from_object(&type_type), targs, Value());
  if (cls.is_null()) return false;
  root = cls;
  return true;
}

}  // namespace

Value create_binascii_module() {
  if (!make_error(gc::g_roots.binascii_error(), "Error", exc_ValueError) ||
      !make_error(gc::g_roots.binascii_incomplete(), "Incomplete", exc_Exception))
    return Value();
  Value m = module_new_cstr("binascii");
  if (m.is_null()) return m;
  Value d = module_dict(m);
  if (add_native_functions(d, kFunctions, m, dict_get_cstr(d, "__name__")) < 0) return Value();
  if (dict_set_cstr(d, "Error", gc::g_roots.binascii_error()) < 0 ||
      dict_set_cstr(d, "Incomplete", gc::g_roots.binascii_incomplete()) < 0)
    return Value();
  Value doc = str_from_ascii("Conversion between binary data and ASCII");
  if (doc.is_null() || dict_set_cstr(d, "__doc__", doc) < 0) return Value();
  return m;
}

}  // namespace tpy
