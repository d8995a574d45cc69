// libFuzzer target: the Terraform JSON reader on its own (any JSON object, past the detection that
// keeps most text from it: the module walk, the plan's unknown marks and configuration links, the
// attribute tables, container_definitions parsed from a string), then the whole conversion of the
// same text, whose output must read back as YAML.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ecs/bundle.h"
#include "iac/terraform.h"
#include "io/file.h"
#include "io/json_load.h"
#include "io/yaml_load.h"
#include "specconv/convert.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  specconv::Diagnostics diags;
  if (!specconv::io::check_text(text, "fuzz.json", diags)) return 0;
  const specconv::io::Limits limits;
  if (const auto root = specconv::io::load_json(text, "fuzz.json", limits, diags); root && root->is_object()) {
    specconv::ecs::Bundle bundle;
    specconv::iac::read_terraform(*root, "fuzz.json", limits, bundle, diags);
  }
  const auto result = specconv::convert_to_k8s({{"fuzz.json", text}}, specconv::ToK8sOptions{});
  for (const auto& doc : result.documents) {
    specconv::Diagnostics d;
    if (!specconv::io::load_yaml(doc.text, "out.yaml", limits, d).ok) __builtin_trap();  // YAML we cannot read
  }
  return 0;
}
