// Field-by-field explanation of one conversion. Never prints.
#include "app/explain.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "app/explain_wiring.h"
#include "input/kind.h"
#include "io/json_load.h"
#include "io/json_write.h"
#include "io/pointer.h"
#include "io/yaml_load.h"
#include "mapping/field_table.h"
#include "mapping/k8s_field_table.h"
#include "specconv/convert_ecs.h"

namespace specconv::app {
namespace {

std::string status_of(mapping::Fidelity f) {
  switch (f) {
    case mapping::Fidelity::kExact: return "exact";
    case mapping::Fidelity::kConverted: return "converted";
    case mapping::Fidelity::kApproximate: return "approximated";
    case mapping::Fidelity::kAnnotation: return "annotation";
    case mapping::Fidelity::kCarried: return "carried";
    case mapping::Fidelity::kReported: return "dropped";
    case mapping::Fidelity::kIgnored: return "ignored";
  }
  return "converted";
}

/// Nested ECS objects the mapping table describes: (scope, key) -> scope of the value (or of
/// each array item).
const std::map<std::pair<std::string_view, std::string_view>, std::string_view>& child_scopes() {
  static const std::map<std::pair<std::string_view, std::string_view>, std::string_view> kChildren = {
      {{"task", "containerDefinitions"}, "container"},
      {{"task", "volumes"}, "volume"},
      {{"volume", "host"}, "hostVolume"},
      {{"volume", "dockerVolumeConfiguration"}, "dockerVolume"},
      {{"volume", "efsVolumeConfiguration"}, "efs"},
      {{"efs", "authorizationConfig"}, "efsAuth"},
      {{"container", "portMappings"}, "portMapping"},
      {{"container", "mountPoints"}, "mountPoint"},
      {{"container", "volumesFrom"}, "volumeFrom"},
      {{"container", "dependsOn"}, "dependsOn"},
      {{"container", "healthCheck"}, "healthCheck"},
      {{"container", "linuxParameters"}, "linuxParameters"},
      {{"linuxParameters", "capabilities"}, "capabilities"},
      {{"linuxParameters", "tmpfs"}, "tmpfs"},
      {{"container", "extraHosts"}, "extraHost"},
      {{"container", "systemControls"}, "systemControl"},
      {{"container", "resourceRequirements"}, "resourceRequirement"},
      {{"service", "deploymentConfiguration"}, "deploymentConfiguration"},
      {{"service", "loadBalancers"}, "loadBalancer"},
      {{"service", "serviceRegistries"}, "serviceRegistry"},
  };
  return kChildren;
}

void walk_ecs(const io::Node& obj, const std::string& pointer, std::string_view scope, std::vector<ExplainRow>& rows) {
  if (!obj.is_object()) return;
  for (const auto& [key, value] : obj.members()) {
    ExplainRow row;
    row.source = pointer + "/" + io::escape_pointer_token(key);
    row.line = value.line();
    row.column = value.column();
    if (const mapping::FieldRow* f = mapping::ecs_field(scope, key)) {
      row.target = std::string(f->counterpart);
      row.status = status_of(f->fidelity);
      row.note = std::string(f->note);
    } else {
      row.status = "unknown";
      row.note = "not a field of the ECS " + std::string(scope) + " object";
    }
    rows.push_back(std::move(row));
    const auto it = child_scopes().find({scope, std::string_view(key)});
    if (it == child_scopes().end()) continue;
    const std::string child = pointer + "/" + io::escape_pointer_token(key);
    if (value.is_array()) {
      for (std::size_t i = 0; i < value.items().size(); ++i) {
        walk_ecs(value.items()[i], child + "/" + std::to_string(i), it->second, rows);
      }
    } else {
      walk_ecs(value, child, it->second, rows);
    }
  }
}

void explain_ecs_tree(const io::Node& root, std::vector<ExplainRow>& rows) {
  switch (input::classify(root).shape) {
    case input::Shape::kEcsTaskDefinition: walk_ecs(root, "", "task", rows); return;
    case input::Shape::kEcsDescribeTaskDefinition:
    case input::Shape::kEcsConverted:
      if (const io::Node* td = root.find("taskDefinition"); td != nullptr && td->is_object()) {
        walk_ecs(*td, "/taskDefinition", "task", rows);
      }
      return;
    case input::Shape::kEcsDescribeServices:
      if (const io::Node* services = root.find("services"); services != nullptr && services->is_array()) {
        for (std::size_t i = 0; i < services->items().size(); ++i) {
          walk_ecs(services->items()[i], "/services/" + std::to_string(i), "service", rows);
        }
      }
      return;
    case input::Shape::kEcsService: walk_ecs(root, "", "service", rows); return;
    case input::Shape::kEcsWiring: explain_wiring(root, rows); return;
    default: return;
  }
}

// ---- Kubernetes ---------------------------------------------------------------------------

/// Maps whose entries are reported as one row.
bool collapsed(const std::string& key) {
  static const std::vector<std::string> kKeys = {"labels", "annotations", "data", "stringData", "binaryData",
                                                 "matchLabels", "nodeSelector", "selector"};
  return std::find(kKeys.begin(), kKeys.end(), key) != kKeys.end();
}

std::string kind_of(const io::Node& root) {
  const io::Node* k = root.is_object() ? root.find("kind") : nullptr;
  return k != nullptr && k->is_string() ? k->text() : "";
}

/// The scope the value of scope/key is read as; a root's `spec` depends on the kind.
std::string_view child_scope(std::string_view scope, std::string_view key, const std::string& kind) {
  if (key == "spec" && (scope == "Workload" || scope == "Object")) return mapping::k8s_spec_scope(kind);
  return mapping::k8s_child_scope(scope, key);
}

/// One row per field; target and rule from the Kubernetes field table (none outside its scopes).
void walk_k8s(const io::Node& node, const std::string& pointer, int64_t document, std::string_view scope,
              const std::string& kind, std::vector<ExplainRow>& rows) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.members()) {
      ExplainRow row;
      row.document = document;
      row.source = pointer + "/" + io::escape_pointer_token(key);
      row.line = value.line();
      row.column = value.column();
      row.status = "read";
      if (const mapping::FieldRow* f = mapping::k8s_field(scope, key)) {
        row.target = std::string(f->counterpart);
        row.note = std::string(f->note);
      }
      rows.push_back(row);
      if (collapsed(key) || !(value.is_object() || value.is_array())) continue;
      walk_k8s(value, row.source, document, child_scope(scope, key, kind), kind, rows);
    }
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.items().size(); ++i) {
      const io::Node& item = node.items()[i];
      if (item.is_object() || item.is_array()) walk_k8s(item, pointer + "/" + std::to_string(i), document, scope, kind, rows);
    }
  }
}

