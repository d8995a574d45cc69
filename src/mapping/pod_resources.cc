// Pod-level resources from the ECS task size; see pod_resources.h for the Kubernetes rules.
#include "mapping/pod_resources.h"

#include <algorithm>
#include <functional>

namespace specconv::mapping {
namespace {

using Kind = PodContainerSize::Kind;
using Amount = std::function<std::optional<int64_t>(const PodContainerSize&)>;

/// app + sidecars, or the largest init container + sidecars, whichever is more; nullopt when a
/// container has no amount and `missing_is_unbounded`.
std::optional<int64_t> aggregate(const std::vector<PodContainerSize>& containers, const Amount& amount,
                                 bool missing_is_unbounded) {
  int64_t running = 0;
  int64_t largest_init = 0;
  for (const PodContainerSize& c : containers) {
    const std::optional<int64_t> a = amount(c);
    if (!a && missing_is_unbounded) return std::nullopt;
    const int64_t v = a.value_or(0);
    if (c.kind == Kind::kInit) largest_init = std::max(largest_init, v);
    else running += v;
  }
  const int64_t sidecars = [&] {
    int64_t s = 0;
    for (const PodContainerSize& c : containers) {
      if (c.kind == Kind::kSidecar) s += amount(c).value_or(0);
    }
    return s;
  }();
  return std::max(running, largest_init + sidecars);
}

std::optional<int64_t> memory_request(const PodContainerSize& c) {
  return c.memory_request_bytes ? c.memory_request_bytes : c.memory_limit_bytes;
}

}  // namespace

int64_t aggregate_memory_requests(const std::vector<PodContainerSize>& containers) {
  return aggregate(containers, memory_request, false).value_or(0);
}

int64_t aggregate_cpu_requests(const std::vector<PodContainerSize>& containers) {
  return aggregate(containers, [](const PodContainerSize& c) { return c.cpu_request_millis; }, false).value_or(0);
}

PodLevelSize pod_level_size(std::optional<int64_t> task_cpu_millis, std::optional<int64_t> task_memory_bytes,
                            const std::vector<PodContainerSize>& containers) {
  PodLevelSize size;
  if (task_cpu_millis) {
    const int64_t need = aggregate_cpu_requests(containers);
    size.cpu_millis = std::max(*task_cpu_millis, need);
    size.cpu_raised = need > *task_cpu_millis;
  }
  if (task_memory_bytes) {
    int64_t need = aggregate_memory_requests(containers);
    for (const PodContainerSize& c : containers) need = std::max(need, c.memory_limit_bytes.value_or(0));
    size.memory_bytes = std::max(*task_memory_bytes, need);
    size.memory_raised = need > *task_memory_bytes;
  }
  return size;
}

std::optional<int64_t> split_memory_ceiling(const std::vector<PodContainerSize>& containers) {
  return aggregate(containers, [](const PodContainerSize& c) { return c.memory_limit_bytes; }, true);
}

}  // namespace specconv::mapping
