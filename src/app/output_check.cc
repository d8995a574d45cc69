// Schema check of outputs (see output_check.h).
#include "app/output_check.h"

#include "validate/validator.h"

namespace specconv::app {
namespace {

bool relay(const Diagnostics& found, const std::string& what, const SourceLocation& input, Diagnostics& diags) {
  bool ok = true;
  for (const auto& d : found.all()) {
    if (d.severity != Severity::kError) continue;
    ok = false;
    diags.error("invalid-output", input,
                "internal error: the " + what + " specconv would write fails the schema check (" + d.code + ": " +
                    d.message + "); nothing is written for this input, please report it");
  }
  return ok;
}

}  // namespace

bool check_output_k8s(const io::Node& object, const SourceLocation& input, Diagnostics& diags) {
  Diagnostics found;
  validate::check_k8s_object(validate::builtin_k8s_registry(), object, {"(output)", "", 0, 0, -1}, found);
  const io::Node* kind = object.find("kind");
  return relay(found, kind != nullptr && kind->is_string() ? kind->text() : std::string("object"), input, diags);
}

bool check_output_ecs(const io::Node& task_definition, const io::Node* service, const SourceLocation& input,
                      Diagnostics& diags) {
  const validate::Registry& r = validate::builtin_aws_registry();
  Diagnostics found;
  validate::check_ecs_task_definition(r, task_definition, {"(output)", "", 0, 0, -1}, found);
  bool ok = relay(found, "task definition", input, diags);
  if (service != nullptr) {
    Diagnostics svc;
    validate::check_ecs_service(r, *service, &task_definition, {"(output)", "", 0, 0, -1}, svc);
    ok = relay(svc, "service", input, diags) && ok;
  }
  return ok;
}

bool check_output_api(const io::Node& calls, const SourceLocation& input, Diagnostics& diags) {
  Diagnostics found;
  validate::check_ecs_document(validate::builtin_aws_registry(), calls, {"(output)", "", 0, 0, -1}, found);
  return relay(found, "AWS API call", input, diags);
}

}  // namespace specconv::app