/// A document's root: the scope its kind is read as.
void walk_k8s_root(const io::Node& root, int64_t document, std::vector<ExplainRow>& rows) {
  const std::string kind = kind_of(root);
  walk_k8s(root, "", document, mapping::k8s_root_scope(kind), kind, rows);
}

// ---- overlaying diagnostics -----------------------------------------------------------------

std::string status_from(const Diagnostic& d, const std::string& current) {
  if (d.severity == Severity::kError) return "error";
  if (current == "error") return current;
  if (d.code == "unsupported-field") return "dropped";
  if (d.code == "ignored-field") return d.severity == Severity::kWarning ? "approximated" : "ignored";
  if (d.code == "not-carried-over" || d.code == "kept-in-annotation") return "annotation";
  if (d.code == "renamed-resource") return current == "exact" ? "converted" : current;
  if (d.severity == Severity::kWarning) return "approximated";
  return current;
}

void overlay(const Diagnostics& diags, Explanation& e) {
  // A diagnostic goes to the row with the longest source pointer that contains its pointer, in
  // its document (or any, when either side has none), the first such row on a tie. Indexed by
  // pointer, so a task definition with thousands of containers and as many findings stays linear.
  std::map<std::pair<int64_t, std::string>, std::size_t> first_in_doc;  // (document, source) -> row
  std::map<std::string, std::size_t> first_any;                          // source -> row, any document
  auto index_row = [&](std::size_t i) {
    first_in_doc.emplace(std::make_pair(e.rows[i].document, e.rows[i].source), i);
    first_any.emplace(e.rows[i].source, i);
  };
  for (std::size_t i = 0; i < e.rows.size(); ++i) index_row(i);
  auto lookup = [&](int64_t document, const std::string& source) -> std::optional<std::size_t> {
    if (document < 0) {
      const auto it = first_any.find(source);
      return it == first_any.end() ? std::nullopt : std::optional<std::size_t>(it->second);
    }
    std::optional<std::size_t> found;
    for (const int64_t doc : {document, int64_t{-1}}) {
      const auto it = first_in_doc.find({doc, source});
      if (it != first_in_doc.end() && (!found || it->second < *found)) found = it->second;
    }
    return found;
  };
  for (const Diagnostic& d : diags.all()) {
    std::optional<std::size_t> best_index;
    if (!d.location.pointer.empty()) {
      std::string prefix = d.location.pointer;
      while (!best_index) {
        best_index = lookup(d.location.document, prefix);
        const std::size_t slash = prefix.rfind('/');
        if (best_index || slash == std::string::npos) break;
        prefix.erase(slash);
      }
    }
    if (!best_index) {
      // Nothing to attach to: a file- or object-level finding gets a row of its own.
      ExplainRow row;
      row.document = d.location.document;
      row.source = !d.location.pointer.empty() ? d.location.pointer : d.location.document >= 0 ? "(document)" : "(file)";
      row.line = d.location.line;
      row.column = d.location.column;
      row.status = d.severity == Severity::kError ? "error" : d.severity == Severity::kWarning ? "approximated" : "note";
      row.note = d.message;
      row.codes.push_back(d.code);
      e.rows.push_back(std::move(row));
      index_row(e.rows.size() - 1);
      continue;
    }
    ExplainRow* best = &e.rows[*best_index];
    best->status = status_from(d, best->status);
    // The diagnostic is more specific than the table's rule: it replaces it (first one), then adds.
    const bool from_table = best->codes.empty();
    best->note = from_table ? d.message : best->note + "; " + d.message;
    best->codes.push_back(d.code);
  }
}

