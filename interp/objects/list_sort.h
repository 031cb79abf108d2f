// interp/objects/list_sort.h -- list.sort's algorithm: CPython 3.11's timsort (powersort merge order) over Values.
//
// What list.sort needs from it, and why it is built the way it is:
//
// - Same comparisons as CPython 3.11. The less-than is user code (__lt__), so the *sequence*
//   of comparisons is observable (side effects, which comparison raises, the list's state when
//   it raises). This is therefore not "a timsort" but 3.11's: count_run (only strictly
//   descending runs are reversed, so stability holds), minrun from the top 6 bits of n,
//   binary insertion up to minrun, powersort's merge order (power of the boundary between
//   the last two runs, merge while the run below has a greater power), merge_at's two
//   trimming gallops, merge_lo/merge_hi with galloping and an adaptive min_gallop (start 7,
//   -1 on each successful gallop round, +1 on leaving galloping), and the force-collapse
//   order at the end. tests/unit/list_sort_test.cpp checks comparison counts and the state
//   left by a failure at *every* comparison against numbers python3.11 printed.
// - The less-than may fail: it returns 1 (a < b), 0, or -1 (an exception is pending). The
//   sort then stops without another comparison and the array is a permutation of its input
//   (in a merge, the run copied to the temp buffer is copied back into the gap it left).
//   With parallel keys, every key still sits next to its value.
// - Keys: list.sort(key=f) sorts a key array and moves each value with its key; without a
//   key function the values are their own keys and only one array moves (a template flag, so
//   the common case does not pay for the second array).
// - reverse=True is CPython's: reverse, sort, reverse back (also after a failure), which
//   keeps equal elements in their original order.
// - Speed: the comparator is a template parameter, so a pre-pass can pick an inline one.
//   sort_values() does CPython's "all keys of one type" pre-pass for tagged small ints itself
//   (tagged ints order like their words: one signed compare, no call) and offers a hook for
//   the object model's float/str/tuple comparators (SortSpecializeFn).
//
// GC: during a merge the shorter run lives in a temp buffer while its slots in the array are
// overwritten, so for the duration of a comparison (which may run Python code and collect)
// some items are *only* in the temp buffer, and others appear twice in the array. The caller
// must keep the array it passes reachable for the whole sort (the list's own item storage
// is, since the GC traces the list; a key array must be a heap object or a gc::TempRoot).
// The temp buffer takes care of itself: the inline one lives on the C stack, which the
// collector scans conservatively, and the part of a malloc'd one that a merge filled is
// registered as a gc::TempRoot. The collector never moves objects, so the raw Values stay
// valid. Detecting mutation of the list during the sort (CPython empties the list and raises
// "list modified during sort") is the list type's job, not this file's.
//
// Numbers (bench/micro/list_sort_bench.cpp: n = 100000 tagged ints, medians of 5 in one run,
// CPU ms on a shared 2-vCPU VM under load, so compare within a row, not with other days).
// "int": sort_values' tagged-int path vs std::stable_sort with the same inline compare;
// "call": an out-of-line comparator through a pointer, as a Python __lt__ would be, with
// comparisons per element in brackets (timsort's are CPython's exact counts).
//
//   input              int: timsort  stable_sort    call: timsort       stable_sort
//   random                   4.48       7.54              9.58 (15.3)      8.81 (15.9)
//   sorted runs              1.96       3.42              3.21 (7.6)       4.86 (11.8)
//   one out of place         0.082      0.585             0.158 (1.0)      1.78 (8.8)
//   descending               0.100      0.908             0.245 (1.0)      1.80 (7.6)
//   16 distinct values       2.69       4.18              5.28 (7.8)       5.10 (15.7)
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "gc/roots.h"
#include "interp/objects/value.h"
#include "interp/support/check.h"

