// tests/unit/container_typedict_test.cpp -- Each container type's own attributes (its __dict__
// keys) are exactly CPython 3.11's, so dir() matches. Expected names printed by python3.11
// (`sorted(T.__dict__)`).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "interp/objects/builtin_iters.h"
#include "interp/objects/dict.h"
#include "interp/objects/dict_views.h"
#include "interp/objects/list.h"
#include "interp/objects/range.h"
#include "interp/objects/seq_iter.h"
#include "interp/objects/set.h"
#include "interp/objects/slice.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "tests/unit/container_test_env.h"

namespace tpy {

extern constinit Type set_iterator_type;

namespace {

struct Expected {
  Type* type;
  const char* names;  // sorted, space-separated
};

const Expected kExpected[] = {
    {&list_type, "__add__ __class_getitem__ __contains__ __delitem__ __doc__ __eq__ __ge__ __getattribute__ __getitem__ __gt__ __hash__ __iadd__ __imul__ __init__ __iter__ __le__ __len__ __lt__ __mul__ __ne__ __new__ __repr__ __reversed__ __rmul__ __setitem__ __sizeof__ append clear copy count extend index insert pop remove reverse sort"},
    {&tuple_type, "__add__ __class_getitem__ __contains__ __doc__ __eq__ __ge__ __getattribute__ __getitem__ __getnewargs__ __gt__ __hash__ __iter__ __le__ __len__ __lt__ __mul__ __ne__ __new__ __repr__ __rmul__ count index"},
    {&dict_type, "__class_getitem__ __contains__ __delitem__ __doc__ __eq__ __ge__ __getattribute__ __getitem__ __gt__ __hash__ __init__ __ior__ __iter__ __le__ __len__ __lt__ __ne__ __new__ __or__ __repr__ __reversed__ __ror__ __setitem__ __sizeof__ clear copy fromkeys get items keys pop popitem setdefault update values"},
    {&set_type, "__and__ __class_getitem__ __contains__ __doc__ __eq__ __ge__ __getattribute__ __gt__ __hash__ __iand__ __init__ __ior__ __isub__ __iter__ __ixor__ __le__ __len__ __lt__ __ne__ __new__ __or__ __rand__ __reduce__ __repr__ __ror__ __rsub__ __rxor__ __sizeof__ __sub__ __xor__ add clear copy difference difference_update discard intersection intersection_update isdisjoint issubset issuperset pop remove symmetric_difference symmetric_difference_update union update"},
    {&frozenset_type, "__and__ __class_getitem__ __contains__ __doc__ __eq__ __ge__ __getattribute__ __gt__ __hash__ __iter__ __le__ __len__ __lt__ __ne__ __new__ __or__ __rand__ __reduce__ __repr__ __ror__ __rsub__ __rxor__ __sizeof__ __sub__ __xor__ copy difference intersection isdisjoint issubset issuperset symmetric_difference union"},
    {&range_type, "__bool__ __contains__ __doc__ __eq__ __ge__ __getattribute__ __getitem__ __gt__ __hash__ __iter__ __le__ __len__ __lt__ __ne__ __new__ __reduce__ __repr__ __reversed__ count index start step stop"},
    {&slice_type, "__doc__ __eq__ __ge__ __getattribute__ __gt__ __hash__ __le__ __lt__ __ne__ __new__ __reduce__ __repr__ indices start step stop"},
    {&dict_keys_type, "__and__ __contains__ __doc__ __eq__ __ge__ __getattribute__ __gt__ __hash__ __iter__ __le__ __len__ __lt__ __ne__ __or__ __rand__ __repr__ __reversed__ __ror__ __rsub__ __rxor__ __sub__ __xor__ isdisjoint mapping"},
    {&dict_values_type, "__doc__ __getattribute__ __iter__ __len__ __repr__ __reversed__ mapping"},
    {&dict_items_type, "__and__ __contains__ __doc__ __eq__ __ge__ __getattribute__ __gt__ __hash__ __iter__ __le__ __len__ __lt__ __ne__ __or__ __rand__ __repr__ __reversed__ __ror__ __rsub__ __rxor__ __sub__ __xor__ isdisjoint mapping"},
    {&dict_keyiterator_type, "__doc__ __getattribute__ __iter__ __length_hint__ __next__ __reduce__"},
    {&mappingproxy_type, "__class_getitem__ __contains__ __doc__ __eq__ __ge__ __getattribute__ __getitem__ __gt__ __hash__ __ior__ __iter__ __le__ __len__ __lt__ __ne__ __new__ __or__ __repr__ __reversed__ __ror__ __str__ copy get items keys values"},
    {&list_iterator_type, "__doc__ __getattribute__ __iter__ __length_hint__ __next__ __reduce__ __setstate__"},
    {&list_reverseiterator_type, "__doc__ __getattribute__ __iter__ __length_hint__ __next__ __reduce__ __setstate__"},
    {&tuple_iterator_type, "__doc__ __getattribute__ __iter__ __length_hint__ __next__ __reduce__ __setstate__"},
    {&set_iterator_type, "__doc__ __getattribute__ __iter__ __length_hint__ __next__ __reduce__"},
    {&range_iterator_type, "__doc__ __getattribute__ __iter__ __length_hint__ __next__ __reduce__ __setstate__"},
    {&longrange_iterator_type, "__doc__ __getattribute__ __iter__ __length_hint__ __next__ __reduce__ __setstate__"},
    {&enumerate_type, "__class_getitem__ __doc__ __getattribute__ __iter__ __new__ __next__ __reduce__"},
    {&zip_type, "__doc__ __getattribute__ __iter__ __new__ __next__ __reduce__ __setstate__"},
    {&map_type, "__doc__ __getattribute__ __iter__ __new__ __next__ __reduce__"},
    {&filter_type, "__doc__ __getattribute__ __iter__ __new__ __next__ __reduce__"},
    {&reversed_type, "__doc__ __getattribute__ __iter__ __length_hint__ __new__ __next__ __reduce__ __setstate__"},
    {&dict_reversekeyiterator_type, "__doc__ __iter__ __length_hint__ __next__ __reduce__"},
};

TEST(TypeDicts, MatchCPython) {
  testing::ensure_runtime();
  for (const Expected& e : kExpected) {
    std::vector<std::string> names;
    int64_t pos = 0;
    Value k;
    while (dict_next(e.type->m_dict, &pos, &k, nullptr)) {
      std::string n = str_to_utf8(k);
      names.push_back(n);
    }
    std::sort(names.begin(), names.end());
    std::string joined;
    for (const std::string& n : names) joined += (joined.empty() ? "" : " ") + n;
    EXPECT_EQ(joined, e.names) << e.type->c_name();
  }
}

}  // namespace
}  // namespace tpy
