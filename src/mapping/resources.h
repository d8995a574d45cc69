// ECS CPU units / MiB <-> Kubernetes quantity strings, and the AWS Fargate (Linux) task-size
// table with snapping to the smallest size that fits. Pure functions; inexact conversions are
// reported through `exact` for the caller to turn into diagnostics.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace specconv::mapping {

struct CpuToK8s {
  std::string quantity;  // "1", "250m", "98m"
  bool exact = true;     // false when the millicores were rounded up
};

// ECS CPU units (1024 per vCPU) to a Kubernetes CPU quantity: whole cores as a plain integer,
// otherwise millicores, rounded UP to the next millicore when not whole (exact = false).
// 1024 -> "1", 256 -> "250m", 100 -> "98m" (inexact), 0 -> "0".
[[nodiscard]] CpuToK8s cpu_units_to_k8s(int64_t units);

// What ECS CPU units come back as from Kubernetes without the original: millicores rounded up
// (cpu_units_to_k8s), then units rounded up again. 100 -> 98m -> 101; whole millicores come back.
[[nodiscard]] int64_t cpu_units_round_trip(int64_t units);

// MiB to a Kubernetes memory quantity: "512Mi", or "2Gi" when divisible by 1024; 0 -> "0".
[[nodiscard]] std::string mib_to_k8s(int64_t mib);

struct FargateSize {
  int64_t cpu_units = 0;
  int64_t memory_mib = 0;
  friend bool operator==(const FargateSize&, const FargateSize&) = default;
};

inline constexpr int64_t kFargateMaxCpuUnits = 16384;
inline constexpr int64_t kFargateMaxMemoryMib = 122880;
// Task-level cpu on EC2 and external instances: at most 192 vCPU (RegisterTaskDefinition).
inline constexpr int64_t kEc2MaxTaskCpuUnits = 196608;

// True iff (cpu, mib) is a valid Fargate Linux task size.
[[nodiscard]] bool is_valid_fargate_size(int64_t cpu_units, int64_t memory_mib);

// The smallest valid Fargate size with cpu >= need_cpu_units and memory >= need_memory_mib:
// smallest cpu first, then the smallest memory for that cpu. nullopt when nothing fits.
// Negative needs count as 0.
[[nodiscard]] std::optional<FargateSize> snap_to_fargate(int64_t need_cpu_units,
                                                         int64_t need_memory_mib);

}  // namespace specconv::mapping
