// interp/parse/tokenizer.cpp -- Python 3.11 tokenizer: UTF-8 text -> Tokens, with INDENT/DEDENT.
//
// This follows CPython 3.11's C tokenizer (Parser/tokenizer.c) as its PEG parser sees it, not
// Lib/tokenize.py: no COMMENT or NL tokens, and every position and error exactly as 3.11 has
// them. Three things keep that exact:
//   1. The cursor model is CPython's. nextc() reads one byte, backup() steps back over it, and
//      a line is "read" (m_lineno advances, m_line_start moves) only when the byte after a '\n'
//      is asked for. So a NEWLINE belongs to the line it ends, and a DEDENT at the end of input
//      to the last line. Every scanning routine performs CPython's sequence of reads and
//      backups, because the cursor is what error positions are computed from.
//   2. A module (TokenizerOptions::exec_input) whose last line has no '\n' behaves as if it
//      had one, as CPython appends it; that byte is virtual (offset m_src.size()).
//   3. Errors come in CPython's two families. Those its tokenizer raises (syntax_error*) count
//      characters from the line start to the cursor and show the line without its newline.
//      The rest (end of input, indentation, bad continuation) are worded by its parser when it
//      reaches the failed token; they go through located_error(), as pegen_errors.c does.
// The hot paths (identifiers, string bodies, comments, whitespace) scan the line in place;
// nothing is allocated per token.
#include "interp/parse/tokenizer.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>

#include "interp/parse/source.h"
#include "interp/unicode/unicode.h"
#include "interp/unicode/utf8.h"

namespace tpy::parse {
namespace {

constexpr int kEof = -1;
constexpr int kTabSize = 8;
constexpr Tok kNoTok = Tok::Count;

// -- Character classes ----------------------------------------------------------------------------

enum : uint8_t { kIdStart = 1, kIdChar = 2, kDigit = 4 };

constexpr std::array<uint8_t, 256> make_char_classes() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; c++) {
    bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
    bool digit = c >= '0' && c <= '9';
    t[c] = (alpha ? kIdStart | kIdChar : 0) | (digit ? kIdChar | kDigit : 0);
  }
  return t;
}
constexpr std::array<uint8_t, 256> kClass = make_char_classes();

// CPython's is_potential_identifier_start/_char: any byte >= 128 may start a name, which
// verify_identifier() then checks.
inline bool is_id_start(int c) { return c >= 0 && (kClass[c] & kIdStart); }
inline bool is_id_char(int c) { return c >= 0 && (kClass[c] & kIdChar); }
inline bool is_digit(int c) { return c >= '0' && c <= '9'; }
inline bool is_xdigit(int c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// -- Operators and keywords, from tokens.def ------------------------------------------------------

struct Spelling {
  std::string_view text;
  Tok kind;
};

constexpr Spelling kOperators[] = {
#define TPY_TOKEN(Name, text) {text, Tok::Name},
#define TPY_KEYWORD(Name, text)
#include "interp/parse/tokens.def"
#undef TPY_TOKEN
#undef TPY_KEYWORD
};

constexpr Spelling kKeywords[] = {
#define TPY_TOKEN(Name, text)
#define TPY_KEYWORD(Name, text) {text, Tok::Kw##Name},
#include "interp/parse/tokens.def"
#undef TPY_TOKEN
#undef TPY_KEYWORD
};

// The second character of every two-character operator is one of these; a third character, when
// there is one, is '=' (the '...' token is scanned with '.').
constexpr std::string_view kSecondChars = "=<>*/";

constexpr int second_slot(int c) {
  for (size_t i = 0; i < kSecondChars.size(); i++)
    if (kSecondChars[i] == c) return static_cast<int>(i);
  return -1;
}

struct OperatorTables {
  std::array<Tok, 128> one{};
  std::array<std::array<Tok, kSecondChars.size()>, 128> two{};
  std::array<std::array<Tok, kSecondChars.size()>, 128> three{};  // two chars + '='
  bool ok = true;
};

constexpr OperatorTables make_operator_tables() {
  OperatorTables t;
  t.one.fill(kNoTok);
  for (auto& row : t.two) row.fill(kNoTok);
  for (auto& row : t.three) row.fill(kNoTok);
  for (const Spelling& s : kOperators) {
    std::string_view x = s.text;
    if (x.empty()) continue;
    int slot = x.size() > 1 ? second_slot(x[1]) : 0;
    if (x.size() == 1) t.one[x[0]] = s.kind;
    else if (x == "...") continue;
    else if (slot < 0 || (x.size() == 3 && x[2] != '=') || x.size() > 3) t.ok = false;
    else if (x.size() == 2) t.two[x[0]][slot] = s.kind;
    else t.three[x[0]][slot] = s.kind;
  }
  t.two['<'][second_slot('>')] = Tok::NotEqual;  // "<>": the parser accepts it only as Barry
  return t;
}
constexpr OperatorTables kOps = make_operator_tables();
static_assert(kOps.ok, "an operator in tokens.def does not fit the operator tables");

// Keywords by a hash that is collision-free for Python's 35 (checked below).
constexpr size_t keyword_hash(std::string_view s) {
  return (static_cast<unsigned char>(s[0]) + static_cast<unsigned char>(s.back()) * 11 +
          s.size()) & 127;
}

struct KeywordTable {
  std::array<int8_t, 128> index{};
  bool ok = true;
};

constexpr KeywordTable make_keyword_table() {
  KeywordTable t;
  t.index.fill(-1);
  for (size_t i = 0; i < std::size(kKeywords); i++) {
    size_t h = keyword_hash(kKeywords[i].text);
    if (t.index[h] >= 0) t.ok = false;
    t.index[h] = static_cast<int8_t>(i);
  }
  return t;
}
constexpr KeywordTable kKeywordTable = make_keyword_table();
static_assert(kKeywordTable.ok, "keyword_hash collides; change its multipliers");

inline Tok name_kind(std::string_view s) {
  if (s.size() < 2 || s.size() > 8) return Tok::Name;
  int i = kKeywordTable.index[keyword_hash(s)];
  if (i < 0 || kKeywords[i].text != s) return Tok::Name;
  return kKeywords[i].kind;
}

// -- Text of error messages -----------------------------------------------------------------------

std::string hex_code_point(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(cp));
  return buf;
}

