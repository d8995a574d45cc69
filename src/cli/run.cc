// Command execution for the specconv binary.
#include "cli/run.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>

#include "app/batch.h"
#include "app/irsa.h"
#include "app/k8s_writer.h"
#include "diag/codes.h"
#include "diag/render.h"
#include "io/file.h"
#include "mapping/names.h"
#include "mapping/mappings_doc.h"
#include "specconv/convert.h"
#include "specconv/convert_ecs.h"

namespace specconv::cli {

namespace fs = std::filesystem;

/// Expands folders (recursively, sorted) into files with the given extensions.
std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs, const std::set<std::string>& extensions,
                                       Diagnostics& diags) {
  std::vector<std::string> files;
  for (const std::string& in : inputs) {
    if (in == "-") {
      files.push_back(in);
      continue;
    }
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(in, fs::directory_options::skip_permission_denied, ec);
           it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        if (it->is_regular_file(ec) && extensions.count(it->path().extension().string()) != 0) {
          found.push_back(it->path().string());
        }
      }
      std::sort(found.begin(), found.end());
      if (found.empty()) {
        diags.warning("empty-folder", {in, "", 0, 0, -1}, "the folder holds no input files");
      }
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(in, ec)) {
      files.push_back(in);
    } else {
      diags.error("unreadable-input", {in, "", 0, 0, -1}, "no such file or folder");
    }
  }
  return files;
}

std::vector<InputText> read_ecs_inputs(const std::vector<std::string>& inputs, const io::Limits& limits, Diagnostics& diags) {
  std::vector<InputText> out;
  bool named = false;  // a file (or "-") named on the command line: its reader reports what it is not
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (!fs::is_directory(in, ec)) {
      named = true;
      for (const std::string& file : expand_inputs({in}, {}, diags)) {
        if (auto text = io::read_input(file, limits, diags)) out.push_back({file, std::move(*text)});
      }
      continue;
    }
    std::size_t found = 0, kubernetes = 0, other = 0;
    Diagnostics scan;  // an empty folder says so below, once
    for (const std::string& file : expand_inputs({in}, {".json", ".yaml", ".yml", ".template"}, scan)) {
      ++found;
      std::optional<std::string> text = io::read_input(file, limits, diags);
      if (!text) continue;
      const app::Detected d = app::detect_input(fs::path(file).filename().string(), *text);
      if (fs::path(file).extension() == ".json" || d.cloudformation) {
        out.push_back({file, std::move(*text)});
        continue;
      }
      (d.kubernetes ? kubernetes : other) += 1;
      diags.warning("skipped-file", {file, "", 0, 0, -1},
                    d.kubernetes ? "a Kubernetes manifest in a folder given to to-k8s is not converted (to-ecs converts it; "
                                   "`convert` picks the direction per file)"
                                 : "neither a CloudFormation template (no Resources section with AWS:: types) nor ECS "
                                   "JSON; not converted");
    }
    if (found == kubernetes + other && found > 0) {
      diags.warning("empty-folder", {in, "", 0, 0, -1},
                    "the folder holds no ECS input (*.json, or a CloudFormation template as *.yaml, *.yml, *.template): " +
                        std::to_string(kubernetes) + " Kubernetes manifest(s) and " + std::to_string(other) +
                        " other file(s) skipped");
    } else if (found == 0) {
      diags.warning("empty-folder", {in, "", 0, 0, -1},
                    "the folder holds no *.json, *.yaml, *.yml or *.template file");
    }
  }
  if (out.empty() && !named && !diags.has_errors()) {
    const std::string at = inputs.empty() ? std::string() : inputs.front();
    diags.error("no-input-files", {at, "", 0, 0, -1},
                "nothing to convert: the input folders hold no task definition, service, describe-* output or "
                "CloudFormation template (exit 1, not a silent success)");
  }
  return out;
}

ToEcsOptions::ConfigMaps config_maps_option(const std::string& flag) {
  using C = ToEcsOptions::ConfigMaps;
  return flag == "env" ? C::kEnvironment : flag == "ssm" ? C::kSsmParameters : C::kDefault;
}

