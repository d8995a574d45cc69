// Tree node helpers: member lookup, building and value equality (positions are ignored).
#include "io/tree.h"

#include "io/pointer.h"

namespace specconv::io {

const Node* Node::find(std::string_view key) const {
  for (const auto& [k, v] : members_) {
    if (k == key) return &v;
  }
  return nullptr;
}

Node* Node::find(std::string_view key) {
  for (auto& [k, v] : members_) {
    if (k == key) return &v;
  }
  return nullptr;
}

Node Node::strings(const std::vector<std::string>& values) {
  Node a = array();
  for (const std::string& v : values) a.push(string(v));
  return a;
}

Node& Node::push(Node v) {
  items_.push_back(std::move(v));
  return items_.back();
}

Node& Node::set(std::string key, Node v) {
  if (Node* existing = find(key)) {
    *existing = std::move(v);
    return *existing;
  }
  members_.emplace_back(std::move(key), std::move(v));
  return members_.back().second;
}

bool operator==(const Node& a, const Node& b) {
  if (a.kind_ != b.kind_) return false;
  switch (a.kind_) {
    case Node::Kind::kNull: return true;
    case Node::Kind::kBool: return a.bool_ == b.bool_;
    case Node::Kind::kInt: return a.int_ == b.int_;
    case Node::Kind::kFloat: return a.float_ == b.float_;
    case Node::Kind::kString: return a.text_ == b.text_;
    case Node::Kind::kArray: return a.items_ == b.items_;
    case Node::Kind::kObject: return a.members_ == b.members_;
  }
  return false;
}

const Node* resolve_pointer(const Node& root, std::string_view pointer) {
  const Node* cur = &root;
  std::size_t i = 0;
  if (pointer.empty()) return cur;
  if (pointer[0] != '/') return nullptr;
  while (i < pointer.size()) {
    const std::size_t next = pointer.find('/', i + 1);
    const std::string token =
        unescape_pointer_token(pointer.substr(i + 1, next == std::string_view::npos ? std::string_view::npos : next - i - 1));
    const Node* child = nullptr;
    if (cur->is_object()) {
      child = cur->find(token);
    } else if (cur->is_array() && !token.empty() && token.find_first_not_of("0123456789") == std::string::npos &&
               token.size() < 10) {
      const std::size_t index = std::stoul(token);
      if (index < cur->items().size()) child = &cur->items()[index];
    }
    if (child == nullptr) return cur;
    cur = child;
    if (next == std::string_view::npos) break;
    i = next;
  }
  return cur;
}

const char* kind_name(Node::Kind k) {
  switch (k) {
    case Node::Kind::kNull: return "null";
    case Node::Kind::kBool: return "boolean";
    case Node::Kind::kInt: return "integer";
    case Node::Kind::kFloat: return "number";
    case Node::Kind::kString: return "string";
    case Node::Kind::kArray: return "array";
    case Node::Kind::kObject: return "object";
  }
  return "?";
}

}  // namespace specconv::io
