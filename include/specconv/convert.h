// The library entry point: convert a set of ECS inputs to Kubernetes objects. Pure: no files,
// no stdout; inputs are given as text and results come back as data with diagnostics: typed
// objects (`convert_to_k8s_objects`) or, rendered, one text per workload (`convert_to_k8s`).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "specconv/diagnostics.h"
#include "specconv/k8s_object.h"
#include "specconv/kubernetes_version.h"
#include "specconv/limits.h"

namespace specconv {

struct InputText {
  std::string path;  // for diagnostics; "-" for standard input
  std::string text;
};

enum class OutputFormat { kYaml, kJson };

/// What a CloudFormation template input cannot say itself (docs/iac-inputs.md): parameter values
/// and the pseudo parameters. Empty strings take the documented defaults.
struct TemplateInputs {
  std::vector<std::pair<std::string, std::string>> parameters;  // --parameter KEY=VALUE (also answers Fn::ImportValue KEY)
  std::string region;      // --region: AWS::Region (default us-east-1)
  std::string account_id;  // --account-id: AWS::AccountId (default 123456789012)
  std::string stack_name;  // --stack-name: AWS::StackName (default: the file name without .template.json, .json, .yaml, ...)
};

struct ToK8sOptions {
  std::string namespace_name;
  bool external_secrets = false;
  std::string ssm_store = "aws-parameter-store";
  std::string secrets_manager_store = "aws-secrets-manager";
  std::string scheme;  // internet-facing or internal for load balancers the input gives no scheme; "" = internal, warned
  bool gateway_api = false;  // --routing gateway-api: Gateway API objects for ALBs instead of Ingresses
  std::string gateway_class = "aws-alb";  // --gateway-class: the GatewayClass the Gateways reference
  bool create_gateway_class = false;      // --create-gateway-class: emit that GatewayClass too
  KubernetesVersion kubernetes_version;   // --kubernetes-version: what the manifests may use (pod-level resources from 1.34)
  OutputFormat format = OutputFormat::kYaml;
  ReadLimits limits;  // what the readers accept (include/specconv/limits.h)
  TemplateInputs templates;  // CloudFormation template inputs
  /// --name OLD=NEW: the workload whose ECS service name or task family is OLD (or whose Kubernetes
  /// name would be OLD) is named NEW, a DNS label the caller has checked.
  std::map<std::string, std::string> renames;
  bool warn_unused_renames = true;  // a warning (unused-rename) for each OLD no workload has
  /// --carry full (true, the default): ECS-only values are kept in specconv.io/ecs-* annotations
  /// for a conversion back; none: no specconv.io/ annotation is written, and each value that is
  /// then lost is reported (docs/round-trip.md "Carry").
  bool carry = true;
};

/// One converted workload: its Kubernetes name and the rendered objects (a YAML stream of
/// documents separated by `---`, or a JSON List).
struct OutputDocument {
  std::string name;
  std::vector<std::string> sources;  // input files it came from
  std::string text;
  std::vector<K8sObject> objects;  // convert_to_k8s: the objects `text` renders; empty for to-ecs
};

struct ConvertResult {
  std::vector<OutputDocument> documents;
  Diagnostics diagnostics;
  std::vector<std::string> failed_inputs;  // inputs with errors: nothing of theirs is output
};

/// Every object of the run, typed and grouped by workload; nothing rendered (`options.format` is
/// not used).
[[nodiscard]] K8sObjects convert_to_k8s_objects(const std::vector<InputText>& inputs, const ToK8sOptions& options);

/// The same run, each workload handed to `sink` as soon as it is finished (in input order, the
/// same workloads), so that its objects need not outlive it; the result holds the diagnostics
/// and failed inputs, and no workloads.
[[nodiscard]] K8sObjects convert_to_k8s_objects(const std::vector<InputText>& inputs, const ToK8sOptions& options,
                                                K8sSink& sink);

/// The same run rendered: one document per workload, in `options.format`.
[[nodiscard]] ConvertResult convert_to_k8s(const std::vector<InputText>& inputs, const ToK8sOptions& options);

/// Objects rendered as one YAML stream (documents separated by `---`) or one JSON List.
[[nodiscard]] std::string render_k8s(const std::vector<K8sObject>& objects, OutputFormat format);

/// Joins documents into what goes to standard output (one YAML stream, or one JSON List made from
/// the documents' objects: the text is never parsed again).
[[nodiscard]] std::string join_documents(const std::vector<OutputDocument>& docs, OutputFormat format);

}  // namespace specconv
