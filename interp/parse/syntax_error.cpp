// interp/parse/syntax_error.cpp -- Printing a SyntaxError the way CPython 3.11 does on stderr.
//
// The rules are those of Python/pythonrun.c in 3.11 (print_exception_file_and_line and
// print_error_text), including their quirks, because users diff this output against CPython's:
//   1. Only an exact SyntaxError uses its end position; IndentationError and TabError always get
//      one caret. An unknown end line counts as the start line, an unknown end offset as none.
//   2. If the error spans several lines, the carets run to the end of the text; they are also
//      capped at one past the text's length, which is measured in UTF-8 bytes while the
//      offsets count characters (so non-ASCII lines can get shifted carets, as in CPython).
//   3. Leading spaces, tabs and form feeds are stripped and the caret column moves with them;
//      a caret that would fall left of the text is not printed at all.
//   4. When [text] holds several lines, printing starts at the line that contains the offset
//      and runs to the end of the text.
#include "interp/parse/syntax_error.h"

#include <cstring>

namespace tpy::parse {
namespace {

using Index = long long;

// The caret span as print_exception_file_and_line hands it to print_error_text (rules 1, 2).
Index adjusted_end_offset(const SyntaxErrorInfo& e) {
  if (e.type != SyntaxErrorInfo::Type::SyntaxError) return -1;
  Index end_lineno = e.end_lineno ? e.end_lineno : e.lineno;
  Index end_offset = e.end_offset ? e.end_offset : -1;
  Index size = Index(e.text.size());
  if (end_lineno > e.lineno) end_offset = size;
  if (end_offset > size + 1) end_offset = size + 1;
  return end_offset;
}

// The source line and caret lines (rules 3, 4).
void append_error_text(std::string& s, const SyntaxErrorInfo& e) {
  Index offset = e.offset;
  Index end_offset = adjusted_end_offset(e);
  Index carets = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
  offset--;
  const char* text = e.text.c_str();  // like CPython, stop at an embedded NUL
  while (*text == ' ' || *text == '\t' || *text == '\f') {
    text++;
    offset--;
  }
  Index len = Index(std::strlen(text));
  if (len > 0 && text[len - 1] == '\n') len--;
  if (offset > len) offset = len;
  for (const char* nl; (nl = std::strchr(text, '\n')) != nullptr;) {
    Index line = nl - text;
    if (line >= offset) break;
    text += line + 1;
    len -= line + 1;
    offset -= line + 1;
  }
  s += "    ";
  s += text;
  if (text[len] != '\n') s += '\n';
  if (offset < 0) return;
  s += "    ";
  s.append(size_t(offset), ' ');
  s.append(size_t(carets), '^');
  s += '\n';
}

}  // namespace

const char* type_name(SyntaxErrorInfo::Type t) {
  switch (t) {
    case SyntaxErrorInfo::Type::SyntaxError: return "SyntaxError";
    case SyntaxErrorInfo::Type::IndentationError: return "IndentationError";
    case SyntaxErrorInfo::Type::TabError: return "TabError";
    case SyntaxErrorInfo::Type::MemoryError: return "MemoryError";
    case SyntaxErrorInfo::Type::RecursionError: return "RecursionError";
  }
  return "SyntaxError";
}

void print_syntax_error(std::FILE* out, const SyntaxErrorInfo& e) {
  std::string s;
  // lineno 0 without text is CPython's "no location" (source decoding errors): no File line,
  // no text. The parser's own errors always have a text, if only '' (eval('') is at line 0).
  if (e.lineno != 0 || e.blank_text) {
    s += "  File \"";
    s += e.filename.empty() ? "<string>" : e.filename;
    s += "\", line ";
    s += std::to_string(e.lineno);
    s += '\n';
    if (!e.text.empty() || e.blank_text) append_error_text(s, e);
  }
  s += type_name(e.type);
  if (!e.msg.empty()) {
    s += ": ";
    s += e.msg;
  }
  s += '\n';
  std::fflush(stdout);  // CPython flushes stdout before it prints an exception
  std::fwrite(s.data(), 1, s.size(), out);
  std::fflush(out);
}

}  // namespace tpy::parse