ToK8sOptions to_k8s_options(const CliOptions& o) {
  ToK8sOptions options;
  options.namespace_name = o.namespace_name;
  options.external_secrets = o.secrets == "external-secrets";
  options.ssm_store = o.ssm_store;
  options.secrets_manager_store = o.secrets_manager_store;
  options.scheme = o.scheme;
  options.gateway_api = o.routing == "gateway-api";
  options.gateway_class = o.gateway_class;
  options.create_gateway_class = o.create_gateway_class;
  options.kubernetes_version = o.kubernetes_version;
  options.format = o.format == "json" ? OutputFormat::kJson : OutputFormat::kYaml;
  options.limits = o.limits;
  options.carry = o.carry == "full";
  return options;
}

void write_files(const std::string& dir, const std::vector<app::OutputFile>& files, Diagnostics& diags) {
  std::set<std::string> used;
  for (const auto& file : files) {
    const std::string path = (fs::path(dir) / file.path).string();
    if (!used.insert(path).second) {
      diags.error("duplicate-output", {file.sources.empty() ? path : file.sources.front(), "", 0, 0, -1},
                  "another output of this run is already written to " + path + "; \"" + file.workload + "\" is skipped");
      continue;
    }
    const std::string problem = io::write_file_atomic(path, file.text);
    if (!problem.empty()) diags.error("write-failed", {path, "", 0, 0, -1}, problem);
  }
}

namespace {

/// Writes DIR/<name><ext> for each document.
void write_documents(const std::string& dir, const std::string& ext, std::vector<OutputDocument> docs, Diagnostics& diags) {
  std::vector<app::OutputFile> files;
  files.reserve(docs.size());
  for (auto& doc : docs) {
    files.push_back({app::safe_file_name(doc.name) + ext, std::move(doc.text), std::move(doc.name), std::move(doc.sources)});
  }
  write_files(dir, files, diags);
}

EcsFormat ecs_format(const std::string& name) {
  if (name == "cfn") return EcsFormat::kCfn;
  if (name == "api") return EcsFormat::kApi;
  if (name == "terraform" || name == "tf") return EcsFormat::kTerraform;
  return EcsFormat::kJson;
}

/// What follows a document's name in -o DIR: a file, or a module folder for Terraform.
const char* output_suffix(EcsFormat format) {
  switch (format) {
    case EcsFormat::kCfn: return ".yaml";
    case EcsFormat::kTerraform: return "/main.tf";
    case EcsFormat::kJson:
    case EcsFormat::kApi: break;
  }
  return ".json";
}

/// Inputs with at least one error. Taken after --strict promoted warnings, so a warning fails
/// its input as well ("no partial output").
std::set<std::string> failed_inputs(const Diagnostics& diags) {
  std::set<std::string> failed;
  for (const auto& d : diags.all()) {
    if (d.severity == Severity::kError) failed.insert(d.location.file);
  }
  return failed;
}

/// The outputs (documents or workloads) none of whose inputs failed.
template <typename Output>
std::vector<Output> without_failed_inputs(std::vector<Output> outputs, const std::set<std::string>& failed) {
  std::vector<Output> good;
  for (auto& output : outputs) {
    if (!app::any_failed(output.sources, failed)) good.push_back(std::move(output));
  }
  return good;
}

}  // namespace

std::optional<TemplateInputs> template_inputs(const std::vector<std::string>& parameters, const std::string& region,
                                              const std::string& account_id, const std::string& stack_name, std::ostream& err) {
  TemplateInputs t;
  for (const std::string& p : parameters) {
    const std::size_t eq = p.find('=');
    if (eq == std::string::npos || eq == 0) {
      err << "specconv: --parameter " << p << ": expected KEY=VALUE\n";
      return std::nullopt;
    }
    t.parameters.emplace_back(p.substr(0, eq), p.substr(eq + 1));
  }
  t.region = region;
  t.account_id = account_id;
  t.stack_name = stack_name;
  return t;
}

