// The Kubernetes kind catalogue.
#include "input/kubernetes_kinds.h"

#include <algorithm>
#include <array>

namespace specconv::input {
namespace {

constexpr std::array<std::string_view, 7> kWorkloads = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
                                                        "Pod",        "Job",         "CronJob"};
constexpr std::array<std::string_view, 7> kWiring = {"Service", "Ingress", "ServiceAccount", "ConfigMap",
                                                     "Secret",  "HorizontalPodAutoscaler", "SecurityGroupPolicy"};

bool in(std::string_view kind, const auto& list) { return std::find(list.begin(), list.end(), kind) != list.end(); }

}  // namespace

bool is_workload_kind(std::string_view kind) { return in(kind, kWorkloads); }

bool is_converted_kind(std::string_view kind) { return is_workload_kind(kind) || in(kind, kWiring); }

std::string_view current_api_version(std::string_view kind) {
  if (kind == "Deployment" || kind == "StatefulSet" || kind == "DaemonSet" || kind == "ReplicaSet") return "apps/v1";
  if (kind == "Job" || kind == "CronJob") return "batch/v1";
  if (kind == "Ingress") return "networking.k8s.io/v1";
  if (kind == "HorizontalPodAutoscaler") return "autoscaling/v2";
  if (kind == "SecurityGroupPolicy") return "vpcresources.k8s.aws/v1beta1";
  return "v1";
}

}  // namespace specconv::input
