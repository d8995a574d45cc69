// Kubernetes resource.Quantity strings ("250m", "1.5Gi", "129e6"), parsed exactly into a
// rational value, plus the roundings the ECS mapping needs (CPU units, MiB). Pure functions:
// callers turn errors and `exact == false` results into diagnostics.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace specconv::mapping {

__extension__ typedef __int128 Int128;

struct QuantityParse;

// An exact value numerator / denominator, always in lowest terms, with a positive denominator of
// the form 2^a * 5^b. Values come from parse_quantity or from_integer, which guarantee
// |value| < 2^63 and denominator <= 2^60; the rounding helpers rely on those bounds.
// Equality compares values: "1Gi" == "1073741824", "0.5" == "500m".
struct Quantity {
 public:
  Quantity() = default;  // zero
  [[nodiscard]] static Quantity from_integer(int64_t value);

  [[nodiscard]] Int128 numerator() const { return numerator_; }
  [[nodiscard]] Int128 denominator() const { return denominator_; }
  [[nodiscard]] bool is_negative() const { return numerator_ < 0; }
  [[nodiscard]] bool is_zero() const { return numerator_ == 0; }

  friend bool operator==(const Quantity&, const Quantity&) = default;

 private:
  Quantity(Int128 numerator, Int128 denominator)
      : numerator_(numerator), denominator_(denominator) {}
  friend QuantityParse parse_quantity(std::string_view text);

  Int128 numerator_ = 0;
  Int128 denominator_ = 1;
};

struct QuantityParse {
  std::optional<Quantity> value;  // set on success
  std::string error;              // set on failure
};

// Parses the Kubernetes quantity grammar: optional sign, digits with optional fraction, then a
// decimal exponent (e/E and a signed integer) or a suffix (Ki Mi Gi Ti Pi Ei, n u m k M G T P E).
// Rejects anything else, and values of magnitude >= 2^63 or finer than the supported precision
// (denominator above 2^60, i.e. roughly below 1e-18), with an error instead of rounding.
[[nodiscard]] QuantityParse parse_quantity(std::string_view text);

// ceil(cores * 1024): ECS CPU units (1 vCPU = 1024). Saturates at the int64_t limits.
[[nodiscard]] int64_t ceil_cpu_units(const Quantity& cores);
// True iff cores * 1024 is an integer, i.e. ceil_cpu_units lost nothing.
[[nodiscard]] bool cpu_units_exact(const Quantity& cores);

// ceil(bytes / 1048576): MiB, rounded up. Saturates at the int64_t limits.
[[nodiscard]] int64_t ceil_mib(const Quantity& bytes);
// True iff bytes is a whole number of MiB.
[[nodiscard]] bool mib_exact(const Quantity& bytes);

// ceil(value), or nullopt when it does not fit in int64_t.
[[nodiscard]] std::optional<int64_t> to_int64_ceil(const Quantity& value);

// Plain decimal rendering for messages: "1073741824", "0.5", "-102.4". Always exact (every
// quantity has a finite decimal expansion).
[[nodiscard]] std::string to_string(const Quantity& value);

}  // namespace specconv::mapping
