// "Did you mean ...?" support for unknown keys: Damerau (optimal string
// alignment) edit distance and a closest-known-key picker.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace specconv::io {

// Levenshtein distance where an adjacent transposition ("ab" -> "ba") also
// costs 1 (optimal string alignment). Byte-wise and case-sensitive.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

// The entry of `known` closest to `key`, or nullopt when none is close.
// 1. A case-insensitive (ASCII) exact match wins; the first one in `known`.
// 2. Otherwise the smallest edit_distance between the ASCII-lower-cased
//    strings, accepted only if <= max(1, key.size() / 3); ties go to the
//    earlier entry of `known`.
// An exact match of `key` itself is returned too (callers only ask for keys
// they did not recognise).
[[nodiscard]] std::optional<std::string> did_you_mean(std::string_view key,
                                                      const std::vector<std::string_view>& known);

}  // namespace specconv::io
