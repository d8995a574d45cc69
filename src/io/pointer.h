// JSON pointers (RFC 6901): escaping and unescaping one reference token. Every pointer in the
// project (reader positions, cursor paths, validator and round-trip diagnostics) is built and
// read with these, so a pointer written in one place is read back the same in another.
// Standard library only.
#pragma once

#include <string>
#include <string_view>

namespace specconv::io {

/// One reference token escaped: `~` -> `~0` and `/` -> `~1` ("a/b~c" -> "a~1b~0c").
[[nodiscard]] std::string escape_pointer_token(std::string_view token);

/// Appends "/" and the escaped token to `pointer` in place (no temporary string: the schema
/// walker grows one buffer for a whole document).
void append_pointer_token(std::string& pointer, std::string_view token);

/// The token back from its escaped form: `~1` -> `/`, `~0` -> `~`. Lenient, as the readers of
/// pointers here have always been: `~` and any other character read as `~`, and a trailing `~`
/// stays (only pointers this project built are read, so neither happens in practice).
[[nodiscard]] std::string unescape_pointer_token(std::string_view token);

}  // namespace specconv::io