// _PyPegen_byte_offset_to_character_offset: the characters in the first [col] bytes of [text]
// (a 1-based byte column), a cut sequence counting one; one past the end counts the NUL too.
int byte_to_char_offset(std::string_view text, int col) {
  size_t n = std::min(static_cast<size_t>(col), text.size() + 1);
  size_t chars = utf8_count_replace(text.substr(0, n)) + (n > text.size() ? 1 : 0);
  return static_cast<int>(chars);
}

// CPython's Py_UNICODE_ISPRINTABLE for a byte below 128.
inline bool is_printable_ascii(int c) { return c >= 0x20 && c < 0x7F; }

}  // namespace

// -- Construction and lines -----------------------------------------------------------------------

Tokenizer::Tokenizer(std::string_view src, std::string_view filename, TokenizerOptions opts)
    : m_src(src), m_filename(filename), m_opts(opts), m_p(src.data()) {
  bool implied_newline = opts.exec_input && (src.empty() || src.back() != '\n');
  m_end = src.size() + (implied_newline ? 1 : 0);
  m_has_nul = std::memchr(src.data(), '\0', src.size()) != nullptr;
}

std::string_view Tokenizer::line(int lineno) const {
  if (m_line_starts.empty()) {
    m_line_starts.push_back(0);
    for (size_t i = 0; (i = m_src.find('\n', i)) != std::string_view::npos;)
      m_line_starts.push_back(++i);
  }
  if (lineno < 1 || static_cast<size_t>(lineno) > m_line_starts.size()) return {};
  size_t b = m_line_starts[lineno - 1];
  size_t e = static_cast<size_t>(lineno) < m_line_starts.size() ? m_line_starts[lineno]
                                                                 : m_src.size();
  return m_src.substr(b, e - b);
}

bool file_error_line(std::string_view line, std::string& text) {
  constexpr size_t kChunk = 999;  // fgets() into CPython's 1000-byte line buffer
  if (line.empty()) return false;
  size_t start = (line.size() - 1) / kChunk * kChunk;
  if (line.back() != '\n' && line.size() - start == kChunk) return false;
  text = utf8_replace_invalid(line.substr(start));
  return true;
}

std::string Tokenizer::error_line(int lineno, int line_offset) const {
  if (m_lineno + line_offset <= lineno && m_line_end > m_buf && !m_emptied) {
    std::string text(m_src.substr(m_buf, std::min(m_line_end, m_src.size()) - m_buf));
    if (m_line_end > m_src.size()) text += '\n';  // the newline CPython appended
    return utf8_replace_invalid(text);
  }
  if (!m_opts.string_input) return {};  // a file's lines are not kept
  std::string_view l = line(std::min(lineno - line_offset, m_lineno));
  if (!l.empty() && l.back() == '\n') l.remove_suffix(1);
  return utf8_replace_invalid(l);
}

