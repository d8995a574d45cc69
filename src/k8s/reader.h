// Kubernetes manifests -> typed reads into the neutral model (the Kubernetes -> ECS direction).
// One call per YAML/JSON document; `kind: List` is unwrapped. Only what the ECS mapping needs is
// kept: Secret values are never read (key names only). Never prints; everything it has to say
// goes to the ReadContext's Diagnostics, located (file, pointer, line:col, document).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "carry/ecs_carry.h"
#include "io/cursor.h"
#include "io/tree.h"
#include "specconv/diagnostics.h"
#include "specconv/model/workload.h"

namespace specconv::k8s {

using StringPairs = std::vector<std::pair<std::string, std::string>>;

struct ObjectMeta {
  std::string api_version;
  std::string kind;
  std::string name;
  std::string namespace_name;  // "default" when absent
  StringPairs labels;
  StringPairs annotations;
  SourceLocation where;  // the object's root (pointer "" or "/items/N")
};

/// envFrom: every key of a ConfigMap/Secret becomes one variable (expanded by the linker).
struct EnvFromRef {
  bool secret = false;
  std::string object;
  std::string prefix;
  bool optional = false;
};

/// A pod-template workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, Pod, Job, CronJob).
struct PodWorkload {
  ObjectMeta meta;
  model::Workload workload;        // containers: init containers first (essential false)
  carry::EcsCarry carry;           // ECS-only values from the specconv.io/ecs-* annotations
  StringPairs match_labels;        // spec.selector.matchLabels (Pod: its own labels)
  StringPairs pod_labels;          // template labels
  std::string service_account;     // serviceAccountName
  std::vector<std::string> container_pointers;  // JSON pointer of each model container
  std::vector<std::vector<EnvFromRef>> env_from;  // per model container
  std::string schedule;            // CronJob
  std::string time_zone;           // CronJob spec.timeZone ("" when not given)
  bool suspended = false;          // CronJob spec.suspend
  bool host_network = false;
  std::vector<std::string> image_pull_secrets;  // names
};

struct ServicePort {
  std::string name;
  int64_t port = 0;
  int64_t target_port = 0;         // 0 when given by name
  std::string target_port_name;
  model::Protocol protocol = model::Protocol::kTcp;
  std::string app_protocol;
};

struct ServiceObject {
  ObjectMeta meta;
  std::string type = "ClusterIP";
  bool headless = false;
  StringPairs selector;
  std::vector<ServicePort> ports;
};

struct IngressPath {
  std::string host;
  std::string path;
  std::string path_type;
  std::string service;
  int64_t port = 0;                // service port number, or 0 when named
  std::string port_name;
};

struct IngressObject {
  ObjectMeta meta;
  std::string class_name;
  std::vector<IngressPath> paths;  // the default backend is a path with empty host and path
  std::vector<std::string> tls_hosts;
};

/// ConfigMap or Secret: key names only for Secrets (values are never kept). ConfigMap `data`
/// values are not secret and are kept (`values`, same order as the keys they belong to) for the
/// SSM String parameters of the CloudFormation / api outputs; binaryData values are not.
struct KeyedObject {
  ObjectMeta meta;
  std::vector<std::string> keys;
  StringPairs values;  // ConfigMaps only
};

/// vpcresources.k8s.aws/v1beta1 SecurityGroupPolicy: security groups for the selected pods.
struct SecurityGroupPolicyObject {
  ObjectMeta meta;
  StringPairs pod_selector;              // spec.podSelector.matchLabels
  StringPairs service_account_selector;  // spec.serviceAccountSelector.matchLabels
  std::vector<std::string> group_ids;    // spec.securityGroups.groupIds
};

struct ServiceAccountObject {
  ObjectMeta meta;
  std::vector<std::string> image_pull_secrets;
  std::string role_arn;  // eks.amazonaws.com/role-arn
};

struct HpaObject {
  ObjectMeta meta;
  std::string target_kind;
  std::string target_name;
  model::Autoscaling scaling;
};

struct Manifests {
  std::vector<PodWorkload> workloads;
  std::vector<ServiceObject> services;
  std::vector<IngressObject> ingresses;
  std::vector<KeyedObject> config_maps;
  std::vector<KeyedObject> secrets;
  std::vector<ServiceAccountObject> service_accounts;
  std::vector<HpaObject> hpas;
  std::vector<SecurityGroupPolicyObject> security_group_policies;
  void append(Manifests&& other);
};

/// Reads one document (an object, or a `kind: List`) into `out`. Unknown kinds: warning
/// `unsupported-kind`, skipped. Problems go to ctx.diags.
void read_document(const io::Node& root, const io::ReadContext& ctx, Manifests& out);

}  // namespace specconv::k8s
