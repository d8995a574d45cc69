// io::Node -> block-style YAML text (kubectl layout: list items at their key's indentation).
// Every string goes through the quoting policy of io/yaml_quoting.h, so no value can be read
// back by kubectl/PyYAML (YAML 1.1) or a YAML 1.2 reader as anything but what was meant.
#pragma once

#include <string>

#include "io/tree.h"

namespace specconv::io {

/// One YAML document (no leading `---`), ending with a newline.
[[nodiscard]] std::string to_yaml(const Node& node);

}  // namespace specconv::io
