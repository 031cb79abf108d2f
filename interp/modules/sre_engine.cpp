// interp/modules/sre_engine.cpp -- The _sre backtracking matcher over 1/2/4-byte text.
#include "interp/modules/sre_engine.h"

#include <cstddef>
#include <deque>

#include "interp/unicode/char_props.h"

namespace tpy::sre {

using namespace tpy::unicode;

uint32_t lower_ascii(uint32_t ch) { return ch < 128 ? ascii_lower(ch) : ch; }
uint32_t lower_unicode(uint32_t ch) { return to_lower_simple(ch); }
uint32_t upper_unicode(uint32_t ch) { return to_upper_simple(ch); }
bool iscased_ascii(uint32_t ch) { return ch < 128 && ((ch | 32) - 'a') < 26; }
bool iscased_unicode(uint32_t ch) {
  return ch != lower_unicode(ch) || ch != upper_unicode(ch);
}

namespace {

// AT codes and CATEGORY codes (ATCODES / CHCODES of re/_constants.py).
enum At : uint32_t {
  AT_BEGINNING, AT_BEGINNING_LINE, AT_BEGINNING_STRING, AT_BOUNDARY, AT_NON_BOUNDARY, AT_END,
  AT_END_LINE, AT_END_STRING, AT_LOC_BOUNDARY, AT_LOC_NON_BOUNDARY, AT_UNI_BOUNDARY,
  AT_UNI_NON_BOUNDARY,
};
enum Cat : uint32_t {
  CAT_DIGIT, CAT_NOT_DIGIT, CAT_SPACE, CAT_NOT_SPACE, CAT_WORD, CAT_NOT_WORD, CAT_LINEBREAK,
  CAT_NOT_LINEBREAK, CAT_LOC_WORD, CAT_LOC_NOT_WORD, CAT_UNI_DIGIT, CAT_UNI_NOT_DIGIT,
  CAT_UNI_SPACE, CAT_UNI_NOT_SPACE, CAT_UNI_WORD, CAT_UNI_NOT_WORD, CAT_UNI_LINEBREAK,
  CAT_UNI_NOT_LINEBREAK,
};

bool is_ascii_digit(uint32_t c) { return c - '0' < 10; }
bool is_ascii_space(uint32_t c) { return c == ' ' || (c >= 9 && c <= 13); }
bool is_ascii_word(uint32_t c) {
  return c < 128 && (is_ascii_digit(c) || ((c | 32) - 'a') < 26 || c == '_');
}
// The C locale's classes are ASCII's (tpy does not switch LC_CTYPE).
bool is_loc_word(uint32_t c) { return is_ascii_word(c); }
bool is_uni_word(uint32_t c) { return c == '_' || is_alnum(c); }

bool category(uint32_t cat, uint32_t c) {
  switch (cat) {
    case CAT_DIGIT: return is_ascii_digit(c);
    case CAT_NOT_DIGIT: return !is_ascii_digit(c);
    case CAT_SPACE: return is_ascii_space(c);
    case CAT_NOT_SPACE: return !is_ascii_space(c);
    case CAT_WORD: return is_ascii_word(c);
    case CAT_NOT_WORD: return !is_ascii_word(c);
    case CAT_LINEBREAK: return c == '\n';
    case CAT_NOT_LINEBREAK: return c != '\n';
    case CAT_LOC_WORD: return is_loc_word(c);
    case CAT_LOC_NOT_WORD: return !is_loc_word(c);
    case CAT_UNI_DIGIT: return is_decimal(c);
    case CAT_UNI_NOT_DIGIT: return !is_decimal(c);
    case CAT_UNI_SPACE: return is_space(c);
    case CAT_UNI_NOT_SPACE: return !is_space(c);
    case CAT_UNI_WORD: return is_uni_word(c);
    case CAT_UNI_NOT_WORD: return !is_uni_word(c);
    case CAT_UNI_LINEBREAK: return is_linebreak(c);
    case CAT_UNI_NOT_LINEBREAK: return !is_linebreak(c);
    default: return false;
  }
}

// A set (the operands of IN up to its FAILURE) contains [ch].
bool in_charset(const uint32_t* set, uint32_t ch) {
  bool ok = true;
  for (;;) {
    switch (*set++) {
      case FAILURE: return !ok;
      case LITERAL:
        if (ch == set[0]) return ok;
        set += 1;
        break;
      case CATEGORY:
        if (category(set[0], ch)) return ok;
        set += 1;
        break;
      case CHARSET:
        if (ch < 256 && (set[ch >> 5] & (1u << (ch & 31)))) return ok;
        set += 8;
        break;
      case RANGE:
        if (set[0] <= ch && ch <= set[1]) return ok;
        set += 2;
        break;
      case RANGE_UNI_IGNORE: {
        if (set[0] <= ch && ch <= set[1]) return ok;
        uint32_t up = upper_unicode(ch);
        if (set[0] <= up && up <= set[1]) return ok;
        set += 2;
        break;
      }
      case NEGATE: ok = !ok; break;
      case BIGCHARSET: {
        uint32_t count = *set++;
        if (ch < 65536) {
          uint32_t block = reinterpret_cast<const uint8_t*>(set)[ch >> 8];
          const uint32_t* bits = set + 64 + block * 8;
          if (bits[(ch & 255) >> 5] & (1u << (ch & 31))) return ok;
        }
        set += 64 + count * 8;
        break;
      }
      default: return false;  // malformed code: no match
    }
  }
}

bool loc_ignore_eq(uint32_t pat, uint32_t ch) {
  return ch == pat || lower_ascii(ch) == pat || (ch < 128 && ascii_upper(ch) == pat);
}

// One character of a REPEAT_ONE-style body at [pc] matches [ch].
bool one_char(const uint32_t* c, uint32_t ch) {
  switch (c[0]) {
    case ANY: return ch != '\n';
    case ANY_ALL: return true;
    case LITERAL: return ch == c[1];
    case NOT_LITERAL: return ch != c[1];
    case LITERAL_IGNORE: return lower_ascii(ch) == c[1];
    case NOT_LITERAL_IGNORE: return lower_ascii(ch) != c[1];
    case LITERAL_UNI_IGNORE: return lower_unicode(ch) == c[1];
    case NOT_LITERAL_UNI_IGNORE: return lower_unicode(ch) != c[1];
    case LITERAL_LOC_IGNORE: return loc_ignore_eq(c[1], ch);
    case NOT_LITERAL_LOC_IGNORE: return !loc_ignore_eq(c[1], ch);
    case IN: return in_charset(c + 2, ch);
    case IN_IGNORE: return in_charset(c + 2, lower_ascii(ch));
    case IN_UNI_IGNORE: return in_charset(c + 2, lower_unicode(ch));
    case IN_LOC_IGNORE:
      return in_charset(c + 2, ch) || in_charset(c + 2, lower_ascii(ch)) ||
             (ch < 128 && in_charset(c + 2, ascii_upper(ch)));
    case CATEGORY: return category(c[1], ch);
    default: return false;
  }
}

// Choice-point kinds. Barriers delimit a sub-match closed by SUCCESS.
enum Kind : uint8_t {
  kBranch, kRepeatOne, kMinRepeatOne, kUntilTail, kMinMore,
  kAssert, kAssertNot, kAtomic, kPossessive,
};
bool is_barrier(Kind k) { return k >= kAssert; }

struct Choice {
  Kind kind;
  int64_t pc;       // where to resume (kind-specific)
  int64_t ptr;      // text position to resume at / saved position
  int64_t aux;      // repeat: lower bound position / count / repeat context
  size_t trail;     // trail height when pushed
  size_t nrepeats;  // repeat contexts alive when pushed (later ones die on backtracking)
  int64_t prev_barrier;
};

struct Repeat {
  int64_t count, last_ptr, pc, prev;
};

template <typename CharT>
class Matcher {
 public:
  Matcher(MatchState& st) : m_st(st), m_s(static_cast<const CharT*>(st.text.data)), m_code(st.code) {}