/// Whether the field walk has anything to show. It parses the file a second time (the conversion
/// API takes text), so it is skipped when the conversion could not read the file at all (syntax,
/// a limit, not text), and when the file holds nothing specconv recognises (no output, and only
/// "this is not a task definition / Kubernetes object" errors): the table would be empty, and
/// a hostile file would cost two parses instead of one.
bool worth_walking(const ConvertResult& result) {
  static const std::set<std::string, std::less<>> kUnreadable = {
      "file-too-large", "binary-input",        "invalid-utf8",       "empty-input",    "json-syntax",
      "yaml-syntax",    "nesting-too-deep",    "too-many-values",    "string-too-long", "too-many-documents",
      "alias-expansion-limit", "duplicate-key", "yaml-complex-key", "yaml-merge-key"};
  static const std::set<std::string, std::less<>> kNothingKnown = {"not-kubernetes", "unrecognized-input", "not-json",
                                                                   "wrong-direction"};
  bool only_unknown = result.documents.empty() && result.diagnostics.has_errors();
  for (const auto& d : result.diagnostics.all()) {
    if (d.severity != Severity::kError) continue;
    if (kUnreadable.count(d.code) != 0) return false;
    const bool root_type = d.code == "type-mismatch" && d.location.pointer.empty();
    if (kNothingKnown.count(d.code) == 0 && !root_type) only_unknown = false;
  }
  return !only_unknown;
}

