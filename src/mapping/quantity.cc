// Exact parsing of Kubernetes quantities and their roundings to ECS CPU units and MiB.
// All arithmetic is integer (128-bit) within the bounds documented in quantity.h.
#include "mapping/quantity.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <limits>

namespace specconv::mapping {
namespace {

__extension__ typedef unsigned __int128 UInt128;

constexpr std::size_t kMaxSignificantDigits = 38;  // 10^38 - 1 < 2^127
constexpr int64_t kMaxExponentMagnitude = 100000;  // far beyond any representable value
constexpr int kMaxMagnitudeLog2 = 63;              // |value| < 2^63
constexpr int kMaxDenominatorLog2 = 60;            // denominator <= 2^60
constexpr Int128 kBytesPerMib = Int128{1} << 20;
constexpr Int128 kCpuUnitsPerCore = 1024;

struct Suffix {
  std::string_view text;
  int decimal_exponent;
  int binary_exponent;
};

constexpr std::array<Suffix, 15> kSuffixes = {{
    {"Ki", 0, 10},
    {"Mi", 0, 20},
    {"Gi", 0, 30},
    {"Ti", 0, 40},
    {"Pi", 0, 50},
    {"Ei", 0, 60},
    {"n", -9, 0},
    {"u", -6, 0},
    {"m", -3, 0},
    {"k", 3, 0},
    {"M", 6, 0},
    {"G", 9, 0},
    {"T", 12, 0},
    {"P", 15, 0},
    {"E", 18, 0},
}};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

QuantityParse fail(std::string_view text, std::string_view why) {
  QuantityParse result;
  result.error = "invalid quantity \"" + std::string(text) + "\": " + std::string(why);
  return result;
}

// A suffix resolved to powers: value * 10^decimal_exponent * 2^binary_exponent.
struct Scale {
  int64_t decimal_exponent = 0;
  int binary_exponent = 0;
};

// Parses "", a unit suffix, or a decimal exponent ("e3", "E-2", "e+6"). nullopt if invalid.
std::optional<Scale> parse_suffix(std::string_view suffix) {
  if (suffix.empty()) return Scale{};
  for (const Suffix& known : kSuffixes) {
    if (suffix == known.text) return Scale{known.decimal_exponent, known.binary_exponent};
  }
  if (suffix.size() < 2 || (suffix[0] != 'e' && suffix[0] != 'E')) return std::nullopt;
  std::string_view digits = suffix.substr(1);
  bool negative = false;
  if (digits[0] == '+' || digits[0] == '-') {
    negative = digits[0] == '-';
    digits.remove_prefix(1);
  }
  if (digits.empty()) return std::nullopt;
  int64_t exponent = 0;
  for (char c : digits) {
    if (!is_digit(c)) return std::nullopt;
    // Clamp instead of overflowing; anything this large is rejected as out of range later.
    exponent = std::min(exponent * 10 + (c - '0'), kMaxExponentMagnitude + 1);
  }
  return Scale{negative ? -exponent : exponent, 0};
}

// Multiplies value by base^count in place; false if the result would exceed limit.
bool scale_within(UInt128& value, unsigned base, int64_t count, UInt128 limit) {
  if (value > limit) return false;
  for (int64_t i = 0; i < count; ++i) {
    if (value > limit / base) return false;
    value *= base;
  }
  return true;
}

// ceil(q * multiplier / divisor) and whether it was exact. With the Quantity bounds
// (|value| < 2^63, denominator <= 2^60) and multiplier <= 2^10, divisor <= 2^20, every
// intermediate fits in 128 bits.
struct Rounded {
  Int128 value;
  bool exact;
};

Rounded ceil_scaled(const Quantity& q, Int128 multiplier, Int128 divisor) {
  const Int128 denominator = q.denominator() * divisor;
  const Int128 whole = q.numerator() / denominator;  // truncated toward zero
  const Int128 rest = q.numerator() % denominator;   // same sign as the numerator
  const Int128 scaled_rest = rest * multiplier;
  Int128 result = whole * multiplier + scaled_rest / denominator;
  const Int128 remainder = scaled_rest % denominator;
  if (remainder > 0) ++result;  // a negative remainder was already truncated upwards
  return {result, remainder == 0};
}

int64_t saturate(Int128 value) {
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  if (value > kMax) return kMax;
  if (value < kMin) return kMin;
  return static_cast<int64_t>(value);
}

std::string to_decimal(UInt128 value) {
  std::string digits;
  do {
    digits.push_back(static_cast<char>('0' + static_cast<int>(value % 10)));
    value /= 10;
  } while (value != 0);
  std::reverse(digits.begin(), digits.end());
  return digits;
}

}  // namespace

Quantity Quantity::from_integer(int64_t value) { return Quantity(value, 1); }

QuantityParse parse_quantity(std::string_view text) {
  if (text.empty()) return fail(text, "empty");

  std::size_t pos = 0;
  bool negative = false;
  if (text[pos] == '+' || text[pos] == '-') {
    negative = text[pos] == '-';
    ++pos;
  }
  const std::size_t integer_start = pos;
  while (pos < text.size() && is_digit(text[pos])) ++pos;
  const std::string_view integer_digits = text.substr(integer_start, pos - integer_start);
  std::string_view fraction_digits;
  if (pos < text.size() && text[pos] == '.') {
    const std::size_t fraction_start = ++pos;
    while (pos < text.size() && is_digit(text[pos])) ++pos;
    fraction_digits = text.substr(fraction_start, pos - fraction_start);
  }
  if (integer_digits.empty() && fraction_digits.empty()) {
    return fail(text, "expected a number");
  }
  const std::string_view suffix = text.substr(pos);
  const std::optional<Scale> scale = parse_suffix(suffix);
  if (!scale) return fail(text, "unknown suffix \"" + std::string(suffix) + "\"");
  if (scale->decimal_exponent > kMaxExponentMagnitude ||
      scale->decimal_exponent < -kMaxExponentMagnitude) {
    return fail(text, "exponent out of range");
  }

  // Significant digits, with trailing zeros moved into the decimal exponent.
  std::string digits = std::string(integer_digits) + std::string(fraction_digits);
  int64_t decimal_exponent = scale->decimal_exponent - static_cast<int64_t>(fraction_digits.size());
  const std::size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) {
    QuantityParse zero;
    zero.value = Quantity();
    return zero;
  }
  const std::size_t last = digits.find_last_not_of('0');
  decimal_exponent += static_cast<int64_t>(digits.size() - 1 - last);
  digits = digits.substr(first, last - first + 1);
  if (digits.size() > kMaxSignificantDigits) return fail(text, "too many significant digits");

