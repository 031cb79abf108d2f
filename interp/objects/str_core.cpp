// interp/objects/str_core.cpp -- str storage: construction (PEP 393 widths), UTF-8, hash, interning.
//
// The str type's Python-visible methods live in the other str*.cpp files; this file is the
// representation every other part of the runtime builds on.
#include <sys/random.h>

#include <cstdlib>
#include <cstring>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "gc/roots.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/text/number_hash.h"
#include "interp/unicode/utf8.h"

namespace tpy {

constinit Type str_type{&type_type, "str", sizeof(StrObject),
                        kTypeBaseType | kTypeImmutable | kTypeStrSubclass};

Value str_new_uninit(int64_t length, int kind, bool ascii) {
  size_t bytes = sizeof(StrObject) + static_cast<size_t>(length + 1) * kind;
  auto* s = static_cast<StrObject*>(gc::alloc(bytes, &str_type));
  if (!s) return raise_no_memory();
  s->length = length;
  s->hash = -1;
  s->set_repr(kind, ascii);
  return Value::from_object(s);
}

namespace {

template <class T>
void store_units(StrObject* s, const uint32_t* cps, size_t n) {
  T* d = static_cast<T*>(s->data());
  for (size_t i = 0; i < n; i++) d[i] = static_cast<T>(cps[i]);
}

// Width for the widest code point [max], as PEP 393 chooses it.
int kind_for(uint32_t max) { return max < 0x100 ? 1 : max < 0x10000 ? 2 : 4; }

}  // namespace

Value str_empty() {
  Value& e = gc::g_roots.empty_str();
  if (e.is_null()) e = str_new_uninit(0, 1, true);
  return e;
}

Value str_from_code_points(const uint32_t* cps, size_t n) {
  if (n == 0) return str_empty();
  uint32_t max = 0;
  for (size_t i = 0; i < n; i++) max = cps[i] > max ? cps[i] : max;
  if (n == 1 && max < 0x100) return str_from_code_point(max);
  int kind = kind_for(max);
  Value v = str_new_uninit(static_cast<int64_t>(n), kind, max < 0x80);
  if (v.is_null()) return v;
  StrObject* s = as_str(v);
  if (kind == 1) store_units<uint8_t>(s, cps, n);
  else if (kind == 2) store_units<uint16_t>(s, cps, n);
  else store_units<uint32_t>(s, cps, n);
  return v;
}

Value str_from_code_point(uint32_t cp) {
  if (cp >= 0x100) return str_from_code_points(&cp, 1);
  Value& cache = gc::g_roots.latin1_chars();
  if (cache.is_null()) {
    Value t = tuple_new(256);
    if (t.is_null()) return t;
    for (uint32_t c = 0; c < 256; c++) {
      Value s = str_new_uninit(1, 1, c < 0x80);
      if (s.is_null()) return s;
      static_cast<uint8_t*>(as_str(s)->data())[0] = static_cast<uint8_t>(c);
      tuple_init_item(t, c, s);
    }
    cache = t;
  }
  return tuple_at(cache, cp);
}

Value str_from_ascii(std::string_view ascii) {
  if (ascii.size() <= 1)
    return ascii.empty() ? str_empty() : str_from_code_point(static_cast<unsigned char>(ascii[0]));
  Value v = str_new_uninit(static_cast<int64_t>(ascii.size()), 1, true);
  if (!v.is_null()) std::memcpy(as_str(v)->data(), ascii.data(), ascii.size());
  return v;
}

Value str_from_latin1(std::string_view latin1) {
  bool ascii = true;
  for (unsigned char c : latin1) ascii &= c < 0x80;
  if (ascii) return str_from_ascii(latin1);
  if (latin1.size() == 1) return str_from_code_point(static_cast<unsigned char>(latin1[0]));
  Value v = str_new_uninit(static_cast<int64_t>(latin1.size()), 1, false);
  if (!v.is_null()) std::memcpy(as_str(v)->data(), latin1.data(), latin1.size());
  return v;
}

Value str_from_utf8(std::string_view utf8) {
  size_t i = 0;
  while (i < utf8.size() && static_cast<unsigned char>(utf8[i]) < 0x80) i++;
  if (i == utf8.size()) return str_from_ascii(utf8);
  // Two passes: count and find the width, then store. Malformed bytes (which callers should
  // not pass) become U+FFFD rather than being dropped silently.
  size_t n = i;
  uint32_t max = 0x7F;
  for (size_t j = i; j < utf8.size(); n++) {
    char32_t cp = unicode::decode_utf8(utf8, j, /*allow_surrogates=*/true);
    if (cp == unicode::kBadCodePoint) cp = 0xFFFD;
    max = cp > max ? cp : max;
  }
  int kind = kind_for(max);
  Value v = str_new_uninit(static_cast<int64_t>(n), kind, false);
  if (v.is_null()) return v;
  StrObject* s = as_str(v);
  size_t k = 0;
  for (size_t j = 0; j < utf8.size(); k++) {
    char32_t cp = unicode::decode_utf8(utf8, j, true);
    if (cp == unicode::kBadCodePoint) cp = 0xFFFD;
    if (kind == 1) static_cast<uint8_t*>(s->data())[k] = static_cast<uint8_t>(cp);
    else if (kind == 2) static_cast<uint16_t*>(s->data())[k] = static_cast<uint16_t>(cp);
    else static_cast<uint32_t*>(s->data())[k] = cp;
  }
  return v;
}

std::string str_to_utf8(Value v) {
  std::string_view a = str_ascii_view(v);
  if (!a.empty() || str_length(v) == 0) return std::string(a);
  const StrObject* s = as_str(v);
  std::string out;
  out.reserve(static_cast<size_t>(s->length) * 2);
  for (int64_t i = 0; i < s->length; i++) unicode::encode_utf8(out, s->at(i));
  return out;
}

// CPython's str hash: SipHash-1-3 of the PEP 393 storage (which is what StrObject holds, in
// little-endian units) under a per-process key. As CPython, PYTHONHASHSEED=N fixes the key
// (0: the zero key, so tpy's set and dict orders equal python3.11's under PYTHONHASHSEED=0,
// which the test runner uses) and without it the key is random.
namespace {
text::HashKey make_hash_key() {
  const char* seed = std::getenv("PYTHONHASHSEED");
  if (seed && *seed && std::strcmp(seed, "random") != 0) {
    char* end = nullptr;
    unsigned long long n = std::strtoull(seed, &end, 10);
    if (end && *end == '\0' && n <= 4294967295ull) return text::hash_key_from_seed(static_cast<uint32_t>(n));
  }
  text::HashKey k;
  if (getrandom(&k, sizeof k, 0) != static_cast<ssize_t>(sizeof k)) k = text::hash_key_from_seed(0);
  return k;
}
}  // namespace

const text::HashKey& str_hash_key() {
  static const text::HashKey key = make_hash_key();
  return key;
}

int64_t str_hash(Value v) {
  StrObject* s = as_str(v);
  if (s->hash != -1) return s->hash;
  s->hash = text::hash_bytes(str_hash_key(), s->data(), static_cast<size_t>(s->length) * s->kind());
  return s->hash;
}

bool str_equal(Value a, Value b) {
  if (a == b) return true;
  const StrObject* x = as_str(a);
  const StrObject* y = as_str(b);
  if (x->length != y->length || x->kind() != y->kind()) return false;
  if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return false;
  return std::memcmp(x->data(), y->data(), static_cast<size_t>(x->length) * x->kind()) == 0;
}

bool str_equal_ascii(Value v, std::string_view ascii) {
  const StrObject* s = as_str(v);
  if (s->length != static_cast<int64_t>(ascii.size()) || s->kind() != 1) return false;
  return std::memcmp(s->data(), ascii.data(), ascii.size()) == 0;
}

int str_compare(Value a, Value b) {
  const StrObject* x = as_str(a);
  const StrObject* y = as_str(b);
  int64_t n = x->length < y->length ? x->length : y->length;
  if (x->kind() == 1 && y->kind() == 1) {
    int c = std::memcmp(x->data(), y->data(), static_cast<size_t>(n));
    if (c != 0) return c;
  } else {
    for (int64_t i = 0; i < n; i++) {
      uint32_t p = x->at(i), q = y->at(i);
      if (p != q) return p < q ? -1 : 1;
    }
  }
  return x->length < y->length ? -1 : x->length > y->length ? 1 : 0;
}

Value str_concat(Value a, Value b) {
  const StrObject* x = as_str(a);
  const StrObject* y = as_str(b);
  if (y->length == 0 && is_exact_str(a)) return a;
  if (x->length == 0 && is_exact_str(b)) return b;
  int kind = x->kind() > y->kind() ? x->kind() : y->kind();
  Value v = str_new_uninit(x->length + y->length, kind, x->ascii() && y->ascii());
  if (v.is_null()) return v;
  StrObject* s = as_str(v);
  x = as_str(a);
  y = as_str(b);
  if (x->kind() == kind && y->kind() == kind) {
    std::memcpy(s->data(), x->data(), static_cast<size_t>(x->length) * kind);
    std::memcpy(static_cast<char*>(s->data()) + x->length * kind, y->data(),
                static_cast<size_t>(y->length) * kind);
    return v;
  }
  for (int64_t i = 0; i < x->length + y->length; i++) {
    uint32_t cp = i < x->length ? x->at(i) : y->at(i - x->length);
    if (kind == 2) static_cast<uint16_t*>(s->data())[i] = static_cast<uint16_t>(cp);
    else static_cast<uint32_t*>(s->data())[i] = cp;
  }
  return v;
}

Value str_substring(Value v, int64_t start, int64_t end) {
  const StrObject* s = as_str(v);
  if (start < 0) start = 0;
  if (end > s->length) end = s->length;
  if (start >= end) return str_empty();
  if (start == 0 && end == s->length && is_exact_str(v)) return v;
  int64_t n = end - start;
  if (n == 1) return str_from_code_point(s->at(start));
  // Narrow the width if the slice lost the wide characters (PEP 393 widths are canonical).
  uint32_t max = 0;
  for (int64_t i = start; i < end; i++) max = s->at(i) > max ? s->at(i) : max;
  int kind = kind_for(max);
  Value r = str_new_uninit(n, kind, max < 0x80);
  if (r.is_null()) return r;
  StrObject* d = as_str(r);
  s = as_str(v);
  if (kind == s->kind()) {
    std::memcpy(d->data(), static_cast<const char*>(s->data()) + start * kind,
                static_cast<size_t>(n) * kind);
  } else {
    for (int64_t i = 0; i < n; i++) {
      uint32_t cp = s->at(start + i);
      if (kind == 1) static_cast<uint8_t*>(d->data())[i] = static_cast<uint8_t>(cp);
      else static_cast<uint16_t*>(d->data())[i] = static_cast<uint16_t>(cp);
    }
  }
  return r;
}

// -- Interning: one dict str -> str, a VM root ---------------------------------------------------

Value str_intern_value(Value s) {
  if (as_str(s)->interned()) return s;
  Value& table = gc::g_roots.interned();
  if (table.is_null()) {
    table = dict_new();
    if (table.is_null()) return table;
  }
  Value found = dict_get_str(table, s);
  if (!found.is_null()) return found;
  // Only exact strs are interned: a subclass instance gets an exact copy.
  if (!is_exact_str(s)) {
    s = str_substring(s, 0, str_length(s));
    if (s.is_null()) return s;
    if (!is_exact_str(s)) return s;
  }
  if (dict_set(table, s, s) < 0) return Value();
  as_str(s)->set_interned();
  return s;
}

Value str_intern(std::string_view utf8) {
  Value s = str_from_utf8(utf8);
  if (s.is_null()) return s;
  return str_intern_value(s);
}

Value StrConst::get() {
  if (m_value.is_null()) m_value = str_intern(m_text);
  return m_value;
}

}  // namespace tpy
