// libFuzzer target: the CloudFormation template reader on its own (YAML with the short-form tags,
// which is also JSON), past the detection that keeps most random text away from it: every
// intrinsic, reference, condition and resource reader sees the input. Then the whole conversion of
// the same text, whose output must read back as YAML.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ecs/bundle.h"
#include "iac/template.h"
#include "io/file.h"
#include "io/yaml_load.h"
#include "specconv/convert.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  specconv::Diagnostics diags;
  if (!specconv::io::check_text(text, "fuzz.yaml", diags)) return 0;
  const specconv::io::Limits limits;
  const auto loaded = specconv::io::load_yaml(text, "fuzz.yaml", limits, diags, specconv::io::YamlTags::kCloudFormation);
  if (loaded.ok && loaded.documents.size() == 1 && loaded.documents[0].root.is_object()) {
    specconv::TemplateInputs inputs;
    inputs.parameters = {{"Env", "prod"}};
    specconv::ecs::Bundle bundle;
    specconv::iac::read_template(loaded.documents[0].root, "fuzz.yaml", inputs, limits, bundle, diags);
  }
  const auto result = specconv::convert_to_k8s({{"fuzz.yaml", text}}, specconv::ToK8sOptions{});
  for (const auto& doc : result.documents) {
    specconv::Diagnostics d;
    if (!specconv::io::load_yaml(doc.text, "out.yaml", limits, d).ok) __builtin_trap();  // YAML we cannot read
  }
  return 0;
}
