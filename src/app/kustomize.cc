// Several environments as one kustomize base and overlays (see kustomize.h).
#include "app/kustomize.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "app/k8s_document.h"
#include "app/strategic_patch.h"
#include "io/yaml_write.h"
#include "mapping/names.h"

namespace specconv::app {
namespace {

using io::Node;

/// One object identity (kind, namespace, name) and each environment's document of it.
struct Entry {
  std::string api_version, kind, ns, name;
  std::vector<const Node*> per_env;  // nullptr where the environment has none
};

/// "kind/namespace/name": one object identity across environments.
std::string identity(const std::string& kind, const std::string& ns, const std::string& name) { return kind + "/" + ns + "/" + name; }
std::string id_of(const K8sObject& o) { return identity(o.kind, o.namespace_name, o.name); }

/// The environment with its namespaced objects (those in its namespace) taken out of it, for an
/// overlay whose `namespace:` puts them back.
Environment without_namespace(const Environment& env) {
  Environment out = env;
  if (env.namespace_name.empty()) return out;
  for (K8sWorkload& w : out.workloads) {
    if (w.namespace_name == env.namespace_name) w.namespace_name.clear();
    for (K8sObject& o : w.objects) {
      if (o.namespace_name != env.namespace_name) continue;
      o.namespace_name.clear();
      auto doc = std::make_shared<K8sDocument>(*o.document);
      if (Node* meta = doc->node.find("metadata")) {
        std::erase_if(meta->members(), [](const Node::Member& m) { return m.first == "namespace"; });
      }
      o.document = std::move(doc);
    }
  }
  return out;
}

/// Every object of every environment, in the order they first appear.
std::vector<Entry> match_objects(const std::vector<Environment>& envs) {
  std::vector<Entry> out;
  std::map<std::string, std::size_t> at;
  for (std::size_t e = 0; e < envs.size(); ++e) {
    for (const K8sWorkload& w : envs[e].workloads) {
      for (const K8sObject& o : w.objects) {
        auto [it, added] = at.emplace(id_of(o), out.size());
        if (added) out.push_back({o.api_version, o.kind, o.namespace_name, o.name, std::vector<const Node*>(envs.size())});
        out[it->second].per_env[e] = &o.document->node;
      }
    }
  }
  return out;
}

bool is_controller(const std::string& kind) {
  return kind == "Deployment" || kind == "DaemonSet" || kind == "StatefulSet" || kind == "Job" || kind == "CronJob" ||
         kind == "ReplicaSet" || kind == "Pod";
}

/// A workload name must name the same kind of controller in every environment.
void check_kinds(const std::vector<Environment>& envs, Diagnostics& diags) {
  struct Seen {
    std::string kind, env;
  };
  std::map<std::pair<std::string, std::string>, Seen> seen;  // (namespace, workload) -> first
  for (const Environment& env : envs) {
    for (const K8sWorkload& w : env.workloads) {
      for (const K8sObject& o : w.objects) {
        if (!is_controller(o.kind)) continue;
        auto [it, added] = seen.emplace(std::make_pair(o.namespace_name, o.name), Seen{o.kind, env.name});
        if (!added && it->second.kind != o.kind) {
          diags.error("environment-conflict", {w.sources.empty() ? env.name : w.sources.front(), "", 0, 0, -1},
                      "workload \"" + o.name + "\" is a " + o.kind + " in environment " + env.name + " but a " +
                          it->second.kind + " in " + it->second.env + ": one name cannot be both in one kustomize base");
        }
      }
    }
  }
}

std::string file_name(const Entry& e) { return mapping::ascii_lower(e.kind) + "-" + e.name + (e.ns.empty() ? "" : "." + e.ns) + ".yaml"; }

/// A patch file: the object's identity, then what differs.
Node patch_document(const Entry& e, Node patch) {
  Node doc = Node::object();
  doc.set("apiVersion", Node::string(e.api_version));
  doc.set("kind", Node::string(e.kind));
  Node meta = Node::object();
  meta.set("name", Node::string(e.name));
  if (!e.ns.empty()) meta.set("namespace", Node::string(e.ns));
  if (Node* m = patch.find("metadata"); m != nullptr && m->is_object()) {
    for (auto& [k, v] : m->members()) meta.set(k, std::move(v));
  }
  doc.set("metadata", std::move(meta));
  for (auto& [k, v] : patch.members()) {
    if (k != "metadata") doc.set(k, std::move(v));
  }
  return doc;
}

bool replica_kind(const std::string& kind) {
  return kind == "Deployment" || kind == "StatefulSet" || kind == "ReplicaSet" || kind == "ReplicationController";
}

/// Moves spec.replicas out of `patch` into a `replicas:` entry when the transformer would touch
/// only this object (it matches by name alone).
void take_replicas(const Entry& e, const std::map<std::string, int>& replica_names, Node& patch, Node& replicas) {
  Node* spec = patch.find("spec");
  const Node* count = spec != nullptr && spec->is_object() ? spec->find("replicas") : nullptr;
  if (count == nullptr || !count->is_int() || !replica_kind(e.kind) || replica_names.at(e.name) != 1) return;
  Node r = Node::object();
  r.set("name", Node::string(e.name));
  r.set("count", *count);
  replicas.push(std::move(r));
  std::erase_if(spec->members(), [](const Node::Member& m) { return m.first == "replicas"; });
  if (spec->size() == 0) std::erase_if(patch.members(), [](const Node::Member& m) { return m.first == "spec"; });
}

/// An image reference's name and tag ("registry:5000/shop:2.4" -> "registry:5000/shop", "2.4");
/// the tag is "" when there is none or the image is pinned by digest.
std::pair<std::string, std::string> split_image(const std::string& image) {
  const auto slash = image.rfind('/');
  const auto colon = image.rfind(':');
  if (image.find('@') != std::string::npos || colon == std::string::npos || (slash != std::string::npos && colon < slash)) {
    return {image, ""};
  }
  return {image.substr(0, colon), image.substr(colon + 1)};
}

using Images = std::map<std::string, std::string>;  // image name -> the overlay's tag

/// Calls f on every container (items of "containers" / "initContainers" lists) in `n`.
template <class F>
void for_each_container(Node& n, const F& f) {
  if (n.is_array()) {
    for (Node& i : n.items()) for_each_container(i, f);
    return;
  }
  if (!n.is_object()) return;
  for (auto& [k, v] : n.members()) {
    if ((k == "containers" || k == "initContainers") && v.is_array()) {
      for (Node& c : v.items()) {
        if (c.is_object()) f(c);
      }
    } else {
      for_each_container(v, f);
    }
  }
}

/// The kustomize images transformer: the tag of every container image named in `images`.
void set_image_tags(Node& doc, const Images& images) {
  for_each_container(doc, [&](Node& c) {
    Node* image = c.find("image");
    if (image == nullptr || !image->is_string()) return;
    const auto [name, tag] = split_image(image->text());
    if (const auto it = images.find(name); it != images.end() && image->text().find('@') == std::string::npos) {
      *image = Node::string(name + ":" + it->second);
    }
  });
}

/// Image tags that one `images:` entry can set for the environment: every container of its
/// objects that runs the image has the same tag, and the base has another tag for it.
Images image_tags(const std::vector<Entry>& entries, const std::vector<bool>& in_base, std::size_t env) {
  std::map<std::string, std::set<std::string>> tags, base_tags;  // in the environment's objects, in the base
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].per_env[env] == nullptr) continue;
    Node target = *entries[i].per_env[env];
    for_each_container(target, [&](Node& c) {
      if (const Node* image = c.find("image"); image != nullptr && image->is_string()) {
        const auto [name, tag] = split_image(image->text());
        tags[name].insert(tag);
      }
    });
    if (!in_base[i]) continue;
    Node base = *entries[i].per_env[0];
    for_each_container(base, [&](Node& c) {
      if (const Node* image = c.find("image"); image != nullptr && image->is_string()) {
        const auto [name, tag] = split_image(image->text());
        base_tags[name].insert(tag);
      }
    });
  }
  Images out;
  for (const auto& [name, t] : tags) {
    if (t.size() == 1 && !t.begin()->empty() && base_tags.count(name) != 0 && base_tags[name] != t) out[name] = *t.begin();
  }
  return out;
}

