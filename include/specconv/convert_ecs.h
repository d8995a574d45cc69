// The library entry point of the Kubernetes -> ECS direction: Kubernetes manifests (YAML or
// JSON text, multi-document, `kind: List`) to ECS API inputs. Pure: no files, no stdout.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "specconv/convert.h"
#include "specconv/diagnostics.h"

namespace specconv {

struct ToEcsOptions {
  bool fargate = true;                 // --launch-type FARGATE (default) or EC2
  std::string parameter_prefix = "/";  // SSM parameter names: <prefix><namespace>/<object>/<key>
  bool secrets_manager = false;        // Secret keys -> Secrets Manager ARNs (needs region + account)
  std::string region;
  std::string account_id;
  std::string execution_role_arn;
  std::string cluster = "default";
  std::vector<std::string> subnets;
  std::vector<std::string> security_groups;
  std::size_t max_depth = 200;
  std::size_t max_nodes = 2'000'000;
};

/// One document per workload: `{"taskDefinition": {...}, "service": {...}}` (plus
/// `"autoscaling": [...]` envelopes when an HPA scales it) for long-running workloads, or the
/// bare RegisterTaskDefinition input for Pods, Jobs and CronJobs. Document names are the
/// task families. Inputs with errors produce no documents (failed_inputs).
[[nodiscard]] ConvertResult convert_to_ecs(const std::vector<InputText>& inputs, const ToEcsOptions& options);

/// Joins documents into what goes to standard output: one JSON array of the documents.
[[nodiscard]] std::string join_ecs_documents(const std::vector<OutputDocument>& docs);

}  // namespace specconv
