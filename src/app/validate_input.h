// `specconv validate`: one input text (ECS JSON or Kubernetes YAML/JSON, detected per
// document) checked against the shipped schemas.
#pragma once

#include "io/limits.h"
#include "specconv/convert.h"
#include "specconv/diagnostics.h"

namespace specconv::app {

struct ValidateResult {
  Diagnostics diagnostics;
  std::size_t documents = 0;  // objects checked
};

/// JSON with apiVersion and kind is a Kubernetes object, other JSON an ECS input (task
/// definition, service, array, wrapper, envelope); anything else is read as a YAML stream of
/// Kubernetes objects.
[[nodiscard]] ValidateResult validate_input(const InputText& input, const io::Limits& limits);

}  // namespace specconv::app