  UInt128 mantissa = 0;
  for (char c : digits) mantissa = mantissa * 10 + static_cast<unsigned>(c - '0');

  // value = mantissa * 2^twos * 5^fives, with the mantissa coprime to 10.
  int64_t twos = decimal_exponent + scale->binary_exponent;
  int64_t fives = decimal_exponent;
  while (mantissa % 2 == 0) {
    mantissa /= 2;
    ++twos;
  }
  while (mantissa % 5 == 0) {
    mantissa /= 5;
    ++fives;
  }

  UInt128 denominator = 1;
  const UInt128 max_denominator = UInt128{1} << kMaxDenominatorLog2;
  if (!scale_within(denominator, 2, std::max<int64_t>(-twos, 0), max_denominator) ||
      !scale_within(denominator, 5, std::max<int64_t>(-fives, 0), max_denominator)) {
    return fail(text, "more precise than supported");
  }
  // |value| < 2^63  <=>  numerator <= denominator * 2^63 - 1 (fits: at most 2^123).
  const UInt128 max_numerator = (denominator << kMaxMagnitudeLog2) - 1;
  UInt128 numerator = mantissa;
  if (!scale_within(numerator, 2, std::max<int64_t>(twos, 0), max_numerator) ||
      !scale_within(numerator, 5, std::max<int64_t>(fives, 0), max_numerator)) {
    return fail(text, "out of range (magnitude must be below 2^63)");
  }

  const Int128 signed_numerator = static_cast<Int128>(numerator);
  QuantityParse result;
  result.value =
      Quantity(negative ? -signed_numerator : signed_numerator, static_cast<Int128>(denominator));
  return result;
}

int64_t ceil_cpu_units(const Quantity& cores) {
  return saturate(ceil_scaled(cores, kCpuUnitsPerCore, 1).value);
}

bool cpu_units_exact(const Quantity& cores) {
  return ceil_scaled(cores, kCpuUnitsPerCore, 1).exact;
}

int64_t ceil_mib(const Quantity& bytes) {
  return saturate(ceil_scaled(bytes, 1, kBytesPerMib).value);
}

bool mib_exact(const Quantity& bytes) { return ceil_scaled(bytes, 1, kBytesPerMib).exact; }

std::optional<int64_t> to_int64_ceil(const Quantity& value) {
  const Int128 rounded = ceil_scaled(value, 1, 1).value;
  if (rounded > std::numeric_limits<int64_t>::max() ||
      rounded < std::numeric_limits<int64_t>::min()) {
    return std::nullopt;
  }
  return static_cast<int64_t>(rounded);
}

std::string to_string(const Quantity& value) {
  const bool negative = value.is_negative();
  const UInt128 numerator = static_cast<UInt128>(negative ? -value.numerator() : value.numerator());
  const UInt128 denominator = static_cast<UInt128>(value.denominator());
  std::string out = negative ? "-" : "";
  out += to_decimal(numerator / denominator);
  UInt128 rest = numerator % denominator;
  if (rest != 0) out += '.';
  // Terminates: the denominator divides a power of ten.
  while (rest != 0) {
    rest *= 10;
    out += static_cast<char>('0' + static_cast<int>(rest / denominator));
    rest %= denominator;
  }
  return out;
}

}  // namespace specconv::mapping
