// "Did you mean ...?" support: optimal-string-alignment edit distance (three
// rolling rows, O(|a|*|b|) time) and the closest-known-key selection rule.
#include "io/suggest.h"

#include <algorithm>

namespace specconv::io {
namespace {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // prev2/prev/cur hold rows i-2, i-1 and i of the DP matrix over prefixes.
  std::vector<std::size_t> prev2(b.size() + 1);
  std::vector<std::size_t> prev(b.size() + 1);
  std::vector<std::size_t> cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    prev[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t best = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        best = std::min(best, prev2[j - 2] + 1);
      }
      cur[j] = best;
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::optional<std::string> did_you_mean(std::string_view key,
                                        const std::vector<std::string_view>& known) {
  const std::string lower_key = ascii_lower(key);
  for (const std::string_view candidate : known) {
    if (ascii_lower(candidate) == lower_key) {
      return std::string(candidate);
    }
  }
  const std::size_t max_distance = std::max<std::size_t>(1, key.size() / 3);
  std::optional<std::string_view> best;
  std::size_t best_distance = max_distance + 1;
  for (const std::string_view candidate : known) {
    const std::size_t d = edit_distance(lower_key, ascii_lower(candidate));
    if (d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  if (!best) {
    return std::nullopt;
  }
  return std::string(*best);
}

}  // namespace specconv::io