  int run(int64_t start) {
    m_start = start;
    m_marks.assign(static_cast<size_t>(2 * m_st.ngroups), -1);
    m_lastindex = -1;
    m_cur_repeat = -1;
    m_choices.clear();
    m_trail.clear();
    m_repeats.clear();
    m_top_barrier = -1;
    int64_t pc = 0, ptr = start;
    if (m_code[0] == INFO) {
      if (m_code[3] && m_st.endpos - ptr < static_cast<int64_t>(m_code[3])) return 0;
      pc = 1 + m_code[1];
    }
    if (!execute(pc, ptr)) return 0;
    m_st.start = start;
    m_st.marks = m_marks;
    m_st.lastindex = m_lastindex;
    return 1;
  }

 private:
  MatchState& m_st;
  const CharT* m_s;
  const uint32_t* m_code;
  int64_t m_start = 0;
  std::vector<int64_t> m_marks;
  int64_t m_lastindex = -1;
  int64_t m_cur_repeat = -1;
  std::vector<Choice> m_choices;
  std::vector<std::pair<int64_t*, int64_t>> m_trail;
  std::deque<Repeat> m_repeats;
  int64_t m_top_barrier = -1;

  int64_t end() const { return m_st.endpos; }
  uint32_t at(int64_t i) const { return m_s[i]; }

