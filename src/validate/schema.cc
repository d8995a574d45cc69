// Registry construction from the embedded schema JSON (parsed with the project's own reader).
#include "validate/schema.h"

#include <algorithm>
#include <stdexcept>

#include "io/json_load.h"
#include "io/limits.h"
#include "io/tree.h"

namespace specconv::validate {

const Property* Type::prop(std::string_view key) const {
  auto it = std::lower_bound(props.begin(), props.end(), key,
                             [](const Property& p, std::string_view k) { return p.name < k; });
  return it != props.end() && it->name == key ? &*it : nullptr;
}

namespace {

io::Node parse(std::string_view text, const char* what) {
  Diagnostics d;
  io::Limits limits;
  limits.max_file_bytes = text.size() + 1;
  auto node = io::load_json(text, what, limits, d);
  if (!node || !node->is_object()) throw std::runtime_error(std::string("bad embedded schema ") + what);
  return std::move(*node);
}

const io::Node& need(const io::Node& n, std::string_view key) {
  const io::Node* v = n.find(key);
  if (v == nullptr) throw std::runtime_error("embedded schema: missing " + std::string(key));
  return *v;
}

}  // namespace

struct RegistryBuilder {
  Registry& r;
  std::map<std::string, Type*, std::less<>> k8s_named, ecs_named;

  Type* fresh() { return &r.store_.emplace_back(); }

  // ---- Kubernetes: TYPE = "string" | ... | {"enum"} | {"ref"} | {"array"} | {"map"} | {"props"}
  const Type* k8s_type(const io::Node& n) {
    if (n.is_string()) {
      static const std::map<std::string, Type::Kind, std::less<>> kScalars = {
          {"string", Type::Kind::kString}, {"integer", Type::Kind::kInteger},
          {"boolean", Type::Kind::kBoolean}, {"any", Type::Kind::kAny},
          {"int-or-string", Type::Kind::kIntOrString}, {"quantity", Type::Kind::kQuantity}};
      auto it = kScalars.find(n.text());
      if (it == kScalars.end()) throw std::runtime_error("embedded schema: type " + n.text());
      Type* t = fresh();
      t->kind = it->second;
      return t;
    }
    if (const io::Node* ref = n.find("ref")) {
      auto it = k8s_named.find(ref->text());
      if (it == k8s_named.end()) throw std::runtime_error("embedded schema: ref " + ref->text());
      return it->second;
    }
    Type* t = fresh();
    fill_k8s(*t, n);
    return t;
  }

  void fill_k8s(Type& t, const io::Node& n) {
    if (const io::Node* e = n.find("enum")) {
      t.kind = Type::Kind::kEnum;
      for (const auto& v : e->items()) t.enum_values.push_back(v.text());
    } else if (const io::Node* a = n.find("array")) {
      t.kind = Type::Kind::kArray;
      t.item = k8s_type(*a);
    } else if (const io::Node* m = n.find("map")) {
      t.kind = Type::Kind::kMap;
      t.item = k8s_type(*m);
    } else if (const io::Node* p = n.find("props")) {
      t.kind = Type::Kind::kObject;
      for (const auto& [key, val] : p->members()) t.props.push_back({key, k8s_type(val), false});
      if (const io::Node* req = n.find("required")) {
        for (const auto& q : req->items()) {
          for (auto& pr : t.props) pr.required = pr.required || pr.name == q.text();
        }
      }
      std::sort(t.props.begin(), t.props.end(),
                [](const Property& a, const Property& b) { return a.name < b.name; });
    } else if (n.is_string()) {
      t = *k8s_type(n);
    } else {
      throw std::runtime_error("embedded schema: unknown type form for " + t.name);
    }
  }