namespace tpy {

// -- Public API -----------------------------------------------------------------------------------

// Results of a sort.
inline constexpr int kSortOk = 0;
inline constexpr int kSortFailed = -1;    // the less-than returned -1: its exception is pending
inline constexpr int kSortNoMemory = -2;  // the temp buffer could not be allocated: nothing is
                                          // pending, the caller raises MemoryError

// A less-than that may fail: 1 when a < b, 0 when not, -1 when an exception is pending.
using SortLessFn = int (*)(Value a, Value b, void* ctx);

// A SortLessFn with its context, callable as the template comparator.
struct SortLess {
  SortLessFn fn;
  void* ctx;
  int operator()(Value a, Value b) const { return fn(a, b, ctx); }
};

// Tagged small ints order exactly as their 64-bit words do (bits = 2x + 1 is monotonic in x),
// so comparing two of them needs neither untagging nor a call, and it cannot fail.
struct TaggedIntLess {
  // Nobody can observe these comparisons, so the sort may spend more of them where that is
  // faster (see binary_insertion); the result is the same, as any stable sort's would be.
  static constexpr bool kUnobservable = true;

  int operator()(Value a, Value b) const {
    return static_cast<int64_t>(a.bits()) < static_cast<int64_t>(b.bits());
  }
};

// The pre-pass hook for comparators only the object model knows (CPython 3.11: float, str whose
// characters are all latin-1, int too big to be tagged, one exact type, tuples whose first items
// qualify). Called once per sort, with n >= 2 keys of which at least one is not a tagged int. To
// take over, it fills [*out] with a comparator that gives the same answers as the generic one
// on these keys, and returns true; false keeps the generic comparator. Never fails.
using SortSpecializeFn = bool (*)(const Value* keys, size_t n, SortLess* out, void* ctx);

struct SortOptions {
  Value* keys = nullptr;  // parallel keys: values[i] moves with keys[i]; null: values are keys
  bool reverse = false;
  SortSpecializeFn specialize = nullptr;
  void* specialize_ctx = nullptr;
};

// list.sort's core: stably sorts values[0, n) (by opts.keys if given) with [generic], or with a
// faster comparator chosen by the pre-pass (all tagged ints; else opts.specialize). Returns
// kSortOk, kSortFailed or kSortNoMemory; on failure values (and keys) are a permutation of the
// input, pairs intact.
int sort_values(Value* values, size_t n, SortLess generic, const SortOptions& opts = {});

// The algorithm itself, for a caller with its own inline comparator: [less] is any callable
// (Value, Value) -> int (or bool) as SortLessFn. Same results as sort_values.
template <class Less>
int timsort(Value* values, Value* keys, size_t n, bool reverse, const Less& less);

// -- Implementation -------------------------------------------------------------------------------

namespace sort_detail {

// Ascending runs shorter than this are extended by binary insertion; minrun lies in
// [kMaxMinrun / 2, kMaxMinrun] (CPython's MAX_MINRUN).
inline constexpr ptrdiff_t kMaxMinrun = 64;
// min_gallop's starting value and the win streak that keeps a merge in galloping mode.
inline constexpr ptrdiff_t kMinGallop = 7;
// The inline temp buffer (CPython's MERGESTATE_TEMP_SIZE): merges whose shorter run fits need
// no allocation. With separate keys it holds keys and values, half each.
inline constexpr ptrdiff_t kInlineTemp = 256;
// Powers strictly increase up the run stack and a power is at most 64, so 85 never binds.
inline constexpr int kMaxPending = 85;

// minrun: n itself when small; otherwise n's top 6 bits, plus 1 if any lower bit is set, so
// that n / minrun is a power of two or just below one and the final merges are balanced.
inline ptrdiff_t compute_minrun(ptrdiff_t n) {
  ptrdiff_t low_bits = 0;
  while (n >= kMaxMinrun) {
    low_bits |= n & 1;
    n >>= 1;
  }
  return n + low_bits;
}

// Powersort's "power" of the boundary between the run [s1, s1 + n1) and the next run of n2
// elements, in a list of n: the depth at which the boundary sits in the balanced binary tree
// over [0, 1). Take the two runs' midpoints as fractions of n; the power is 1 + the number of
// leading bits their binary expansions share. Both midpoints are doubled (integers) and the
// fractions are expanded one bit per step by long division.
inline int boundary_power(ptrdiff_t s1, ptrdiff_t n1, ptrdiff_t n2, ptrdiff_t n) {
  uint64_t a = 2 * static_cast<uint64_t>(s1) + static_cast<uint64_t>(n1);
  uint64_t b = a + static_cast<uint64_t>(n1) + static_cast<uint64_t>(n2);
  uint64_t whole = static_cast<uint64_t>(n);
  int power = 1;
  for (;; ++power) {
    bool a_bit = a >= whole;
    bool b_bit = b >= whole;
    if (a_bit != b_bit) return power;
    if (a_bit) {
      a -= whole;
      b -= whole;
    }
    a <<= 1;
    b <<= 1;
  }
}

// A position in the key array and, when kValues, the same position in the value array.
template <bool kValues>
struct Slice {
  Value* keys;
  Value* values;

