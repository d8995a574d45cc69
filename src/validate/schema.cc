// Registry construction from the embedded schema JSON (a minimal reader for that trusted, machine-written data).
#include "validate/schema.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace specconv::validate {

const Property* Type::prop(std::string_view key) const {
  auto it = std::lower_bound(props.begin(), props.end(), key,
                             [](const Property& p, std::string_view k) { return p.name < k; });
  return it != props.end() && it->name == key ? &*it : nullptr;
}

namespace {

// A minimal reader for the embedded, machine-written schema JSON (no escapes, no floats that
// matter): views into the embedded buffer, no per-string allocation. Untrusted input never
// comes here; it goes through io::load_json.
struct JsonMember;

struct Json {
  enum class Kind { kString, kNumber, kArray, kObject, kLiteral };
  Kind kind = Kind::kLiteral;
  std::string_view text_;
  int64_t number = 0;
  std::vector<Json> items_;
  std::vector<JsonMember> members_;  // (a pair<string_view, Json> would need Json complete here)

  [[nodiscard]] bool is_string() const { return kind == Kind::kString; }
  [[nodiscard]] bool is_int() const { return kind == Kind::kNumber; }
  [[nodiscard]] int64_t as_int() const { return number; }
  [[nodiscard]] double as_float() const { return static_cast<double>(number); }
  [[nodiscard]] std::string_view text() const { return text_; }
  [[nodiscard]] const std::vector<Json>& items() const { return items_; }
  [[nodiscard]] const std::vector<JsonMember>& members() const { return members_; }
  [[nodiscard]] const Json* find(std::string_view key) const;
};

struct JsonMember {
  std::string_view first;
  Json second;
};

const Json* Json::find(std::string_view key) const {
  for (const auto& m : members_) {
    if (m.first == key) return &m.second;
  }
  return nullptr;
}

class JsonReader {
 public:
  explicit JsonReader(std::string_view text) : s_(text) {}
  Json document() {
    Json j = value();
    ws();
    if (i_ != s_.size()) fail();
    return j;
  }

 private:
  [[noreturn]] void fail() const { throw std::runtime_error("embedded schema: bad JSON at byte " + std::to_string(i_)); }
  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r')) ++i_;
  }
  std::string_view string() {
    if (s_[i_] != '"') fail();
    const std::size_t start = ++i_;
    while (i_ < s_.size() && s_[i_] != '"') {
      if (s_[i_] == '\\') fail();  // update-schemas writes no escapes
      ++i_;
    }
    if (i_ >= s_.size()) fail();
    return s_.substr(start, i_++ - start);
  }
  Json value() {
    ws();
    if (i_ >= s_.size()) fail();
    Json j;
    const char c = s_[i_];
    if (c == '"') {
      j.kind = Json::Kind::kString;
      j.text_ = string();
    } else if (c == '[') {
      j.kind = Json::Kind::kArray;
      ++i_;
      ws();
      if (s_[i_] == ']') {
        ++i_;
        return j;
      }
      while (true) {
        j.items_.push_back(value());
        ws();
        if (s_[i_] == ',') {
          ++i_;
        } else if (s_[i_] == ']') {
          ++i_;
          return j;
        } else {
          fail();
        }
      }
    } else if (c == '{') {
      j.kind = Json::Kind::kObject;
      ++i_;
      ws();
      if (s_[i_] == '}') {
        ++i_;
        return j;
      }
      while (true) {
        ws();
        std::string_view key = string();
        ws();
        if (s_[i_++] != ':') fail();
        j.members_.push_back(JsonMember{key, value()});
        ws();
        if (s_[i_] == ',') {
          ++i_;
        } else if (s_[i_] == '}') {
          ++i_;
          return j;
        } else {
          fail();
        }
      }
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      j.kind = Json::Kind::kNumber;
      const std::size_t start = i_;
      while (i_ < s_.size() && (s_[i_] == '-' || s_[i_] == '+' || s_[i_] == '.' || s_[i_] == 'e' || s_[i_] == 'E' ||
                                (s_[i_] >= '0' && s_[i_] <= '9'))) {
        ++i_;
      }
      j.number = std::stoll(std::string(s_.substr(start, i_ - start)));
    } else {
      const std::size_t start = i_;
      while (i_ < s_.size() && s_[i_] >= 'a' && s_[i_] <= 'z') ++i_;
      j.text_ = s_.substr(start, i_ - start);  // true / false / null
    }
    return j;
  }
  std::string_view s_;
  std::size_t i_ = 0;
};

