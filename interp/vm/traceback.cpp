// interp/vm/traceback.cpp -- CPython 3.11's uncaught-exception report (traceback.py's format).
//
// Mirrors TracebackException.format: the chain (__cause__ / __context__, each exception once),
// the frames with source lines and caret lines computed from co_positions exactly as 3.11's
// format_frame_summary does (its quirks included: the caret indent counts the line's newline),
// recursion cut off after 3 repeats, exception groups drawn with their +-| margins, notes,
// and SyntaxError's file/caret block.
#include "interp/vm/traceback.h"

#include <map>
#include <memory>
#include <vector>

#include "gc/roots.h"
#include "interp/cli/source_file.h"
#include "interp/objects/abstract.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/list.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"
#include "interp/parse/parser.h"
#include "interp/parse/syntax_error.h"
#include "interp/vm/code.h"
#include "interp/vm/frame.h"
#include "interp/vm/suggestions.h"

namespace tpy {
namespace {

constexpr int kRecursiveCutoff = 3;
constexpr int kMaxGroupWidth = 15;
constexpr int kMaxGroupDepth = 10;

// -- Source lines (linecache) ---------------------------------------------------------------------
std::map<std::string, std::vector<std::string>>& line_cache() {
  static auto* cache = new std::map<std::string, std::vector<std::string>>();
  return *cache;
}

// Line [lineno] of [filename] with its newline, or "" (as linecache.getline).
std::string get_line(const std::string& filename, int lineno) {
  if (filename.empty() || filename[0] == '<' || lineno < 1) return "";
  auto& cache = line_cache();
  auto it = cache.find(filename);
  if (it == cache.end()) {
    std::string bytes;
    std::vector<std::string> lines;
    if (cli::read_source_file(filename, bytes) == 0) {
      size_t start = 0;
      while (start < bytes.size()) {
        size_t nl = bytes.find('\n', start);
        if (nl == std::string::npos) {
          // linecache gives the last line a newline when the file has none.
          lines.push_back(bytes.substr(start) + "\n");
          break;
        }
        lines.push_back(bytes.substr(start, nl - start + 1));
        start = nl + 1;
      }
    }
    it = cache.emplace(filename, std::move(lines)).first;
  }
  if (static_cast<size_t>(lineno) > it->second.size()) return "";
  return it->second[lineno - 1];
}

}  // namespace

std::string source_line(const std::string& filename, int lineno) { return get_line(filename, lineno); }

namespace {

// -- Text helpers (UTF-8; offsets in code points where traceback.py uses str indices) -------------
bool is_py_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
std::string strip(const std::string& s) {
  size_t a = 0, b = s.size();
  while (a < b && is_py_space(s[a])) a++;
  while (b > a && is_py_space(s[b - 1])) b--;
  return s.substr(a, b - a);
}
size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) n++;
  return n;
}
// _byte_offset_to_character_offset.
int byte_to_char(const std::string& s, int offset) {
  if (offset < 0) return 0;
  size_t o = static_cast<size_t>(offset) > s.size() ? s.size() : static_cast<size_t>(offset);
  return static_cast<int>(utf8_length(std::string_view(s).substr(0, o)));
}
// Byte index of code point [ci] in [s].
size_t char_to_byte(const std::string& s, int ci) {
  size_t i = 0;
  int n = 0;
  while (i < s.size() && n < ci) {
    i++;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) i++;
    n++;
  }
  return i;
}
std::string substr_chars(const std::string& s, int a, int b) {
  if (b < a) return "";
  size_t x = char_to_byte(s, a), y = char_to_byte(s, b);
  return s.substr(x, y - x);
}

struct Anchors {
  int left_end, right_start;
};

// _extract_caret_anchors_from_line_segment.
bool extract_anchors(const std::string& segment, Anchors* out) {
  parse::Arena arena;
  parse::ParseResult r = parse::parse(segment, "<string>", parse::ParseMode::Exec, arena,
                                      parse::SourceOrigin::Text);
  if (!r.mod || r.mod->tag != ast::ModKind::Module) return false;
  auto* m = ast::as<ast::Module>(r.mod);
  if (m->body.size() != 1 || m->body[0]->tag != ast::StmtKind::ExprStmt) return false;
  ast::Expr* e = ast::as<ast::ExprStmt>(m->body[0])->value;
  auto normalize = [&](int off) { return byte_to_char(segment, off); };
  if (e->tag == ast::ExprKind::BinOp) {
    auto* b = ast::as<ast::BinOp>(e);
    int op_start = normalize(b->left->loc.end_col_offset);
    int op_end = normalize(b->right->loc.col_offset);
    std::string op = substr_chars(segment, op_start, op_end);
    size_t k = 0;
    while (k < op.size() && is_py_space(op[k])) k++;
    int operator_offset = static_cast<int>(k);
    int left = b->left->loc.end_col_offset + operator_offset;
    int right = left + 1;
    if (k + 1 < op.size() && !is_py_space(op[k + 1])) right++;
    *out = Anchors{normalize(left), normalize(right)};
    return true;
  }
  if (e->tag == ast::ExprKind::Subscript) {
    auto* s = ast::as<ast::Subscript>(e);
    *out = Anchors{normalize(s->value->loc.end_col_offset),
                   normalize(s->slice->loc.end_col_offset + 1)};
    return true;
  }
  return false;
}

