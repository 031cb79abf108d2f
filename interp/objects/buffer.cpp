// interp/objects/buffer.cpp -- The buffer protocol's registry of exporting types and its helpers.
#include "interp/objects/buffer.h"

#include <cstring>

#include "interp/objects/exceptions.h"

namespace tpy {

namespace {

struct Exporter {
  Type* type;
  GetBufferFn get;
  ReleaseBufferFn release;
};
// A handful of built-in types export buffers; registration happens once at start-up.
constexpr int kMaxExporters = 32;
Exporter g_exporters[kMaxExporters];
int g_num_exporters = 0;

const Exporter* find_exporter(Type* t) {
  for (; t != nullptr; t = t->m_base)
    for (int i = 0; i < g_num_exporters; i++)
      if (g_exporters[i].type == t) return &g_exporters[i];
  return nullptr;
}

}  // namespace

void register_buffer_type(Type* t, GetBufferFn get, ReleaseBufferFn release) {
  for (int i = 0; i < g_num_exporters; i++)
    if (g_exporters[i].type == t) return;
  if (g_num_exporters == kMaxExporters) __builtin_trap();
  g_exporters[g_num_exporters++] = Exporter{t, get, release};
}

bool has_buffer(Value v) { return find_exporter(type_of(v)) != nullptr; }

bool get_buffer_msg(Value obj, Buffer* out, int flags, const char* prefix) {
  const Exporter* e = find_exporter(type_of(obj));
  if (e == nullptr) {
    raise_format(exc_TypeError, "%sa bytes-like object is required, not '%.200s'", prefix,
                 type_of(obj)->c_name());
    return false;
  }
  *out = Buffer();
  if (!e->get(obj, out, flags)) return false;
  if ((flags & kBufAnyContiguity) == 0 && !out->contiguous()) {
    release_buffer(out);
    raise_error(exc_BufferError, "memoryview: underlying buffer is not C-contiguous");
    return false;
  }
  return true;
}

bool get_buffer(Value obj, Buffer* out, int flags) { return get_buffer_msg(obj, out, flags, ""); }

void release_buffer(Buffer* b) {
  if (b->obj.is_null()) return;
  const Exporter* e = find_exporter(type_of(b->obj));
  if (e != nullptr && e->release != nullptr) e->release(b->obj, b);
  b->obj = Value();
}

void buffer_copy_out(const Buffer& b, uint8_t* out) {
  if (b.contiguous()) {
    if (b.len) std::memcpy(out, b.data, static_cast<size_t>(b.len));
    return;
  }
  const uint8_t* p = b.data;
  for (int64_t i = 0; i < b.shape; i++, p += b.stride, out += b.itemsize)
    std::memcpy(out, p, static_cast<size_t>(b.itemsize));
}

}  // namespace tpy
