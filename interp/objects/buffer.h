// interp/objects/buffer.h -- The buffer protocol: how bytes-like objects lend their memory.
//
// A type that exports memory (bytes, bytearray, memoryview; later array, mmap, _io buffers)
// registers a GetBufferFn for itself (register_buffer_type); get_buffer() finds it for an
// instance of the type or of a subclass and fills a Buffer. A consumer keeps the Buffer for as
// long as it uses [data] and then calls release_buffer() (BufferView does both): exporters
// that can resize (bytearray) count the live exports and refuse to resize while any exists
// ("Existing exports of data: object cannot be re-sized"), as CPython does.
//
// Memory safety does not depend on the count: [owner] is the GC object whose memory [data]
// points into, so a consumer that keeps the Buffer in a heap object (memoryview) keeps the
// memory alive by tracing [owner]; on the stack the conservative scan does it.
//
// Only one-dimensional buffers (and zero-dimensional ones, shape ()) exist in tpy today; a
// strided view (memoryview(b)[::2]) has stride != itemsize and is not C-contiguous.
#pragma once

#include <cstdint>
#include <string_view>

#include "interp/objects/type.h"

namespace tpy {

struct Buffer {
  Value obj;            // the exporter
  Value owner;          // the GC object holding the memory (null for static memory)
  uint8_t* data = nullptr;  // the first item (with a negative stride, the highest address)
  int64_t len = 0;      // bytes in the view: shape * itemsize (nbytes)
  int64_t itemsize = 1;
  int64_t shape = 0;    // items (ndim 1)
  int64_t stride = 1;   // bytes between items (ndim 1)
  int ndim = 1;
  bool readonly = true;
  char format[8] = {'B', 0};  // struct module format of one item ("B", "<i", ...)

  bool contiguous() const { return ndim == 0 || stride == itemsize || shape <= 1; }
  std::string_view bytes() const { return {reinterpret_cast<const char*>(data), static_cast<size_t>(len)}; }
};

// What the consumer needs (CPython's PyBUF_* subset).
enum BufferFlags : int {
  kBufSimple = 0,        // contiguous bytes, read-only use
  kBufWritable = 1,      // the consumer writes: read-only exporters refuse
  kBufAnyContiguity = 2, // strided views accepted (the consumer honours [stride])
};

// Fills [out] (exports counted); false with an exception pending. TypeError "a bytes-like
// object is required, not 'T'" when the type exports nothing; BufferError for a
// non-contiguous view without kBufAnyContiguity; TypeError for kBufWritable on read-only data.
using GetBufferFn = bool (*)(Value obj, Buffer* out, int flags);
using ReleaseBufferFn = void (*)(Value obj, Buffer* b);
void register_buffer_type(Type* t, GetBufferFn get, ReleaseBufferFn release);

// True when [v]'s type (or a base) exports a buffer (PyObject_CheckBuffer).
bool has_buffer(Value v);
bool get_buffer(Value obj, Buffer* out, int flags = kBufSimple);
// As get_buffer, but a type that exports nothing raises "<prefix>a bytes-like object is
// required, not 'T'" (prefix "memoryview: " for memoryview()).
bool get_buffer_msg(Value obj, Buffer* out, int flags, const char* prefix);
void release_buffer(Buffer* b);

// RAII holder for consumers: `BufferView v; if (!v.get(obj)) return Value(); use v.b...`.
class BufferView {
 public:
  BufferView() = default;
  BufferView(const BufferView&) = delete;
  BufferView& operator=(const BufferView&) = delete;
  ~BufferView() { reset(); }
  bool get(Value obj, int flags = kBufSimple) {
    reset();
    m_held = get_buffer(obj, &b, flags);
    return m_held;
  }
  bool get_msg(Value obj, int flags, const char* prefix) {
    reset();
    m_held = get_buffer_msg(obj, &b, flags, prefix);
    return m_held;
  }
  void reset() {
    if (m_held) release_buffer(&b);
    m_held = false;
  }
  std::string_view bytes() const { return b.bytes(); }
  Buffer b;

 private:
  bool m_held = false;
};

// Copies the items of [b] (any stride) into [out] in logical order: PyBuffer_ToContiguous.
void buffer_copy_out(const Buffer& b, uint8_t* out);

}  // namespace tpy
