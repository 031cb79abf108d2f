// interp/objects/abstract_attr.cpp -- Attribute access: the descriptor protocol, instance
// attributes in shapes (instance.h), LOAD_METHOD's lookup and special-method lookup.
#include "interp/objects/abstract.h"
#include "interp/objects/object_dir.h"
#include "gc/barrier.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/instance.h"
#include "interp/objects/list.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/type_internal.h"

namespace tpy {

namespace {

Value name_type_error(Value name) {
  return raise_format(exc_TypeError, "attribute name must be string, not '%.200s'",
                      type_of(name)->c_name());
}

// The instance's own attribute [name], or null (error_occurred() tells a failure).
Value instance_lookup(Value obj, Type* tp, Value name) {
  if (!obj.is_object()) return Value();
  Object* o = obj.as_object();
  if (tp->m_attrs_offset != 0) return instance_get_attr(o, name);
  if (tp->m_dict_offset != 0) {
    Value d = *reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + tp->m_dict_offset);
    if (d.is_null()) return d;
    return is_exact_str(name) ? dict_get_str(d, name) : dict_get(d, name);
  }
  return Value();
}

Value generic_getattr_impl(Value obj, Value name, bool suppress) {
  if (!is_str(name)) return name_type_error(name);
  Type* tp = type_of(obj);
  Value descr = type_lookup(tp, name);
  DescrGetFn f = nullptr;
  if (!descr.is_null()) {
    f = type_of(descr)->slots.descr_get;
    if (f != nullptr && is_data_descriptor(descr)) {
      Value r = f(descr, obj, Value::from_object(tp));
      if (r.is_null() && suppress && error_matches(exc_AttributeError)) clear_exception();
      return r;
    }
  }
  Value v = instance_lookup(obj, tp, name);
  if (!v.is_null()) return v;
  if (error_occurred()) return Value();
  if (f != nullptr) {
    Value r = f(descr, obj, Value::from_object(tp));
    if (r.is_null() && suppress && error_matches(exc_AttributeError)) clear_exception();
    return r;
  }
  if (!descr.is_null()) return descr;
  if (suppress) return Value();
  return raise_no_attribute(obj, name);
}

}  // namespace

Value generic_getattr(Value obj, Value name) { return generic_getattr_impl(obj, name, false); }

int generic_setattr(Value obj, Value name, Value v) {
  if (!is_str(name)) {
    name_type_error(name);
    return -1;
  }
  Type* tp = type_of(obj);
  Value descr = type_lookup(tp, name);
  if (!descr.is_null()) {
    DescrSetFn set = type_of(descr)->slots.descr_set;
    if (set != nullptr) return set(descr, obj, v);
  }
  if (obj.is_object() && tp->m_attrs_offset != 0) {
    int r = instance_set_attr(obj.as_object(), name, v);
    if (r == 1) {
      raise_no_attribute(obj, name);
      return -1;
    }
    return r;
  }
  if (obj.is_object() && tp->m_dict_offset != 0) {
    Object* o = obj.as_object();
    Value* field = reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + tp->m_dict_offset);
    if (v.is_null()) {
      int r = field->is_null() ? 0 : dict_del(*field, name);
      if (r < 0) return -1;
      if (r == 0) {
        raise_no_attribute(obj, name);
        return -1;
      }
      return 0;
    }
    if (field->is_null()) {
      Value d = dict_new();
      if (d.is_null()) return -1;
      gc::store(o, field, d);
    }
    return dict_set(*field, name, v);
  }
  if (descr.is_null()) {
    raise_no_attribute(obj, name);
  } else {
    raise_format(exc_AttributeError, "'%.50s' object attribute '%U' is read-only", tp->c_name(),
                 name);
    attribute_error_set_context(obj, name);
  }
  return -1;
}

Value getattr(Value obj, Value name) {
  if (!is_str(name)) return name_type_error(name);
  GetAttrFn f = type_of(obj)->slots.getattro;
  if (f == nullptr) return raise_no_attribute(obj, name);
  return f(obj, name);
}

Value getattr_cstr(Value obj, const char* name) {
  Value n = str_intern(name);
  if (n.is_null()) return n;
  return getattr(obj, n);
}

Value getattr_opt(Value obj, Value name) {
  if (!is_str(name)) return name_type_error(name);
  GetAttrFn f = type_of(obj)->slots.getattro;
  if (f == generic_getattr) return generic_getattr_impl(obj, name, true);
  if (f == nullptr) return Value();
  Value r = f(obj, name);
  if (r.is_null() && error_matches(exc_AttributeError)) clear_exception();
  return r;
}

int setattr(Value obj, Value name, Value v) {
  if (!is_str(name)) {
    name_type_error(name);
    return -1;
  }
  SetAttrFn f = type_of(obj)->slots.setattro;
  if (f == nullptr) {
    Type* tp = type_of(obj);
    if (type_of(obj)->slots.getattro == nullptr)
      raise_format(exc_TypeError, "'%.100s' object has no attributes (%s .%U)", tp->c_name(),
                   v.is_null() ? "del" : "assign to", name);
    else
      raise_format(exc_TypeError, "'%.100s' object has only read-only attributes (%s .%U)",
                   tp->c_name(), v.is_null() ? "del" : "assign to", name);
    return -1;
  }
  // Attribute names are interned so shapes and the method cache compare them by identity.
  if (is_exact_str(name) && !as_str(name)->interned()) {
    name = str_intern_value(name);
    if (name.is_null()) return -1;
  }
  return f(obj, name, v);
}

int hasattr(Value obj, Value name) {
  Value v = getattr_opt(obj, name);
  if (v.is_null()) return error_occurred() ? -1 : 0;
  return 1;
}

Value lookup_method(Value obj, Value name, bool* is_method) {
  *is_method = false;
  Type* tp = type_of(obj);
  if (tp->slots.getattro != generic_getattr || !is_str(name)) return getattr(obj, name);
  Value descr = type_lookup(tp, name);
  DescrGetFn f = nullptr;
  bool meth_found = false;
  if (!descr.is_null()) {
    Type* dt = type_of(descr);
    if (dt->has_flag(kTypeMethodDescriptor)) {
      meth_found = true;
    } else {
      f = dt->slots.descr_get;
      if (f != nullptr && is_data_descriptor(descr)) return f(descr, obj, Value::from_object(tp));
    }
  }
  Value v = instance_lookup(obj, tp, name);
  if (!v.is_null()) return v;
  if (error_occurred()) return Value();
  if (meth_found) {
    *is_method = true;
    return descr;
  }
  if (f != nullptr) return f(descr, obj, Value::from_object(tp));
  if (!descr.is_null()) return descr;
  return raise_no_attribute(obj, name);
}

Value lookup_special(Value obj, Value name) {
  Type* tp = type_of(obj);
  Value descr = type_lookup(tp, name);
  if (descr.is_null()) return descr;
  DescrGetFn f = type_of(descr)->slots.descr_get;
  if (f == nullptr) return descr;
  return f(descr, obj, Value::from_object(tp));
}

Value object_dir(Value obj) {
  static StrConst k_dir("__dir__");
  Value meth = lookup_special(obj, k_dir.get());
  if (meth.is_null()) {
    if (error_occurred()) return Value();
    return raise_error(exc_TypeError, "object does not provide __dir__");
  }
  Value r = call0(meth);
  if (r.is_null()) return r;
  Value result = list_from_iterable(r);
  if (result.is_null() || list_sort(result, Value(), false) < 0) return Value();
  return result;
}

}  // namespace tpy