std::string Tokenizer::reread_error_line(int lineno) const {
  std::string text;
  if (file_error_line(line(lineno), text)) return text;
  return error_line(lineno);
}

// -- Reading --------------------------------------------------------------------------------------

inline int Tokenizer::nextc() {
  if (m_cur < m_fast_end) [[likely]] return static_cast<unsigned char>(m_p[m_cur++]);
  return nextc_slow();
}

// The implied final newline, or the first byte of the next line (CPython's tok_underflow_*).
int Tokenizer::nextc_slow() {
  if (m_cur < m_line_end) {
    m_cur++;
    return '\n';
  }
  if (m_eof || m_cur >= m_end) {
    // A file reader empties its buffer when no token has started (see error_line()).
    if (!m_eof) m_emptied = !m_opts.string_input && !m_have_start;
    m_eof = true;
    return kEof;
  }
  m_lineno++;
  m_line_start = m_cur;
  if (!m_have_start) m_buf = m_cur;
  const void* nl = std::memchr(m_p + m_cur, '\n', m_src.size() - m_cur);
  m_line_end = nl ? static_cast<const char*>(nl) - m_p + 1 : m_end;
  m_fast_end = std::min(m_line_end, m_src.size());
  if (m_has_nul && std::memchr(m_p + m_cur, '\0', m_fast_end - m_cur)) return null_byte_error();
  return nextc();
}

// CPython 3.11's file reader silently cuts lines at a NUL (compile() refuses such text); tpy
// reports it as later CPythons do, just after the first NUL, and reads no further.
int Tokenizer::null_byte_error() {
  m_cur = static_cast<const char*>(std::memchr(m_p + m_cur, '\0', m_fast_end - m_cur)) - m_p + 1;
  syntax_error("source code cannot contain null bytes");
  m_fast_end = m_line_end = m_cur;
  m_eof = true;
  return kEof;
}

inline void Tokenizer::backup(int c) {
  if (c != kEof) m_cur--;
}

// After a backslash: the next byte must be the newline, and input must go on after it.
bool Tokenizer::continuation_line(int& c) {
  c = nextc();
  if (c != '\n') {
    // CPython measures this column from tok->buf, the start of the line the current token
    // began on, which is not the backslash's line after an earlier continuation.
    int col = static_cast<int>(m_cur - m_buf) - 1;
    parser_error(SyntaxErrorInfo::Type::SyntaxError,
                 "unexpected character after line continuation character", col < 0 ? 0 : col);
    return false;
  }
  c = nextc();
  if (c == kEof) {
    // CPython's cursor goes to the end of its buffer, which a file reader has emptied if no
    // token had started (a backslash in the indentation): the error then has column 0.
    m_cur = m_emptied ? m_line_start : std::max(m_cur, m_line_end);
    eof_error();
    return false;
  }
  backup(c);
  return true;
}

// -- Tokens ---------------------------------------------------------------------------------------

Tok Tokenizer::make(Tok kind, Token& t, size_t start, size_t end) {
  t.kind = kind;
  t.start = static_cast<uint32_t>(start);
  t.end = static_cast<uint32_t>(end);
  t.lineno = t.end_lineno = m_lineno;
  t.col_offset = static_cast<int>(start - m_line_start);
  t.end_col_offset = static_cast<int>(end - m_line_start);
  return kind;
}

// INDENT, DEDENT, ENDMARKER and the failed token carry no columns in CPython's parser.
Tok Tokenizer::make_empty(Tok kind, Token& t) {
  size_t at = std::min(m_cur, m_src.size());
  t.kind = kind;
  t.start = t.end = static_cast<uint32_t>(at);
  t.lineno = t.end_lineno = m_lineno;
  t.col_offset = t.end_col_offset = -1;
  return kind;
}

bool Tokenizer::next(Token& t) {
  if (!m_failed) scan(t);
  if (m_failed) {
    make_empty(Tok::ErrorToken, t);
    return false;
  }
  return true;
}

