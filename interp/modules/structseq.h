// interp/modules/structseq.h -- Struct sequences (CPython's PyStructSequence): tuple subclasses
// made in C++ with one read-only attribute per field, for sys.version_info, os.stat_result,
// time.struct_time, os.terminal_size...
//
// The first n_in_sequence fields are the tuple's items (len(), indexing, unpacking, repr);
// the rest are attributes only (stat_result.st_atime_ns). A field named "" is unnamed: it
// is a tuple item without an attribute (stat_result's integer times at indices 7-9).
// The type is a constinit Type{&type_type, "os.stat_result", sizeof(TupleObject), flags}
// whose name gives __module__ and __name__; structseq_init_type completes it.
#pragma once

#include <initializer_list>

#include "interp/objects/type.h"

namespace tpy {

struct StructSeqField {
  const char* name;  // null terminates the list; "" for an unnamed field
  const char* doc;
};

struct StructSeqDesc {
  const StructSeqField* fields;
  int n_in_sequence;  // -1: every field is in the sequence
  const char* doc;
};

// [desc] must outlive the type (static storage).
bool structseq_init_type(Type* t, const StructSeqDesc* desc);
// Every field's value, in field order.
Value structseq_new(Type* t, std::initializer_list<Value> items);
Value structseq_from_array(Type* t, const Value* items, int64_t n);

}  // namespace tpy
