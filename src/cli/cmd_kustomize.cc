// specconv to-k8s --env NAME=PATH... --kustomize DIR: each environment converted on its own,
// then written as one kustomize base and an overlay per environment (app/kustomize.h).
#include <algorithm>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "app/irsa.h"
#include "app/kustomize.h"
#include "app/renames.h"
#include "cli/run.h"
#include "diag/codes.h"
#include "diag/render.h"
#include "io/file.h"
#include "mapping/names.h"
#include "specconv/convert.h"

namespace specconv::cli {
namespace {

struct EnvInputs {
  std::string name;
  std::vector<std::string> paths;
};

/// NAME=PATH arguments grouped by name, in the order names first appear; "" and an error
/// message when one is malformed.
std::vector<EnvInputs> parse_environments(const std::vector<std::string>& args, std::string& error) {
  std::vector<EnvInputs> out;
  for (const std::string& a : args) {
    const auto eq = a.find('=');
    const std::string name = a.substr(0, eq == std::string::npos ? 0 : eq);
    const std::string path = eq == std::string::npos ? "" : a.substr(eq + 1);
    const bool valid_name = !name.empty() && name.size() <= 63 && name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_") == std::string::npos;
    if (!valid_name || path.empty()) {
      error = "--env " + a + ": expected NAME=PATH, NAME of lower-case letters, digits, '-' and '_' (it names overlays/NAME)";
      return {};
    }
    auto it = std::find_if(out.begin(), out.end(), [&](const EnvInputs& e) { return e.name == name; });
    if (it == out.end()) it = out.insert(out.end(), EnvInputs{name, {}});
    it->paths.push_back(path);
  }
  return out;
}

/// --env-namespace NAME=NAMESPACE as a map; "" and a message in `error` when one is malformed or
/// names no --env environment.
std::map<std::string, std::string> env_namespaces(const std::vector<std::string>& args, const std::vector<EnvInputs>& envs,
                                                  std::string& error) {
  std::map<std::string, std::string> out;
  for (const std::string& a : args) {
    const auto eq = a.find('=');
    const std::string name = a.substr(0, eq == std::string::npos ? 0 : eq);
    const std::string ns = eq == std::string::npos ? "" : a.substr(eq + 1);
    const bool known = std::any_of(envs.begin(), envs.end(), [&](const EnvInputs& e) { return e.name == name; });
    if (!known || !mapping::is_valid_name(ns, mapping::NameKind::kRfc1123Label) || !out.emplace(name, ns).second) {
      error = "--env-namespace " + a + ": expected NAME=NAMESPACE, once per environment, NAME one of the --env names and "
              "NAMESPACE a Kubernetes namespace name";
      return {};
    }
  }
  return out;
}

/// Usage errors of the flag combination; "" when it is fine.
std::string usage_problem(const CliOptions& o) {
  if (o.kustomize_dir.empty()) return "--env needs --kustomize DIR (where the base and overlays go)";
  if (o.environments.empty()) return "--kustomize needs the environments: --env NAME=PATH (repeat for each path and environment)";
  if (!o.inputs.empty()) return "give inputs either as arguments or with --env, not both";
  if (!o.output_dir.empty()) return "-o and --kustomize both name the output folder: give one";
  if (!o.oidc_provider.empty() && !app::oidc_issuer(o.oidc_provider)) {
    return "--oidc-provider " + o.oidc_provider + ": expected the ARN of an IAM OIDC provider, such as "
           "arn:aws:iam::111122223333:oidc-provider/oidc.eks.REGION.amazonaws.com/id/ID";
  }
  if (o.format != "yaml") return "--kustomize writes YAML: --format " + o.format + " does not apply";
  if (!o.env_namespaces.empty() && o.create_gateway_class) {
    return "--create-gateway-class with --env-namespace: kustomize's namespace: would also be set on the cluster-wide "
           "GatewayClass; create it once, outside the overlays";
  }
  return "";
}

/// Each environment's IRSA trust policies, beside its overlay (overlays/<env>/<workload>.trust-policy.json;
/// not kustomize resources: they are applied to the environment's IAM role).
void add_trust_policies(const std::vector<app::Environment>& envs, const std::string& provider,
                        std::vector<app::OutputFile>& files) {
  for (const app::Environment& env : envs) {
    for (const K8sWorkload& w : env.workloads) {
      for (app::OutputFile& f : app::trust_policy_files(w, provider)) {
        f.path = "overlays/" + env.name + "/" + f.path;
        files.push_back(std::move(f));
      }
    }
  }
}

}  // namespace

int run_kustomize(const CliOptions& o, std::ostream& /*out*/, std::ostream& err) {
  std::string problem = usage_problem(o);
  const std::vector<EnvInputs> envs = problem.empty() ? parse_environments(o.environments, problem) : std::vector<EnvInputs>{};
  const auto namespaces = problem.empty() ? env_namespaces(o.env_namespaces, envs, problem) : std::map<std::string, std::string>{};
  if (!problem.empty()) {
    err << "specconv to-k8s: " << problem << "\n";
    return kExitUsage;
  }
  const auto renames = name_renames(o.renames, NameTarget::kKubernetes, err);
  if (!renames) return kExitUsage;
  ToK8sOptions options = to_k8s_options(o);
  options.renames = *renames;
  options.warn_unused_renames = false;  // a rename may be for one environment only: checked over all below
  std::set<std::string> used;
  Diagnostics diags;
  std::vector<app::Environment> converted;
  for (const EnvInputs& env : envs) {
    Diagnostics read;
    std::vector<InputText> inputs = read_ecs_inputs(env.paths, o.limits, read);
    for (Diagnostic d : read.all()) {
      if (d.code == "no-input-files") d.message = "environment " + env.name + " has no ECS input: every environment needs its inputs";
      diags.report(std::move(d));
    }
    ToK8sOptions env_options = options;
    if (auto ns = namespaces.find(env.name); ns != namespaces.end()) env_options.namespace_name = ns->second;
    K8sObjects run = convert_to_k8s_objects(inputs, env_options);
    diags.append(run.diagnostics);
    used.insert(run.renames_used.begin(), run.renames_used.end());
    converted.push_back({env.name, std::move(run.workloads), env.paths, env_options.namespace_name});
  }
  app::warn_unused_renames(*renames, used, "any environment", diags);
  if (o.strict) diags = diag::apply_strict(diags);
  if (!diags.has_errors()) {
    app::KustomizeLayout layout = app::kustomize_layout(converted, !namespaces.empty());
    diags.append(layout.diagnostics);
    if (!o.oidc_provider.empty()) add_trust_policies(converted, o.oidc_provider, layout.files);
    if (!diags.has_errors()) write_files(o.kustomize_dir, layout.files, diags);
  }
  if (o.diagnostics == "json") err << diag::render_json(diags);
  else err << diag::render_text(diags, !o.quiet);
  return diags.has_errors() ? kExitInputError : kExitOk;
}

}  // namespace specconv::cli
