// The library entry point: convert a set of ECS inputs to Kubernetes objects. Pure: no files,
// no stdout; inputs are given as text and results come back as data with diagnostics.
#pragma once

#include <string>
#include <vector>

#include "specconv/diagnostics.h"
#include "specconv/limits.h"

namespace specconv {

struct InputText {
  std::string path;  // for diagnostics; "-" for standard input
  std::string text;
};

enum class OutputFormat { kYaml, kJson };

struct ToK8sOptions {
  std::string namespace_name;
  bool external_secrets = false;
  std::string ssm_store = "aws-parameter-store";
  std::string secrets_manager_store = "aws-secrets-manager";
  OutputFormat format = OutputFormat::kYaml;
  ReadLimits limits;  // what the readers accept (include/specconv/limits.h)
};

/// One converted workload: its Kubernetes name and the rendered objects (a YAML stream of
/// documents separated by `---`, or a JSON List).
struct OutputDocument {
  std::string name;
  std::vector<std::string> sources;  // input files it came from
  std::string text;
};

struct ConvertResult {
  std::vector<OutputDocument> documents;
  Diagnostics diagnostics;
  std::vector<std::string> failed_inputs;  // inputs with errors: nothing of theirs is output
};

[[nodiscard]] ConvertResult convert_to_k8s(const std::vector<InputText>& inputs, const ToK8sOptions& options);

/// Joins documents into what goes to standard output (one YAML stream, or one JSON List).
[[nodiscard]] std::string join_documents(const std::vector<OutputDocument>& docs, OutputFormat format);

}  // namespace specconv