  Value key(ptrdiff_t i) const { return keys[i]; }
  Slice operator+(ptrdiff_t d) const { return {keys + d, kValues ? values + d : nullptr}; }
  Slice operator-(ptrdiff_t d) const { return {keys - d, kValues ? values - d : nullptr}; }
  Slice& operator+=(ptrdiff_t d) { return *this = *this + d; }
  Slice& operator-=(ptrdiff_t d) { return *this = *this - d; }
  Slice& operator++() { return *this += 1; }
  ptrdiff_t operator-(const Slice& o) const { return keys - o.keys; }

  // this[i] = from[j]
  void set(ptrdiff_t i, const Slice& from, ptrdiff_t j) const {
    keys[i] = from.keys[j];
    if constexpr (kValues) values[i] = from.values[j];
  }
  // Copies n elements from [from]; the ranges may overlap.
  void move_from(const Slice& from, ptrdiff_t n) const {
    std::memmove(static_cast<void*>(keys), from.keys, static_cast<size_t>(n) * sizeof(Value));
    if constexpr (kValues)
      std::memmove(static_cast<void*>(values), from.values, static_cast<size_t>(n) * sizeof(Value));
  }
  void reverse(ptrdiff_t n) const {
    reverse_words(keys, n);
    if constexpr (kValues) reverse_words(values, n);
  }
  static void reverse_words(Value* p, ptrdiff_t n) {
    for (Value *lo = p, *hi = p + n - 1; lo < hi; ++lo, --hi) {
      Value t = *lo;
      *lo = *hi;
      *hi = t;
    }
  }
};

// Whether Less declares its comparisons unobservable (as TaggedIntLess does).
template <class Less>
concept UnobservableLess = Less::kUnobservable;

template <class Less, bool kValues>
class TimSort {
 public:
  using S = Slice<kValues>;
  static constexpr bool kUnobservable = UnobservableLess<Less>;

  TimSort(const Less& less, S base, ptrdiff_t n)
      : m_less(less), m_base(base), m_n(n), m_heap_root(nullptr, 0) {}

  ~TimSort() {
    m_heap_root.reset(nullptr, 0);
    std::free(m_heap);
  }

  TimSort(const TimSort&) = delete;
  TimSort& operator=(const TimSort&) = delete;

  int run() {
    S lo = m_base;
    ptrdiff_t remaining = m_n;
    ptrdiff_t minrun = compute_minrun(remaining);
    do {
      bool descending = false;
      ptrdiff_t len = count_run(lo.keys, remaining, &descending);
      if (len < 0) return kSortFailed;
      if (descending) lo.reverse(len);
      if (len < minrun) {
        ptrdiff_t forced = remaining <= minrun ? remaining : minrun;
        if (binary_insertion(lo, forced, len) < 0) return kSortFailed;
        len = forced;
      }
      if (int r = found_new_run(len); r != kSortOk) return r;
      TPY_CHECK(m_pending_count < kMaxPending, "timsort: run stack overflow");
      m_pending[m_pending_count++] = {lo, len, 0};
      lo += len;
      remaining -= len;
    } while (remaining > 0);
    return force_collapse();
  }