// CPython's tok_get.
Tok Tokenizer::scan(Token& t) {
  for (;;) {  // a new line
    m_have_start = false;
    bool blankline = false;
    if (m_atbol && scan_indentation(blankline) == Tok::ErrorToken) return Tok::ErrorToken;
    m_start = m_cur;
    m_have_start = true;
    if (m_pendin != 0) {
      if (m_pendin < 0) {
        m_pendin++;
        return make_empty(Tok::Dedent, t);
      }
      m_pendin--;
      return make_empty(Tok::Indent, t);
    }
    for (;;) {  // the next token on this logical line
      m_have_start = false;
      int c;
      do c = nextc();
      while (c == ' ' || c == '\t' || c == '\f');
      m_start = m_cur ? m_cur - 1 : 0;
      m_have_start = true;
      if (c == '#') {
        // A comment runs to the line's end, which nextc_slow() has already found.
        m_cur = m_fast_end;
        if (m_cur > m_line_start && m_p[m_cur - 1] == '\n') m_cur--;
        c = nextc();
      }
      if (c == kEof) {
        if (m_level > 0) return eof_error();
        return make_empty(Tok::EndMarker, t);
      }
      if (is_id_start(c)) return scan_name(c, t);
      if (c == '\n') {
        m_atbol = true;
        if (blankline || m_level > 0) break;
        // From the '\n', or from a comment's '#' when one precedes it.
        return make(Tok::Newline, t, m_start, m_cur - 1);
      }
      if (c == '.') return scan_dot(t);
      if (is_digit(c)) return scan_number(c, t);
      if (c == '\'' || c == '"') return scan_string(c, t);
      if (c == '\\') {
        if (!continuation_line(c)) return Tok::ErrorToken;
        continue;
      }
      return scan_operator(c, t);
    }
  }
}

// -- Indentation ----------------------------------------------------------------------------------

// Measures the indentation of a new line and queues INDENTs or DEDENTs. Blank lines, comment-only
// lines and lines inside brackets leave the indentation alone.
Tok Tokenizer::scan_indentation(bool& blankline) {
  using Type = SyntaxErrorInfo::Type;
  int col = 0, altcol = 0, cont_line_col = 0;
  int c;
  m_atbol = false;
  for (;;) {
    c = nextc();
    if (c == ' ') {
      col++, altcol++;
      while (m_cur < m_fast_end && m_p[m_cur] == ' ') m_cur++, col++, altcol++;
    } else if (c == '\t') {
      col = (col / kTabSize + 1) * kTabSize;
      altcol++;
    } else if (c == '\f') {
      col = altcol = 0;  // a form feed restarts the count, as in CPython
    } else if (c == '\\') {
      // Indentation cannot continue over a backslash: the first one fixes the column.
      cont_line_col = cont_line_col ? cont_line_col : col;
      if (!continuation_line(c)) return Tok::ErrorToken;
    } else {
      break;
    }
  }
  backup(c);
  if (c == '#' || c == '\n') blankline = true;
  if (blankline || m_level != 0) return kNoTok;
  if (cont_line_col) col = altcol = cont_line_col;
  int top = m_indstack[m_indent];
  if (col == top) {
    if (altcol != m_altindstack[m_indent]) return indent_error(Type::TabError);
  } else if (col > top) {
    if (m_indent + 1 >= kMaxIndent) return indent_error(Type::IndentationError);
    if (altcol <= m_altindstack[m_indent]) return indent_error(Type::TabError);
    m_pendin++;
    m_indstack[++m_indent] = col;
    m_altindstack[m_indent] = altcol;
  } else {
    while (m_indent > 0 && col < m_indstack[m_indent]) {
      m_pendin--;
      m_indent--;
    }
    if (col != m_indstack[m_indent]) {
      m_cur = m_line_end;
      return fail(located_error(Type::IndentationError,
                                "unindent does not match any outer indentation level", m_lineno,
                                cursor_col(), m_lineno, -1),
                  false);
    }
    if (altcol != m_altindstack[m_indent]) return indent_error(Type::TabError);
  }
  return kNoTok;
}

// TabError for inconsistent tabs and spaces; IndentationError for a 100th level.
Tok Tokenizer::indent_error(SyntaxErrorInfo::Type type) {
  m_cur = m_line_end;
  return parser_error(type,
                      type == SyntaxErrorInfo::Type::TabError
                          ? "inconsistent use of tabs and spaces in indentation"
                          : "too many levels of indentation",
                      0);
}

// -- Names and strings ----------------------------------------------------------------------------