// -- One frame ------------------------------------------------------------------------------------
struct FrameEntry {
  std::string filename, name;
  int lineno;
  Position pos;
};

std::string format_frame(const FrameEntry& fe) {
  std::string row = "  File \"" + fe.filename + "\", line " + std::to_string(fe.lineno) +
                    ", in " + fe.name + "\n";
  std::string orig = get_line(fe.filename, fe.lineno);
  std::string line = strip(orig);
  if (line.empty()) return row;
  row += "    " + line + "\n";
  int orig_len = static_cast<int>(utf8_length(orig));
  int stripped_chars = orig_len - static_cast<int>(utf8_length(line));
  int line_len = static_cast<int>(utf8_length(line));
  if (fe.pos.col < 0 || fe.pos.end_col < 0 || fe.pos.line != fe.lineno) return row;
  int start = byte_to_char(orig, fe.pos.col) + 1;
  int end = byte_to_char(orig, fe.pos.end_col) + 1;
  Anchors a{};
  bool have_anchors = false;
  if (fe.pos.line == fe.pos.end_line) {
    std::string seg = substr_chars(orig, start - 1, end - 1);
    have_anchors = extract_anchors(seg, &a);
  } else {
    end = stripped_chars + line_len;
  }
  if (end - start < line_len || (have_anchors && a.right_start - a.left_end > 0)) {
    row += "    ";
    row += std::string(start - stripped_chars > 0 ? start - stripped_chars : 0, ' ');
    if (have_anchors) {
      // traceback.py's _Anchors: primary '~' around the operator's '^'.
      row += std::string(a.left_end > 0 ? a.left_end : 0, '~');
      int mid = a.right_start - a.left_end;
      row += std::string(mid > 0 ? mid : 0, '^');
      int rest = end - start - a.right_start;
      row += std::string(rest > 0 ? rest : 0, '~');
    } else {
      row += std::string(end - start > 0 ? end - start : 0, '^');
    }
    row += "\n";
  }
  return row;
}

std::string format_stack(Value tb) {
  std::string out;
  std::string last_file, last_name;
  int last_line = -1;
  bool have_last = false;
  int count = 0;
  auto flush_repeats = [&]() {
    if (count > kRecursiveCutoff) {
      int c = count - kRecursiveCutoff;
      out += "  [Previous line repeated " + std::to_string(c) + " more time" +
             (c > 1 ? "s" : "") + "]\n";
    }
  };
  for (; !tb.is_null() && is_traceback(tb); tb = as_traceback(tb)->next) {
    TracebackObject* t = as_traceback(tb);
    CodeObject* co = frame_object_code(t->frame);
    FrameEntry fe;
    fe.filename = str_to_utf8(co->filename);
    fe.name = str_to_utf8(co->name);
    fe.lineno = t->lineno;
    int idx = t->lasti / 2;
    if (idx >= 0 && idx < co->ncode) fe.pos = co->positions[idx];
    if (fe.lineno < 0) fe.lineno = fe.pos.line;
    if (!have_last || last_file != fe.filename || last_line != fe.lineno || last_name != fe.name) {
      flush_repeats();
      last_file = fe.filename;
      last_line = fe.lineno;
      last_name = fe.name;
      have_last = true;
      count = 0;
    }
    count++;
    if (count > kRecursiveCutoff) continue;
    out += format_frame(fe);
  }
  flush_repeats();
  return out;
}

// -- The exception tree ---------------------------------------------------------------------------
std::string safe_str(Value v, const char* what) {
  Value s = object_str(v);
  if (s.is_null()) {
    clear_exception();
    return std::string("<") + what + " str() failed>";
  }
  return str_to_utf8(s);
}

std::string type_display_name(Type* t) {
  Value tv = Value::from_object(t);
  Value q = getattr_cstr(tv, "__qualname__");
  if (q.is_null()) clear_exception();
  std::string stype = (!q.is_null() && is_str(q)) ? str_to_utf8(q) : t->c_name();
  Value m = getattr_cstr(tv, "__module__");
  if (m.is_null()) clear_exception();
  std::string smod = (!m.is_null() && is_str(m)) ? str_to_utf8(m) : "<unknown>";
  if (smod != "__main__" && smod != "builtins") stype = smod + "." + stype;
  return stype;
}