Json parse(std::string_view text, const char* /*what*/) { return JsonReader(text).document(); }

const Json& need(const Json& n, std::string_view key) {
  const Json* v = n.find(key);
  if (v == nullptr) throw std::runtime_error("embedded schema: missing " + std::string(key));
  return *v;
}

}  // namespace

struct RegistryBuilder {
  Registry& r;
  std::unordered_map<std::string_view, Type*> k8s_named, ecs_named;
  std::array<Type*, 16> scalars{};

  Type* fresh() { return &r.store_.emplace_back(); }

  // ---- Kubernetes: TYPE = "string" | ... | {"enum"} | {"ref"} | {"array"} | {"map"} | {"props"}
  const Type* k8s_type(const Json& n) {
    if (n.is_string()) {
      const std::string_view name = n.text();
      Type::Kind kind;
      if (name == "string") kind = Type::Kind::kString;
      else if (name == "integer") kind = Type::Kind::kInteger;
      else if (name == "boolean") kind = Type::Kind::kBoolean;
      else if (name == "any") kind = Type::Kind::kAny;
      else if (name == "int-or-string") kind = Type::Kind::kIntOrString;
      else if (name == "quantity") kind = Type::Kind::kQuantity;
      else throw std::runtime_error("embedded schema: type " + std::string(name));
      // One shared node per scalar kind.
      Type*& shared = scalars[static_cast<std::size_t>(kind)];
      if (shared == nullptr) {
        shared = fresh();
        shared->kind = kind;
      }
      return shared;
    }
    if (const Json* ref = n.find("ref")) {
      auto it = k8s_named.find(ref->text());
      if (it == k8s_named.end()) throw std::runtime_error("embedded schema: ref " + std::string(ref->text()));
      return it->second;
    }
    Type* t = fresh();
    fill_k8s(*t, n);
    return t;
  }