/// Walks every object of a Kubernetes input (JSON, a JSON array, or a YAML stream).
void walk_k8s_input(const InputText& input, const io::Limits& limits, Diagnostics& parse, std::vector<ExplainRow>& rows) {
  std::size_t i = 0;
  while (i < input.text.size() && (input.text[i] == ' ' || input.text[i] == '\n' || input.text[i] == '\t' || input.text[i] == '\r')) ++i;
  if (i < input.text.size() && (input.text[i] == '{' || input.text[i] == '[')) {
    if (auto root = io::load_json(input.text, input.path, limits, parse)) {
      if (root->is_array()) {
        for (std::size_t k = 0; k < root->items().size(); ++k) walk_k8s_root(root->items()[k], static_cast<int64_t>(k), rows);
      } else {
        walk_k8s_root(*root, 0, rows);
      }
    }
  } else {
    const io::YamlLoad y = io::load_yaml(input.text, input.path, limits, parse);
    for (const io::YamlDocument& doc : y.documents) walk_k8s_root(doc.root, doc.index, rows);
  }
}

}  // namespace

Explanation explain_input(const InputText& input, const io::Limits& limits) {
  Explanation e;
  e.file = input.path;
  const Detected det = detect_input(input.path, input.text);
  e.direction = det.direction == Direction::kUnknown
                    ? (input.path.size() >= 5 && input.path.compare(input.path.size() - 5, 5, ".json") == 0 ? Direction::kToK8s
                                                                                                         : Direction::kToEcs)
                    : det.direction;
  ConvertResult result;
  Diagnostics parse;  // the conversion reports parse problems itself; these are only for the walk
  if (e.direction == Direction::kToK8s) {
    ToK8sOptions o;
    o.limits = limits;
    result = convert_to_k8s({input}, o);
    if (worth_walking(result)) {
      if (auto root = io::load_json(input.text, input.path, limits, parse)) {
        explain_ecs_tree(*root, e.rows);
        if (input::classify(*root).shape == input::Shape::kEcsWiring) e.wiring = wiring_summary(*root);
      }
    }
  } else {
    ToEcsOptions o;
    o.limits = limits;
    result = convert_to_ecs({input}, o);
    if (worth_walking(result)) walk_k8s_input(input, limits, parse, e.rows);
  }
  e.diagnostics = result.diagnostics;
  e.converted = !result.documents.empty() && !result.diagnostics.has_errors();
  for (const OutputDocument& d : result.documents) e.workloads.push_back(d.name);
  overlay(result.diagnostics, e);
  std::stable_sort(e.rows.begin(), e.rows.end(), [](const ExplainRow& a, const ExplainRow& b) {
    if (a.document != b.document) return a.document < b.document;
    const bool aw = a.source.front() == '(', bw = b.source.front() == '(';  // whole-file/document findings first
    if (aw != bw) return aw;
    const bool az = a.line == 0, bz = b.line == 0;  // unlocated rows last within their document
    if (az != bz) return bz;
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  });
  return e;
}

