// interp/vm/suggestions.cpp -- Close-name suggestions with CPython 3.11's Levenshtein costs and limits.
#include "interp/vm/suggestions.h"

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/list.h"
#include "interp/objects/object_dir.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/vm/code.h"
#include "interp/vm/frame.h"
#include "interp/vm/module.h"

namespace tpy {

namespace {

constexpr size_t kMaxCandidates = 750;
constexpr size_t kMaxStringSize = 40;
constexpr size_t kMoveCost = 2;
constexpr size_t kCaseCost = 1;

size_t substitution_cost(char a, char b) {
  if ((a & 31) != (b & 31)) return kMoveCost;
  if (a == b) return 0;
  if (a >= 'A' && a <= 'Z') a += 'a' - 'A';
  if (b >= 'A' && b <= 'Z') b += 'a' - 'A';
  return a == b ? kCaseCost : kMoveCost;
}

// Over UTF-8 bytes, as suggestions.c; gives up (max_cost + 1) past [max_cost].
size_t levenshtein(std::string_view a, std::string_view b, size_t max_cost) {
  while (!a.empty() && !b.empty() && a.front() == b.front()) a.remove_prefix(1), b.remove_prefix(1);
  while (!a.empty() && !b.empty() && a.back() == b.back()) a.remove_suffix(1), b.remove_suffix(1);
  if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
  if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return max_cost + 1;
  if (b.size() < a.size()) std::swap(a, b);
  if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
  size_t row[kMaxStringSize];
  for (size_t i = 0; i < a.size(); i++) row[i] = (i + 1) * kMoveCost;
  size_t result = 0;
  for (size_t bi = 0; bi < b.size(); bi++) {
    size_t distance = result = bi * kMoveCost;
    size_t minimum = SIZE_MAX;
    for (size_t i = 0; i < a.size(); i++) {
      size_t substitute = distance + substitution_cost(b[bi], a[i]);
      distance = row[i];
      size_t insert_delete = std::min(result, distance) + kMoveCost;
      result = std::min(insert_delete, substitute);
      row[i] = result;
      minimum = std::min(minimum, result);
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

// The closest candidate among the str items of [names] (a list), or "".
std::string closest(Value names, const std::string& name) {
  if (names.is_null() || list_length(names) >= static_cast<int64_t>(kMaxCandidates)) return "";
  std::string best;
  size_t best_distance = SIZE_MAX;
  for (int64_t i = 0; i < list_length(names); i++) {
    Value item = list_at(names, i);
    if (!is_str(item)) continue;
    std::string cand = str_to_utf8(item);
    if (cand == name) continue;
    size_t max_distance = (name.size() + cand.size() + 3) * kMoveCost / 6;
    if (best_distance != SIZE_MAX) max_distance = std::min(max_distance, best_distance - 1);
    size_t d = levenshtein(name, cand, max_distance);
    if (d > max_distance) continue;
    if (best.empty() || d < best_distance) {
      best = cand;
      best_distance = d;
    }
  }
  return best;
}

std::string for_attribute_error(Value exc) {
  auto* e = static_cast<AttributeErrorObject*>(exc.as_object());
  if (e->name.is_null() || e->obj.is_null() || !is_exact_str(e->name)) return "";
  Value dir = object_dir(e->obj);
  if (dir.is_null()) return "";
  return closest(dir, str_to_utf8(e->name));
}

std::string for_name_error(Value exc) {
  auto* e = static_cast<NameErrorObject*>(exc.as_object());
  Value tb = exception_traceback(exc);
  if (e->name.is_null() || !is_exact_str(e->name) || tb.is_null() || !is_traceback(tb)) return "";
  while (!as_traceback(tb)->next.is_null() && is_traceback(as_traceback(tb)->next))
    tb = as_traceback(tb)->next;
  Value frame_obj = as_traceback(tb)->frame;
  CodeObject* co = frame_object_code(frame_obj);
  std::string name = str_to_utf8(e->name);
  std::string s = co ? closest(list_from_iterable(co->localsplus_names), name) : "";
  if (!s.empty()) return s;
  Value globals = as_frame_object(frame_obj)->globals;
  if (!globals.is_null() && is_dict(globals)) {
    s = closest(dict_keys_list(globals), name);
    if (!s.empty()) return s;
  }
  Frame* live = frame_of_object(frame_obj);
  Value builtins = live != nullptr ? live->builtins : builtins_dict();
  if (builtins.is_null() || !is_dict(builtins)) return "";
  return closest(dict_keys_list(builtins), name);
}

}  // namespace

std::string exception_suggestion(Value exc) {
  Value saved = fetch_exception();
  std::string s;
  Type* t = type_of(exc);
  if (t == exc_AttributeError) s = for_attribute_error(exc);
  else if (t == exc_NameError) s = for_name_error(exc);
  clear_exception();
  if (!saved.is_null()) set_exception(saved);
  return s;
}

}  // namespace tpy
