// interp/cli/gc_options.cpp -- The collector's -X options: gc-stats, gc-heap-max=SIZE.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "gc/collector.h"
#include "interp/cli/options.h"

namespace tpy::cli {

namespace {

// "512M", "2G", "65536", "64k": bytes; 0 on a malformed size.
size_t parse_size(const std::string& s) {
  char* end = nullptr;
  unsigned long long n = std::strtoull(s.c_str(), &end, 10);
  if (end == s.c_str()) return 0;
  std::string unit(end);
  if (unit == "" || unit == "b" || unit == "B") return n;
  if (unit == "k" || unit == "K" || unit == "KB" || unit == "KiB") return n << 10;
  if (unit == "m" || unit == "M" || unit == "MB" || unit == "MiB") return n << 20;
  if (unit == "g" || unit == "G" || unit == "GB" || unit == "GiB") return n << 30;
  return 0;
}

}  // namespace

int apply_gc_options(const Options& o) {
  gc::Options g = gc::current_options();
  if (o.xoption("gc-stats")) {
    g.print_stats = true;
    std::atexit(gc::print_stats);
  }
  if (const std::string* v = o.xoption("gc-heap-max")) {
    g.heap_max = parse_size(*v);
    if (g.heap_max == 0) {
      std::fprintf(stderr, "%s: -X gc-heap-max=%s: expected a size such as 512M or 2G\n",
                   o.program.c_str(), v->c_str());
      return 2;
    }
  }
  gc::configure(g);
  return 0;
}

}  // namespace tpy::cli