 private:
  struct Run {
    S base;
    ptrdiff_t len;
    int power;  // of the boundary between this run and the next one up the stack
  };

  // Exactly -1, 0 or 1, whatever true value the comparator uses: the merge and search steps
  // use the answer as a 0/1 step size. Free for a comparator returning bool.
  int lt(Value a, Value b) const {
    int k = static_cast<int>(m_less(a, b));
    return k < 0 ? -1 : k != 0;
  }

  // The length of the run at the start of keys[0, n), n >= 1: non-descending, or strictly
  // descending (then *descending is set; only strict descent can be reversed without breaking
  // stability). n - 1 comparisons when the whole range is one run.
  ptrdiff_t count_run(const Value* keys, ptrdiff_t n, bool* descending) const {
    if (n == 1) return 1;
    int k = lt(keys[1], keys[0]);
    if (k < 0) return -1;
    ptrdiff_t i = 2;
    if (k) {
      *descending = true;
      for (; i < n; ++i) {
        k = lt(keys[i], keys[i - 1]);
        if (k < 0) return -1;
        if (!k) break;
      }
    } else {
      for (; i < n; ++i) {
        k = lt(keys[i], keys[i - 1]);
        if (k < 0) return -1;
        if (k) break;
      }
    }
    return i;
  }

  // Sorts lo[0, n) given that lo[0, sorted) already is: each next element is placed after
  // every element not greater than it (binary search for the rightmost spot keeps equal
  // elements in order), then the elements from that spot on move up by one. An element moves
  // only after all of its comparisons, so a failure never leaves one out of the array.
  int binary_insertion(S lo, ptrdiff_t n, ptrdiff_t sorted) const {
    if constexpr (kUnobservable) return straight_insertion(lo, n, sorted);
    for (ptrdiff_t i = sorted; i < n; ++i) {
      Value pivot = lo.keys[i];
      // The probes of a search over [left, right) at mid = left + (right - left) / 2, kept as
      // (left, len) and updated by selects: with an inline comparator they become conditional
      // moves, which matters because on random data each outcome is a coin toss.
      ptrdiff_t left = 0, len = i;
      while (len > 0) {
        ptrdiff_t half = len >> 1;
        int k = lt(pivot, lo.keys[left + half]);
        if (k < 0) return -1;
        ptrdiff_t go_right = k ^ 1;
        left += go_right * (half + 1);
        len = half + go_right * ((len - half - 1) - half);
      }
      // The shifts are short (half a minrun on average), too short for a memmove call to pay
      // off, so the pivot is carried up through the gap instead (a loop the compiler does not
      // turn back into a memmove call).
      for (ptrdiff_t j = left; j <= i; ++j) {
        Value t = lo.keys[j];
        lo.keys[j] = pivot;
        pivot = t;
      }
      if constexpr (kValues) {
        Value carried = lo.values[i];
        for (ptrdiff_t j = left; j <= i; ++j) {
          Value t = lo.values[j];
          lo.values[j] = carried;
          carried = t;
        }
      }
    }
    return 0;
  }

  // binary_insertion's result by straight insertion from the right: about twice the
  // comparisons on random data, but each is one instruction and each probe also moves an
  // element, where binary search waits on a chain of dependent loads first.
  int straight_insertion(S lo, ptrdiff_t n, ptrdiff_t sorted) const {
    for (ptrdiff_t i = sorted; i < n; ++i) {
      Value pivot = lo.keys[i];
      Value pivot_value;
      if constexpr (kValues) pivot_value = lo.values[i];
      ptrdiff_t j = i;
      for (; j > 0 && lt(pivot, lo.keys[j - 1]); --j) lo.set(j, lo, j - 1);
      lo.keys[j] = pivot;
      if constexpr (kValues) lo.values[j] = pivot_value;
    }
    return 0;
  }