  void set(int64_t* where, int64_t v) {
    if (*where == v) return;
    m_trail.emplace_back(where, *where);
    *where = v;
  }
  void unwind(size_t height) {
    while (m_trail.size() > height) {
      *m_trail.back().first = m_trail.back().second;
      m_trail.pop_back();
    }
  }
  void push(Kind k, int64_t pc, int64_t ptr, int64_t aux) {
    m_choices.push_back(Choice{k, pc, ptr, aux, m_trail.size(), m_repeats.size(), m_top_barrier});
    if (is_barrier(k)) m_top_barrier = static_cast<int64_t>(m_choices.size()) - 1;
  }

  bool at_code(uint32_t code, int64_t ptr) const {
    int64_t beg = 0, e = end();
    switch (code) {
      case AT_BEGINNING:
      case AT_BEGINNING_STRING: return ptr == beg;
      case AT_BEGINNING_LINE: return ptr == beg || at(ptr - 1) == '\n';
      case AT_END: return ptr == e || (ptr + 1 == e && at(ptr) == '\n');
      case AT_END_LINE: return ptr == e || at(ptr) == '\n';
      case AT_END_STRING: return ptr == e;
      case AT_BOUNDARY:
      case AT_NON_BOUNDARY:
      case AT_LOC_BOUNDARY:
      case AT_LOC_NON_BOUNDARY:
      case AT_UNI_BOUNDARY:
      case AT_UNI_NON_BOUNDARY: {
        if (beg == e) return false;
        auto word = [&](uint32_t c) {
          return code >= AT_UNI_BOUNDARY ? is_uni_word(c)
                 : code >= AT_LOC_BOUNDARY ? is_loc_word(c) : is_ascii_word(c);
        };
        bool that = ptr > beg && word(at(ptr - 1));
        bool here = ptr < e && word(at(ptr));
        bool boundary = code == AT_BOUNDARY || code == AT_LOC_BOUNDARY || code == AT_UNI_BOUNDARY;
        return boundary ? here != that : here == that;
      }
      default: return false;
    }
  }

  int64_t count_repeats(int64_t pc, int64_t ptr, int64_t maxcount) const {
    int64_t limit = end() - ptr;
    if (maxcount < limit) limit = maxcount;
    int64_t n = 0;
    while (n < limit && one_char(m_code + pc, at(ptr + n))) ++n;
    return n;
  }

  bool group_span(uint32_t g, int64_t* b, int64_t* e) const {
    if (2 * static_cast<int64_t>(g) + 1 >= static_cast<int64_t>(m_marks.size())) return false;
    *b = m_marks[2 * g];
    *e = m_marks[2 * g + 1];
    return *b >= 0 && *e >= 0 && *e >= *b;
  }

