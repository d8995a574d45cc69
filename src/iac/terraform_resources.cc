// terraform_resources: the module tree walked, each resource checked for the shape Terraform
// writes, a plan's after_unknown and configuration expressions attached.
#include "iac/terraform_resources.h"

#include <map>

#include "io/pointer.h"

namespace specconv::iac {
namespace {

struct Walk {
  const std::string& file;
  Diagnostics& diags;
  const std::map<std::string, const io::Node*>& unknown;  // address -> after_unknown
  const io::Node* config_root;                            // configuration.root_module (a plan's)
  TfDocument& out;
  bool ok = true;

  void fail(const io::Node& at, const std::string& pointer, const std::string& code, const std::string& message) {
    diags.error(code, {file, pointer, at.line(), at.column(), -1}, message);
    ok = false;
  }
};

const std::string* text_member(const io::Node& n, const char* key) {
  const io::Node* v = n.is_object() ? n.find(key) : nullptr;
  return v != nullptr && v->is_string() ? &v->text() : nullptr;
}

/// "module.a[\"x\"].module.b" -> the configuration module of module_calls a, then b (instance keys dropped).
const io::Node* config_module(const io::Node* root, const std::string& module) {
  const io::Node* m = root;
  std::size_t pos = 0;
  while (m != nullptr && pos < module.size()) {
    if (module.compare(pos, 7, "module.") != 0) return nullptr;
    pos += 7;
    std::size_t end = pos;
    while (end < module.size() && module[end] != '.' && module[end] != '[') ++end;
    const std::string name = module.substr(pos, end - pos);
    if (end < module.size() && module[end] == '[') {  // skip the instance key, quoted or not
      int depth = 0;
      bool quoted = false;
      for (; end < module.size(); ++end) {
        const char c = module[end];
        if (c == '"' && (end == 0 || module[end - 1] != '\\')) quoted = !quoted;
        if (!quoted && c == '[') ++depth;
        if (!quoted && c == ']' && --depth == 0) break;
      }
      ++end;
    }
    if (end < module.size() && module[end] == '.') ++end;
    pos = end;
    const io::Node* calls = m->is_object() ? m->find("module_calls") : nullptr;
    const io::Node* call = calls != nullptr && calls->is_object() ? calls->find(name) : nullptr;
    m = call != nullptr && call->is_object() ? call->find("module") : nullptr;
  }
  return m;
}

/// The configuration's expressions of resource `type.name` in `module`, or null.
const io::Node* expressions_of(const io::Node* config_root, const std::string& module, const std::string& type,
                               const std::string& name) {
  const io::Node* m = config_module(config_root, module);
  const io::Node* resources = m != nullptr && m->is_object() ? m->find("resources") : nullptr;
  if (resources == nullptr || !resources->is_array()) return nullptr;
  for (const io::Node& r : resources->items()) {
    const std::string* address = text_member(r, "address");
    if (address != nullptr && *address == type + "." + name) {
      const io::Node* e = r.find("expressions");
      return e != nullptr && e->is_object() ? e : nullptr;
    }
  }
  return nullptr;
}

void walk_resource(Walk& w, const io::Node& r, const std::string& ptr, const std::string& module) {
  const std::string* address = text_member(r, "address");
  const std::string* type = text_member(r, "type");
  const std::string* mode = text_member(r, "mode");
  if (!r.is_object() || address == nullptr || type == nullptr) {
    w.fail(r, ptr, r.is_object() ? "missing-field" : "type-mismatch",
           "a Terraform resource is an object with an address and a type (strings), as `terraform show -json` writes it");
    return;
  }
  TfResource res;
  res.address = *address;
  res.module = module;
  res.type = *type;
  res.managed = mode == nullptr || *mode == "managed";
  res.node = &r;
  res.pointer = ptr + "/values";
  const io::Node* values = r.find("values");
  if (values == nullptr || values->is_null()) {
    // A plan's data source read at apply time, or a resource known only after apply, has none: reported.
    if (res.managed && !w.out.plan) w.fail(r, ptr, "missing-field", "resource " + *address + " has no values");
    else w.out.resources.push_back(std::move(res));
    return;
  }
  if (!values->is_object()) {
    w.fail(*values, res.pointer, "type-mismatch", "the values of resource " + *address + " must be an object");
    return;
  }
  res.values = values;
  if (auto it = w.unknown.find(*address); it != w.unknown.end()) res.unknown = it->second;
  if (w.config_root != nullptr) {
    if (const std::string* name = text_member(r, "name")) res.expressions = expressions_of(w.config_root, module, *type, *name);
  }
  w.out.resources.push_back(std::move(res));
}

void walk_module(Walk& w, const io::Node& m, const std::string& ptr, const std::string& module) {
  if (!m.is_object()) {
    w.fail(m, ptr, "type-mismatch", "a Terraform module is an object (resources, child_modules)");
    return;
  }
  if (const io::Node* resources = m.find("resources")) {
    if (!resources->is_array()) {
      w.fail(*resources, ptr + "/resources", "type-mismatch", "a module's resources is an array");
    } else {
      for (std::size_t i = 0; i < resources->size(); ++i) {
        walk_resource(w, resources->items()[i], ptr + "/resources/" + std::to_string(i), module);
      }
    }
  }
  const io::Node* children = m.find("child_modules");
  if (children == nullptr) return;
  if (!children->is_array()) {
    w.fail(*children, ptr + "/child_modules", "type-mismatch", "a module's child_modules is an array");
    return;
  }
  for (std::size_t i = 0; i < children->size(); ++i) {
    const io::Node& child = children->items()[i];
    const std::string* address = text_member(child, "address");
    const std::string child_ptr = ptr + "/child_modules/" + std::to_string(i);
    if (address == nullptr) {
      w.fail(child, child_ptr, child.is_object() ? "missing-field" : "type-mismatch", "a child module has an address (a string)");
      continue;
    }
    walk_module(w, child, child_ptr, *address);
  }
}

/// A plan's resource_changes: address -> change.after_unknown.
std::map<std::string, const io::Node*> unknown_values(const io::Node& root) {
  std::map<std::string, const io::Node*> out;
  const io::Node* changes = root.find("resource_changes");
  if (changes == nullptr || !changes->is_array()) return out;
  for (const io::Node& c : changes->items()) {
    const std::string* address = text_member(c, "address");
    const io::Node* change = c.is_object() ? c.find("change") : nullptr;
    const io::Node* unknown = change != nullptr && change->is_object() ? change->find("after_unknown") : nullptr;
    if (address != nullptr && unknown != nullptr && unknown->is_object()) out.emplace(*address, unknown);
  }
  return out;
}

}  // namespace

TfDocument terraform_resources(const io::Node& root, const std::string& file, Diagnostics& diags, bool& ok) {
  TfDocument doc;
  doc.plan = root.find("planned_values") != nullptr;
  const std::string section = doc.plan ? "planned_values" : "values";
  const io::Node* values = root.find(section);
  const io::Node* module = values != nullptr && values->is_object() ? values->find("root_module") : nullptr;
  if (module == nullptr) {
    const io::Node& at = values != nullptr ? *values : root;
    diags.error("missing-field", {file, values != nullptr ? "/" + section : "", at.line(), at.column(), -1},
                "`terraform show -json` output whose " + section + " has no root_module: nothing to read (an empty state?)");
    ok = false;
    return doc;
  }
  const std::map<std::string, const io::Node*> unknown = unknown_values(root);
  const io::Node* config = root.find("configuration");
  const io::Node* config_root = config != nullptr && config->is_object() ? config->find("root_module") : nullptr;
  Walk w{file, diags, unknown, doc.plan ? config_root : nullptr, doc};
  walk_module(w, *module, "/" + section + "/root_module", "");
  ok = w.ok;
  return doc;
}

}  // namespace specconv::iac