  // Where [key] goes in the sorted a[0, n) *before* any equal element: the k with
  // a[k-1] < key <= a[k]. Starts at [hint] and probes 1, 3, 7, ... away from it before the
  // binary search, so a key that lands near the hint costs O(log distance) comparisons.
  ptrdiff_t gallop_left(Value key, const Value* a, ptrdiff_t n, ptrdiff_t hint) const {
    ptrdiff_t last = 0, ofs = 1;  // offsets from hint bracketing the answer
    int k = lt(a[hint], key);
    if (k < 0) return -1;
    if (k) {
      // a[hint] < key: probe rightwards until a[hint + last] < key <= a[hint + ofs].
      ptrdiff_t max_ofs = n - hint;
      while (ofs < max_ofs) {
        k = lt(a[hint + ofs], key);
        if (k < 0) return -1;
        if (!k) break;
        last = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > max_ofs) ofs = max_ofs;
      last += hint;
      ofs += hint;
    } else {
      // key <= a[hint]: probe leftwards until a[hint - ofs] < key <= a[hint - last].
      ptrdiff_t max_ofs = hint + 1;
      while (ofs < max_ofs) {
        k = lt(a[hint - ofs], key);
        if (k < 0) return -1;
        if (k) break;
        last = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > max_ofs) ofs = max_ofs;
      ptrdiff_t t = last;
      last = hint - ofs;
      ofs = hint - t;
    }
    // Now a[last] < key <= a[ofs] (a[-1] and a[n] as -inf/+inf): binary search (last, ofs],
    // by selects as in binary_insertion.
    ptrdiff_t left = last + 1, len = ofs - left;
    while (len > 0) {
      ptrdiff_t half = len >> 1;
      k = lt(a[left + half], key);
      if (k < 0) return -1;
      left += k * (half + 1);
      len = half + k * ((len - half - 1) - half);
    }
    return left;
  }

  // Where [key] goes in the sorted a[0, n) *after* every equal element: the k with
  // a[k-1] <= key < a[k]. Same probing as gallop_left with the comparison turned around.
  ptrdiff_t gallop_right(Value key, const Value* a, ptrdiff_t n, ptrdiff_t hint) const {
    ptrdiff_t last = 0, ofs = 1;
    int k = lt(key, a[hint]);
    if (k < 0) return -1;
    if (k) {
      // key < a[hint]: probe leftwards until a[hint - ofs] <= key < a[hint - last].
      ptrdiff_t max_ofs = hint + 1;
      while (ofs < max_ofs) {
        k = lt(key, a[hint - ofs]);
        if (k < 0) return -1;
        if (!k) break;
        last = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > max_ofs) ofs = max_ofs;
      ptrdiff_t t = last;
      last = hint - ofs;
      ofs = hint - t;
    } else {
      // a[hint] <= key: probe rightwards until a[hint + last] <= key < a[hint + ofs].
      ptrdiff_t max_ofs = n - hint;
      while (ofs < max_ofs) {
        k = lt(key, a[hint + ofs]);
        if (k < 0) return -1;
        if (k) break;
        last = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > max_ofs) ofs = max_ofs;
      last += hint;
      ofs += hint;
    }
    ptrdiff_t left = last + 1, len = ofs - left;
    while (len > 0) {
      ptrdiff_t half = len >> 1;
      k = lt(key, a[left + half]);
      if (k < 0) return -1;
      ptrdiff_t go_right = k ^ 1;
      left += go_right * (half + 1);
      len = half + go_right * ((len - half - 1) - half);
    }
    return left;
  }

