// Model: compute resources, in units that are exact for both platforms.
// CPU is counted in ticks of 1/128000 core, so that ECS units (1/1024 vCPU = 125 ticks) and
// Kubernetes millicores (128 ticks) are both whole numbers. Memory is counted in bytes.
#pragma once

#include <cstdint>
#include <optional>

namespace specconv::model {

struct Cpu {
  static constexpr int64_t kTicksPerCore = 128000;
  static constexpr int64_t kTicksPerEcsUnit = 125;
  static constexpr int64_t kTicksPerMillicore = 128;
  int64_t ticks = 0;
  static Cpu from_ecs_units(int64_t units) { return Cpu{units * kTicksPerEcsUnit}; }
  static Cpu from_millicores(int64_t m) { return Cpu{m * kTicksPerMillicore}; }
  friend bool operator==(const Cpu&, const Cpu&) = default;
  friend auto operator<=>(const Cpu&, const Cpu&) = default;
};

struct Memory {
  static constexpr int64_t kMiB = 1024 * 1024;
  int64_t bytes = 0;
  static Memory from_mib(int64_t mib) { return Memory{mib * kMiB}; }
  friend bool operator==(const Memory&, const Memory&) = default;
  friend auto operator<=>(const Memory&, const Memory&) = default;
};

/// Requests are what the scheduler reserves; limits are hard caps.
struct Resources {
  std::optional<Cpu> cpu_request;
  std::optional<Cpu> cpu_limit;
  std::optional<Memory> memory_request;
  std::optional<Memory> memory_limit;
  std::optional<int64_t> gpus;
  /// Local ephemeral storage the container asks for (Kubernetes request, else limit); ECS has it
  /// per task only (ephemeralStorage), which the reader derives from all containers.
  std::optional<int64_t> ephemeral_storage_bytes;
  friend bool operator==(const Resources&, const Resources&) = default;
};

}  // namespace specconv::model