struct TbExc {
  Value exc;
  std::string stack;  // formatted frames
  std::unique_ptr<TbExc> cause, context;
  bool suppress_context = false;
  bool is_group = false;
  std::vector<std::unique_ptr<TbExc>> exceptions;
};

std::unique_ptr<TbExc> build(Value exc, std::vector<Value>& seen);

bool seen_has(const std::vector<Value>& seen, Value v) {
  for (Value s : seen)
    if (s == v) return true;
  return false;
}

std::unique_ptr<TbExc> build(Value exc, std::vector<Value>& seen) {
  auto te = std::make_unique<TbExc>();
  te->exc = exc;
  seen.push_back(exc);
  Value tb = exception_traceback(exc);
  te->stack = format_stack(tb);
  te->suppress_context = exception_suppress_context(exc);
  Value cause = exception_cause(exc);
  if (!cause.is_null() && !is_none(cause) && !seen_has(seen, cause)) te->cause = build(cause, seen);
  Value ctx = exception_context(exc);
  if (!ctx.is_null() && !is_none(ctx) && !seen_has(seen, ctx)) te->context = build(ctx, seen);
  if (is_instance_of(exc, exc_BaseExceptionGroup)) {
    te->is_group = true;
    Value excs = static_cast<BaseExceptionGroupObject*>(exc.as_object())->excs;
    if (!excs.is_null())
      for (int64_t i = 0; i < tuple_length(excs); i++)
        te->exceptions.push_back(build(tuple_at(excs, i), seen));
  }
  return te;
}

struct Ctx {
  int depth = 0;
  bool need_close = false;
  std::string indent() const { return std::string(2 * depth, ' '); }
  // textwrap.indent(text, prefix, lambda line: True) for each line of [text].
  void emit(std::string& out, const std::string& text, char margin = '|') const {
    std::string prefix = indent();
    if (depth) prefix += std::string(1, margin) + " ";
    size_t start = 0;
    while (start < text.size()) {
      size_t nl = text.find('\n', start);
      size_t end = nl == std::string::npos ? text.size() : nl + 1;
      out += prefix;
      out.append(text, start, end - start);
      start = end;
    }
  }
};

std::string syntax_error_block(Value exc, const std::string& stype) {
  auto* se = static_cast<SyntaxErrorObject*>(exc.as_object());
  std::string out, filename_suffix;
  auto opt_str = [](Value v) -> std::string { return (!v.is_null() && is_str(v)) ? str_to_utf8(v) : ""; };
  bool has_lineno = !se->lineno.is_null() && !is_none(se->lineno);
  std::string filename = opt_str(se->filename);
  if (has_lineno) {
    Value ls = object_str(se->lineno);
    if (ls.is_null()) clear_exception();
    out += "  File \"" + (filename.empty() ? std::string("<string>") : filename) + "\", line " +
           (ls.is_null() ? "?" : str_to_utf8(ls)) + "\n";
  } else if (!se->filename.is_null() && !is_none(se->filename)) {
    filename_suffix = " (" + filename + ")";
  }
  if (!se->text.is_null() && is_str(se->text)) {
    std::string rtext = str_to_utf8(se->text);
    while (!rtext.empty() && rtext.back() == '\n') rtext.pop_back();
    size_t k = 0;
    while (k < rtext.size() && (rtext[k] == ' ' || rtext[k] == '\n' || rtext[k] == '\f')) k++;
    std::string ltext = rtext.substr(k);
    int spaces = static_cast<int>(utf8_length(rtext) - utf8_length(ltext));
    out += "    " + ltext + "\n";
    if (!se->offset.is_null() && se->offset.is_int()) {
      int offset = static_cast<int>(se->offset.as_int());
      int end_offset = (!se->end_offset.is_null() && se->end_offset.is_int() &&
                        se->end_offset.as_int() != 0)
                           ? static_cast<int>(se->end_offset.as_int())
                           : offset;
      if (offset == end_offset || end_offset == -1) end_offset = offset + 1;
      int colno = offset - 1 - spaces, end_colno = end_offset - 1 - spaces;
      if (colno >= 0) {
        std::string caretspace;
        std::string prefix = substr_chars(ltext, 0, colno);
        for (size_t i = 0; i < prefix.size(); i++) {
          unsigned char c = prefix[i];
          if ((c & 0xC0) == 0x80) continue;
          caretspace += is_py_space(c) ? static_cast<char>(c) : ' ';
        }
        out += "    " + caretspace + std::string(end_colno - colno > 0 ? end_colno - colno : 0, '^') + "\n";
      }
    }
  }
  std::string msg = opt_str(se->msg);
  if (msg.empty()) msg = "<no detail available>";
  out += stype + ": " + msg + filename_suffix + "\n";
  return out;
}