  // Copies the run [from, from + n) to the temp buffer and returns the temp slice. With
  // values, the keys take the first n words and the values the next n, so what was written
  // is one range, and only that range is announced as the heap buffer's root: the collector
  // never reads a slot that holds no Value, and the buffer needs no zero-filling.
  bool park(S from, ptrdiff_t n, S* out) {
    ptrdiff_t words = kValues ? 2 * n : n;
    Value* buf = m_inline;
    if (words > kInlineTemp) {
      if (words > m_heap_words) {
        // The old contents are dead, so no realloc. Growing at least twofold bounds the
        // number of allocations per sort; no merge parks more than half of the list.
        ptrdiff_t most = (kValues ? 2 : 1) * (m_n / 2);
        ptrdiff_t grown = m_heap_words * 2 < most ? m_heap_words * 2 : most;
        ptrdiff_t capacity = words > grown ? words : grown;
        m_heap_root.reset(nullptr, 0);
        std::free(m_heap);
        m_heap_words = 0;
        m_heap = static_cast<Value*>(std::malloc(static_cast<size_t>(capacity) * sizeof(Value)));
        if (m_heap == nullptr) return false;
        m_heap_words = capacity;
      }
      buf = m_heap;
    }
    *out = {buf, kValues ? buf + n : nullptr};
    out->move_from(from, n);
    if (buf == m_heap) m_heap_root.reset(m_heap, static_cast<size_t>(words));
    return true;
  }

  // Merges the adjacent sorted runs a[0, na) and b[0, nb) in place, na <= nb, given what
  // merge_at's trimming established: b[0] < a[0] (so b[0] comes first) and a[na-1] > b[nb-1]
  // (so a's last element comes last). a goes to the temp buffer and the merge fills the array
  // from the left; invariant: dest + na == b, so on failure copying what is left of a into
  // [dest, dest + na) restores a permutation.
  int merge_lo(S a, ptrdiff_t na, S b, ptrdiff_t nb) {
    S temp;
    if (!park(a, na, &temp)) return kSortNoMemory;
    S dest = a;
    a = temp;
    int result = kSortOk;
    ptrdiff_t min_gallop = m_min_gallop;

    dest.set(0, b, 0);
    ++dest, ++b, --nb;
    if (nb == 0) goto done;
    if (na == 1) goto a_last;

    for (;;) {
      // One-at-a-time merging, until one run wins min_gallop times in a row. Each step is
      // written with selects and one rarely taken exit test, so an inline comparator costs no
      // unpredictable branch; only one of nb == 0 and na == 1 can newly hold after a step,
      // and either takes precedence over starting to gallop.
      ptrdiff_t a_wins = 0, b_wins = 0;
      for (;;) {
        int k = lt(b.key(0), a.key(0));
        if (k < 0) goto fail;
        ptrdiff_t from_b = k, from_a = k ^ 1;
        dest.keys[0] = k ? b.keys[0] : a.keys[0];
        if constexpr (kValues) dest.values[0] = k ? b.values[0] : a.values[0];
        ++dest;
        b += from_b, nb -= from_b;
        a += from_a, na -= from_a;
        b_wins = (b_wins + 1) * from_b;
        a_wins = (a_wins + 1) * from_a;
        if (nb == 0 || na == 1 || (a_wins | b_wins) >= min_gallop) break;
      }
      if (nb == 0) goto done;
      if (na == 1) goto a_last;
      // Galloping: search for how far each run's head reaches into the other and move whole
      // blocks, for as long as the blocks stay long. Each round that stays makes galloping
      // cheaper to enter next time; leaving it makes it dearer.
      ++min_gallop;
      do {
        min_gallop -= min_gallop > 1;
        m_min_gallop = min_gallop;
        ptrdiff_t k = gallop_right(b.key(0), a.keys, na, 0);
        if (k < 0) goto fail;
        a_wins = k;
        if (k) {
          dest.move_from(a, k);
          dest += k, a += k, na -= k;
          if (na == 1) goto a_last;
          // na == 0 only if the comparator is inconsistent (a's last element is known to be
          // greater than all of b); then stop with what is a permutation all the same.
          if (na == 0) goto done;
        }
        dest.set(0, b, 0);
        ++dest, ++b, --nb;
        if (nb == 0) goto done;

        k = gallop_left(a.key(0), b.keys, nb, 0);
        if (k < 0) goto fail;
        b_wins = k;
        if (k) {
          dest.move_from(b, k);
          dest += k, b += k, nb -= k;
          if (nb == 0) goto done;
        }
        dest.set(0, a, 0);
        ++dest, ++a, --na;
        if (na == 1) goto a_last;
      } while (a_wins >= kMinGallop || b_wins >= kMinGallop);
      ++min_gallop;
      m_min_gallop = min_gallop;
    }

  fail:
    result = kSortFailed;
  done:
    if (na > 0) dest.move_from(a, na);
    return result;

  a_last:
    // a's one remaining element is greater than everything left in b.
    dest.move_from(b, nb);
    dest.set(nb, a, 0);
    return kSortOk;
  }