  void fill_k8s(Type& t, const Json& n) {
    if (const Json* e = n.find("enum")) {
      t.kind = Type::Kind::kEnum;
      for (const auto& v : e->items()) t.enum_values.emplace_back(v.text());
    } else if (const Json* arr = n.find("array")) {
      t.kind = Type::Kind::kArray;
      t.item = k8s_type(*arr);
    } else if (const Json* m = n.find("map")) {
      t.kind = Type::Kind::kMap;
      t.item = k8s_type(*m);
    } else if (const Json* p = n.find("props")) {
      t.kind = Type::Kind::kObject;
      for (const auto& [key, val] : p->members()) t.props.push_back({std::string(key), k8s_type(val), false});
      if (const Json* req = n.find("required")) {
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

  void load_k8s(const Json& doc) {
    const Json& defs = need(doc, "defs");
    for (const auto& m : defs.members()) {
      Type* t = fresh();
      t->name = std::string(m.first);
      k8s_named.emplace(m.first, t);
    }
    // Aliases ({"ref"} or a scalar name) copy their target, so they are resolved only once every
    // other definition is filled: copying a forward definition early would copy an empty "any".
    std::vector<std::pair<Type*, const Json*>> aliases;
    std::unordered_set<const Type*> unresolved;
    for (const auto& m : defs.members()) {
      Type* t = k8s_named.find(m.first)->second;
      if (m.second.is_string() || m.second.find("ref") != nullptr) {
        aliases.emplace_back(t, &m.second);
        unresolved.insert(t);
      } else {
        fill_k8s(*t, m.second);
      }
    }
    while (!aliases.empty()) {  // alias chains in any order
      const std::size_t before = aliases.size();
      for (auto it = aliases.begin(); it != aliases.end();) {
        const Type* target = k8s_type(*it->second);
        if (unresolved.count(target) != 0) {
          ++it;
          continue;
        }
        std::string name = std::move(it->first->name);
        *it->first = *target;
        it->first->name = std::move(name);
        unresolved.erase(it->first);
        it = aliases.erase(it);
      }
      if (aliases.size() == before) throw std::runtime_error("embedded schema: alias cycle at " + aliases.front().first->name);
    }
    for (const auto& m : need(doc, "kinds").members()) r.kinds_.emplace(std::string(m.first), k8s_named.find(m.second.text())->second);
    for (const auto& m : need(doc, "source").members()) r.sources_.emplace(std::string(m.first), std::string(m.second.text()));
  }

  // ---- ECS: botocore shapes
  void load_ecs(const Json& doc) {
    const Json& shapes = need(doc, "shapes");
    for (const auto& m : shapes.members()) {
      Type* t = fresh();
      t->name = std::string(m.first);
      t->ecs = true;
      ecs_named.emplace(m.first, t);
    }
    auto shape = [&](const Json& n) -> const Type* {
      auto it = ecs_named.find(n.text());
      if (it == ecs_named.end()) throw std::runtime_error("embedded schema: shape " + std::string(n.text()));
      return it->second;
    };
    for (const auto& [name, s] : shapes.members()) {
      Type& t = *ecs_named.find(name)->second;
      const std::string_view type = need(s, "type").text();
      if (const Json* v = s.find("min")) t.min = v->is_int() ? v->as_int() : static_cast<int64_t>(v->as_float());
      if (const Json* v = s.find("max")) t.max = v->is_int() ? v->as_int() : static_cast<int64_t>(v->as_float());
      if (type == "structure") {
        t.kind = Type::Kind::kObject;
        for (const auto& [key, val] : need(s, "members").members()) t.props.push_back({std::string(key), shape(val), false});
        if (const Json* req = s.find("required")) {
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
        if (const Json* e = s.find("enum")) {
          for (const auto& v : e->items()) t.enum_values.emplace_back(v.text());
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
    for (const auto& m : need(doc, "operations").members()) r.ops_.emplace(std::string(m.first), shape(m.second));
    for (const auto& m : need(doc, "operationNames").members()) {
      auto& names = r.op_names_[std::string(m.first)];
      for (const auto& n : m.second.items()) names.emplace_back(n.text());
    }
    const Json& source = need(doc, "source");
    r.sources_.emplace("botocore", std::string(need(source, "botocore").text()));
    for (const auto& m : need(source, "apiVersions").members()) {
      r.sources_.emplace("aws:" + std::string(m.first), std::string(m.second.text()));
    }
  }
};

Registry::Registry(std::string_view k8s_json, std::string_view aws_json) {
  RegistryBuilder b{*this, {}, {}, {}};
  if (!k8s_json.empty()) b.load_k8s(parse(k8s_json, "k8s.json"));
  if (!aws_json.empty()) b.load_ecs(parse(aws_json, "aws.json"));
}

const Type* Registry::k8s_kind(std::string_view api_version, std::string_view kind) const {
  std::string key;
  key.reserve(api_version.size() + kind.size() + 1);
  key.append(api_version).append("/").append(kind);
  auto it = kinds_.find(key);
  return it == kinds_.end() ? nullptr : it->second;
}

const Type* Registry::ecs_operation(std::string_view op) const {
  std::string key = "ecs:";
  key.append(op);
  return api_operation(key);
}

const Type* Registry::api_operation(std::string_view api) const {
  auto it = ops_.find(api);
  return it == ops_.end() ? nullptr : it->second;
}

const std::vector<std::string>* Registry::api_operation_names(std::string_view service) const {
  auto it = op_names_.find(service);
  return it == op_names_.end() ? nullptr : &it->second;
}

const Registry& builtin_registry() {
  static const Registry kRegistry(embedded_k8s_schema(), embedded_aws_schema());
  return kRegistry;
}

const Registry& builtin_k8s_registry() {
  static const Registry kRegistry(embedded_k8s_schema(), {});
  return kRegistry;
}

const Registry& builtin_aws_registry() {
  static const Registry kRegistry({}, embedded_aws_schema());
  return kRegistry;
}

}  // namespace specconv::validate
