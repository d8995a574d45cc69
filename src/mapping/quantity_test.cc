// Tests for mapping/quantity: the Kubernetes quantity grammar, exact values, equality across
// forms, and the CPU-unit / MiB roundings.
#include "mapping/quantity.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace specconv::mapping {
namespace {

Quantity parsed(std::string_view text) {
  QuantityParse result = parse_quantity(text);
  EXPECT_TRUE(result.value.has_value()) << text << ": " << result.error;
  EXPECT_EQ(result.value.has_value(), result.error.empty()) << text;
  return result.value.value_or(Quantity());
}

struct ValidCase {
  std::string_view text;
  std::string_view decimal;  // to_string of the exact value
};

TEST(ParseQuantityTest, AcceptsEveryLegalForm) {
  const ValidCase cases[] = {
      {"0", "0"},
      {"-0", "0"},
      {"000.000", "0"},
      {"0Gi", "0"},
      {"1", "1"},
      {"+1", "1"},
      {"-1", "-1"},
      {"007", "7"},
      {"0.5", "0.5"},
      {".5", "0.5"},
      {"1.", "1"},
      {"-.25", "-0.25"},
      {"1.5", "1.5"},
      {"1n", "0.000000001"},
      {"0.5n", "0.0000000005"},
      {"1u", "0.000001"},
      {"250m", "0.25"},
      {"1500m", "1.5"},
      {"1k", "1000"},
      {"+1k", "1000"},
      {"1M", "1000000"},
      {"500M", "500000000"},
      {"1G", "1000000000"},
      {"1T", "1000000000000"},
      {"1P", "1000000000000000"},
      {"1E", "1000000000000000000"},
      {"1Ki", "1024"},
      {"0.1Ki", "102.4"},
      {"1Mi", "1048576"},
      {"-2Mi", "-2097152"},
      {"1Gi", "1073741824"},
      {"1.5Gi", "1610612736"},
      {"1Ti", "1099511627776"},
      {"1Pi", "1125899906842624"},
      {"1Ei", "1152921504606846976"},
      {"7Ei", "8070450532247928832"},
      {"129e6", "129000000"},
      {"1E3", "1000"},
      {"1e+3", "1000"},
      {"1e03", "1000"},
      {"1e-3", "0.001"},
      {"1.5e3", "1500"},
      {".5E1", "5"},
      {"25e-2", "0.25"},
      {"1e-18", "0.000000000000000001"},
      {"9223372036854775807", "9223372036854775807"},
      {"-9223372036854775807", "-9223372036854775807"},
      {"1234567890123456789.0123456789", "1234567890123456789.0123456789"},
      {"100000000000000000000e-3", "100000000000000000"},
  };
  for (const ValidCase& c : cases) {
    EXPECT_EQ(to_string(parsed(c.text)), c.decimal) << c.text;
  }
}

TEST(ParseQuantityTest, RejectsInvalidForms) {
  const std::string_view cases[] = {
      // Empty, whitespace, missing digits.
      "", " ", " 1", "1 ", "1\t", "1 Gi", "1e 3", "-", "+", ".", "+.", "Gi", "e3", "abc", "inf",
      "NaN",
      // Malformed numbers.
      "--1", "+-1", "1.2.3", "1..2", "1.5.", "1,5", "1/2", "0x10",
      // Unknown suffixes (upper-case K, wrong case, unit after an exponent, ...).
      "1K", "1KI", "1Kb", "1ki", "1mi", "1ei", "1b", "1g", "1mm", "1Ki5", "1Kie3", "1e3Ki",
      // Malformed exponents.
      "1e", "1E+", "1e-", "1e3.5", "1e1e1",
      // Beyond the representable range or precision.
      "1e300", "999999999999Ei", "8Ei", "9223372036854775808", "-9223372036854775808", "1e-300",
      "1e-19", "1e99999999999999999999999", "1e-99999999999999999999999",
      "123456789012345678901234567890123456789"};
  for (std::string_view text : cases) {
    const QuantityParse result = parse_quantity(text);
    EXPECT_FALSE(result.value.has_value()) << '"' << text << '"';
    EXPECT_FALSE(result.error.empty()) << '"' << text << '"';
  }
}

TEST(ParseQuantityTest, ErrorsNameTheInputAndTheProblem) {
  EXPECT_EQ(parse_quantity("1K").error, "invalid quantity \"1K\": unknown suffix \"K\"");
  EXPECT_EQ(parse_quantity("").error, "invalid quantity \"\": empty");
  EXPECT_EQ(parse_quantity("Gi").error, "invalid quantity \"Gi\": expected a number");
  EXPECT_EQ(parse_quantity("1e300").error,
            "invalid quantity \"1e300\": out of range (magnitude must be below 2^63)");
  EXPECT_EQ(parse_quantity("1e-300").error,
            "invalid quantity \"1e-300\": more precise than supported");
}

TEST(ParseQuantityTest, ManySignificantDigitsAreExactWhenTheyReduce) {
  // 5^50 * 10^-50 == 2^-50: 35 significant digits, but an exact small rational.
  EXPECT_EQ(parsed("88817841970012523233890533447265625e-50"),
            parsed("0.00000000000000088817841970012523233890533447265625"));
  EXPECT_EQ(to_string(parsed("88817841970012523233890533447265625e-50")),
            "0.00000000000000088817841970012523233890533447265625");
}

struct EqualityCase {
  std::string_view left;
  std::string_view right;
  bool equal;
};

TEST(QuantityTest, EqualityComparesValuesAcrossForms) {
  const EqualityCase cases[] = {
      {"1Gi", "1073741824", true}, {"0.5", "500m", true},   {"1k", "1000", true},
      {"1e3", "1k", true},         {"1Ki", "1024", true},   {"1M", "1e6", true},
      {"1000m", "1", true},        {"0.001", "1m", true},   {"1.5Gi", "1536Mi", true},
      {"129e6", "129M", true},     {"-1", "-1000m", true},  {"0", "0Gi", true},
      {"0", "-0", true},           {"1024Ki", "1Mi", true}, {"0.5Ki", "512", true},
      {"1000n", "1u", true},       {"1Gi", "1G", false},    {"1", "1.000000001", false},
      {"1", "-1", false},          {"1Mi", "1M", false},    {"1m", "1n", false},
  };
  for (const EqualityCase& c : cases) {
    EXPECT_EQ(parsed(c.left) == parsed(c.right), c.equal) << c.left << " vs " << c.right;
  }
  EXPECT_EQ(parsed("42"), Quantity::from_integer(42));
  EXPECT_EQ(parsed("0"), Quantity());
  EXPECT_TRUE(parsed("-1m").is_negative());
  EXPECT_TRUE(parsed("0m").is_zero());
  EXPECT_FALSE(parsed("1n").is_zero());
}

struct RoundingCase {
  std::string_view text;
  int64_t rounded;
  bool exact;
};

TEST(CeilCpuUnitsTest, RoundsCoresUpToWholeUnits) {
  const RoundingCase cases[] = {
      {"250m", 256, true},    {"0.5", 512, true},  {"500m", 512, true},
      {"2", 2048, true},      {"1", 1024, true},   {"125m", 128, true},
      {"1.5", 1536, true},    {"0", 0, true},      {"100m", 103, false},
      {"1m", 2, false},       {"1n", 1, false},    {"0.1", 103, false},
      {"4", 4096, true},      {"16", 16384, true}, {"-100m", -102, false},
      {"1Ki", 1048576, true}, {"1e-3", 2, false},  {"0.0009765625", 1, true},
  };
  for (const RoundingCase& c : cases) {
    const Quantity q = parsed(c.text);
    EXPECT_EQ(ceil_cpu_units(q), c.rounded) << c.text;
    EXPECT_EQ(cpu_units_exact(q), c.exact) << c.text;
  }
}

TEST(CeilCpuUnitsTest, SaturatesInsteadOfOverflowing) {
  EXPECT_EQ(ceil_cpu_units(parsed("7Ei")), std::numeric_limits<int64_t>::max());
  EXPECT_EQ(ceil_cpu_units(parsed("-7Ei")), std::numeric_limits<int64_t>::min());
  EXPECT_EQ(ceil_cpu_units(parsed("9007199254740992")), std::numeric_limits<int64_t>::max());
  EXPECT_EQ(ceil_cpu_units(parsed("9007199254740991")), int64_t{9007199254740991} * 1024);
}

TEST(CeilMibTest, RoundsBytesUpToWholeMebibytes) {
  const RoundingCase cases[] = {
      {"1G", 954, false},       {"1.5Gi", 1536, true},  {"129e6", 124, false},
      {"128974848", 123, true}, {"500M", 477, false},   {"1Gi", 1024, true},
      {"100k", 1, false},       {"0", 0, true},         {"1Mi", 1, true},
      {"1", 1, false},          {"512Mi", 512, true},   {"1048577", 2, false},
      {"0.5Mi", 1, false},      {"1Ti", 1048576, true}, {"7Ei", int64_t{7} << 40, true},
      {"-1Mi", -1, true},       {"-1.5Mi", -1, false},
  };
  for (const RoundingCase& c : cases) {
    const Quantity q = parsed(c.text);
    EXPECT_EQ(ceil_mib(q), c.rounded) << c.text;
    EXPECT_EQ(mib_exact(q), c.exact) << c.text;
  }
}

TEST(ToInt64CeilTest, RoundsUpAndReportsOverflow) {
  EXPECT_EQ(to_int64_ceil(parsed("1.5")), 2);
  EXPECT_EQ(to_int64_ceil(parsed("-1.5")), -1);
  EXPECT_EQ(to_int64_ceil(parsed("3")), 3);
  EXPECT_EQ(to_int64_ceil(parsed("1n")), 1);
  EXPECT_EQ(to_int64_ceil(parsed("1Gi")), int64_t{1} << 30);
  EXPECT_EQ(to_int64_ceil(parsed("9223372036854775807")), std::numeric_limits<int64_t>::max());
  EXPECT_EQ(to_int64_ceil(parsed("9223372036854775806.5")), std::numeric_limits<int64_t>::max());
  EXPECT_EQ(to_int64_ceil(parsed("9223372036854775807.5")), std::nullopt);
}

}  // namespace
}  // namespace specconv::mapping