  // The mirror image of merge_lo for na >= nb: b goes to the temp buffer and the merge fills
  // the array from the right. Preconditions as merge_lo's. Invariant: the unmerged part of a
  // ends where the hole of size nb begins.
  int merge_hi(S a, ptrdiff_t na, S b, ptrdiff_t nb) {
    S temp;
    if (!park(b, nb, &temp)) return kSortNoMemory;
    S dest = b + (nb - 1);  // the next slot to fill, moving left
    S base_a = a;
    S base_b = temp;
    a = a + (na - 1);  // the last unmerged element of each run
    b = temp + (nb - 1);
    int result = kSortOk;
    ptrdiff_t min_gallop = m_min_gallop;

    dest.set(0, a, 0);
    dest -= 1, a -= 1, --na;
    if (na == 0) goto done;
    if (nb == 1) goto b_first;

    for (;;) {
      // As in merge_lo, with selects.
      ptrdiff_t a_wins = 0, b_wins = 0;
      for (;;) {
        int k = lt(b.key(0), a.key(0));
        if (k < 0) goto fail;
        ptrdiff_t from_a = k, from_b = k ^ 1;
        dest.keys[0] = k ? a.keys[0] : b.keys[0];
        if constexpr (kValues) dest.values[0] = k ? a.values[0] : b.values[0];
        dest -= 1;
        a -= from_a, na -= from_a;
        b -= from_b, nb -= from_b;
        a_wins = (a_wins + 1) * from_a;
        b_wins = (b_wins + 1) * from_b;
        if (na == 0 || nb == 1 || (a_wins | b_wins) >= min_gallop) break;
      }
      if (na == 0) goto done;
      if (nb == 1) goto b_first;
      ++min_gallop;
      do {
        min_gallop -= min_gallop > 1;
        m_min_gallop = min_gallop;
        // How many of a's tail elements are greater than b's last.
        ptrdiff_t k = gallop_right(b.key(0), base_a.keys, na, na - 1);
        if (k < 0) goto fail;
        k = na - k;
        a_wins = k;
        if (k) {
          dest -= k, a -= k, na -= k;
          (dest + 1).move_from(a + 1, k);
          if (na == 0) goto done;
        }
        dest.set(0, b, 0);
        dest -= 1, b -= 1, --nb;
        if (nb == 1) goto b_first;

        // How many of b's tail elements are not less than a's last.
        k = gallop_left(a.key(0), base_b.keys, nb, nb - 1);
        if (k < 0) goto fail;
        k = nb - k;
        b_wins = k;
        if (k) {
          dest -= k, b -= k, nb -= k;
          (dest + 1).move_from(b + 1, k);
          // nb == 0 only with an inconsistent comparator, as in merge_lo.
          if (nb == 1) goto b_first;
          if (nb == 0) goto done;
        }
        dest.set(0, a, 0);
        dest -= 1, a -= 1, --na;
        if (na == 0) goto done;
      } while (a_wins >= kMinGallop || b_wins >= kMinGallop);
      ++min_gallop;
      m_min_gallop = min_gallop;
    }

  fail:
    result = kSortFailed;
  done:
    if (nb > 0) (dest - (nb - 1)).move_from(base_b, nb);
    return result;

  b_first:
    // b's one remaining element is less than everything left in a.
    dest -= na, a -= na;
    (dest + 1).move_from(a + 1, na);
    dest.set(0, b, 0);
    return kSortOk;
  }

