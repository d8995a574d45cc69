// The ECS carry: ECS-only values of one workload, kept for a conversion back (ECS -> Kubernetes
// -> ECS). It travels beside the model, never inside it: the model holds typed values only.
//
// Values are the ECS API's camelCase JSON whatever the input's key spelling, one entry per field,
// at three levels: the task definition, each container (by the model container's name) and the
// service. In Kubernetes they live in three annotations of the workload object, each one compact
// JSON object (`specconv.io/ecs-task`, `specconv.io/ecs-containers` keyed by container name,
// `specconv.io/ecs-service`); `encode` and `decode` are the one place that writes and reads
// that form. Pure values and functions; never prints.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "io/tree.h"

namespace specconv::carry {

/// Field name -> value; ordered by name, so that what is written does not depend on the order
/// in which a reader met the fields.
using Fields = std::map<std::string, io::Node, std::less<>>;

struct EcsCarry {
  Fields task;
  std::map<std::string, Fields, std::less<>> containers;  // by the model container's name
  Fields service;

  [[nodiscard]] bool empty() const { return task.empty() && containers.empty() && service.empty(); }
  /// The container's fields (empty when it has none).
  [[nodiscard]] const Fields& container(std::string_view name) const;
};

/// The value of `key` in `fields`, or nullptr.
[[nodiscard]] const io::Node* find(const Fields& fields, std::string_view key);

/// Adds every field of `from` that `into` lacks (the service's fields join the task's when a
/// service is paired with its task definition).
void merge_missing(const Fields& from, Fields& into);

/// The fields as one JSON object (name order), e.g. to add computed members before writing.
[[nodiscard]] io::Node to_object(const Fields& fields);
/// The members of a JSON object as fields (an object member given twice: the last wins).
[[nodiscard]] Fields from_object(const io::Node& object);

/// Compact JSON text of an annotation value (an object), as written to Kubernetes.
[[nodiscard]] std::string encode(const io::Node& object);
/// The object an annotation value holds; nullopt when it is not a JSON object (`error` says why).
[[nodiscard]] std::optional<io::Node> decode(std::string_view text, std::string& error);

}  // namespace specconv::carry
