// ECS CPU units / MiB to Kubernetes quantity strings, and the Fargate task-size table.
// Sizes follow the AWS ECS documentation for Fargate Linux task CPU and memory.
#include "mapping/resources.h"

#include <array>

namespace specconv::mapping {
namespace {

__extension__ typedef __int128 Int128;

constexpr int64_t kCpuUnitsPerCore = 1024;
constexpr int64_t kMillicoresPerCore = 1000;
constexpr int64_t kMibPerGib = 1024;

// One run of allowed memory sizes for a cpu value: first, first + step, ..., last.
struct FargateRange {
  int64_t cpu_units;
  int64_t first_mib;
  int64_t last_mib;
  int64_t step_mib;
};

// Ordered by cpu, then memory; snap_to_fargate relies on that order.
constexpr std::array<FargateRange, 8> kFargateRanges = {{
    {256, 512, 512, 512},  // 0.25 vCPU: 512 MiB, 1 GiB, 2 GiB
    {256, 1024, 2048, 1024},
    {512, 1024, 4096, 1024},
    {1024, 2048, 8192, 1024},
    {2048, 4096, 16384, 1024},
    {4096, 8192, 30720, 1024},
    {8192, 16384, 61440, 4096},
    {16384, 32768, 122880, 8192},
}};

}  // namespace

CpuToK8s cpu_units_to_k8s(int64_t units) {
  const Int128 scaled = Int128{units} * kMillicoresPerCore;
  Int128 millicores = scaled / kCpuUnitsPerCore;
  const bool exact = scaled % kCpuUnitsPerCore == 0;
  if (scaled % kCpuUnitsPerCore > 0) ++millicores;  // round up (toward zero if negative)
  // |units| * 1000 / 1024 always fits back into int64_t.
  const int64_t milli = static_cast<int64_t>(millicores);
  if (milli % kMillicoresPerCore == 0) {
    return {std::to_string(milli / kMillicoresPerCore), exact};
  }
  return {std::to_string(milli) + "m", exact};
}

int64_t cpu_units_round_trip(int64_t units) {
  // Non-negative units below 2^40, as ECS holds them: no overflow.
  const int64_t millis = (units * kMillicoresPerCore + kCpuUnitsPerCore - 1) / kCpuUnitsPerCore;
  return (millis * kCpuUnitsPerCore + kMillicoresPerCore - 1) / kMillicoresPerCore;
}

std::string mib_to_k8s(int64_t mib) {
  if (mib == 0) return "0";
  if (mib % kMibPerGib == 0) return std::to_string(mib / kMibPerGib) + "Gi";
  return std::to_string(mib) + "Mi";
}

bool is_valid_fargate_size(int64_t cpu_units, int64_t memory_mib) {
  for (const FargateRange& range : kFargateRanges) {
    if (range.cpu_units == cpu_units && memory_mib >= range.first_mib &&
        memory_mib <= range.last_mib && (memory_mib - range.first_mib) % range.step_mib == 0) {
      return true;
    }
  }
  return false;
}

std::optional<FargateSize> snap_to_fargate(int64_t need_cpu_units, int64_t need_memory_mib) {
  for (const FargateRange& range : kFargateRanges) {
    if (range.cpu_units < need_cpu_units || range.last_mib < need_memory_mib) continue;
    int64_t memory = range.first_mib;
    if (need_memory_mib > memory) {
      const int64_t steps = (need_memory_mib - memory + range.step_mib - 1) / range.step_mib;
      memory += steps * range.step_mib;
    }
    return FargateSize{range.cpu_units, memory};
  }
  return std::nullopt;
}

}  // namespace specconv::mapping
