// Tests for mapping/resources: CPU-unit and MiB rendering, and the Fargate size table and
// snapping (checked against a brute-force search over the table).
#include "mapping/resources.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
#include <vector>

namespace specconv::mapping {
namespace {

struct CpuCase {
  int64_t units;
  std::string_view quantity;
  bool exact;
};

TEST(CpuUnitsToK8sTest, RendersWholeCoresOrRoundedUpMillicores) {
  const CpuCase cases[] = {
      {0, "0", true},        {1024, "1", true},     {2048, "2", true},       {4096, "4", true},
      {16384, "16", true},   {256, "250m", true},   {512, "500m", true},     {128, "125m", true},
      {1536, "1500m", true}, {3072, "3", true},     {100, "98m", false},     {10, "10m", false},
      {1, "1m", false},      {1000, "977m", false}, {1023, "1", false},      {1025, "1001m", false},
      {8, "8m", false},      {32, "32m", false},    {128 * 3, "375m", true},
  };
  for (const CpuCase& c : cases) {
    const CpuToK8s result = cpu_units_to_k8s(c.units);
    EXPECT_EQ(result.quantity, c.quantity) << c.units;
    EXPECT_EQ(result.exact, c.exact) << c.units;
  }
}

TEST(CpuUnitsToK8sTest, ExactIffUnitsAreAMultipleOf128) {
  for (int64_t units = 0; units <= 20000; ++units) {
    EXPECT_EQ(cpu_units_to_k8s(units).exact, units % 128 == 0) << units;
  }
}

TEST(MibToK8sTest, UsesGiWhenDivisible) {
  EXPECT_EQ(mib_to_k8s(512), "512Mi");
  EXPECT_EQ(mib_to_k8s(2048), "2Gi");
  EXPECT_EQ(mib_to_k8s(1024), "1Gi");
  EXPECT_EQ(mib_to_k8s(1536), "1536Mi");
  EXPECT_EQ(mib_to_k8s(1), "1Mi");
  EXPECT_EQ(mib_to_k8s(122880), "120Gi");
  EXPECT_EQ(mib_to_k8s(0), "0");
}

// Every valid Fargate Linux size, written out from the AWS table.
std::vector<FargateSize> all_fargate_sizes() {
  std::vector<FargateSize> sizes = {{256, 512}, {256, 1024}, {256, 2048}};
  const auto add_run = [&sizes](int64_t cpu, int64_t first, int64_t last, int64_t step) {
    for (int64_t mib = first; mib <= last; mib += step) sizes.push_back({cpu, mib});
  };
  add_run(512, 1024, 4096, 1024);
  add_run(1024, 2048, 8192, 1024);
  add_run(2048, 4096, 16384, 1024);
  add_run(4096, 8192, 30720, 1024);
  add_run(8192, 16384, 61440, 4096);
  add_run(16384, 32768, 122880, 8192);
  return sizes;
}

TEST(FargateTest, ValidSizesMatchTheTable) {
  const std::vector<FargateSize> sizes = all_fargate_sizes();
  EXPECT_EQ(sizes.size(), 74u);
  for (const FargateSize& size : sizes) {
    EXPECT_TRUE(is_valid_fargate_size(size.cpu_units, size.memory_mib))
        << size.cpu_units << "/" << size.memory_mib;
  }
  int valid = 0;
  for (int64_t cpu = 0; cpu <= 20000; cpu += 128) {
    for (int64_t mib = 0; mib <= 130000; mib += 256) valid += is_valid_fargate_size(cpu, mib);
  }
  EXPECT_EQ(valid, 74);
  EXPECT_FALSE(is_valid_fargate_size(256, 1536));
  EXPECT_FALSE(is_valid_fargate_size(256, 3072));
  EXPECT_FALSE(is_valid_fargate_size(512, 512));
  EXPECT_FALSE(is_valid_fargate_size(8192, 18432));
  EXPECT_FALSE(is_valid_fargate_size(16384, 36864));
  EXPECT_FALSE(is_valid_fargate_size(300, 1024));
  EXPECT_FALSE(is_valid_fargate_size(0, 0));
}

struct SnapCase {
  int64_t cpu;
  int64_t mib;
  std::optional<FargateSize> expected;
};

TEST(FargateTest, SnapsToTheSmallestSizeThatFits) {
  const SnapCase cases[] = {
      {0, 0, FargateSize{256, 512}},
      {-5, -5, FargateSize{256, 512}},
      {256, 512, FargateSize{256, 512}},
      {256, 513, FargateSize{256, 1024}},
      {256, 1536, FargateSize{256, 2048}},
      {256, 2048, FargateSize{256, 2048}},
      {256, 3000, FargateSize{512, 3072}},
      {257, 0, FargateSize{512, 1024}},
      {512, 4096, FargateSize{512, 4096}},
      {512, 4097, FargateSize{1024, 5120}},
      {1000, 100, FargateSize{1024, 2048}},
      {1024, 8192, FargateSize{1024, 8192}},
      {1025, 2048, FargateSize{2048, 4096}},
      {2048, 16385, FargateSize{4096, 17408}},
      {4096, 30720, FargateSize{4096, 30720}},
      {100, 30721, FargateSize{8192, 32768}},
      {8192, 16385, FargateSize{8192, 20480}},
      {8192, 61441, FargateSize{16384, 65536}},
      {16384, 32769, FargateSize{16384, 40960}},
      {16384, 122880, FargateSize{16384, 122880}},
      {16385, 0, std::nullopt},
      {0, 122881, std::nullopt},
      {std::numeric_limits<int64_t>::max(), std::numeric_limits<int64_t>::max(), std::nullopt},
  };
  for (const SnapCase& c : cases) {
    EXPECT_EQ(snap_to_fargate(c.cpu, c.mib), c.expected) << c.cpu << "/" << c.mib;
  }
}

TEST(FargateTest, SnapAgreesWithBruteForce) {
  const std::vector<FargateSize> sizes = all_fargate_sizes();  // ordered by cpu, then memory
  for (int64_t cpu = 0; cpu <= 17000; cpu += 97) {
    for (int64_t mib = 0; mib <= 124000; mib += 509) {
      std::optional<FargateSize> best;
      for (const FargateSize& size : sizes) {
        if (size.cpu_units >= cpu && size.memory_mib >= mib) {
          best = size;
          break;
        }
      }
      const std::optional<FargateSize> snapped = snap_to_fargate(cpu, mib);
      ASSERT_EQ(snapped, best) << cpu << "/" << mib;
      if (snapped) {
        EXPECT_TRUE(is_valid_fargate_size(snapped->cpu_units, snapped->memory_mib));
      }
    }
  }
}

TEST(CpuUnitsRoundTrip, WholeMillicoresComeBackOthersGrowByTheRounding) {
  EXPECT_EQ(cpu_units_round_trip(1024), 1024);  // "1"
  EXPECT_EQ(cpu_units_round_trip(256), 256);    // "250m"
  EXPECT_EQ(cpu_units_round_trip(100), 101);    // "98m" -> 100.352 -> 101
  EXPECT_EQ(cpu_units_round_trip(64), 65);      // "63m" -> 64.512 -> 65
  EXPECT_EQ(cpu_units_round_trip(0), 0);
  for (int64_t units = 1; units <= 4096; ++units) {
    const int64_t back = cpu_units_round_trip(units);
    EXPECT_GE(back, units) << units;  // both roundings go up: never less cpu
    if (cpu_units_to_k8s(units).exact) EXPECT_EQ(back, units) << units;
  }
}

}  // namespace
}  // namespace specconv::mapping