/// Removes from a patch the container images an `images:` entry sets; drops what is left empty.
bool strip_images(Node& n, const Images& images) {
  bool changed = false;
  auto& members = n.members();
  for (auto it = members.begin(); it != members.end();) {
    Node& v = it->second;
    bool c = false;
    if ((it->first == "containers" || it->first == "initContainers") && v.is_array()) {
      for (auto item = v.items().begin(); item != v.items().end();) {
        const Node* image = item->is_object() ? item->find("image") : nullptr;
        const auto [name, tag] = image != nullptr && image->is_string() ? split_image(image->text()) : std::pair<std::string, std::string>{};
        if (const auto found = images.find(name); image != nullptr && found != images.end() && found->second == tag) {
          std::erase_if(item->members(), [](const Node::Member& m) { return m.first == "image"; });
          c = true;
          if (item->size() == 1 && item->find("name") != nullptr) {
            item = v.items().erase(item);
            continue;
          }
        }
        ++item;
      }
    } else if (v.is_object()) {
      c = strip_images(v, images);
    }
    if (c && v.size() == 0) {
      it = members.erase(it);
      changed = true;
      continue;
    }
    changed = changed || c;
    ++it;
  }
  return changed;
}

/// What one overlay holds.
struct Overlay {
  std::string namespace_name;                         // its `namespace:`; "" = none
  std::vector<std::pair<std::string, Node>> own;      // file, object only some environments have
  std::vector<std::pair<std::string, Node>> patches;  // file, patch document
  Node replicas = Node::array();
  Images images;
};

