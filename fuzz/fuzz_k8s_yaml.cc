// libFuzzer target: Kubernetes YAML reader (yaml-cpp behind io::load_yaml, with the nesting
// pre-check, duplicate keys, alias limits). Must never crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <string>

#include "io/file.h"
#include "io/yaml_load.h"
#include "io/yaml_write.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  specconv::Diagnostics diags;
  if (!specconv::io::check_text(text, "fuzz.yaml", diags)) return 0;
  const auto loaded = specconv::io::load_yaml(text, "fuzz.yaml", specconv::io::Limits{}, diags);
  // Whatever was read must write back as YAML that reads back to the same tree.
  for (const auto& doc : loaded.documents) {
    const std::string again = specconv::io::to_yaml(doc.root);
    specconv::Diagnostics d2;
    const auto reread = specconv::io::load_yaml(again, "again.yaml", specconv::io::Limits{}, d2);
    if (reread.documents.size() != 1 || !(reread.documents[0].root == doc.root)) {
      // NaN never equals itself; only trap on trees without floats.
      if (again.find(".nan") == std::string::npos && again.find("nan") == std::string::npos) __builtin_trap();
    }
  }
  return 0;
}
