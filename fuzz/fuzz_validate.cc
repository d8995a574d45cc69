// libFuzzer target: `specconv validate` on arbitrary input (JSON or YAML, Kubernetes or ECS,
// detected per document), i.e. the schema walker and the server-side rules over any tree.
// Must never crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <string>

#include "app/validate_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto r = specconv::app::validate_input({"fuzz.in", text}, specconv::io::Limits{});
  // Every diagnostic carries a code; an error-free result checked at least one document.
  for (const auto& d : r.diagnostics.all()) {
    if (d.code.empty()) __builtin_trap();
  }
  return 0;
}