  void load_k8s(const io::Node& doc) {
    const io::Node& defs = need(doc, "defs");
    for (const auto& m : defs.members()) {
      Type* t = fresh();
      t->name = m.first;
      k8s_named.emplace(m.first, t);
    }
    for (const auto& m : defs.members()) {
      Type* t = k8s_named.at(m.first);
      if (m.second.is_string() || m.second.find("ref") != nullptr) {
        *t = *k8s_type(m.second);
        t->name = m.first;
      } else {
        fill_k8s(*t, m.second);
      }
    }
    for (const auto& m : need(doc, "kinds").members()) r.kinds_.emplace(m.first, k8s_named.at(m.second.text()));
    for (const auto& m : need(doc, "source").members()) r.sources_.emplace(m.first, m.second.text());
  }

  // ---- ECS: botocore shapes
  void load_ecs(const io::Node& doc) {
    const io::Node& shapes = need(doc, "shapes");
    for (const auto& m : shapes.members()) {
      Type* t = fresh();
      t->name = m.first;
      t->ecs = true;
      ecs_named.emplace(m.first, t);
    }
    auto shape = [&](const io::Node& n) -> const Type* {
      auto it = ecs_named.find(n.text());
      if (it == ecs_named.end()) throw std::runtime_error("embedded schema: shape " + n.text());
      return it->second;
    };
    for (const auto& [name, s] : shapes.members()) {
      Type& t = *ecs_named.at(name);
      const std::string& type = need(s, "type").text();
      if (const io::Node* v = s.find("min")) t.min = v->is_int() ? v->as_int() : static_cast<int64_t>(v->as_float());
      if (const io::Node* v = s.find("max")) t.max = v->is_int() ? v->as_int() : static_cast<int64_t>(v->as_float());
      if (type == "structure") {
        t.kind = Type::Kind::kObject;
        for (const auto& [key, val] : need(s, "members").members()) t.props.push_back({key, shape(val), false});
        if (const io::Node* req = s.find("required")) {
          for (const auto& q : req->items()) {
            for (auto& pr : t.props) pr.required = pr.required || pr.name == q.text();
          }
        }
        std::sort(t.props.begin(), t.props.end(),
                  [](const Property& a, const Property& b) { return a.name < b.name; });
      } else if (type == "list") {
        t.kind = Type::Kind::kArray;
        t.item = shape(need(s, "member"));
      } else if (type == "map") {
        t.kind = Type::Kind::kMap;
        t.item = shape(need(s, "value"));
      } else if (type == "string") {
        t.kind = s.find("enum") != nullptr ? Type::Kind::kEnum : Type::Kind::kString;
        if (const io::Node* e = s.find("enum")) {
          for (const auto& v : e->items()) t.enum_values.push_back(v.text());
        }
      } else if (type == "integer" || type == "long") {
        t.kind = Type::Kind::kInteger;
      } else if (type == "double" || type == "float") {
        t.kind = Type::Kind::kNumber;
      } else if (type == "boolean") {
        t.kind = Type::Kind::kBoolean;
      } else if (type == "timestamp") {
        t.kind = Type::Kind::kTimestamp;
      } else {
        t.kind = Type::Kind::kAny;
      }
    }
    for (const auto& m : need(doc, "operations").members()) r.ops_.emplace(m.first, shape(m.second));
    for (const auto& m : need(doc, "source").members()) r.sources_.emplace("ecs:" + m.first, m.second.text());
  }
};

Registry::Registry(std::string_view k8s_json, std::string_view ecs_json) {
  RegistryBuilder b{*this, {}, {}};
  b.load_k8s(parse(k8s_json, "k8s.json"));
  b.load_ecs(parse(ecs_json, "ecs.json"));
}

const Type* Registry::k8s_kind(std::string_view api_version, std::string_view kind) const {
  std::string key;
  key.reserve(api_version.size() + kind.size() + 1);
  key.append(api_version).append("/").append(kind);
  auto it = kinds_.find(key);
  return it == kinds_.end() ? nullptr : it->second;
}

const Type* Registry::ecs_operation(std::string_view op) const {
  auto it = ops_.find(op);
  return it == ops_.end() ? nullptr : it->second;
}

const Registry& builtin_registry() {
  static const Registry kRegistry(embedded_k8s_schema(), embedded_ecs_schema());
  return kRegistry;
}

}  // namespace specconv::validate
