// Strategic merge patches between two versions of an object (see strategic_patch.h).
#include "app/strategic_patch.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace specconv::app {
namespace {

using io::Node;

/// Merge keys of the Kubernetes lists specconv writes (patchMergeKey in the Kubernetes API).
struct ListKey {
  std::string_view field;
  std::string_view key;
};
constexpr ListKey kListKeys[] = {
    {"containers", "name"}, {"initContainers", "name"}, {"ephemeralContainers", "name"}, {"env", "name"},
    {"volumes", "name"},    {"volumeMounts", "mountPath"}, {"volumeDevices", "devicePath"}, {"imagePullSecrets", "name"},
    {"hostAliases", "ip"},  {"ports", "containerPort"}};

constexpr std::string_view kDirective = "$patch";

/// The scalar text of item[key], or nullopt when the item is no map or has no scalar there.
std::optional<std::string> key_of(const Node& item, std::string_view key) {
  if (!item.is_object()) return std::nullopt;
  const Node* v = item.find(key);
  if (v != nullptr && v->is_string()) return v->text();
  if (v != nullptr && v->is_int()) return std::to_string(v->as_int());
  return std::nullopt;
}

bool has_null(const Node& n) {
  if (n.is_null()) return true;
  if (n.is_array()) return std::any_of(n.items().begin(), n.items().end(), has_null);
  if (n.is_object()) return std::any_of(n.members().begin(), n.members().end(), [](const auto& m) { return has_null(m.second); });
  return false;
}

Node without_directives(const Node& n) {
  if (n.is_array()) {
    Node out = Node::array();
    for (const Node& i : n.items()) out.push(without_directives(i));
    return out;
  }
  if (!n.is_object()) return n;
  Node out = Node::object();
  for (const auto& [k, v] : n.members()) {
    if (k != kDirective) out.set(k, without_directives(v));
  }
  return out;
}

bool is_delete(const Node& item) {
  const Node* directive = item.is_object() ? item.find(kDirective) : nullptr;
  return directive != nullptr && directive->is_string() && directive->text() == "delete";
}

/// kustomize's (kyaml's) order: the patch's items first, in patch order, each merged into the
/// base item of its key; then the base items the patch does not name, in base order.
Node merge_list(const Node& base, const Node& patch, std::string_view key) {
  Node out = Node::array();
  std::set<std::string> named;
  for (const Node& p : patch.items()) {
    const auto pk = key_of(p, key);
    if (pk) named.insert(*pk);
    if (is_delete(p)) continue;
    const auto found = std::find_if(base.items().begin(), base.items().end(), [&](const Node& b) { return pk && key_of(b, key) == pk; });
    out.push(found != base.items().end() ? strategic_apply(*found, p) : without_directives(p));
  }
  for (const Node& b : base.items()) {
    const auto bk = key_of(b, key);
    if (!bk || named.count(*bk) == 0) out.push(b);
  }
  return out;
}

/// The list patch from the first `n` entries (the target's items as patch items) and the deletes.
Node list_patch(const std::vector<Node>& entries, std::size_t n, const std::vector<Node>& deletes) {
  Node patch = Node::array();
  for (std::size_t i = 0; i < n; ++i) patch.push(entries[i]);
  for (const Node& d : deletes) patch.push(d);
  return patch;
}

std::optional<Node> diff_list(const Node& base, const Node& target, std::string_view key) {
  std::map<std::string, const Node*> in_base;
  for (const Node& b : base.items()) {
    const auto k = key_of(b, key);
    if (!k || !in_base.emplace(*k, &b).second) return std::nullopt;
  }
  // One patch entry per target item: whole when new, its key and what differs when changed, its
  // key alone when unchanged (which places it without changing it).
  std::vector<Node> entries;
  std::size_t last_change = 0;  // entries up to here must be in the patch
  std::set<std::string> in_target;
  for (const Node& t : target.items()) {
    const auto k = key_of(t, key);
    if (!k || !in_target.insert(*k).second) return std::nullopt;
    const auto b = in_base.find(*k);
    Node entry = Node::object();
    entry.set(std::string(key), *t.find(key));
    if (b == in_base.end()) {
      entry = t;
    } else {
      auto d = strategic_diff(*b->second, t);
      if (!d) return std::nullopt;
      for (auto& m : d->members()) entry.set(m.first, std::move(m.second));
    }
    if (b == in_base.end() || entry.size() > 1) last_change = entries.size() + 1;
    entries.push_back(std::move(entry));
  }
  std::vector<Node> deletes;
  for (const Node& b : base.items()) {
    const auto k = key_of(b, key);
    if (in_target.count(*k) != 0) continue;
    Node item = Node::object();
    item.set(std::string(key), *b.find(key));
    item.set(std::string(kDirective), Node::string("delete"));
    deletes.push_back(std::move(item));
  }
  // The changed items first; the unchanged ones after them stay out of the patch when kustomize's
  // order (base order) gives them back as they are, else every item is named.
  Node patch = list_patch(entries, last_change, deletes);
  if (same_tree(merge_list(base, patch, key), target)) return patch;
  return list_patch(entries, entries.size(), deletes);
}

/// The patch value for `field` (present in both, different), or nullopt when none is exact.
std::optional<Node> diff_value(std::string_view field, const Node& b, const Node& t) {
  if (b.is_object() && t.is_object()) return strategic_diff(b, t);
  const std::string_view key = b.is_array() ? merge_key(field, b) : t.is_array() ? merge_key(field, t) : "";
  if (b.is_array() && t.is_array() && !key.empty() && merge_key(field, t) == key) return diff_list(b, t, key);
  if (!key.empty() || has_null(t)) return std::nullopt;  // a keyed list cannot be replaced whole by a patch
  return t;
}

}  // namespace

