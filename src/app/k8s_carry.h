// Kubernetes-only fields across a round trip Kubernetes -> ECS -> Kubernetes.
//
// to-ecs: the workload object and the objects linked to it (Services selecting it, Ingresses
// routing to those Services, its HPA and ServiceAccount) are carried, without server-populated
// fields, as compact JSON in the dockerLabels of the task's first container
// ("specconv.io/k8s-workload", "specconv.io/k8s-objects"). ECS allows any string there (the only
// bound is the 64 KiB task definition size; above kMaxCarryBytes, or when the task definition
// with the labels would exceed kMaxTaskDefinitionBytes, nothing is carried, warning
// `k8s-carry-too-large`). Tags are not used: 50 per resource and 256 characters per value.
//
// to-k8s: the objects emitted from the ECS fields are merged with the carry. Every field the ECS
// input expresses wins (so edits made on the ECS side are kept); the carry fills in the fields
// ECS has no counterpart for (kind, selectors, template labels, imagePullPolicy, affinity,
// Service ports, Ingress rules, ...). Pure functions; never prints.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "carry/ecs_carry.h"
#include "io/tree.h"
#include "k8s/emit.h"
#include "specconv/diagnostics.h"
#include "specconv/model/workload.h"

namespace specconv::app {

inline constexpr const char* kCarryWorkloadLabel = "specconv.io/k8s-workload";
/// Instead of the whole workload: a strategic merge patch that turns what to-k8s makes of the ECS
/// output into the workload (only what ECS does not say, or says differently).
inline constexpr const char* kCarryWorkloadPatchLabel = "specconv.io/k8s-workload-patch";
inline constexpr const char* kCarryObjectsLabel = "specconv.io/k8s-objects";
inline constexpr const char* kCarryEcsLabel = "specconv.io/k8s-ecs";  // fingerprints of the ECS fields as written
inline constexpr std::size_t kMaxCarryBytes = 32 * 1024;
/// ECS's bound on a task definition (its JSON, as registered): the carry is dropped when the task
/// definition with it would be larger.
inline constexpr std::size_t kMaxTaskDefinitionBytes = 64 * 1024;

/// One Kubernetes object as read (file, YAML document, pointer of the object).
struct RawObject {
  io::Node doc;
  SourceLocation where;
};

/// Every object of one parsed input root (List items and JSON arrays flattened).
void collect_raw_objects(const io::Node& root, const SourceLocation& where, std::vector<RawObject>& out);

/// The raw objects of one conversion, indexed for linked(): each workload's lookup costs what it
/// finds, not the number of objects (a folder of thousands of Deployments and Services stays
/// linear). Holds a reference to `all`, which must outlive it.
class RawIndex {
 public:
  explicit RawIndex(const std::vector<RawObject>& all);
  /// The objects linked to the workload found at `where`: itself first, then Services that
  /// select its pods, then Ingresses routing to those Services, HPAs targeting it and its
  /// ServiceAccount; each group in input order.
  [[nodiscard]] std::vector<const RawObject*> linked(const SourceLocation& where) const;

 private:
  struct Facts {
    std::string kind, ns, name;
  };
  const std::vector<RawObject>& all_;
  std::vector<Facts> facts_;
  std::map<std::tuple<std::string, int64_t, std::string>, std::size_t> at_;
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<std::size_t>> services_;  // ns, key, value
  std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> ingresses_;           // ns, backend
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<std::size_t>> hpas_;    // ns, kind, name
  std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> accounts_;            // ns, name
};

/// RawIndex(all).linked(where), for a single lookup.
[[nodiscard]] std::vector<const RawObject*> linked_objects(const std::vector<RawObject>& all, const SourceLocation& where);

/// Adds the carry labels to the first container of `task_definition` (a RegisterTaskDefinition
/// input): the workload as a patch on carry_patch_base(task_definition) (whole when no patch gives
/// it exactly), its linked objects and the fingerprints. Reports `k8s-carry-too-large` when it
/// does not fit.
void add_k8s_carry(io::Node& task_definition, const std::vector<const RawObject*>& objects, Diagnostics& diags);

/// What a carried workload patch applies to: the workload object to-k8s makes of the ECS workload
/// `w` without its service level (service, wiring, scaling, schedule), emitted with the task's
/// carry, without metadata labels and annotations. It depends only on what the task definition
/// says, so to-ecs and a later to-k8s get the same base whatever format the ECS side was written
/// in (JSON, a CloudFormation template, Terraform); the original labels and annotations travel
/// whole in the patch.
[[nodiscard]] std::optional<io::Node> carry_patch_base(const model::Workload& w, const carry::EcsCarry& kept);

/// Whether to-k8s emits `kind` as the workload object (the one a carried workload replaces).
[[nodiscard]] bool is_emitted_workload_kind(const std::string& kind);

/// Merges the carry found in `kept` (the ECS carry of `w`, if any) into the emitted objects. `task_definition` is the ECS
/// JSON the workload was read from (nullptr when unknown): Kubernetes fields written from ECS
/// fields that are unchanged since to-ecs are restored as written (probes, resources, ports,
/// securityContext); the others come from the ECS values. Returns the name of the restored
/// workload (the carried one, which the output has instead of the emitted name), or "" when there
/// is no carry.
std::string restore_k8s_carry(const model::Workload& w, const carry::EcsCarry& kept, const io::Node* task_definition,
                              std::vector<k8s::Object>& objects);

}  // namespace specconv::app
