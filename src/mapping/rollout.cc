// Exact rollout maths between ECS deployment percentages and Kubernetes RollingUpdate limits.
// Rounding follows the AWS ECS docs (max rounds down, min healthy rounds up) and the Kubernetes
// deployment controller (maxSurge rounds up, maxUnavailable rounds down, 0/0 means 1 unavailable).
#include "mapping/rollout.h"

#include <algorithm>
#include <array>
#include <limits>
#include <optional>

namespace specconv::mapping {
namespace {

__extension__ typedef __int128 Int128;

constexpr int64_t kRecreateMaximumPercent = 100;
constexpr int64_t kRecreateMinimumHealthyPercent = 0;
constexpr EcsRollout kEcsDefaults{};
// Roundness preference when several percentages are exact: multiples of 100, then 50, ...
constexpr std::array<Int128, 6> kRoundSteps = {100, 50, 25, 10, 5, 1};

int64_t non_negative(int64_t value) { return std::max<int64_t>(value, 0); }

int64_t saturate(Int128 value) {
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  return value > kMax ? kMax : value < kMin ? kMin : static_cast<int64_t>(value);
}

// Division rounding toward -infinity / +infinity; divisor > 0.
Int128 floor_div(Int128 a, Int128 b) { return a / b - (a % b != 0 && a < 0 ? 1 : 0); }
Int128 ceil_div(Int128 a, Int128 b) { return a / b + (a % b != 0 && a > 0 ? 1 : 0); }

// The count a Kubernetes limit resolves to for `replicas`.
Int128 resolve(const IntOrPercent& limit, int64_t replicas, bool round_up) {
  const int64_t value = non_negative(limit.value);
  if (!limit.percent) return value;
  const Int128 scaled = Int128{replicas} * value;
  return round_up ? ceil_div(scaled, 100) : floor_div(scaled, 100);
}

std::string describe(const IntOrPercent& limit) {
  return std::to_string(limit.value) + (limit.percent ? "%" : "");
}

// Appends one explanation to a note, "; "-separated.
void add_note(std::string& note, const std::string& part) {
  if (!note.empty()) note += "; ";
  note += part;
}

// ---- ECS -> Kubernetes ----

// The percent form of an ECS-derived limit when it resolves to `count`, else the integer.
IntOrPercent limit_form(int64_t percent, int64_t count, int64_t replicas, bool round_up) {
  const IntOrPercent as_percent{percent, true};
  if (percent >= 0 && resolve(as_percent, replicas, round_up) == count) return as_percent;
  return IntOrPercent{count, false};
}

ToK8s percent_forms_to_k8s(const EcsRollout& ecs) {
  const int64_t max = ecs.maximum_percent;
  const int64_t min = ecs.minimum_healthy_percent;
  ToK8s out;
  out.rollout.max_surge = {std::max<int64_t>(max - 100, 0), true};
  out.rollout.max_unavailable = {std::clamp<int64_t>(100 - std::min(min, max), 0, 100), true};
  if (max < 100) {
    add_note(out.note, "maximumPercent " + std::to_string(max) +
                           " is below 100, which Kubernetes cannot express; using maxSurge 0% and "
                           "maxUnavailable " +
                           describe(out.rollout.max_unavailable));
  }
  if (min > 100) {
    add_note(out.note, "minimumHealthyPercent " + std::to_string(min) +
                           " is above 100, which Kubernetes cannot express; using "
                           "maxUnavailable 0%");
  }
  if (out.rollout.max_surge.value == 0 && out.rollout.max_unavailable.value == 0) {
    out.rollout.max_unavailable = {1, false};
    add_note(out.note, "maximumPercent " + std::to_string(max) + " with minimumHealthyPercent " +
                           std::to_string(min) +
                           " allows no task to be replaced; using maxUnavailable 1");
  }
  out.exact = out.note.empty();
  return out;
}

// ---- Kubernetes -> ECS ----

// Picks from [lo, hi]: `preferred` if inside, else the roundest value (lowest or highest
// multiple of the coarsest step that fits). Requires lo <= hi.
Int128 pick_readable(Int128 lo, Int128 hi, std::optional<Int128> preferred, bool prefer_low) {
  if (preferred && *preferred >= lo && *preferred <= hi) return *preferred;
  for (Int128 step : kRoundSteps) {
    const Int128 candidate = prefer_low ? ceil_div(lo, step) * step : floor_div(hi, step) * step;
    if (candidate >= lo && candidate <= hi) return candidate;
  }
  return lo;  // unreachable: step 1 always fits
}

// The percentages giving exactly `count`, or the nearest on either side when none does.
struct PercentChoice {
  int64_t value = 0;  // exact, else the safe side
  bool exact = true;
  int64_t other = 0;  // when !exact: the nearest value on the unsafe side
};

// maximumPercent M with floor(D * M / 100) == most (most >= D >= 1). Safe side: fewer tasks.
PercentChoice choose_maximum_percent(int64_t most, int64_t replicas,
                                     std::optional<Int128> preferred) {
  const Int128 lo = ceil_div(Int128{most} * 100, replicas);            // floor(D*lo/100) >= most
  const Int128 hi = ceil_div((Int128{most} + 1) * 100, replicas) - 1;  // floor(D*hi/100) <= most
  if (lo <= hi) return {saturate(pick_readable(lo, hi, preferred, true)), true, 0};
  return {saturate(hi), false, saturate(lo)};
}

// minimumHealthyPercent m in [0, 100] with ceil(D * m / 100) == fewest (0 <= fewest <= D).
// Safe side: more healthy tasks.
PercentChoice choose_minimum_healthy_percent(int64_t fewest, int64_t replicas,
                                             std::optional<Int128> preferred) {
  const Int128 lo = std::max<Int128>(floor_div((Int128{fewest} - 1) * 100, replicas) + 1, 0);
  const Int128 hi = floor_div(Int128{fewest} * 100, replicas);  // ceil(D*hi/100) <= fewest
  if (lo <= hi) return {saturate(pick_readable(lo, hi, preferred, false)), true, 0};
  return {saturate(lo), false, saturate(hi)};
}

ToEcs percent_forms_to_ecs(const K8sRollout& k8s) {
  const IntOrPercent& surge = k8s.max_surge;
  const IntOrPercent& unavailable = k8s.max_unavailable;
  ToEcs out;
  // An absolute 0 is 0% of any replica count.
  if (surge.percent || surge.value <= 0) {
    out.rollout.maximum_percent = 100 + non_negative(surge.value);
  } else {
    add_note(out.note,
             "maxSurge " + describe(surge) +
                 " is a pod count and replicas is 0; using the ECS default maximumPercent " +
                 std::to_string(kEcsDefaults.maximum_percent));
  }
  if (unavailable.percent || unavailable.value <= 0) {
    out.rollout.minimum_healthy_percent = 100 - std::clamp<int64_t>(unavailable.value, 0, 100);
  } else {
    add_note(out.note, "maxUnavailable " + describe(unavailable) +
                           " is a pod count and replicas is 0; using the ECS "
                           "default minimumHealthyPercent " +
                           std::to_string(kEcsDefaults.minimum_healthy_percent));
  }
  // 100/100 would let ECS replace nothing, while Kubernetes always lets one pod go.
  if (out.rollout.maximum_percent <= 100 && out.rollout.minimum_healthy_percent >= 100) {
    add_note(out.note, "maxSurge " + describe(surge) + " with maxUnavailable " +
                           describe(unavailable) +
                           " would give ECS 100/100, which replaces no task; "
                           "using the ECS defaults " +
                           std::to_string(kEcsDefaults.maximum_percent) + "/" +
                           std::to_string(kEcsDefaults.minimum_healthy_percent));
    out.rollout = kEcsDefaults;
  }
  out.exact = out.note.empty();
  return out;
}

}  // namespace

Bounds ecs_bounds(const EcsRollout& rollout, int64_t desired) {
  const Int128 d = non_negative(desired);
  return {saturate(floor_div(d * non_negative(rollout.maximum_percent), 100)),
          saturate(ceil_div(d * non_negative(rollout.minimum_healthy_percent), 100))};
}

Bounds k8s_bounds(const K8sRollout& rollout, int64_t replicas) {
  const int64_t d = non_negative(replicas);
  if (rollout.recreate) return {d, 0};
  const Int128 surge = resolve(rollout.max_surge, d, true);
  Int128 unavailable = resolve(rollout.max_unavailable, d, false);
  if (surge == 0 && unavailable == 0) unavailable = 1;
  return {saturate(d + surge), saturate(std::max<Int128>(d - unavailable, 0))};
}

ToK8s rollout_to_k8s(const EcsRollout& rollout, int64_t replicas) {
  const int64_t max = rollout.maximum_percent;
  const int64_t min = rollout.minimum_healthy_percent;
  if (max == kRecreateMaximumPercent && min == kRecreateMinimumHealthyPercent) {
    ToK8s out;
    out.rollout.recreate = true;
    return out;
  }
  const int64_t d = non_negative(replicas);
  if (d == 0) return percent_forms_to_k8s(rollout);

  const Bounds target = ecs_bounds(rollout, d);
  const int64_t surge = std::max<int64_t>(target.most_pods - d, 0);
  // maximumPercent below 100 also forces pods out: at most `most_pods` may run.
  int64_t unavailable =
      std::max<int64_t>(d - std::min(target.fewest_available, target.most_pods), 0);
  const bool replaces_nothing = surge == 0 && unavailable == 0;
  if (replaces_nothing) unavailable = 1;

  ToK8s out;
  out.rollout.max_surge = limit_form(max - 100, surge, d, true);
  out.rollout.max_unavailable = limit_form(100 - min, unavailable, d, false);
  const std::string used_unavailable = "maxUnavailable " + describe(out.rollout.max_unavailable);
  if (target.most_pods < d) {
    add_note(out.note,
             "maximumPercent " + std::to_string(max) + " allows only " +
                 std::to_string(target.most_pods) + " of " + std::to_string(d) +
                 " tasks during a deployment, which Kubernetes cannot express; using maxSurge " +
                 describe(out.rollout.max_surge) + " and " + used_unavailable);
  }
  if (target.fewest_available > d) {
    add_note(out.note, "minimumHealthyPercent " + std::to_string(min) + " requires " +
                           std::to_string(target.fewest_available) +
                           " healthy tasks, more than the " + std::to_string(d) +
                           " desired; using " + used_unavailable);
  }
  if (replaces_nothing) {
    add_note(out.note, "maximumPercent " + std::to_string(max) + " with minimumHealthyPercent " +
                           std::to_string(min) + " allows no task to be replaced at " +
                           std::to_string(d) + " replicas; using maxUnavailable 1");
  }
  out.exact = out.note.empty();
  return out;
}

ToEcs rollout_to_ecs(const K8sRollout& rollout, int64_t replicas) {
  if (rollout.recreate) {
    ToEcs out;
    out.rollout = {kRecreateMaximumPercent, kRecreateMinimumHealthyPercent};
    return out;
  }
  const int64_t d = non_negative(replicas);
  if (d == 0) return percent_forms_to_ecs(rollout);

  const Bounds target = k8s_bounds(rollout, d);
  std::optional<Int128> preferred_max;
  if (rollout.max_surge.percent) {
    preferred_max = 100 + Int128{non_negative(rollout.max_surge.value)};
  }
  std::optional<Int128> preferred_min;
  if (rollout.max_unavailable.percent && rollout.max_unavailable.value <= 100) {
    preferred_min = 100 - Int128{non_negative(rollout.max_unavailable.value)};
  }
  const PercentChoice max = choose_maximum_percent(target.most_pods, d, preferred_max);
  const PercentChoice min =
      choose_minimum_healthy_percent(target.fewest_available, d, preferred_min);

  ToEcs out;
  out.rollout = {max.value, min.value};
  // The safe choices can meet at "replace nothing" (never with exact ones): move the side
  // Kubernetes relaxes to its nearest value instead.
  const Bounds safe = ecs_bounds(out.rollout, d);
  const bool stalls = safe.most_pods <= d && safe.fewest_available >= d;
  if (stalls && target.most_pods > d) out.rollout.maximum_percent = max.other;
  if (stalls && target.most_pods <= d) out.rollout.minimum_healthy_percent = min.other;

  const Bounds used = ecs_bounds(out.rollout, d);
  const std::string at = " at " + std::to_string(d) + " replicas";
  if (used.most_pods != target.most_pods) {
    add_note(out.note, "maxSurge " + describe(rollout.max_surge) + " allows " +
                           std::to_string(target.most_pods) + " pods" + at +
                           ", which no integer maximumPercent gives; using " +
                           std::to_string(out.rollout.maximum_percent) + " (at most " +
                           std::to_string(used.most_pods) + " tasks)");
  }
  if (used.fewest_available != target.fewest_available) {
    add_note(out.note, "maxUnavailable " + describe(rollout.max_unavailable) + " keeps " +
                           std::to_string(target.fewest_available) + " pods available" + at +
                           ", which no integer minimumHealthyPercent gives; using " +
                           std::to_string(out.rollout.minimum_healthy_percent) + " (at least " +
                           std::to_string(used.fewest_available) + " healthy)");
  }
  out.exact = out.note.empty();
  return out;
}

}  // namespace specconv::mapping