  // Pops choice points until one resumes; false when none is left.
  bool backtrack(int64_t& pc, int64_t& ptr) {
    while (!m_choices.empty()) {
      Choice& c = m_choices.back();
      unwind(c.trail);
      if (m_repeats.size() > c.nrepeats) m_repeats.resize(c.nrepeats);
      switch (c.kind) {
        case kBranch: {
          pc = c.pc;
          ptr = c.ptr;
          m_choices.pop_back();
          if (enter_branch(pc, ptr)) return true;
          continue;
        }
        case kRepeatOne: {
          // c.ptr: where the tail was last tried; c.aux: the lowest allowed position.
          int64_t p = c.ptr - 1;
          uint32_t lit = m_code[c.pc] == LITERAL ? m_code[c.pc + 1] : 0xFFFFFFFFu;
          if (lit != 0xFFFFFFFFu)
            while (p >= c.aux && (p >= end() || at(p) != lit)) --p;
          if (p < c.aux) { m_choices.pop_back(); continue; }
          c.ptr = p;
          pc = c.pc;
          ptr = p;
          return true;
        }
        case kMinRepeatOne: {
          // c.pc: the REPEAT_ONE op; c.aux: count so far.
          uint32_t mx = m_code[c.pc + 3];
          int64_t p = c.ptr;
          if ((mx != kMaxRepeat && c.aux + 1 > static_cast<int64_t>(mx)) || p >= end() ||
              !one_char(m_code + c.pc + 4, at(p))) {
            m_choices.pop_back();
            continue;
          }
          c.ptr = p + 1;
          c.aux += 1;
          pc = c.pc + 1 + m_code[c.pc + 1];
          ptr = p + 1;
          return true;
        }
        case kUntilTail: {
          Repeat& r = m_repeats[c.aux];
          ptr = c.ptr;
          pc = c.pc;
          m_choices.pop_back();
          set(&m_cur_repeat, r.prev);
          return true;
        }
        case kMinMore: {
          Repeat& r = m_repeats[c.aux];
          ptr = c.ptr;
          m_choices.pop_back();
          int64_t cnt = r.count + 1;
          uint32_t mx = m_code[r.pc + 3];
          if ((mx != kMaxRepeat && cnt >= static_cast<int64_t>(mx)) || ptr == r.last_ptr) continue;
          set(&r.count, cnt);
          set(&r.last_ptr, ptr);
          pc = r.pc + 4;
          return true;
        }
        case kAssert:
        case kAtomic: {
          m_top_barrier = c.prev_barrier;
          m_choices.pop_back();
          continue;
        }
        case kAssertNot: {
          m_top_barrier = c.prev_barrier;
          pc = c.pc;
          ptr = c.ptr;
          m_choices.pop_back();
          return true;
        }
        case kPossessive: {
          m_top_barrier = c.prev_barrier;
          int64_t op = c.pc;
          int64_t count = c.aux;
          ptr = c.ptr;
          m_choices.pop_back();
          if (count < static_cast<int64_t>(m_code[op + 2])) continue;
          pc = op + 1 + m_code[op + 1] + 1;
          return true;
        }
      }
    }
    return false;
  }

  // Tries the alternatives of a BRANCH from the skip word at [q]; false if none can start.
  bool enter_branch(int64_t& pc, int64_t ptr) {
    int64_t q = pc;
    while (m_code[q]) {
      int64_t body = q + 1;
      int64_t next = q + m_code[q];
      if (m_code[body] == LITERAL && (ptr >= end() || at(ptr) != m_code[body + 1])) {
        q = next;
        continue;
      }
      if (m_code[next]) push(kBranch, next, ptr, 0);
      pc = body;
      return true;
    }
    return false;
  }