namespace {

/// A task family or service name: 1-255 letters, digits, '-' and '_'.
bool valid_ecs_name(const std::string& n) {
  return !n.empty() && n.size() <= 255 &&
         n.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") == std::string::npos;
}

}  // namespace

std::optional<std::map<std::string, std::string>> name_renames(const std::vector<std::string>& names, NameTarget target,
                                                               std::ostream& err) {
  const bool k8s = target == NameTarget::kKubernetes;
  const char* command = k8s ? "specconv to-k8s" : "specconv to-ecs";
  std::map<std::string, std::string> renames;
  for (const std::string& n : names) {
    const std::size_t eq = n.find('=');
    const std::string old_name = n.substr(0, eq == std::string::npos ? 0 : eq);
    const std::string new_name = eq == std::string::npos ? "" : n.substr(eq + 1);
    const bool valid = k8s ? mapping::is_valid_name(new_name, mapping::NameKind::kRfc1035Label) : valid_ecs_name(new_name);
    if (old_name.empty() || !valid) {
      err << command << ": --name " << n << ": expected OLD=NEW, NEW "
          << (k8s ? "a Kubernetes name (lower-case letters, digits and '-', starting with a letter, at most 63 characters)"
                  : "an ECS name (letters, digits, '-' and '_', at most 255 characters)")
          << "\n";
      return std::nullopt;
    }
    if (auto [it, added] = renames.emplace(old_name, new_name); !added && it->second != new_name) {
      err << command << ": --name " << old_name << " is given twice, as " << it->second << " and " << new_name << "\n";
      return std::nullopt;
    }
  }
  return renames;
}

