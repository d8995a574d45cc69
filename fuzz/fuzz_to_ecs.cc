// libFuzzer target: the whole Kubernetes -> ECS conversion (read, link, write); every JSON
// document written must read back as JSON.
#include <cstddef>
#include <cstdint>
#include <string>

#include "io/file.h"
#include "io/json_load.h"
#include "specconv/convert_ecs.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  specconv::Diagnostics diags;
  if (!specconv::io::check_text(text, "fuzz.yaml", diags)) return 0;
  specconv::ToEcsOptions options;
  options.fargate = size % 2 == 0;
  const auto result = specconv::convert_to_ecs({{"fuzz.yaml", text}}, options);
  for (const auto& doc : result.documents) {
    specconv::Diagnostics d;
    if (!specconv::io::load_json(doc.text, "out.json", specconv::io::Limits{}, d)) __builtin_trap();
  }
  return 0;
}
