// JSON text of the reports the library hands to the command line (`convert --report` entries and
// totals, `explain --format json`): one place for how they are serialised.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace specconv::app {

/// `j` as text: compact on one line when indent < 0, else pretty-printed with that many spaces.
/// Invalid UTF-8 (file names and messages quote the input) becomes U+FFFD instead of throwing:
/// a report must not fail because of what it reports on.
[[nodiscard]] inline std::string report_json_text(const nlohmann::ordered_json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace specconv::app