namespace {

int run_to_k8s(const CliOptions& o, std::ostream& out, std::ostream& err) {
  if (!o.environments.empty() || !o.kustomize_dir.empty()) return run_kustomize(o, out, err);
  if (o.inputs.empty()) {
    err << "specconv to-k8s: no inputs: give ECS JSON files or folders (or --env NAME=PATH with --kustomize DIR)\n";
    return kExitUsage;
  }
  const std::optional<TemplateInputs> templates = template_inputs(o.parameters, o.region, o.account_id, o.stack_name, err);
  if (!templates) return kExitUsage;
  const auto renames = name_renames(o.renames, NameTarget::kKubernetes, err);
  if (!renames) return kExitUsage;
  Diagnostics diags;
  const io::Limits& limits = o.limits;
  std::vector<InputText> inputs = read_ecs_inputs(o.inputs, limits, diags);
  ToK8sOptions options = to_k8s_options(o);
  options.templates = *templates;
  options.renames = *renames;
  // The writer gets each workload as soon as it is converted (a stream or folder renders it and
  // drops its objects); what it writes is decided at the end, when failures are known.
  if (!o.oidc_provider.empty() && (o.output_dir.empty() || !app::oidc_issuer(o.oidc_provider))) {
    err << "specconv to-k8s: --oidc-provider needs -o DIR (the trust policies are files beside the manifests) and an "
           "ARN such as arn:aws:iam::111122223333:oidc-provider/oidc.eks.REGION.amazonaws.com/id/ID\n";
    return kExitUsage;
  }
  const auto layout = o.output_dir.empty() ? app::K8sLayout::kStream : app::K8sLayout::kFolder;
  std::unique_ptr<app::K8sWriter> writer = app::make_k8s_writer(layout, options.format);
  if (!o.oidc_provider.empty()) writer = app::with_trust_policies(std::move(writer), o.oidc_provider);
  K8sObjects result = convert_to_k8s_objects(inputs, options, *writer);
  std::vector<InputText>().swap(inputs);  // the texts are not needed again
  diags.append(result.diagnostics);
  if (o.strict) diags = diag::apply_strict(diags);

  const std::vector<app::OutputFile> files = writer->finish(failed_inputs(diags));
  if (o.output_dir.empty()) {
    for (const app::OutputFile& f : files) out << f.text;
  } else {
    write_files(o.output_dir, files, diags);
  }
  if (o.diagnostics == "json") err << diag::render_json(diags);
  else err << diag::render_text(diags, !o.quiet);
  return diags.has_errors() ? kExitInputError : kExitOk;
}

int run_to_ecs(const CliOptions& o, std::ostream& out, std::ostream& err) {
  if (o.secret_store == "secretsmanager" && (o.region.empty() || o.account_id.empty())) {
    err << "specconv: --secret-store secretsmanager needs --region and --account-id (Secrets Manager ARNs name both)\n";
    return kExitUsage;
  }
  Diagnostics diags;
  const io::Limits& limits = o.limits;
  std::vector<InputText> inputs;
  for (const std::string& file : expand_inputs(o.inputs, {".yaml", ".yml", ".json"}, diags)) {
    if (auto text = io::read_input(file, limits, diags)) inputs.push_back({file, std::move(*text)});
  }
  ToEcsOptions options;
  options.fargate = o.launch_type != "EC2";
  options.launch_type_explicit = !o.launch_type.empty();
  options.parameter_prefix = o.parameter_prefix;
  options.secrets_manager = o.secret_store == "secretsmanager";
  options.config_maps = config_maps_option(o.config_maps);
  options.awslogs = o.logs == "awslogs";
  options.log_retention_days = o.log_retention_days;
  const auto renames = name_renames(o.renames, NameTarget::kEcs, err);
  if (!renames) return kExitUsage;
  options.renames = *renames;
  options.region = o.region;
  options.account_id = o.account_id;
  options.execution_role_arn = o.execution_role_arn;
  options.cluster = o.cluster;
  options.subnets = o.subnets;
  options.security_groups = o.security_groups;
  options.limits = o.limits;
  options.carry = o.carry == "full";
  options.format = ecs_format(o.ecs_format);
  ConvertResult result = convert_to_ecs(inputs, options);
  diags.append(result.diagnostics);
  if (o.strict) diags = diag::apply_strict(diags);

  const std::set<std::string> failed = failed_inputs(diags);
  std::vector<OutputDocument> good = without_failed_inputs(std::move(result.documents), failed);
  if (!o.emit_secret_values.empty()) {
    // Only from inputs that converted; the file is created with mode 0600.
    std::vector<InputText> ok;
    for (auto& in : inputs) {
      if (failed.count(in.path) == 0) ok.push_back(std::move(in));
    }
    const std::string problem =
        io::write_file_atomic(o.emit_secret_values, secret_values_document(ok, options, diags), /*private_file=*/true);
    if (!problem.empty()) diags.error("write-failed", {o.emit_secret_values, "", 0, 0, -1}, problem);
  }
  if (o.output_dir.empty()) {
    // When every input failed there is nothing to print, not even an empty JSON array.
    if (!good.empty() || !diags.has_errors()) out << join_ecs_output(good, options.format);
  } else {
    write_documents(o.output_dir, output_suffix(options.format), std::move(good), diags);
  }
  if (o.diagnostics == "json") err << diag::render_json(diags);
  else err << diag::render_text(diags, !o.quiet);
  return diags.has_errors() ? kExitInputError : kExitOk;
}

}  // namespace

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CliOptions o;
  const ParseOutcome p = parse_options(argc, argv, o);
  out << p.out;
  err << p.err;
  if (p.exit_code >= 0) return p.exit_code;
  switch (o.command) {
    case Command::kToK8s: return run_to_k8s(o, out, err);
    case Command::kToEcs: return run_to_ecs(o, out, err);
    case Command::kMappings: out << mapping::mappings_markdown(); return kExitOk;
    case Command::kDiagnostics: out << diag::diagnostics_markdown(); return kExitOk;
    case Command::kConvert: return run_convert(o.batch, out, err);
    case Command::kExplain: return run_explain(o.batch, out, err);
    case Command::kValidate: return run_validate(o.batch, out, err);
    case Command::kVersion:
    case Command::kNone: break;
  }
  return kExitUsage;
}

}  // namespace specconv::cli