// A name, a keyword, or the prefix of a string literal ([c] is its first byte).
Tok Tokenizer::scan_name(int c, Token& t) {
  bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
  for (;;) {
    if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) saw_b = true;
    else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) saw_u = true;
    else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) saw_r = true;
    else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) saw_f = true;
    else break;
    c = nextc();
    if (c == '"' || c == '\'') return scan_string(c, t);
  }
  unsigned bytes_or = 0;  // bit 7 set if any byte is not ASCII
  if (is_id_char(c)) {
    bytes_or = static_cast<unsigned>(c);
    while (m_cur < m_fast_end) {
      unsigned char b = static_cast<unsigned char>(m_p[m_cur]);
      if (!(kClass[b] & kIdChar)) break;
      bytes_or |= b;
      m_cur++;
    }
    // A name that ends the input: CPython reads past it, which tells it the input has ended.
    if (m_cur == m_fast_end) backup(nextc());
  } else {
    backup(c);
  }
  if ((bytes_or & 0x80) && !verify_identifier()) return Tok::ErrorToken;
  return make(name_kind(m_src.substr(m_start, m_cur - m_start)), t, m_start, m_cur);
}

// PEP 3131: a non-ASCII name must be XID_Start XID_Continue* (CPython checks the text as
// written; the parser NFKC-normalises the name afterwards).
bool Tokenizer::verify_identifier() {
  std::string_view name = m_src.substr(m_start, m_cur - m_start);
  std::string decode_msg;
  if (utf8_error_message(name, decode_msg)) {
    decode_error("(unicode error) " + decode_msg);
    return false;
  }
  size_t i = 0;
  for (bool first = true; i < name.size(); first = false) {
    char32_t cp = unicode::decode_utf8(name, i);
    bool ok = first ? (cp == '_' || unicode::is_xid_start(cp)) : unicode::is_xid_continue(cp);
    if (ok) continue;
    m_cur = m_start + i;  // just after the offending character
    std::string msg;
    if (unicode::is_printable(cp)) {
      msg = "invalid character '";
      unicode::encode_utf8(msg, cp);
      msg += "' (U+" + hex_code_point(cp) + ")";
    } else {
      msg = "invalid non-printable character U+" + hex_code_point(cp);
    }
    syntax_error(std::move(msg));
    return false;
  }
  return true;
}

// A string literal from its opening quote [quote] (any prefix is already read; the token starts
// at m_start). The body is only delimited here; escapes are decoded by literals.cpp.
Tok Tokenizer::scan_string(int quote, Token& t) {
  m_first_lineno = m_lineno;
  m_multi_line_start = m_line_start;
  int quote_size = 1, end_quote_size = 0;
  int c = nextc();
  if (c == quote) {
    c = nextc();
    if (c == quote) quote_size = 3;
    else end_quote_size = 1;  // the empty string
  }
  if (c != quote) backup(c);
  while (end_quote_size != quote_size) {
    size_t p = m_cur;
    while (p < m_fast_end) {
      char b = m_p[p];
      if (b == quote || b == '\\' || b == '\n') break;
      p++;
    }
    if (p != m_cur) {
      m_cur = p;
      end_quote_size = 0;
    }
    c = nextc();
    if (c == kEof || (quote_size == 1 && c == '\n')) return unterminated_string(quote_size);
    if (c == quote) {
      end_quote_size++;
    } else {
      end_quote_size = 0;
      if (c == '\\') nextc();
    }
  }
  t.kind = Tok::String;
  t.start = static_cast<uint32_t>(m_start);
  t.end = static_cast<uint32_t>(m_cur);
  t.lineno = m_first_lineno;
  t.col_offset = static_cast<int>(m_start - m_multi_line_start);
  t.end_lineno = m_lineno;
  t.end_col_offset = static_cast<int>(m_cur - m_line_start);
  return Tok::String;
}

// Reported from just after the literal's first character, on the line where it began.
Tok Tokenizer::unterminated_string(int quote_size) {
  int detected = m_lineno;
  m_cur = m_start + 1;
  m_line_start = m_multi_line_start;
  m_lineno = m_first_lineno;
  std::string msg = quote_size == 3 ? "unterminated triple-quoted string literal"
                                    : "unterminated string literal";
  return syntax_error(msg + " (detected at line " + std::to_string(detected) + ")");
}

// -- Numbers --------------------------------------------------------------------------------------

// '.', '...', or a float such as .5 ([c] was the '.').
Tok Tokenizer::scan_dot(Token& t) {
  int c = nextc();
  if (is_digit(c)) return scan_fraction(c, t);
  if (c == '.') {
    c = nextc();
    if (c == '.') return make(Tok::Ellipsis, t, m_start, m_cur);
    backup(c);
    backup('.');
  } else {
    backup(c);
  }
  return make(Tok::Dot, t, m_start, m_cur);
}

