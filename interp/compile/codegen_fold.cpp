// interp/compile/codegen_fold.cpp -- Constant folding as CPython 3.11's AST optimiser
// (Python/ast_opt.c) does it: unary and binary operators on constants within its size limits,
// tuples of constants, constant subscripts and __debug__.
#include <cmath>
#include <cstring>

#include "interp/compile/codegen_internal.h"

namespace tpy::compile {

using namespace ast;
using K = Constant::Kind;

namespace {

constexpr int kMaxIntBits = 128;       // MAX_INT_SIZE
constexpr size_t kMaxCollection = 256;  // MAX_COLLECTION_SIZE
constexpr size_t kMaxStr = 4096;        // MAX_STR_SIZE
constexpr size_t kMaxTotalItems = 1024;  // MAX_TOTAL_ITEMS

using i128 = __int128;

bool to_i128(const Constant& c, i128& out) {
  if (c.kind == K::True) { out = 1; return true; }
  if (c.kind == K::False) { out = 0; return true; }
  if (c.kind != K::Int) return false;
  if (c.big.empty()) { out = c.i; return true; }
  // Decimal digits beyond int64: accept what fits in 127 bits.
  const std::string& s = c.big;
  size_t p = 0;
  bool neg = false;
  if (p < s.size() && s[p] == '-') { neg = true; p++; }
  i128 v = 0;
  const i128 limit = (i128(1) << 126);
  for (; p < s.size(); p++) {
    if (s[p] < '0' || s[p] > '9') return false;
    if (v > limit / 10) return false;
    v = v * 10 + (s[p] - '0');
  }
  out = neg ? -v : v;
  return true;
}

int bit_length(i128 v) {
  unsigned __int128 m = v < 0 ? (unsigned __int128)(-v) : (unsigned __int128)v;
  int n = 0;
  while (m) { n++; m >>= 1; }
  return n;
}

Constant from_i128(i128 v) {
  Constant c;
  c.kind = K::Int;
  if (v >= INT64_MIN && v <= INT64_MAX) {
    c.i = int64_t(v);
    return c;
  }
  bool neg = v < 0;
  unsigned __int128 m = neg ? (unsigned __int128)(-v) : (unsigned __int128)v;
  std::string digits;
  while (m) { digits.insert(digits.begin(), char('0' + int(m % 10))); m /= 10; }
  c.big = (neg ? "-" : "") + digits;
  return c;
}

bool is_intlike(const Constant& c) { return c.kind == K::Int || c.kind == K::True || c.kind == K::False; }

bool to_double(const Constant& c, double& out) {
  if (c.kind == K::Float) { out = c.f; return true; }
  i128 v;
  if (to_i128(c, v)) { out = double(v); return true; }
  if (c.kind == K::Int) {  // too big for i128: CPython would still convert; we do not fold
    return false;
  }
  return false;
}

Constant make_float(double d) { Constant c; c.kind = K::Float; c.f = d; return c; }
Constant make_complex(double re, double im) { Constant c; c.kind = K::Complex; c.f = re; c.imag = im; return c; }

// Python's floor division and modulo on ints.
i128 floordiv(i128 a, i128 b) { i128 q = a / b; if ((a % b != 0) && ((a < 0) != (b < 0))) q--; return q; }
i128 floormod(i128 a, i128 b) { i128 r = a % b; if (r != 0 && ((r < 0) != (b < 0))) r += b; return r; }

bool mul_overflows(i128 a, i128 b, i128& out) { return __builtin_mul_overflow(a, b, &out); }

size_t code_points(std::string_view s) {
  size_t n = 0;
  for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
  return n;
}

std::optional<Constant> fold_int_binop(Operator op, i128 a, i128 b) {
  i128 r;
  switch (op) {
    case Operator::Add: if (__builtin_add_overflow(a, b, &r)) return std::nullopt; return from_i128(r);
    case Operator::Sub: if (__builtin_sub_overflow(a, b, &r)) return std::nullopt; return from_i128(r);
    case Operator::Mult:
      if (a && b && bit_length(a) + bit_length(b) > kMaxIntBits) return std::nullopt;
      if (mul_overflows(a, b, r)) return std::nullopt;
      return from_i128(r);
    case Operator::FloorDiv:
      if (b == 0) return std::nullopt;
      return from_i128(floordiv(a, b));
    case Operator::Mod:
      if (b == 0) return std::nullopt;
      return from_i128(floormod(a, b));
    case Operator::Div: {
      if (b == 0) return std::nullopt;
      // Exact for operands below 2**53, which is what literals in practice are.
      if (bit_length(a) > 53 || bit_length(b) > 53) return std::nullopt;
      return make_float(double(a) / double(b));
    }
    case Operator::Pow: {
      if (b < 0) {
        if (a == 0) return std::nullopt;
        if (bit_length(a) > 53 || b < -1074) return std::nullopt;
        return make_float(std::pow(double(a), double(b)));
      }
      if (a && b > 0 && bit_length(a) * b > kMaxIntBits) return std::nullopt;
      i128 acc = 1, base = a;
      i128 e = b;
      while (e > 0) {
        if (e & 1) { if (mul_overflows(acc, base, acc)) return std::nullopt; }
        e >>= 1;
        if (e && mul_overflows(base, base, base)) return std::nullopt;
      }
      return from_i128(acc);
    }
    case Operator::LShift: {
      if (b < 0) return std::nullopt;
      if (a == 0) return from_i128(0);
      if (b > kMaxIntBits || bit_length(a) > kMaxIntBits - b) return std::nullopt;
      if (bit_length(a) + b > 126) return std::nullopt;
      return from_i128(a * (i128(1) << int(b)));
    }
    case Operator::RShift:
      if (b < 0) return std::nullopt;
      if (b >= 127) return from_i128(a < 0 ? -1 : 0);
      return from_i128(a >> int(b));
    case Operator::BitOr: return from_i128(a | b);
    case Operator::BitXor: return from_i128(a ^ b);
    case Operator::BitAnd: return from_i128(a & b);
    case Operator::MatMult: return std::nullopt;
  }
  return std::nullopt;
}

std::optional<Constant> fold_float_binop(Operator op, double a, double b) {
  switch (op) {
    case Operator::Add: return make_float(a + b);
    case Operator::Sub: return make_float(a - b);
    case Operator::Mult: return make_float(a * b);
    case Operator::Div:
      if (b == 0) return std::nullopt;
      return make_float(a / b);
    case Operator::FloorDiv:
    case Operator::Mod: {
      if (b == 0) return std::nullopt;
      double mod = std::fmod(a, b);
      double div = (a - mod) / b;
      if (mod) {
        if ((b < 0) != (mod < 0)) { mod += b; div -= 1.0; }
      } else {
        mod = std::copysign(0.0, b);
      }
      double floordiv;
      if (div) {
        floordiv = std::floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
      } else {
        floordiv = std::copysign(0.0, a / b);
      }
      return make_float(op == Operator::Mod ? mod : floordiv);
    }
    case Operator::Pow: {
      if (a == 0 && b < 0) return std::nullopt;
      if (a < 0 && b != std::floor(b)) return std::nullopt;  // complex result
      double r = std::pow(a, b);
      if (std::isinf(r) && std::isfinite(a) && std::isfinite(b)) return std::nullopt;  // overflow
      return make_float(r);
    }
    default: return std::nullopt;
  }
}

std::optional<Constant> fold_complex_binop(Operator op, double ar, double ai, double br, double bi) {
  switch (op) {
    case Operator::Add: return make_complex(ar + br, ai + bi);
    case Operator::Sub: return make_complex(ar - br, ai - bi);
    case Operator::Mult: return make_complex(ar * br - ai * bi, ar * bi + ai * br);
    case Operator::Div: {
      // CPython's _Py_c_quot (Smith's algorithm).
      double abs_breal = br < 0 ? -br : br;
      double abs_bimag = bi < 0 ? -bi : bi;
      if (abs_breal >= abs_bimag) {
        if (abs_breal == 0.0) return std::nullopt;
        double ratio = bi / br;
        double denom = br + bi * ratio;
        return make_complex((ar + ai * ratio) / denom, (ai - ar * ratio) / denom);
      }
      if (abs_bimag >= abs_breal) {
        double ratio = br / bi;
        double denom = br * ratio + bi;
        return make_complex((ar * ratio + ai) / denom, (ai * ratio - ar) / denom);
      }
      return std::nullopt;
    }
    default: return std::nullopt;
  }
}

size_t total_items(const Constant& c) {
  size_t n = c.items.size();
  for (const Constant& it : c.items) {
    if (it.kind == K::Tuple || it.kind == K::FrozenSet) n += total_items(it);
  }
  return n;
}

std::optional<Constant> fold_binop(Operator op, const Constant& l, const Constant& r) {
  if (is_intlike(l) && is_intlike(r)) {
    i128 a, b;
    if (!to_i128(l, a) || !to_i128(r, b)) return std::nullopt;
    // bool's own &, |, ^ return bools (bool.__and__); every other operator gives an int.
    bool both_bool = l.kind != K::Int && r.kind != K::Int;
    if (both_bool && (op == Operator::BitAnd || op == Operator::BitOr || op == Operator::BitXor)) {
      i128 v = op == Operator::BitAnd ? (a & b) : op == Operator::BitOr ? (a | b) : (a ^ b);
      return Constant::boolean(v != 0);
    }
    return fold_int_binop(op, a, b);
  }
  bool lnum = is_intlike(l) || l.kind == K::Float || l.kind == K::Complex;
  bool rnum = is_intlike(r) || r.kind == K::Float || r.kind == K::Complex;
  if (lnum && rnum) {
    if (l.kind == K::Complex || r.kind == K::Complex) {
      double ar, ai = 0, br, bi = 0;
      if (l.kind == K::Complex) { ar = l.f; ai = l.imag; } else if (!to_double(l, ar)) return std::nullopt;
      if (r.kind == K::Complex) { br = r.f; bi = r.imag; } else if (!to_double(r, br)) return std::nullopt;
      return fold_complex_binop(op, ar, ai, br, bi);
    }
    double a, b;
    if (!to_double(l, a) || !to_double(r, b)) return std::nullopt;
    return fold_float_binop(op, a, b);
  }
  // Sequences: concatenation and repetition within the size limits.
  auto seq_kind = [](const Constant& c) {
    return c.kind == K::Str || c.kind == K::Bytes || c.kind == K::Tuple;
  };
  if (op == Operator::Add && seq_kind(l) && l.kind == r.kind) {
    Constant c;
    c.kind = l.kind;
    if (l.kind == K::Tuple) {
      for (const Constant& it : l.items) c.items.push_back(it.clone());
      for (const Constant& it : r.items) c.items.push_back(it.clone());
    } else {
      c.s = l.s + r.s;
    }
    return c;
  }
  if (op == Operator::Mult && ((seq_kind(l) && is_intlike(r)) || (seq_kind(r) && is_intlike(l)))) {
    const Constant& seq = seq_kind(l) ? l : r;
    i128 n;
    if (!to_i128(seq_kind(l) ? r : l, n)) return std::nullopt;
    size_t size = seq.kind == K::Tuple ? seq.items.size()
                  : seq.kind == K::Str ? code_points(seq.s) : seq.s.size();
    if (n < 0) n = 0;
    if (seq.kind == K::Tuple) {
      if (size && (n > i128(kMaxCollection / size) ||
                   total_items(seq) * size_t(n) > kMaxTotalItems * size)) {
        return std::nullopt;
      }
    } else if (size && n > i128(kMaxStr / size)) {
      return std::nullopt;
    }
    Constant c;
    c.kind = seq.kind;
    for (i128 k = 0; k < n; k++) {
      if (seq.kind == K::Tuple) {
        for (const Constant& it : seq.items) c.items.push_back(it.clone());
      } else {
        c.s += seq.s;
      }
    }
    return c;
  }
  return std::nullopt;
}

std::optional<Constant> fold_unaryop(UnaryOperator op, const Constant& v) {
  if (op == UnaryOperator::Not) {
    if (v.kind == K::Code) return std::nullopt;
    return Constant::boolean(!v.is_true());
  }
  if (is_intlike(v)) {
    i128 a;
    if (!to_i128(v, a)) return std::nullopt;
    switch (op) {
      case UnaryOperator::USub: return from_i128(-a);
      case UnaryOperator::UAdd: return from_i128(a);
      case UnaryOperator::Invert: return from_i128(~a);
      default: return std::nullopt;
    }
  }
  if (v.kind == K::Float) {
    if (op == UnaryOperator::USub) return make_float(-v.f);
    if (op == UnaryOperator::UAdd) return make_float(v.f);
    return std::nullopt;
  }
  if (v.kind == K::Complex) {
    if (op == UnaryOperator::USub) return make_complex(-v.f, -v.imag);
    if (op == UnaryOperator::UAdd) return make_complex(v.f, v.imag);
  }
  return std::nullopt;
}

// Byte range of the [index]-th code point of WTF-8 [s].
bool nth_code_point(std::string_view s, size_t index, size_t& start, size_t& len) {
  size_t n = 0;
  for (size_t p = 0; p < s.size();) {
    size_t l = 1;
    unsigned char ch = static_cast<unsigned char>(s[p]);
    if (ch >= 0xF0) l = 4; else if (ch >= 0xE0) l = 3; else if (ch >= 0xC0) l = 2;
    if (n == index) { start = p; len = l; return true; }
    n++;
    p += l;
  }
  return false;
}

std::optional<Constant> fold_subscript(const Constant& v, const Constant& idx) {
  if (!is_intlike(idx)) return std::nullopt;
  i128 i;
  if (!to_i128(idx, i)) return std::nullopt;
  if (v.kind == K::Tuple) {
    i128 n = v.items.size();
    if (i < 0) i += n;
    if (i < 0 || i >= n) return std::nullopt;
    return v.items[size_t(i)].clone();
  }
  if (v.kind == K::Str) {
    i128 n = code_points(v.s);
    if (i < 0) i += n;
    if (i < 0 || i >= n) return std::nullopt;
    size_t start, len;
    if (!nth_code_point(v.s, size_t(i), start, len)) return std::nullopt;
    return Constant::str(v.s.substr(start, len));
  }
  if (v.kind == K::Bytes) {
    i128 n = v.s.size();
    if (i < 0) i += n;
    if (i < 0 || i >= n) return std::nullopt;
    return Constant::integer(static_cast<unsigned char>(v.s[size_t(i)]));
  }
  return std::nullopt;
}

}  // namespace

std::optional<Constant> Compiler::const_value(const ConstValue& v) {
  Constant c;
  switch (v.kind) {
    case ConstValue::Kind::None: c.kind = K::None; break;
    case ConstValue::Kind::True: c.kind = K::True; break;
    case ConstValue::Kind::False: c.kind = K::False; break;
    case ConstValue::Kind::Ellipsis: c.kind = K::Ellipsis; break;
    case ConstValue::Kind::Int:
      c.kind = K::Int;
      if (v.s.empty()) {
        c.i = v.i;
      } else {
        c.big = std::string(v.s);
        // Canonical form: digits that fit int64 are stored in i.
        i128 x;
        if (to_i128(c, x) && x >= INT64_MIN && x <= INT64_MAX) {
          c.big.clear();
          c.i = int64_t(x);
        }
      }
      break;
    case ConstValue::Kind::Float: c.kind = K::Float; c.f = v.f; break;
    case ConstValue::Kind::Complex: c.kind = K::Complex; c.f = 0; c.imag = v.f; break;
    case ConstValue::Kind::Str: c.kind = K::Str; c.s = std::string(v.s); break;
    case ConstValue::Kind::Bytes: c.kind = K::Bytes; c.s = std::string(v.s); break;
  }
  return c;
}

std::optional<Constant> Compiler::fold(Expr* e) {
  switch (e->tag) {
    case ExprKind::Constant: return const_value(as<ast::Constant>(e)->value);
    case ExprKind::Name: {
      auto* n = as<Name>(e);
      if (n->ctx == ExprContext::Load && n->id == "__debug__") {
        return Constant::boolean(opts_.optimize == 0);
      }
      return std::nullopt;
    }
    case ExprKind::UnaryOp: {
      auto* un = as<UnaryOp>(e);
      std::optional<Constant> v = fold(un->operand);
      if (!v) return std::nullopt;
      return fold_unaryop(un->op, *v);
    }
    case ExprKind::BinOp: {
      auto* b = as<BinOp>(e);
      std::optional<Constant> l = fold(b->left);
      if (!l) return std::nullopt;
      std::optional<Constant> r = fold(b->right);
      if (!r) return std::nullopt;
      return fold_binop(b->op, *l, *r);
    }
    case ExprKind::Tuple: {
      auto* t = as<Tuple>(e);
      if (t->ctx != ExprContext::Load) return std::nullopt;
      Constant c;
      c.kind = K::Tuple;
      for (Expr* x : t->elts) {
        if (x->tag == ExprKind::Starred) return std::nullopt;
        std::optional<Constant> k = fold(x);
        if (!k) return std::nullopt;
        c.items.push_back(std::move(*k));
      }
      return c;
    }
    case ExprKind::Subscript: {
      auto* s = as<Subscript>(e);
      if (s->ctx != ExprContext::Load) return std::nullopt;
      std::optional<Constant> v = fold(s->value);
      if (!v) return std::nullopt;
      std::optional<Constant> i = fold(s->slice);
      if (!i) return std::nullopt;
      return fold_subscript(*v, *i);
    }
    default: return std::nullopt;
  }
}

}  // namespace tpy::compile
