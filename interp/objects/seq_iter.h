// interp/objects/seq_iter.h -- The iterator objects of list and tuple (and their reversed forms).
#pragma once

#include <cstdint>

#include "interp/objects/type.h"

namespace tpy {

extern constinit Type tuple_iterator_type;
extern constinit Type list_iterator_type;
extern constinit Type list_reverseiterator_type;

// list_iterator, tuple_iterator, list_reverseiterator: the sequence (null once exhausted, so
// the sequence can be collected) and the next index.
class SeqIterObject : public Object {
 public:
  int64_t index;
  Value seq;
};

Value seq_iter_new(Type* type, Value seq, int64_t index);

}  // namespace tpy