std::string format_exception_only(Value exc) {
  Type* t = type_of(exc);
  std::string stype = type_display_name(t);
  std::string out;
  if (is_instance_of(exc, exc_SyntaxError)) {
    out = syntax_error_block(exc, stype);
  } else {
    std::string s = safe_str(exc, "exception");
    out = s.empty() ? stype : stype + ": " + s;
    std::string suggestion = exception_suggestion(exc);
    if (!suggestion.empty()) out += ". Did you mean: '" + suggestion + "'?";
    out += "\n";
  }
  // add_note() keeps the list in the instance dict: read it as CPython does, by attribute.
  static StrConst k_notes("__notes__");
  Value notes = getattr_opt(exc, k_notes.get());
  if (notes.is_null()) clear_exception();
  if (!notes.is_null()) {
    if (is_list(notes) || is_tuple(notes)) {
      int64_t n = is_list(notes) ? list_length(notes) : tuple_length(notes);
      for (int64_t i = 0; i < n; i++) {
        Value note = is_list(notes) ? list_at(notes, i) : tuple_at(notes, i);
        std::string s = safe_str(note, "note");
        size_t start = 0;
        for (;;) {
          size_t nl = s.find('\n', start);
          out += s.substr(start, nl == std::string::npos ? std::string::npos : nl - start) + "\n";
          if (nl == std::string::npos) break;
          start = nl + 1;
        }
      }
    } else {
      Value r = object_repr(notes);
      if (r.is_null()) {
        clear_exception();
        out += "<__notes__ repr() failed>";
      } else {
        out += str_to_utf8(r);
      }
    }
  }
  return out;
}

const char kCauseMessage[] =
    "\nThe above exception was the direct cause of the following exception:\n\n";
const char kContextMessage[] =
    "\nDuring handling of the above exception, another exception occurred:\n\n";

void format_tree(const TbExc* top, Ctx& ctx, std::string& out) {
  std::vector<std::pair<const char*, const TbExc*>> output;
  for (const TbExc* e = top; e;) {
    const char* msg = nullptr;
    const TbExc* next = nullptr;
    if (e->cause) {
      msg = kCauseMessage;
      next = e->cause.get();
    } else if (e->context && !e->suppress_context) {
      msg = kContextMessage;
      next = e->context.get();
    }
    output.emplace_back(msg, e);
    e = next;
  }
  for (auto it = output.rbegin(); it != output.rend(); ++it) {
    const TbExc* e = it->second;
    if (it->first) ctx.emit(out, it->first);
    if (!e->is_group) {
      if (!e->stack.empty()) {
        ctx.emit(out, "Traceback (most recent call last):\n");
        ctx.emit(out, e->stack);
      }
      ctx.emit(out, format_exception_only(e->exc));
    } else if (ctx.depth > kMaxGroupDepth) {
      ctx.emit(out, "... (max_group_depth is " + std::to_string(kMaxGroupDepth) + ")\n");
    } else {
      bool toplevel = ctx.depth == 0;
      if (toplevel) ctx.depth++;
      if (!e->stack.empty()) {
        ctx.emit(out, "Exception Group Traceback (most recent call last):\n", toplevel ? '+' : '|');
        ctx.emit(out, e->stack);
      }
      ctx.emit(out, format_exception_only(e->exc));
      int num = static_cast<int>(e->exceptions.size());
      int n = num <= kMaxGroupWidth ? num : kMaxGroupWidth + 1;
      ctx.need_close = false;
      for (int i = 0; i < n; i++) {
        bool last = i == n - 1;
        if (last) ctx.need_close = true;
        bool truncated = i >= kMaxGroupWidth;
        std::string title = truncated ? "..." : std::to_string(i + 1);
        out += ctx.indent() + (i == 0 ? "+-" : "  ") + "+---------------- " + title +
               " ----------------\n";
        ctx.depth++;
        if (!truncated) {
          format_tree(e->exceptions[i].get(), ctx, out);
        } else {
          int remaining = num - kMaxGroupWidth;
          ctx.emit(out, "and " + std::to_string(remaining) + " more exception" +
                            (remaining > 1 ? "s" : "") + "\n");
        }
        if (last && ctx.need_close) {
          out += ctx.indent() + "+------------------------------------\n";
          ctx.need_close = false;
        }
        ctx.depth--;
      }
      if (toplevel) ctx.depth = 0;
    }
  }
}

}  // namespace

std::string format_exception(Value exc) {
  Value saved = fetch_exception();
  std::vector<Value> seen;
  auto tree = build(exc, seen);
  Ctx ctx;
  std::string out;
  format_tree(tree.get(), ctx, out);
  if (!saved.is_null()) set_exception(saved);
  return out;
}

void print_exception(Value exc) {
  std::string text = format_exception(exc);
  std::fflush(stdout);
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fflush(stderr);
}

}  // namespace tpy