// More digits with single underscores between them. On return [c] is the first byte after them.
bool Tokenizer::decimal_tail(int& c) {
  for (;;) {
    do c = nextc();
    while (is_digit(c));
    if (c != '_') return true;
    c = nextc();
    if (!is_digit(c)) {
      backup(c);
      syntax_error("invalid decimal literal");
      return false;
    }
  }
}

// True if [rest] follows and then something that cannot continue a name; reads nothing.
bool Tokenizer::lookahead(const char* rest) {
  const char* s = rest;
  for (;;) {
    int c = nextc();
    bool res = false;
    if (*s == 0) {
      res = !is_id_char(c);
    } else if (c == *s) {
      s++;
      continue;
    }
    backup(c);
    while (s != rest) backup(*--s);
    return res;
  }
}

// A number must not run into a name ("1abc"). CPython lets it touch the keywords that can follow
// a number in valid code (1if x else y) with a SyntaxWarning (see warnings()).
bool Tokenizer::verify_end_of_number(int c, const char* kind) {
  bool keyword = false;
  if (c == 'a') {
    keyword = lookahead("nd");
  } else if (c == 'e') {
    keyword = lookahead("lse");
  } else if (c == 'f') {
    keyword = lookahead("or");
  } else if (c == 'i') {
    int c2 = nextc();
    keyword = c2 == 'f' || c2 == 'n' || c2 == 's';
    backup(c2);
  } else if (c == 'o') {
    keyword = lookahead("r");
  } else if (c == 'n') {
    keyword = lookahead("ot");
  }
  if (keyword) {
    // CPython warns with the cursor before the keyword (where `-W error` reports it).
    backup(c);
    m_warnings.push_back(cursor_error(std::string("invalid ") + kind + " literal"));
    nextc();
    return true;
  }
  if (!is_id_char(c)) return true;
  backup(c);
  syntax_error(std::string("invalid ") + kind + " literal");
  return false;
}

Tok Tokenizer::finish_number(int c, Token& t) {
  backup(c);
  return make(Tok::Number, t, m_start, m_cur);
}

// [c] is the first digit, already read.
Tok Tokenizer::scan_number(int c, Token& t) {
  if (c != '0') {
    if (!decimal_tail(c)) return Tok::ErrorToken;
    return scan_decimal_rest(c, t);
  }
  c = nextc();
  if (c == 'x' || c == 'X') return scan_radix(16, "hexadecimal", t);
  if (c == 'o' || c == 'O') return scan_radix(8, "octal", t);
  if (c == 'b' || c == 'B') return scan_radix(2, "binary", t);
  // Zeros, then maybe a float or imaginary number with leading zeros (007.5 is fine).
  for (;;) {
    if (c == '_') {
      c = nextc();
      if (!is_digit(c)) {
        backup(c);
        return syntax_error("invalid decimal literal");
      }
    }
    if (c != '0') break;
    c = nextc();
  }
  size_t zeros_end = m_cur;
  bool nonzero = false;
  if (is_digit(c)) {
    nonzero = true;
    if (!decimal_tail(c)) return Tok::ErrorToken;
  }
  if (nonzero && c != '.' && c != 'e' && c != 'E' && c != 'j' && c != 'J') {
    backup(c);
    return syntax_error_range(
        "leading zeros in decimal integer literals are not permitted; "
        "use an 0o prefix for octal integers",
        static_cast<int>(m_start + 1 - m_line_start), static_cast<int>(zeros_end - m_line_start));
  }
  return scan_decimal_rest(c, t);
}

// After the integer digits of a decimal number: [c] may start a fraction, exponent or 'j'.
Tok Tokenizer::scan_decimal_rest(int c, Token& t) {
  if (c == '.') return scan_fraction(nextc(), t);
  if (c == 'e' || c == 'E') return scan_exponent(c, t);
  if (c == 'j' || c == 'J') return scan_imaginary(t);
  if (!verify_end_of_number(c, "decimal")) return Tok::ErrorToken;
  return finish_number(c, t);
}