namespace {

std::string location(const ExplainRow& r) {
  std::string s;
  if (r.document >= 0) s += "doc " + std::to_string(r.document) + " ";
  if (r.line > 0) s += std::to_string(r.line) + ":" + std::to_string(r.column);
  return s;
}

std::string headline(const Explanation& e) {
  std::string s = e.file + " (" + to_string(e.direction) + "): ";
  if (!e.wiring.empty() && !e.diagnostics.has_errors()) {
    s += "wiring (" + e.wiring + "): read; it applies to the services converted in the same run (to-k8s with their "
         "service and task definition files, or one convert folder)";
  } else if (e.converted) {
    s += "converted to ";
    for (std::size_t i = 0; i < e.workloads.size(); ++i) s += (i > 0 ? ", " : "") + e.workloads[i];
  } else {
    s += "not converted (no output: fields marked read were read, but nothing was written)";
  }
  s += "; " + std::to_string(e.diagnostics.count(Severity::kError)) + " errors, " +
       std::to_string(e.diagnostics.count(Severity::kWarning)) + " warnings, " + std::to_string(e.diagnostics.count(Severity::kNote)) +
       " notes";
  return s;
}

std::string md_cell(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

}  // namespace

std::string render_explain_text(const Explanation& e) {
  std::size_t w_src = 6, w_loc = 8, w_status = 6;
  for (const ExplainRow& r : e.rows) {
    w_src = std::max(w_src, r.source.size());
    w_loc = std::max(w_loc, location(r).size());
    w_status = std::max(w_status, r.status.size());
  }
  w_src = std::min<std::size_t>(w_src, 60);
  std::ostringstream out;
  out << headline(e) << "\n\n";
  auto pad = [](const std::string& s, std::size_t w) { return s.size() >= w ? s + " " : s + std::string(w - s.size() + 1, ' '); };
  out << pad("SOURCE", w_src) << pad("LOCATION", w_loc) << pad("STATUS", w_status) << "TARGET / WHY\n";
  for (const ExplainRow& r : e.rows) {
    out << pad(r.source, w_src) << pad(location(r), w_loc) << pad(r.status, w_status);
    std::string tail = r.target.empty() ? "-" : r.target;
    if (!r.note.empty()) tail += " -- " + r.note;
    if (!r.codes.empty()) {
      tail += " [";
      for (std::size_t i = 0; i < r.codes.size(); ++i) tail += (i > 0 ? ", " : "") + r.codes[i];
      tail += "]";
    }
    out << tail << "\n";
  }
  return out.str();
}

std::string render_explain_markdown(const Explanation& e) {
  std::ostringstream out;
  out << "# " << md_cell(e.file) << "\n\n" << md_cell(headline(e)) << "\n\n";
  out << "| source | location | status | target | why | codes |\n|---|---|---|---|---|---|\n";
  for (const ExplainRow& r : e.rows) {
    std::string codes;
    for (std::size_t i = 0; i < r.codes.size(); ++i) codes += (i > 0 ? ", " : "") + ("`" + r.codes[i] + "`");
    out << "| `" << md_cell(r.source) << "` | " << location(r) << " | " << r.status << " | " << md_cell(r.target) << " | "
        << md_cell(r.note) << " | " << codes << " |\n";
  }
  return out.str();
}

namespace {

io::Node explain_json(const Explanation& e) {
  using io::Node;
  Node j = Node::object();
  j.set("file", Node::string(e.file));
  j.set("direction", Node::string(to_string(e.direction)));
  j.set("converted", Node::boolean(e.converted));
  j.set("workloads", Node::strings(e.workloads));
  if (!e.wiring.empty()) j.set("wiring", Node::string(e.wiring));
  Node rows = Node::array();
  for (const ExplainRow& r : e.rows) {
    Node x = Node::object();
    if (r.document >= 0) x.set("document", Node::integer(r.document));
    x.set("source", Node::string(r.source));
    x.set("line", Node::integer(r.line));
    x.set("column", Node::integer(r.column));
    x.set("status", Node::string(r.status));
    x.set("target", Node::string(r.target));
    x.set("note", Node::string(r.note));
    x.set("codes", Node::strings(r.codes));
    rows.push(std::move(x));
  }
  j.set("fields", std::move(rows));
  j.set("errors", Node::integer(static_cast<int64_t>(e.diagnostics.count(Severity::kError))));
  j.set("warnings", Node::integer(static_cast<int64_t>(e.diagnostics.count(Severity::kWarning))));
  j.set("notes", Node::integer(static_cast<int64_t>(e.diagnostics.count(Severity::kNote))));
  return j;
}

}  // namespace

std::string render_explain_json(const Explanation& e) { return io::to_json(explain_json(e), 2) + "\n"; }

std::string render_explain_json(const std::vector<Explanation>& all) {
  io::Node list = io::Node::array();
  for (const Explanation& e : all) list.push(explain_json(e));
  return io::to_json(list, 2) + "\n";
}

}  // namespace specconv::app
