// interp/modules/posix_dir.cpp -- Directories: listdir, scandir and DirEntry, mkdir, rmdir,
// chdir, getcwd.
//
// scandir reads the whole directory when it is called (the entries' names and d_type), so
// the iterator holds no DIR* that would need closing by a finaliser.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <string>

#include "gc/barrier.h"
#include "gc/heap.h"
#include "interp/modules/posix_internal.h"
#include "interp/objects/abstract.h"
#include "interp/objects/dict.h"
#include "interp/objects/exceptions.h"
#include "interp/objects/generic_alias.h"
#include "interp/objects/int.h"
#include "interp/objects/list.h"
#include "interp/objects/native.h"
#include "interp/objects/singletons.h"
#include "interp/objects/str.h"
#include "interp/objects/tuple.h"

namespace tpy {

constinit Type direntry_type{&type_type, "posix.DirEntry", 0, kTypeDisallowInstantiation};
constinit Type scandir_iter_type{&type_type, "posix.ScandirIterator", 0,
                                 kTypeDisallowInstantiation};

namespace {

struct DirEntryObject : Object {
  Value name;   // str or bytes
  Value path;   // str or bytes: the scandir path joined with name
  Value stat;   // cached stat_result (follow_symlinks=True) or null
  Value lstat;  // cached lstat result or null
  int64_t ino;
  int64_t d_type;
};

struct ScandirObject : Object {
  Value entries;  // list of DirEntry
  int64_t pos;
  int64_t closed;
};

DirEntryObject* as_entry(Value v) { return static_cast<DirEntryObject*>(v.as_object()); }
ScandirObject* as_scandir(Value v) { return static_cast<ScandirObject*>(v.as_object()); }

// Reads the names of [p]'s directory (without . and ..) into [cb].
template <typename F>
bool read_dir(const PathArg& p, F cb) {
  DIR* dir;
  if (p.fd >= 0) {
    int fd = ::dup(p.fd);
    if (fd < 0) return posix_error(errno, p.object), false;
    dir = ::fdopendir(fd);
    if (!dir) {
      int e = errno;
      ::close(fd);
      return posix_error(e, p.object), false;
    }
    ::rewinddir(dir);
  } else {
    dir = ::opendir(p.path.c_str());
    if (!dir) return posix_error(errno, p.object), false;
  }
  for (;;) {
    errno = 0;
    struct dirent* e = ::readdir(dir);
    if (!e) {
      int err = errno;
      ::closedir(dir);
      if (err) return posix_error(err, p.object), false;
      return true;
    }
    const char* n = e->d_name;
    if (n[0] == '.' && (n[1] == 0 || (n[1] == '.' && n[2] == 0))) continue;
    if (!cb(e)) {
      ::closedir(dir);
      return false;
    }
  }
}

Value px_listdir(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"path", nullptr};
  Value path;
  ArgSpec spec{"listdir", kw, 0, 1, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&path})) return Value();
  PathArg p;
  if (path.is_null()) path = None();
  if (!path_convert(path, "listdir", "path", true, true, &p)) return Value();
  if (is_none(path)) p.object = Value();
  Value out = list_new();
  if (out.is_null()) return out;
  bool ok = read_dir(p, [&](struct dirent* e) {
    Value n = fs_decode(e->d_name, p.is_bytes);
    return !n.is_null() && list_append(out, n) == 0;
  });
  return ok ? out : Value();
}

Value make_entry(const PathArg& p, struct dirent* e) {
  auto* o = static_cast<DirEntryObject*>(gc::alloc(sizeof(DirEntryObject), &direntry_type));
  if (!o) return raise_no_memory();
  Value name = fs_decode(e->d_name, p.is_bytes);
  if (name.is_null()) return name;
  std::string full;
  if (p.fd < 0) {
    full = p.path;
    if (!full.empty() && full.back() != '/') full += '/';
  }
  full += e->d_name;
  Value path = fs_decode(full, p.is_bytes);
  if (path.is_null()) return path;
  gc::store(o, &o->name, name);
  gc::store(o, &o->path, path);
  o->ino = static_cast<int64_t>(e->d_ino);
  o->d_type = e->d_type;
  return Value::from_object(o);
}

Value px_scandir(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"path", nullptr};
  Value path;
  ArgSpec spec{"scandir", kw, 0, 1, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&path})) return Value();
  if (path.is_null()) path = None();
  PathArg p;
  if (!path_convert(path, "scandir", "path", true, true, &p)) return Value();
  if (is_none(path)) p.object = Value();
  Value entries = list_new();
  if (entries.is_null()) return entries;
  bool ok = read_dir(p, [&](struct dirent* e) {
    Value ent = make_entry(p, e);
    return !ent.is_null() && list_append(entries, ent) == 0;
  });
  if (!ok) return Value();
  auto* it = static_cast<ScandirObject*>(gc::alloc(sizeof(ScandirObject), &scandir_iter_type));
  if (!it) return raise_no_memory();
  gc::store(it, &it->entries, entries);
  return Value::from_object(it);
}