// [c] is the byte after the '.'.
Tok Tokenizer::scan_fraction(int c, Token& t) {
  if (is_digit(c) && !decimal_tail(c)) return Tok::ErrorToken;
  if (c == 'e' || c == 'E') return scan_exponent(c, t);
  if (c == 'j' || c == 'J') return scan_imaginary(t);
  if (!verify_end_of_number(c, "decimal")) return Tok::ErrorToken;
  return finish_number(c, t);
}

// [e] is the 'e' or 'E', already read. Without digits after it the number ends before it.
Tok Tokenizer::scan_exponent(int e, Token& t) {
  int c = nextc();
  if (c == '+' || c == '-') {
    c = nextc();
    if (!is_digit(c)) {
      backup(c);
      return syntax_error("invalid decimal literal");
    }
  } else if (!is_digit(c)) {
    backup(c);
    if (!verify_end_of_number(e, "decimal")) return Tok::ErrorToken;
    return finish_number(e, t);
  }
  if (!decimal_tail(c)) return Tok::ErrorToken;
  if (c == 'j' || c == 'J') return scan_imaginary(t);
  if (!verify_end_of_number(c, "decimal")) return Tok::ErrorToken;
  return finish_number(c, t);
}

// The 'j' has been read.
Tok Tokenizer::scan_imaginary(Token& t) {
  int c = nextc();
  if (!verify_end_of_number(c, "imaginary")) return Tok::ErrorToken;
  return finish_number(c, t);
}

// 0x..., 0o..., 0b... after the prefix letter.
Tok Tokenizer::scan_radix(int base, const char* kind, Token& t) {
  auto is_radix_digit = [base](int c) {
    return base == 16 ? is_xdigit(c) : c >= '0' && c < '0' + base;
  };
  auto invalid_digit = [&](int c) {
    return syntax_error(std::string("invalid digit '") + static_cast<char>(c) + "' in " + kind +
                        " literal");
  };
  int c = nextc();
  do {
    if (c == '_') c = nextc();
    if (!is_radix_digit(c)) {
      if (base != 16 && is_digit(c)) return invalid_digit(c);
      backup(c);
      return syntax_error(std::string("invalid ") + kind + " literal");
    }
    do c = nextc();
    while (is_radix_digit(c));
  } while (c == '_');
  if (base != 16 && is_digit(c)) return invalid_digit(c);
  if (!verify_end_of_number(c, kind)) return Tok::ErrorToken;
  return finish_number(c, t);
}

// -- Operators ------------------------------------------------------------------------------------

// [c] is an ASCII byte that starts no name, number, string or continuation.
Tok Tokenizer::scan_operator(int c, Token& t) {
  int c2 = nextc();
  int slot = second_slot(c2);
  Tok kind = slot >= 0 ? kOps.two[c][slot] : kNoTok;
  if (kind != kNoTok) {
    int c3 = nextc();
    Tok three = c3 == '=' ? kOps.three[c][slot] : kNoTok;
    if (three != kNoTok) kind = three;
    else backup(c3);
    return make(kind, t, m_start, m_cur);
  }
  backup(c2);
  if (scan_bracket(c) == Tok::ErrorToken) return Tok::ErrorToken;
  if (!is_printable_ascii(c))
    return syntax_error("invalid non-printable character U+" + hex_code_point(c));
  kind = kOps.one[c];
  return make(kind == kNoTok ? Tok::ErrorToken : kind, t, m_start, m_cur);
}

// Keeps the bracket stack; a closing bracket must match the innermost open one.
Tok Tokenizer::scan_bracket(int c) {
  switch (c) {
    case '(':
    case '[':
    case '{':
      if (m_level >= kMaxLevel) return syntax_error("too many nested parentheses");
      m_paren_stack[m_level] = static_cast<char>(c);
      m_paren_lines[m_level] = m_lineno;
      m_paren_cols[m_level] = static_cast<int>(m_start - m_line_start);
      m_level++;
      return kNoTok;
    case ')':
    case ']':
    case '}': {
      if (m_level == 0) return syntax_error(std::string("unmatched '") + char(c) + "'");
      m_level--;
      char open = m_paren_stack[m_level];
      if ((open == '(' && c == ')') || (open == '[' && c == ']') || (open == '{' && c == '}'))
        return kNoTok;
      std::string msg = std::string("closing parenthesis '") + char(c) +
                        "' does not match opening parenthesis '" + open + "'";
      if (m_paren_lines[m_level] != m_lineno)
        msg += " on line " + std::to_string(m_paren_lines[m_level]);
      return syntax_error(std::move(msg));
    }
    default:
      return kNoTok;
  }
}

// -- Errors ---------------------------------------------------------------------------------------

