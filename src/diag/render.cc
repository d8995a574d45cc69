// Text and JSON rendering of diagnostics.
#include "diag/render.h"

#include <algorithm>
#include <cstdint>
#include <tuple>

#include "io/json_write.h"

namespace specconv::diag {
namespace {

std::vector<Diagnostic> sorted(const Diagnostics& diags) {
  std::vector<Diagnostic> v = diags.all();
  // By file, then by position (unknown positions last), keeping report order among equals.
  std::stable_sort(v.begin(), v.end(), [](const Diagnostic& a, const Diagnostic& b) {
    const auto key = [](const Diagnostic& d) {
      return std::tuple(d.location.file, d.location.line == 0 ? INT64_MAX : d.location.line, d.location.column);
    };
    return key(a) < key(b);
  });
  return v;
}

}  // namespace

std::string render_one(const Diagnostic& d) {
  const SourceLocation& l = d.location;
  std::string out = l.file.empty() ? "<input>" : l.file;
  if (l.line > 0) {
    out += ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
  }
  out += ": ";
  if (!l.pointer.empty()) out += l.pointer + ": ";
  out += to_string(d.severity);
  out += ": " + d.message + " [" + d.code + "]";
  return out;
}

std::string render_text(const Diagnostics& diags, bool include_notes) {
  std::string out;
  for (const Diagnostic& d : sorted(diags)) {
    if (!include_notes && d.severity == Severity::kNote) continue;
    out += render_one(d) + "\n";
  }
  return out;
}

std::string render_json(const Diagnostics& diags) {
  io::Node arr = io::Node::array();
  for (const Diagnostic& d : sorted(diags)) {
    io::Node o = io::Node::object();
    o.set("severity", io::str(to_string(d.severity)));
    o.set("code", io::str(d.code));
    o.set("file", io::str(d.location.file));
    o.set("pointer", io::str(d.location.pointer));
    if (d.location.line > 0) {
      o.set("line", io::Node::integer(d.location.line));
      o.set("column", io::Node::integer(d.location.column));
    }
    if (d.location.document >= 0) o.set("document", io::Node::integer(d.location.document));
    o.set("message", io::str(d.message));
    arr.push(std::move(o));
  }
  return io::to_json(arr, 2) + "\n";
}

Diagnostics apply_strict(const Diagnostics& diags) {
  Diagnostics out;
  for (Diagnostic d : diags.all()) {
    if (d.severity == Severity::kWarning) {
      d.severity = Severity::kError;
      d.message += " (--strict)";
    }
    out.report(std::move(d));
  }
  return out;
}

}  // namespace specconv::diag