// -- ScandirIterator --------------------------------------------------------------------------
Value scandir_iter(Value self) { return self; }

Value scandir_next(Value self) {
  ScandirObject* s = as_scandir(self);
  if (s->closed || s->pos >= list_length(s->entries)) {
    s->closed = 1;
    return Value();
  }
  return list_at(s->entries, s->pos++);
}

Value scandir_close(Value self, const Value*, size_t, Value) {
  as_scandir(self)->closed = 1;
  return None();
}

Value scandir_enter(Value self, const Value*, size_t, Value) { return self; }

void scandir_trace(Object* self, VisitFn visit, void* ctx) {
  visit(&static_cast<ScandirObject*>(self)->entries, ctx);
}

const MethodDef scandir_methods[] = {
    {"close", scandir_close, kMethNoArgs, nullptr},
    {"__enter__", scandir_enter, kMethNoArgs, nullptr},
    {"__exit__", scandir_close, kMethFast, nullptr},
    {nullptr, nullptr, 0, nullptr}};

// -- DirEntry ---------------------------------------------------------------------------------
Value entry_fetch_stat(Value self, bool follow) {
  DirEntryObject* e = as_entry(self);
  Value& cache = follow ? e->stat : e->lstat;
  if (!cache.is_null()) return cache;
  PathArg p;
  if (!path_convert(e->path, "stat", "path", false, false, &p)) return Value();
  struct stat st;
  if (::fstatat(AT_FDCWD, p.path.c_str(), &st, follow ? 0 : AT_SYMLINK_NOFOLLOW) != 0)
    return posix_error(errno, e->path);
  Value r = stat_result_from(st);
  if (r.is_null()) return r;
  gc::store(e, &cache, r);
  return r;
}

bool follow_arg(const char* fname, const Value* args, size_t nargs, Value kwnames, bool* follow) {
  static const char* const kw[] = {"follow_symlinks", nullptr};
  Value f;
  ArgSpec spec{fname, kw, 0, 0, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&f})) return false;
  return arg_bool(f, true, follow);
}

Value entry_stat(Value self, const Value* args, size_t nargs, Value kwnames) {
  bool follow;
  if (!follow_arg("stat", args, nargs, kwnames, &follow)) return Value();
  if (follow && as_entry(self)->d_type != DT_LNK && as_entry(self)->d_type != DT_UNKNOWN) {
    // Not a link: stat and lstat agree; share the cache.
    Value r = entry_fetch_stat(self, false);
    if (r.is_null()) return r;
    gc::store(as_entry(self), &as_entry(self)->stat, r);
    return r;
  }
  return entry_fetch_stat(self, follow);
}

// Whether the entry's file type (from stat, or lstat when not [follow]) is [want]; a file
// that vanished is False.
Value entry_mode_is(Value self, bool follow, mode_t want) {
  Value st = entry_fetch_stat(self, follow);
  if (st.is_null()) {
    if (!error_matches(exc_FileNotFoundError)) return st;
    clear_exception();
    return False();
  }
  int64_t mode;
  if (!index_to_i64(tuple_at(st, 0), &mode)) return Value();
  return Bool((static_cast<mode_t>(mode) & S_IFMT) == want);
}

// is_dir / is_file: from d_type when it says, else from stat.
Value entry_test(Value self, const Value* args, size_t nargs, Value kwnames, const char* fname,
                 mode_t want, unsigned char dtype) {
  bool follow;
  if (!follow_arg(fname, args, nargs, kwnames, &follow)) return Value();
  DirEntryObject* e = as_entry(self);
  if (e->d_type != DT_UNKNOWN && !(follow && e->d_type == DT_LNK))
    return Bool(e->d_type == dtype);
  return entry_mode_is(self, follow, want);
}

Value entry_is_dir(Value self, const Value* args, size_t nargs, Value kwnames) {
  return entry_test(self, args, nargs, kwnames, "is_dir", S_IFDIR, DT_DIR);
}
Value entry_is_file(Value self, const Value* args, size_t nargs, Value kwnames) {
  return entry_test(self, args, nargs, kwnames, "is_file", S_IFREG, DT_REG);
}

Value entry_is_symlink(Value self, const Value*, size_t, Value) {
  DirEntryObject* e = as_entry(self);
  if (e->d_type != DT_UNKNOWN) return Bool(e->d_type == DT_LNK);
  return entry_mode_is(self, false, S_IFLNK);
}

Value entry_is_junction(Value, const Value*, size_t, Value) { return False(); }

Value entry_inode(Value self, const Value*, size_t, Value) {
  return int_from_i64(as_entry(self)->ino);
}

Value entry_fspath(Value self, const Value*, size_t, Value) { return as_entry(self)->path; }

Value entry_repr(Value self) {
  Value r = object_repr(as_entry(self)->name);
  if (r.is_null()) return r;
  return str_from_utf8("<DirEntry " + str_to_utf8(r) + ">");
}

Value entry_name(Value self) { return as_entry(self)->name; }
Value entry_path(Value self) { return as_entry(self)->path; }

