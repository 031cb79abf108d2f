// interp/modules/sre_engine.h -- The _sre matcher: runs re._compiler's code words over a text.
//
// A backtracking machine without native recursion: alternatives and repeats push choice
// points on an explicit stack, every change of the match state (marks, lastindex, repeat
// counters) is logged on a trail, and a failure pops the newest choice point and rewinds the
// trail to where it was. Lookarounds, atomic groups and possessive repeats push a barrier
// that their closing SUCCESS cuts back to.
#pragma once

#include <cstdint>
#include <vector>

namespace tpy::sre {

constexpr uint32_t kMagic = 20220615;
constexpr uint32_t kMaxRepeat = 0xFFFFFFFFu;
constexpr int64_t kMaxGroups = 1073741823;

// Opcode numbers: the order of OPCODES in re/_constants.py (3.11).
enum Op : uint32_t {
  FAILURE, SUCCESS, ANY, ANY_ALL, ASSERT, ASSERT_NOT, AT, BRANCH, CATEGORY, CHARSET,
  BIGCHARSET, GROUPREF, GROUPREF_EXISTS, IN, INFO, JUMP, LITERAL, MARK, MAX_UNTIL, MIN_UNTIL,
  NOT_LITERAL, NEGATE, RANGE, REPEAT, REPEAT_ONE, SUBPATTERN, MIN_REPEAT_ONE, ATOMIC_GROUP,
  POSSESSIVE_REPEAT, POSSESSIVE_REPEAT_ONE, GROUPREF_IGNORE, IN_IGNORE, LITERAL_IGNORE,
  NOT_LITERAL_IGNORE, GROUPREF_LOC_IGNORE, IN_LOC_IGNORE, LITERAL_LOC_IGNORE,
  NOT_LITERAL_LOC_IGNORE, GROUPREF_UNI_IGNORE, IN_UNI_IGNORE, LITERAL_UNI_IGNORE,
  NOT_LITERAL_UNI_IGNORE, RANGE_UNI_IGNORE,
};

// The text being matched: code points of width [kind] (1, 2, 4), bytes use kind 1.
struct Text {
  const void* data = nullptr;
  int kind = 1;
  int64_t length = 0;
};

// One match attempt's inputs and results.
struct MatchState {
  Text text;
  const uint32_t* code = nullptr;
  int64_t code_len = 0;
  int64_t ngroups = 0;     // capturing groups (group 0 excluded)
  int64_t pos = 0, endpos = 0;
  bool match_all = false;  // fullmatch: the top-level SUCCESS needs the end of the text
  bool must_advance = false;  // an empty match at the start position is refused
  // Results of a successful call: the span of the match, 2 * ngroups marks (-1: unset).
  int64_t start = 0, end = 0;
  std::vector<int64_t> marks;
  int64_t lastindex = -1;
};

// Both return 1 on a match, 0 on none. match tries only at [from]; search tries every
// position from [from] to endpos.
int match_at(MatchState& st, int64_t from);
int search_from(MatchState& st, int64_t from);

// The case helpers the module exports (and the matcher uses).
uint32_t lower_ascii(uint32_t ch);
uint32_t lower_unicode(uint32_t ch);
uint32_t upper_unicode(uint32_t ch);
bool iscased_ascii(uint32_t ch);
bool iscased_unicode(uint32_t ch);

}  // namespace tpy::sre
