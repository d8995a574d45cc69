// The ECS carry (see ecs_carry.h).
#include "carry/ecs_carry.h"

#include "io/json_load.h"
#include "io/json_write.h"
#include "specconv/diagnostics.h"

namespace specconv::carry {

const Fields& EcsCarry::container(std::string_view name) const {
  static const Fields kNone;
  const auto it = containers.find(name);
  return it == containers.end() ? kNone : it->second;
}

const io::Node* find(const Fields& fields, std::string_view key) {
  const auto it = fields.find(key);
  return it == fields.end() ? nullptr : &it->second;
}

void merge_missing(const Fields& from, Fields& into) {
  for (const auto& [k, v] : from) into.emplace(k, v);
}

io::Node to_object(const Fields& fields) {
  io::Node out = io::Node::object();
  for (const auto& [k, v] : fields) out.set(k, v);
  return out;
}

Fields from_object(const io::Node& object) {
  Fields out;
  for (const auto& [k, v] : object.members()) out.insert_or_assign(k, v);
  return out;
}

std::string encode(const io::Node& object) { return io::to_json(object, -1); }

std::optional<io::Node> decode(std::string_view text, std::string& error) {
  Diagnostics d;
  auto n = io::load_json(text, "", io::Limits{}, d);
  if (!n || !n->is_object()) {
    error = n ? "not a JSON object" : "not JSON";
    return std::nullopt;
  }
  return n;
}

}  // namespace specconv::carry
