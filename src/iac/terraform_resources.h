// The resources of a `terraform show -json` document: a state's values.root_module or a plan's
// planned_values.root_module, child modules included (child_modules, recursively), each with its
// place in the file and, for a plan, what is known only after apply (resource_changes'
// after_unknown) and the configuration's expressions (for the references that link resources
// whose ARNs are not known yet). Pure.
#pragma once

#include <string>
#include <vector>

#include "io/tree.h"
#include "specconv/diagnostics.h"

namespace specconv::iac {

struct TfResource {
  std::string address;  // module.ecs.aws_ecs_service.this[0]
  std::string module;   // module.ecs (the module instance; "" for the root module)
  std::string type;     // aws_ecs_service
  bool managed = true;  // mode "managed" (false: a data source)
  const io::Node* node = nullptr;         // the resource object (its position)
  const io::Node* values = nullptr;       // its attribute values (an object)
  std::string pointer;                    // the JSON pointer of `values`
  const io::Node* unknown = nullptr;      // a plan's after_unknown (true where known only after apply), or null
  const io::Node* expressions = nullptr;  // a plan's configuration expressions of the resource, or null
};

struct TfDocument {
  bool plan = false;
  std::vector<TfResource> resources;
};

/// The resources of a state or plan. A document whose root_module (or a module or resource in it)
/// is not shaped as Terraform writes it is a located error; nullopt-like: `ok` false.
[[nodiscard]] TfDocument terraform_resources(const io::Node& root, const std::string& file, Diagnostics& diags, bool& ok);

}  // namespace specconv::iac