void entry_trace(Object* self, VisitFn visit, void* ctx) {
  auto* e = static_cast<DirEntryObject*>(self);
  visit(&e->name, ctx);
  visit(&e->path, ctx);
  visit(&e->stat, ctx);
  visit(&e->lstat, ctx);
}

const MethodDef entry_methods[] = {
    {"stat", entry_stat, kMethFastKw, nullptr},
    {"is_dir", entry_is_dir, kMethFastKw, nullptr},
    {"is_file", entry_is_file, kMethFastKw, nullptr},
    {"is_symlink", entry_is_symlink, kMethNoArgs, nullptr},
    {"is_junction", entry_is_junction, kMethNoArgs, nullptr},
    {"inode", entry_inode, kMethNoArgs, nullptr},
    {"__fspath__", entry_fspath, kMethNoArgs, nullptr},
    TPY_CLASS_GETITEM_ROW,
    {nullptr, nullptr, 0, nullptr}};

const GetSetDef entry_getsets[] = {{"name", entry_name, nullptr, nullptr},
                                   {"path", entry_path, nullptr, nullptr},
                                   {nullptr, nullptr, nullptr, nullptr}};

// -- mkdir, rmdir, chdir, getcwd ----------------------------------------------------------------
Value px_mkdir(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"path", "mode", "dir_fd", nullptr};
  Value path, mode, dir_fd;
  ArgSpec spec{"mkdir", kw, 1, 2, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&path, &mode, &dir_fd})) return Value();
  PathArg p;
  if (!path_convert(path, "mkdir", "path", false, false, &p)) return Value();
  int64_t m = 0777;
  int dfd;
  if ((!mode.is_null() && !index_to_i64(mode, &m)) || !arg_dir_fd(dir_fd, "mkdir", &dfd))
    return Value();
  if (::mkdirat(dfd, p.path.c_str(), static_cast<mode_t>(m)) != 0) return posix_error(errno, path);
  return None();
}

Value px_rmdir(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"path", "dir_fd", nullptr};
  Value path, dir_fd;
  ArgSpec spec{"rmdir", kw, 1, 1, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&path, &dir_fd})) return Value();
  PathArg p;
  int dfd;
  if (!path_convert(path, "rmdir", "path", false, false, &p) || !arg_dir_fd(dir_fd, "rmdir", &dfd))
    return Value();
  if (::unlinkat(dfd, p.path.c_str(), AT_REMOVEDIR) != 0) return posix_error(errno, path);
  return None();
}

Value px_chdir(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kw[] = {"path", nullptr};
  Value path;
  ArgSpec spec{"chdir", kw, 1, 1, 0, false};
  if (!parse_args(spec, args, nargs, kwnames, {&path})) return Value();
  PathArg p;
  if (!path_convert(path, "chdir", "path", true, false, &p)) return Value();
  int r = p.fd >= 0 ? ::fchdir(p.fd) : ::chdir(p.path.c_str());
  if (r != 0) return posix_error(errno, path);
  return None();
}

Value getcwd_impl(bool as_bytes) {
  std::string buf(4096, '\0');
  while (!::getcwd(buf.data(), buf.size())) {
    if (errno != ERANGE) return posix_error(errno);
    buf.resize(buf.size() * 2);
  }
  buf.resize(std::char_traits<char>::length(buf.c_str()));
  return fs_decode(buf, as_bytes);
}

Value px_getcwd(Value, const Value*, size_t, Value) { return getcwd_impl(false); }
Value px_getcwdb(Value, const Value*, size_t, Value) { return getcwd_impl(true); }

}  // namespace

const MethodDef posix_dir_functions[] = {
    {"listdir", px_listdir, kMethFastKw, nullptr},
    {"scandir", px_scandir, kMethFastKw, nullptr},
    {"mkdir", px_mkdir, kMethFastKw, nullptr},
    {"rmdir", px_rmdir, kMethFastKw, nullptr},
    {"chdir", px_chdir, kMethFastKw, nullptr},
    {"getcwd", px_getcwd, kMethNoArgs, nullptr},
    {"getcwdb", px_getcwdb, kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

bool init_posix_dir_types() {
  if (direntry_type.has_flag(kTypeReady)) return true;
  direntry_type.m_basicsize = sizeof(DirEntryObject);
  direntry_type.slots.repr = entry_repr;
  direntry_type.slots.trace = entry_trace;
  type_init(&direntry_type, &object_type, TypeDefs{entry_methods, nullptr, entry_getsets});
  scandir_iter_type.m_basicsize = sizeof(ScandirObject);
  scandir_iter_type.slots.iter = scandir_iter;
  scandir_iter_type.slots.iternext = scandir_next;
  scandir_iter_type.slots.trace = scandir_trace;
  type_init(&scandir_iter_type, &object_type, TypeDefs{scandir_methods, nullptr, nullptr});
  return !error_occurred();
}

bool posix_add_dir_attrs(Value d) {
  return dict_set_cstr(d, "DirEntry", Value::from_object(&direntry_type)) == 0;
}

}  // namespace tpy