int Tokenizer::cursor_col() const { return static_cast<int>(m_cur - m_line_start); }

// Records the first error; scanning may run on to the end of its token afterwards.
Tok Tokenizer::fail(SyntaxErrorInfo e, bool immediate) {
  if (m_failed) return Tok::ErrorToken;
  m_failed = true;
  m_error_immediate = immediate;
  m_err = std::move(e);
  return Tok::ErrorToken;
}

// The current line from m_line_start to its newline, as CPython's tokenizer quotes it.
std::string Tokenizer::current_line_text() const {
  size_t limit = m_src.size();
  const void* nl = m_line_start < limit
                       ? std::memchr(m_p + m_line_start, '\n', limit - m_line_start)
                       : nullptr;
  size_t e = nl ? static_cast<const char*>(nl) - m_p : limit;
  return utf8_replace_invalid(m_src.substr(m_line_start, e - m_line_start));
}

// An error raised inside CPython's tokenizer, at the cursor: offsets count the characters
// before it.
Tok Tokenizer::syntax_error(std::string msg) { return fail(cursor_error(std::move(msg)), true); }

SyntaxErrorInfo Tokenizer::cursor_error(std::string msg) const {
  size_t cur = std::min(m_cur, m_src.size());
  int col = static_cast<int>(utf8_count_replace(m_src.substr(m_line_start, cur - m_line_start)));
  if (m_cur > m_src.size()) col++;  // the implied newline
  return line_error(std::move(msg), col, col);
}

// The same with explicit offsets (CPython passes byte columns here unconverted).
Tok Tokenizer::syntax_error_range(std::string msg, int col_offset, int end_col_offset) {
  return fail(line_error(std::move(msg), col_offset, end_col_offset), true);
}

SyntaxErrorInfo Tokenizer::line_error(std::string msg, int col_offset, int end_col_offset) const {
  SyntaxErrorInfo e;
  e.msg = std::move(msg);
  e.filename = m_filename;
  e.lineno = e.end_lineno = m_lineno;
  e.offset = col_offset;
  e.end_offset = end_col_offset;
  e.text = current_line_text();
  return e;
}

// An error CPython's parser raises with RAISE_ERROR_KNOWN_LOCATION at column [col] (0-based
// bytes) of the current line, with no end column.
Tok Tokenizer::parser_error(SyntaxErrorInfo::Type type, const char* msg, int col) {
  return fail(located_error(type, msg, m_lineno, col + 1, m_lineno, 0), false);
}

// Input ended inside brackets or after a backslash.
Tok Tokenizer::eof_error() {
  if (m_level > 0) return fail(unclosed_bracket_error(), false);
  return fail(located_error(SyntaxErrorInfo::Type::SyntaxError, "unexpected EOF while parsing",
                            m_lineno, cursor_col(), m_lineno, -1),
              false);
}

// A name that is not UTF-8 (possible only in text decode_source passed through undecoded).
Tok Tokenizer::decode_error(std::string msg) {
  return fail(located_error(SyntaxErrorInfo::Type::SyntaxError, std::move(msg), m_lineno,
                            cursor_col(), m_lineno, -1),
              true);
}

SyntaxErrorInfo Tokenizer::unclosed_bracket_error() const {
  int i = m_level - 1;
  std::string msg = std::string("'") + m_paren_stack[i] + "' was never closed";
  return located_error(SyntaxErrorInfo::Type::SyntaxError, std::move(msg), m_paren_lines[i],
                       m_paren_cols[i] + 1, m_paren_lines[i], 0);
}

SyntaxErrorInfo Tokenizer::located_error(SyntaxErrorInfo::Type type, std::string msg, int lineno,
                                         int col_offset, int end_lineno,
                                         int end_col_offset) const {
  SyntaxErrorInfo e;
  e.type = type;
  e.msg = std::move(msg);
  e.filename = m_filename;
  e.lineno = lineno;
  e.end_lineno = end_lineno;
  e.text = m_opts.buffer_text ? error_line(lineno) : reread_error_line(lineno);
  e.blank_text = e.text.empty();
  e.offset = col_offset;
  e.end_offset = end_col_offset;
  if (!m_opts.byte_columns) {
    if (col_offset >= 0) e.offset = byte_to_char_offset(e.text, col_offset);
    if (end_col_offset > 0) e.end_offset = byte_to_char_offset(e.text, end_col_offset);
  }
  return e;
}

}  // namespace tpy::parse
