// UTF-8 well-formedness (RFC 3629), shared by the input check and by everything that writes
// text built from input bytes (diagnostic messages, JSON strings). Standard library only.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace specconv::io {

/// Length of the well-formed UTF-8 sequence starting at `text[i]` (1-4), or 0 when the bytes
/// there are not one: a stray continuation byte, an overlong form, a UTF-16 surrogate, a code
/// point above U+10FFFF, or a sequence cut short.
[[nodiscard]] std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

/// `text` with every byte that does not start a well-formed sequence replaced by U+FFFD, so it
/// can always be written as JSON or shown on a terminal. Returns `text` unchanged when valid.
[[nodiscard]] std::string repair_utf8(std::string_view text);

}  // namespace specconv::io
