// Detects the kind of each document of one input and runs the schema checks on it.
#include "app/validate_input.h"

#include "input/kind.h"
#include "io/file.h"
#include "io/json_load.h"
#include "io/yaml_load.h"
#include "validate/validator.h"

namespace specconv::app {

ValidateResult validate_input(const InputText& input, const io::Limits& limits) {
  ValidateResult r;
  if (!io::check_text(input.text, input.path, r.diagnostics)) return r;
  SourceLocation where{input.path, "", 0, 0, -1};
  if (input::starts_like_json(input.text)) {
    auto doc = io::load_json(input.text, input.path, limits, r.diagnostics);
    if (!doc) return r;
    ++r.documents;
    if (doc->is_object() && input::classify(*doc).platform() == input::Platform::kKubernetes) validate::check_k8s_object(validate::builtin_k8s_registry(), *doc, where, r.diagnostics);
    else validate::check_ecs_document(validate::builtin_aws_registry(), *doc, where, r.diagnostics);
    return r;
  }
  const io::YamlLoad loaded = io::load_yaml(input.text, input.path, limits, r.diagnostics);
  if (!loaded.ok) return r;
  for (const auto& d : loaded.documents) {
    ++r.documents;
    SourceLocation at = where;
    at.document = d.index;
    validate::check_k8s_object(validate::builtin_k8s_registry(), d.root, at, r.diagnostics);
  }
  if (r.documents == 0) r.diagnostics.error("empty-input", where, "the file holds no document");
  return r;
}

}  // namespace specconv::app