  // Merges pending runs i and i + 1 (i is the second or third from the top).
  int merge_at(int i) {
    S a = m_pending[i].base;
    ptrdiff_t na = m_pending[i].len;
    S b = m_pending[i + 1].base;
    ptrdiff_t nb = m_pending[i + 1].len;
    m_pending[i].len = na + nb;
    if (i == m_pending_count - 3) m_pending[i + 1] = m_pending[i + 2];
    --m_pending_count;

    // a's elements not greater than b[0] are already in place, and so are b's elements not
    // less than a's last; only the rest is merged, with a temp buffer of the smaller size.
    ptrdiff_t k = gallop_right(b.key(0), a.keys, na, 0);
    if (k < 0) return kSortFailed;
    a += k;
    na -= k;
    if (na == 0) return kSortOk;
    nb = gallop_left(a.key(na - 1), b.keys, nb, nb - 1);
    if (nb < 0) return kSortFailed;
    if (nb == 0) return kSortOk;
    return na <= nb ? merge_lo(a, na, b, nb) : merge_hi(a, na, b, nb);
  }

  // A run of n2 elements was found after the top of the stack: merge while the run below the
  // top has a greater power than the new boundary, so the stack's powers strictly increase.
  int found_new_run(ptrdiff_t n2) {
    if (m_pending_count == 0) return kSortOk;
    Run& top = m_pending[m_pending_count - 1];
    int power = boundary_power(top.base - m_base, top.len, n2, m_n);
    while (m_pending_count > 1 && m_pending[m_pending_count - 2].power > power) {
      if (int r = merge_at(m_pending_count - 2); r != kSortOk) return r;
    }
    m_pending[m_pending_count - 1].power = power;
    return kSortOk;
  }

  // At the end, merge everything, the top three runs' smaller neighbour pair first.
  int force_collapse() {
    while (m_pending_count > 1) {
      int i = m_pending_count - 2;
      if (i > 0 && m_pending[i - 1].len < m_pending[i + 1].len) --i;
      if (int r = merge_at(i); r != kSortOk) return r;
    }
    return kSortOk;
  }

  const Less& m_less;
  S m_base;
  ptrdiff_t m_n;
  ptrdiff_t m_min_gallop = kMinGallop;
  int m_pending_count = 0;
  Run m_pending[kMaxPending];
  Value* m_heap = nullptr;
  ptrdiff_t m_heap_words = 0;
  gc::TempRoot m_heap_root;  // the part of m_heap the latest merge parked there
  // On the C stack with the rest of the state: the collector's conservative stack scan sees
  // whatever a merge has parked here.
  Value m_inline[kInlineTemp];
};

template <class Less, bool kValues>
int sort_slices(Value* keys, Value* values, ptrdiff_t n, bool reverse, const Less& less) {
  Slice<kValues> all{keys, kValues ? values : nullptr};
  // Reversing first and last (the second time also after a failure) turns "stable descending"
  // into "stable ascending": equal elements are reversed twice.
  if (reverse) all.reverse(n);
  int result;
  {
    TimSort<Less, kValues> sorter(less, all, n);
    result = sorter.run();
  }
  if (reverse) all.reverse(n);
  return result;
}

}  // namespace sort_detail

template <class Less>
int timsort(Value* values, Value* keys, size_t n, bool reverse, const Less& less) {
  if (n < 2) return kSortOk;
  ptrdiff_t count = static_cast<ptrdiff_t>(n);
  if (keys == nullptr || keys == values)
    return sort_detail::sort_slices<Less, false>(values, nullptr, count, reverse, less);
  return sort_detail::sort_slices<Less, true>(keys, values, count, reverse, less);
}

}  // namespace tpy