  // Runs from [pc] at [ptr] until the top-level SUCCESS or total failure.
  bool execute(int64_t pc, int64_t ptr) {
#define FAIL                                   \
  do {                                         \
    if (!backtrack(pc, ptr)) return false;     \
    goto dispatch;                             \
  } while (0)
  dispatch:
    for (;;) {
      const uint32_t* c = m_code + pc;
      switch (c[0]) {
        case SUCCESS: {
          if (m_top_barrier < 0) {
            if ((m_st.match_all && ptr != end()) || (m_st.must_advance && ptr == m_start)) FAIL;
            m_st.end = ptr;
            return true;
          }
          Choice b = m_choices[m_top_barrier];
          m_choices.resize(static_cast<size_t>(m_top_barrier));
          m_top_barrier = b.prev_barrier;
          switch (b.kind) {
            case kAssert: ptr = b.ptr; pc = b.pc; break;
            case kAssertNot: FAIL;
            case kAtomic: pc = b.pc; break;
            default: {  // kPossessive
              int64_t op = b.pc;
              int64_t count = b.aux + 1;
              uint32_t mn = m_code[op + 2], mx = m_code[op + 3];
              bool more = mx == kMaxRepeat || count < static_cast<int64_t>(mx);
              if (count >= static_cast<int64_t>(mn) && (ptr == b.ptr || !more)) {
                pc = op + 1 + m_code[op + 1] + 1;
                break;
              }
              push(kPossessive, op, ptr, count);
              pc = op + 4;
              break;
            }
          }
          continue;
        }
        case FAILURE: FAIL;
        case ANY:
          if (ptr >= end() || at(ptr) == '\n') FAIL;
          ++ptr; pc += 1; continue;
        case ANY_ALL:
          if (ptr >= end()) FAIL;
          ++ptr; pc += 1; continue;
        case LITERAL: case NOT_LITERAL: case LITERAL_IGNORE: case NOT_LITERAL_IGNORE:
        case LITERAL_UNI_IGNORE: case NOT_LITERAL_UNI_IGNORE: case LITERAL_LOC_IGNORE:
        case NOT_LITERAL_LOC_IGNORE: case CATEGORY:
          if (ptr >= end() || !one_char(m_code + pc, at(ptr))) FAIL;
          ++ptr; pc += 2; continue;
        case IN: case IN_IGNORE: case IN_UNI_IGNORE: case IN_LOC_IGNORE:
          if (ptr >= end() || !one_char(m_code + pc, at(ptr))) FAIL;
          ++ptr; pc += 1 + c[1]; continue;
        case AT:
          if (!at_code(c[1], ptr)) FAIL;
          pc += 2; continue;
        case INFO: pc += 1 + c[1]; continue;
        case JUMP: pc += 1 + c[1]; continue;
        case MARK: {
          uint32_t i = c[1];
          if (i & 1) set(&m_lastindex, i / 2 + 1);
          if (i < m_marks.size()) set(&m_marks[i], ptr);
          pc += 2;
          continue;
        }
        case BRANCH:
          pc += 1;
          if (!enter_branch(pc, ptr)) FAIL;
          continue;
        case REPEAT_ONE: {
          uint32_t mn = c[2], mx = c[3];
          if (ptr + static_cast<int64_t>(mn) > end()) FAIL;
          int64_t n = count_repeats(pc + 4, ptr, mx == kMaxRepeat ? INT64_MAX : mx);
          if (n < static_cast<int64_t>(mn)) FAIL;
          int64_t tail = pc + 1 + c[1];
          if (n > static_cast<int64_t>(mn)) {
            // The choice point resumes the tail one position further back each time.
            push(kRepeatOne, tail, ptr + n, ptr + mn);
          }
          ptr += n;
          pc = tail;
          if (n > static_cast<int64_t>(mn) && m_code[tail] == LITERAL &&
              (ptr >= end() || at(ptr) != m_code[tail + 1]))
            FAIL;
          continue;
        }
        case MIN_REPEAT_ONE: {
          uint32_t mn = c[2];
          if (ptr + static_cast<int64_t>(mn) > end()) FAIL;
          int64_t n = 0;
          if (mn > 0) {
            n = count_repeats(pc + 4, ptr, mn);
            if (n < static_cast<int64_t>(mn)) FAIL;
          }
          ptr += n;
          push(kMinRepeatOne, pc, ptr, n);
          pc = pc + 1 + c[1];
          continue;
        }
        case POSSESSIVE_REPEAT_ONE: {
          uint32_t mn = c[2], mx = c[3];
          if (ptr + static_cast<int64_t>(mn) > end()) FAIL;
          int64_t n = count_repeats(pc + 4, ptr, mx == kMaxRepeat ? INT64_MAX : mx);
          if (n < static_cast<int64_t>(mn)) FAIL;
          ptr += n;
          pc = pc + 1 + c[1];
          continue;
        }
        case REPEAT: {
          m_repeats.push_back(Repeat{-1, -1, pc, m_cur_repeat});
          set(&m_cur_repeat, static_cast<int64_t>(m_repeats.size()) - 1);
          pc = pc + 1 + c[1];
          continue;
        }
        case MAX_UNTIL: {
          int64_t ri = m_cur_repeat;
          if (ri < 0) FAIL;  // malformed code
          Repeat& r = m_repeats[ri];
          int64_t cnt = r.count + 1;
          uint32_t mn = m_code[r.pc + 2], mx = m_code[r.pc + 3];
          if (cnt < static_cast<int64_t>(mn)) {
            set(&r.count, cnt);
            pc = r.pc + 4;
            continue;
          }
          if ((mx == kMaxRepeat || cnt < static_cast<int64_t>(mx)) && ptr != r.last_ptr) {
            push(kUntilTail, pc + 1, ptr, ri);
            set(&r.count, cnt);
            set(&r.last_ptr, ptr);
            pc = r.pc + 4;
            continue;
          }
          set(&m_cur_repeat, r.prev);
          pc += 1;
          continue;
        }
        case MIN_UNTIL: {
          int64_t ri = m_cur_repeat;
          if (ri < 0) FAIL;
          Repeat& r = m_repeats[ri];
          int64_t cnt = r.count + 1;
          if (cnt < static_cast<int64_t>(m_code[r.pc + 2])) {
            set(&r.count, cnt);
            pc = r.pc + 4;
            continue;
          }
          push(kMinMore, 0, ptr, ri);
          set(&m_cur_repeat, r.prev);
          pc += 1;
          continue;
        }
        case GROUPREF: case GROUPREF_IGNORE: case GROUPREF_UNI_IGNORE: case GROUPREF_LOC_IGNORE: {
          int64_t b, e;
          if (!group_span(c[1], &b, &e)) FAIL;
          if (ptr + (e - b) > end()) FAIL;
          bool ok = true;
          for (int64_t k = 0; k < e - b && ok; ++k) {
            uint32_t x = at(b + k), y = at(ptr + k);
            if (c[0] == GROUPREF) ok = x == y;
            else if (c[0] == GROUPREF_UNI_IGNORE) ok = lower_unicode(x) == lower_unicode(y);
            else ok = lower_ascii(x) == lower_ascii(y);
          }
          if (!ok) FAIL;
          ptr += e - b;
          pc += 2;
          continue;
        }
        case GROUPREF_EXISTS: {
          int64_t b, e;
          if (group_span(c[1], &b, &e)) pc += 3;
          else pc = pc + 1 + c[2];
          continue;
        }
        case ASSERT: case ASSERT_NOT: {
          int64_t back = c[2];
          int64_t after = pc + 1 + c[1];
          if (ptr - back < 0) {
            if (c[0] == ASSERT) FAIL;
            pc = after;
            continue;
          }
          push(c[0] == ASSERT ? kAssert : kAssertNot, after, ptr, 0);
          ptr -= back;
          pc += 3;
          continue;
        }
        case ATOMIC_GROUP:
          push(kAtomic, pc + 1 + c[1], ptr, 0);
          pc += 2;
          continue;
        case POSSESSIVE_REPEAT: {
          if (c[3] == 0) {
            pc = pc + 1 + c[1] + 1;
            continue;
          }
          push(kPossessive, pc, ptr, 0);
          pc += 4;
          continue;
        }
        default: FAIL;  // malformed code
      }
    }
#undef FAIL
  }
};

// The single-character test every match must pass at its first position (a literal, a set,
// or the body of a repeat of at least one), or null: search skips positions that fail it.
const uint32_t* first_char_test(const uint32_t* code) {
  int64_t pc = code[0] == INFO ? 1 + code[1] : 0;
  for (;;) {
    switch (code[pc]) {
      case MARK: pc += 2; continue;
      case LITERAL: case NOT_LITERAL: case LITERAL_IGNORE: case NOT_LITERAL_IGNORE:
      case LITERAL_UNI_IGNORE: case NOT_LITERAL_UNI_IGNORE: case LITERAL_LOC_IGNORE:
      case NOT_LITERAL_LOC_IGNORE: case IN: case IN_IGNORE: case IN_UNI_IGNORE:
      case IN_LOC_IGNORE: case CATEGORY: case ANY:
        return code + pc;
      case REPEAT_ONE: case MIN_REPEAT_ONE: case POSSESSIVE_REPEAT_ONE:
        return code[pc + 2] >= 1 ? code + pc + 4 : nullptr;
      default: return nullptr;
    }
  }
}

template <typename CharT>
int search_impl(MatchState& st, int64_t from) {
  Matcher<CharT> m(st);
  const uint32_t* test = first_char_test(st.code);
  const CharT* s = static_cast<const CharT*>(st.text.data);
  bool advance = st.must_advance;
  for (int64_t p = from; p <= st.endpos; ++p) {
    if (test && (p >= st.endpos || !one_char(test, s[p]))) continue;
    st.must_advance = advance && p == from;
    if (m.run(p)) {
      st.must_advance = advance;
      return 1;
    }
  }
  st.must_advance = advance;
  return 0;
}

}  // namespace

int match_at(MatchState& st, int64_t from) {
  switch (st.text.kind) {
    case 1: return Matcher<uint8_t>(st).run(from);
    case 2: return Matcher<uint16_t>(st).run(from);
    default: return Matcher<uint32_t>(st).run(from);
  }
}

int search_from(MatchState& st, int64_t from) {
  switch (st.text.kind) {
    case 1: return search_impl<uint8_t>(st, from);
    case 2: return search_impl<uint16_t>(st, from);
    default: return search_impl<uint32_t>(st, from);
  }
}

}  // namespace tpy::sre