bool same_tree(const Node& a, const Node& b) {
  if (a.is_object() && b.is_object()) {
    if (a.size() != b.size()) return false;
    return std::all_of(a.members().begin(), a.members().end(), [&](const Node::Member& m) {
      const Node* o = b.find(m.first);
      return o != nullptr && same_tree(m.second, *o);
    });
  }
  if (a.is_array() && b.is_array()) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!same_tree(a.items()[i], b.items()[i])) return false;
    }
    return true;
  }
  return a == b;
}

std::string_view merge_key(std::string_view field, const Node& items) {
  for (const ListKey& lk : kListKeys) {
    if (lk.field != field) continue;
    // Service ports merge by "port", container ports by "containerPort".
    const bool service_ports = field == "ports" && items.is_array() && items.size() > 0 &&
                               std::all_of(items.items().begin(), items.items().end(), [](const Node& i) {
                                 return i.is_object() && i.find("containerPort") == nullptr && i.find("port") != nullptr;
                               });
    return service_ports ? "port" : lk.key;
  }
  return "";
}

Node strategic_apply(const Node& base, const Node& patch) {
  if (!base.is_object() || !patch.is_object()) return without_directives(patch);
  Node out = base;
  for (const auto& [k, pv] : patch.members()) {
    if (k == kDirective) continue;
    Node* bv = out.find(k);
    if (pv.is_null()) {
      std::erase_if(out.members(), [&key = k](const Node::Member& m) { return m.first == key; });
    } else if (bv == nullptr) {
      out.set(k, without_directives(pv));
    } else if (bv->is_object() && pv.is_object()) {
      *bv = strategic_apply(*bv, pv);
    } else if (const std::string_view key = merge_key(k, *bv); bv->is_array() && pv.is_array() && !key.empty()) {
      *bv = merge_list(*bv, pv, key);
    } else {
      *bv = without_directives(pv);
    }
  }
  return out;
}

std::optional<Node> strategic_diff(const Node& base, const Node& target) {
  if (!base.is_object() || !target.is_object()) return std::nullopt;
  Node patch = Node::object();
  for (const auto& [k, tv] : target.members()) {
    const Node* bv = base.find(k);
    if (bv != nullptr && same_tree(*bv, tv)) continue;
    if (bv == nullptr) {
      if (has_null(tv)) return std::nullopt;
      patch.set(k, tv);
      continue;
    }
    auto d = diff_value(k, *bv, tv);
    if (!d) return std::nullopt;
    patch.set(k, std::move(*d));
  }
  for (const auto& [k, bv] : base.members()) {
    if (target.find(k) == nullptr) patch.set(k, Node::null());
  }
  if (!same_tree(strategic_apply(base, patch), target)) return std::nullopt;  // e.g. list order
  return patch;
}

}  // namespace specconv::app
