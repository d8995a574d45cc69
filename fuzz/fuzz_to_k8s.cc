// libFuzzer target: the whole ECS -> Kubernetes conversion (read, pair, emit, render), and the
// output must read back as YAML.
#include <cstddef>
#include <cstdint>
#include <string>

#include "io/file.h"
#include "io/yaml_load.h"
#include "specconv/convert.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  specconv::Diagnostics diags;
  if (!specconv::io::check_text(text, "fuzz.json", diags)) return 0;
  specconv::ToK8sOptions options;
  options.external_secrets = size % 2 == 0;
  const auto result = specconv::convert_to_k8s({{"fuzz.json", text}}, options);
  for (const auto& doc : result.documents) {
    specconv::Diagnostics d;
    const auto back = specconv::io::load_yaml(doc.text, "out.yaml", specconv::io::Limits{}, d);
    if (!back.ok) __builtin_trap();  // we wrote YAML we cannot read
  }
  return 0;
}