Node kustomization(const std::vector<std::string>& resources, const Overlay* overlay) {
  Node k = Node::object();
  k.set("apiVersion", Node::string("kustomize.config.k8s.io/v1beta1"));
  k.set("kind", Node::string("Kustomization"));
  if (overlay != nullptr && !overlay->namespace_name.empty()) k.set("namespace", Node::string(overlay->namespace_name));
  k.set("resources", Node::strings(resources));
  if (overlay != nullptr && !overlay->images.empty()) {
    Node images = Node::array();
    for (const auto& [name, tag] : overlay->images) {
      Node i = Node::object();
      i.set("name", Node::string(name));
      i.set("newTag", Node::string(tag));
      images.push(std::move(i));
    }
    k.set("images", std::move(images));
  }
  if (overlay != nullptr && overlay->replicas.size() > 0) k.set("replicas", overlay->replicas);
  if (overlay != nullptr && !overlay->patches.empty()) {
    Node patches = Node::array();
    for (const auto& [file, doc] : overlay->patches) {
      Node p = Node::object();
      p.set("path", Node::string(file));
      patches.push(std::move(p));
    }
    k.set("patches", std::move(patches));
  }
  return k;
}

/// The objects `kubectl kustomize overlays/<env>` gives, built from the layout's pieces.
std::map<std::string, Node> build_overlay(const std::vector<Entry>& entries, const std::vector<bool>& in_base, std::size_t env,
                                          const Overlay& overlay) {
  std::map<std::string, Node> out;
  std::map<std::string, Node> patch_by_id;
  for (const auto& [file, doc] : overlay.patches) {
    const Node* meta = doc.find("metadata");
    const Node* ns = meta->find("namespace");
    patch_by_id[identity(doc.find("kind")->text(), ns != nullptr ? ns->text() : "", meta->find("name")->text())] = doc;
  }
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    const std::string id = identity(e.kind, e.ns, e.name);
    if (!in_base[i] && e.per_env[env] == nullptr) continue;
    Node doc = in_base[i] ? *e.per_env[0] : *e.per_env[env];
    if (auto p = patch_by_id.find(id); in_base[i] && p != patch_by_id.end()) doc = strategic_apply(doc, p->second);
    for (const Node& r : overlay.replicas.items()) {  // the transformer: every resource of the overlay
      if (replica_kind(e.kind) && r.find("name")->text() == e.name) {
        if (doc.find("spec") == nullptr) doc.set("spec", Node::object());
        doc.find("spec")->set("replicas", *r.find("count"));
      }
    }
    out[id] = std::move(doc);
  }
  if (!overlay.images.empty()) {
    for (auto& [id, doc] : out) set_image_tags(doc, overlay.images);
  }
  return out;
}

/// Whether the overlay gives exactly the environment's own conversion.
bool reproduces(const std::map<std::string, Node>& built, const std::vector<Entry>& entries, std::size_t env) {
  std::size_t present = 0;
  for (const Entry& e : entries) {
    if (e.per_env[env] == nullptr) continue;
    ++present;
    const auto it = built.find(identity(e.kind, e.ns, e.name));
    if (it == built.end() || !same_tree(it->second, *e.per_env[env])) return false;
  }
  return present == built.size();
}

