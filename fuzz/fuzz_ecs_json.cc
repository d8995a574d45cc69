// libFuzzer target: ECS JSON reader (parse + read into the bundle). Must never crash, hang or
// leak, whatever the bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ecs/reader.h"
#include "io/file.h"
#include "io/json_load.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  specconv::Diagnostics diags;
  if (!specconv::io::check_text(text, "fuzz.json", diags)) return 0;
  auto root = specconv::io::load_json(text, "fuzz.json", specconv::io::Limits{}, diags);
  if (!root) return 0;
  specconv::ecs::Bundle bundle;
  specconv::ecs::read_ecs(*root, "fuzz.json", bundle, diags);
  return 0;
}