/// Image tags as an `images:` list instead of in the patches, when the overlay still gives the
/// environment's objects exactly with them (the transformer changes every container running
/// the image, in the base and in the overlay's own objects).
void use_images(const std::vector<Entry>& entries, const std::vector<bool>& in_base, std::size_t env, Overlay& overlay) {
  Overlay tried = overlay;
  tried.images = image_tags(entries, in_base, env);
  if (tried.images.empty()) return;
  for (auto& [file, doc] : tried.patches) strip_images(doc, tried.images);
  // A patch left with its identity only changes nothing.
  std::erase_if(tried.patches, [](const auto& p) {
    return std::all_of(p.second.members().begin(), p.second.members().end(), [](const Node::Member& m) {
      return m.first == "apiVersion" || m.first == "kind" ||
             (m.first == "metadata" && std::all_of(m.second.members().begin(), m.second.members().end(), [](const Node::Member& x) {
                return x.first == "name" || x.first == "namespace";
              }));
    });
  });
  if (reproduces(build_overlay(entries, in_base, env, tried), entries, env)) overlay = std::move(tried);
}

}  // namespace

KustomizeLayout kustomize_layout(const std::vector<Environment>& given, bool per_env_namespaces) {
  std::vector<Environment> envs;
  for (const Environment& e : given) envs.push_back(per_env_namespaces ? without_namespace(e) : e);
  KustomizeLayout layout;
  check_kinds(envs, layout.diagnostics);
  if (layout.diagnostics.has_errors()) return layout;
  const std::vector<Entry> entries = match_objects(envs);

  // Which objects go to the base: every environment has them and an exact patch exists for each.
  std::vector<bool> in_base(entries.size(), false);
  std::vector<std::vector<Node>> patches(entries.size(), std::vector<Node>(envs.size()));
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    bool all = std::all_of(e.per_env.begin(), e.per_env.end(), [](const Node* d) { return d != nullptr; });
    for (std::size_t env = 1; all && env < envs.size(); ++env) {
      auto p = strategic_diff(*e.per_env[0], *e.per_env[env]);
      if (!p) all = false;
      else patches[i][env] = std::move(*p);
    }
    in_base[i] = all;
  }
  std::map<std::string, int> replica_names;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (in_base[i] && replica_kind(entries[i].kind)) ++replica_names[entries[i].name];
  }

  std::vector<std::string> base_files;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (!in_base[i]) continue;
    base_files.push_back(file_name(entries[i]));
    layout.files.push_back({"base/" + base_files.back(), io::to_yaml(*entries[i].per_env[0]), "", {}});
  }
  layout.files.push_back({"base/kustomization.yaml", io::to_yaml(kustomization(base_files, nullptr)), "", {}});

  for (std::size_t env = 0; env < envs.size(); ++env) {
    std::map<std::string, int> names = replica_names;  // the replicas transformer also sees the overlay's own objects
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (!in_base[i] && entries[i].per_env[env] != nullptr && replica_kind(entries[i].kind)) ++names[entries[i].name];
    }
    Overlay overlay;
    if (per_env_namespaces) overlay.namespace_name = given[env].namespace_name;
    std::vector<std::string> resources = {"../../base"};
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const Entry& e = entries[i];
      if (!in_base[i]) {
        if (e.per_env[env] != nullptr) overlay.own.emplace_back(file_name(e), *e.per_env[env]);
        continue;
      }
      Node patch = patches[i][env].is_object() ? patches[i][env] : Node::object();
      take_replicas(e, names, patch, overlay.replicas);
      if (patch.size() > 0) overlay.patches.emplace_back("patch-" + file_name(e), patch_document(e, std::move(patch)));
    }
    use_images(entries, in_base, env, overlay);
    for (const auto& [file, doc] : overlay.own) resources.push_back(file);
    const std::string dir = "overlays/" + envs[env].name + "/";
    for (const auto& [file, doc] : overlay.own) layout.files.push_back({dir + file, io::to_yaml(doc), "", envs[env].inputs});
    for (const auto& [file, doc] : overlay.patches) layout.files.push_back({dir + file, io::to_yaml(doc), "", envs[env].inputs});
    layout.files.push_back({dir + "kustomization.yaml", io::to_yaml(kustomization(resources, &overlay)), "", envs[env].inputs});
    if (!reproduces(build_overlay(entries, in_base, env, overlay), entries, env)) {
      layout.diagnostics.error("overlay-mismatch", {envs[env].name, "", 0, 0, -1},
                               "overlays/" + envs[env].name + " does not give that environment's conversion; nothing is written "
                               "(please report this input)");
    }
  }
  if (layout.diagnostics.has_errors()) layout.files.clear();
  return layout;
}

}  // namespace specconv::app
