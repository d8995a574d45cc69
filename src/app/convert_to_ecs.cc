// convert_to_ecs: parse -> read (k8s/reader) -> link (k8s/link) -> write (ecs/writer), one
// input's errors never touching another's outputs. Never prints.
#include <algorithm>
#include <map>
#include <set>

#include "app/carry_off.h"
#include "app/k8s_carry.h"
#include "k8s/link.h"
#include "app/output_check.h"
#include "app/renames.h"
#include "app/shared_failure.h"
#include "aws/build_plan.h"
#include "aws/render.h"
#include "aws/render_json.h"
#include "ecs/writer.h"
#include "input/kind.h"
#include "io/json_load.h"
#include "io/json_write.h"
#include "io/yaml_load.h"
#include "k8s/reader.h"
#include "specconv/convert_ecs.h"

namespace specconv {
namespace {

/// ECS -> Kubernetes -> ECS: a workload that came from ECS keeps its requiresCompatibilities in
/// specconv.io/ecs-task; without --launch-type, that (not the FARGATE default) decides.
void restore_launch_type(const carry::EcsCarry& kept, ecs::WriteOptions& wo) {
  const io::Node* n = carry::find(kept.task, "requiresCompatibilities");
  if (n == nullptr) return;
  // [] = the original had none (an EC2 task definition validated against nothing).
  auto is_fargate = [](const io::Node& x) { return x.is_string() && x.text() == "FARGATE"; };
  const bool fargate = is_fargate(*n) || (n->is_array() && std::any_of(n->items().begin(), n->items().end(), is_fargate));
  wo.launch_type = fargate ? model::LaunchType::kFargate : model::LaunchType::kEc2;
}


constexpr const char* kTemplateGiven =
    "this is a CloudFormation template (the AWS side), not Kubernetes manifests; convert it with `specconv to-k8s`";

/// Reads one input file into `part`; problems go to `d`.
void read_input(const InputText& in, const io::Limits& limits, k8s::Manifests& part, std::vector<app::RawObject>& raw,
                Diagnostics& d) {
  if (!input::first_significant(in.text)) {
    d.error("empty-input", {in.path, "", 0, 0, -1}, "the file is empty: nothing to convert");
    return;
  }
  io::ReadContext ctx;
  ctx.file = in.path;
  ctx.diags = &d;
  if (!input::starts_like_json(in.text) && input::sniff(in.text).shape == input::Shape::kCloudFormationTemplate) {
    d.error("wrong-direction", {in.path, "", 1, 1, -1}, kTemplateGiven);
    return;
  }
  if (input::starts_like_json(in.text)) {
    auto root = io::load_json(in.text, in.path, limits, d);
    if (!root) return;
    if (const input::Kind kind = input::classify(*root); kind.platform() == input::Platform::kEcs) {
      d.error("wrong-direction", {in.path, "", 1, 1, -1},
              kind.shape == input::Shape::kCloudFormationTemplate ? kTemplateGiven
              : input::is_terraform(kind.shape)
                  ? "this is Terraform JSON (`terraform show -json`, the AWS side), not Kubernetes manifests; convert it with `specconv to-k8s`"
                  : "this is ECS input; convert it with `specconv to-k8s`");
      return;
    }
    ctx.document = 0;
    if (root->is_array()) {
      if (root->items().empty()) {
        d.error("empty-input", {in.path, "", root->line(), root->column(), -1}, "the array is empty: no manifest to convert");
        return;
      }
      for (std::size_t i = 0; i < root->items().size(); ++i) {
        ctx.document = static_cast<int64_t>(i);
        k8s::read_document(root->items()[i], ctx, part);
        app::collect_raw_objects(root->items()[i], {in.path, "", 0, 0, ctx.document}, raw);
      }
    } else {
      k8s::read_document(*root, ctx, part);
      app::collect_raw_objects(*root, {in.path, "", 0, 0, 0}, raw);
    }
    return;
  }
  ctx.yaml = true;
  const io::YamlLoad y = io::load_yaml(in.text, in.path, limits, d);
  if (!y.ok) return;
  if (y.documents.empty()) {
    d.error("empty-input", {in.path, "", 0, 0, -1}, "the file holds no YAML documents: nothing to convert");
    return;
  }
  for (const io::YamlDocument& doc : y.documents) {
    ctx.document = doc.index;
    if (doc.root.is_null()) continue;
    if (doc.root.is_array() && doc.root.items().empty()) {
      d.error("empty-input", {in.path, "", doc.root.line(), doc.root.column(), doc.index},
              "the document is an empty list: no manifest to convert");
      continue;
    }
    k8s::read_document(doc.root, ctx, part);
    app::collect_raw_objects(doc.root, {in.path, "", 0, 0, doc.index}, raw);
  }
}

/// imagePullSecrets -> repositoryCredentials on every container (after "image", as in the API
/// reference): the Secrets Manager secret "<namespace>/<first pull secret>" by the naming rule.
void add_repository_credentials(io::Node& td, const k8s::LinkedWorkload& lw, const ToEcsOptions& options) {
  io::Node* defs = td.find("containerDefinitions");
  if (defs == nullptr) return;
  const std::string arn = "arn:aws:secretsmanager:" + (options.region.empty() ? std::string("REGION") : options.region) + ":" +
                          (options.account_id.empty() ? std::string("ACCOUNT_ID") : options.account_id) + ":secret:" +
                          lw.workload.namespace_name + "/" + lw.image_pull_secrets.front();
  for (io::Node& c : defs->items()) {
    if (c.find("repositoryCredentials") != nullptr) continue;  // restored from an annotation
    io::Node rc = io::Node::object();
    rc.set("credentialsParameter", io::str(arn));
    std::vector<io::Node::Member> members;
    for (auto& m : c.members()) {
      members.push_back(std::move(m));
      if (members.back().first == "image") members.emplace_back("repositoryCredentials", rc);
    }
    c.members() = std::move(members);
  }
}

/// Services, Ingresses, HPAs and ServiceAccounts linked to no converted workload have no ECS
/// document to travel with: converting the output back to Kubernetes does not give them.
void report_not_carried(const std::vector<app::RawObject>& raw, const std::set<const app::RawObject*>& carried,
                        Diagnostics& diags) {
  for (const app::RawObject& o : raw) {
    const io::Node* kind = o.doc.find("kind");
    const std::string k = kind != nullptr && kind->is_string() ? kind->text() : "";
    if (k != "Service" && k != "Ingress" && k != "HorizontalPodAutoscaler" && k != "ServiceAccount") continue;
    if (carried.count(&o) != 0) continue;
    const io::Node* md = o.doc.find("metadata");
    const io::Node* name = md != nullptr ? md->find("name") : nullptr;
    diags.note("not-carried", o.where,
               k + " \"" + (name != nullptr && name->is_string() ? name->text() : std::string()) +
                   "\" belongs to no converted workload, so no ECS document carries it: converting the output back "
                   "to Kubernetes does not give it back");
  }
}

/// The ECS writer's inputs for one linked workload: the task definition (with image pull
/// credentials), the service and its scaling; a note on how a task-only workload runs.
aws::WorkloadInput write_workload(const k8s::LinkedWorkload& lw, const ecs::WriteOptions& wo, const ToEcsOptions& options,
                                  Diagnostics& d) {
  const model::Workload& w = lw.workload;
  aws::WorkloadInput wi;
  wi.linked = &lw;
  wi.task_definition = ecs::task_definition_input(w, lw.carry, lw.where, wo, d);
  if (!lw.image_pull_secrets.empty()) add_repository_credentials(wi.task_definition, lw, options);
  wi.autoscaling = io::Node::array();
  if (w.has_service) {
    wi.service = ecs::create_service_input(w, lw.carry, lw.where, wo, d);
    wi.autoscaling = ecs::autoscaling_inputs(w, wo);
  } else if (w.kind == model::WorkloadKind::kJob) {
    d.note("run-task", lw.where,
           "Job \"" + w.name + "\" becomes a task definition only: run it with `aws ecs run-task --task-definition " +
               ecs::ecs_name(w.name) + "` (retries, completions and parallelism are not converted)");
  } else if (w.kind == model::WorkloadKind::kCronJob && options.format != EcsFormat::kJson) {
    d.note("run-task", lw.where,
           "CronJob \"" + w.name + "\" becomes a task definition run by an EventBridge Scheduler schedule (" +
               (lw.time_zone.empty() ? std::string("UTC") : lw.time_zone) + (lw.suspended ? ", DISABLED" : "") + ") from `" +
               lw.schedule + "` (concurrencyPolicy and history limits are not converted)");
  } else if (w.kind == model::WorkloadKind::kCronJob) {
    d.note("run-task", lw.where,
           "CronJob \"" + w.name + "\" becomes a task definition only: schedule it with an EventBridge Scheduler "
           "schedule `cron(" + lw.schedule + ")` (Kubernetes cron syntax; EventBridge uses six fields) targeting ECS RunTask");
  }
  return wi;
}

/// Whether ConfigMap values become plain environment entries (see ToEcsOptions::config_maps).
bool inline_config_maps(const ToEcsOptions& options) {
  using C = ToEcsOptions::ConfigMaps;
  return options.config_maps == C::kEnvironment || (options.config_maps == C::kDefault && options.format == EcsFormat::kJson);
}

/// --name OLD=NEW: the family and service name NEW for the workload named OLD (after linking, so
/// the objects that refer to it by its Kubernetes name are already joined to it). A warning for
/// each OLD no workload has.
void rename_workloads(const std::map<std::string, std::string>& renames, std::vector<k8s::LinkedWorkload>& workloads,
                      Diagnostics& diags) {
  std::set<std::string> used;
  for (k8s::LinkedWorkload& lw : workloads) {
    model::Workload& w = lw.workload;
    auto it = renames.find(w.name);
    if (it == renames.end() && !w.service_name.empty()) it = renames.find(w.service_name);
    if (it == renames.end()) continue;
    used.insert(it->first);
    diags.note("renamed-resource", lw.where,
               "\"" + it->first + "\" is named \"" + it->second + "\" in ECS (task family" +
                   (w.has_service ? std::string(" and service") : std::string()) + "), as --name asks");
    w.name = it->second;
    if (w.has_service) w.service_name = it->second;
  }
  app::warn_unused_renames(renames, used, "this run", diags);
}

aws::Options plan_options(const ToEcsOptions& options) {
  aws::Options co;
  co.fargate = options.fargate;
  co.execution_role_arn = options.execution_role_arn;
  co.cluster = options.cluster;
  co.region = options.region;
  co.account_id = options.account_id;
  co.subnets = options.subnets;
  co.security_groups = options.security_groups;
  co.parameter_prefix = options.parameter_prefix;
  co.secrets_manager = options.secrets_manager;
  co.log_retention_days = options.log_retention_days;
  return co;
}

/// The kept workloads, ConfigMaps and Secrets of each namespace (none from a failed input).
std::map<std::string, aws::NamespaceInput> group_by_namespace(std::vector<aws::WorkloadInput> written, const k8s::Manifests& all,
                                                              const std::set<std::string>& failed, bool with_config_maps) {
  std::map<std::string, aws::NamespaceInput> namespaces;
  for (auto& wi : written) {
    bool bad = false;
    for (const auto& f : wi.linked->files) bad = bad || failed.count(f) != 0;
    if (bad) continue;
    const std::string& ns = wi.linked->workload.namespace_name;
    namespaces[ns].namespace_name = ns;
    namespaces[ns].workloads.push_back(std::move(wi));
  }
  for (const auto& cm : all.config_maps) {
    if (failed.count(cm.meta.where.file) != 0) continue;  // its file failed later (a workload error)
    if (!with_config_maps) continue;  // their values are environment entries: no parameters
    namespaces[cm.meta.namespace_name].namespace_name = cm.meta.namespace_name;
    namespaces[cm.meta.namespace_name].config_maps.push_back(&cm);
  }
  for (const auto& sec : all.secrets) {
    if (failed.count(sec.meta.where.file) != 0) continue;
    namespaces[sec.meta.namespace_name].namespace_name = sec.meta.namespace_name;
    namespaces[sec.meta.namespace_name].secrets.push_back(&sec);
  }
  return namespaces;
}

/// One document per namespace: its plan, rendered in the chosen format (API calls are checked).
void render_namespaces(std::map<std::string, aws::NamespaceInput> namespaces, const ToEcsOptions& options,
                       std::set<std::string>& failed, ConvertResult& result) {
  const aws::Options co = plan_options(options);
  for (auto& [ns, in] : namespaces) {
    Diagnostics d;
    std::vector<std::string> files;
    for (const auto& wi : in.workloads) files.insert(files.end(), wi.linked->files.begin(), wi.linked->files.end());
    for (const auto* cm : in.config_maps) files.push_back(cm->meta.where.file);
    for (const auto* sec : in.secrets) files.push_back(sec->meta.where.file);
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    const aws::Plan plan = aws::build_plan(std::move(in), co, d);
    std::string text;
    if (options.format == EcsFormat::kApi) {
      const io::Node doc = aws::render(plan, options.format);
      if (!d.has_errors() && !app::check_output_api(doc, {files.empty() ? std::string() : files.front(), "", 0, 0, -1}, d)) {
        failed.insert(files.begin(), files.end());
      }
      text = aws::render_text(doc, options.format);
    } else {
      text = aws::render_plan_text(plan, options.format);
    }
    result.diagnostics.append(d);
    result.documents.push_back({ecs::ecs_name(ns), files, std::move(text), {}});
  }
}

}  // namespace

ConvertResult convert_to_ecs(const std::vector<InputText>& inputs, const ToEcsOptions& options) {
  ConvertResult result;
  const io::Limits& limits = options.limits;
  std::set<std::string> failed;
  k8s::Manifests all;
  std::vector<app::RawObject> raw;  // the objects as written, for the Kubernetes-only fields (k8s_carry.h)
  for (const InputText& in : inputs) {
    Diagnostics d;
    k8s::Manifests part;
    std::vector<app::RawObject> raw_part;
    read_input(in, limits, part, raw_part, d);
    if (d.has_errors()) failed.insert(in.path);
    else {
      all.append(std::move(part));
      for (auto& r : raw_part) raw.push_back(std::move(r));
    }
    result.diagnostics.append(d);
  }

  k8s::LinkOptions link;
  link.parameter_prefix = options.parameter_prefix;
  link.secrets_manager = options.secrets_manager;
  link.region = options.region;
  link.account_id = options.account_id;
  link.inline_config_maps = inline_config_maps(options);
  link.parameters_created = options.format != EcsFormat::kJson && !link.inline_config_maps;
  Diagnostics linking;
  std::vector<k8s::LinkedWorkload> workloads = k8s::link_manifests(all, link, linking);
  rename_workloads(options.renames, workloads, linking);
  result.diagnostics.append(linking);

  ecs::WriteOptions write;
  write.launch_type = options.fargate ? model::LaunchType::kFargate : model::LaunchType::kEc2;
  write.execution_role_arn = options.execution_role_arn;
  write.cluster = options.cluster;
  write.region = options.region;
  write.account_id = options.account_id;
  write.subnets = options.subnets;
  write.security_groups = options.security_groups;
  write.default_logs = options.awslogs;
  write.create_log_group = options.format == EcsFormat::kJson;  // the other formats create the group

  std::set<std::string> taken;
  const bool wiring = options.format != EcsFormat::kJson;
  std::vector<aws::WorkloadInput> written;  // cfn / api: per kept workload
  std::set<const app::RawObject*> carried;  // objects carried with a kept workload
  std::set<const app::RawObject*> reported;  // --carry none: objects whose lost fields are reported
  const app::RawIndex raw_index(raw);
  for (const k8s::LinkedWorkload& lw : workloads) {
    Diagnostics d;
    const model::Workload& w = lw.workload;
    ecs::WriteOptions wo = write;
    if (!lw.security_groups.empty()) wo.security_groups = lw.security_groups;  // SecurityGroupPolicy
    // What was kept from ECS is restored whenever it fits the launch type; the flag, when given,
    // only decides the launch type (it wins over the kept one).
    wo.restore_ecs_origin = true;
    if (!options.launch_type_explicit) restore_launch_type(lw.carry, wo);
    const std::vector<const app::RawObject*> linked = raw_index.linked(lw.where);
    aws::WorkloadInput wi = write_workload(lw, wo, options, d);
    if (options.carry) app::add_k8s_carry(wi.task_definition, linked, d);
    for (const app::RawObject* o : linked) {
      if (!options.carry && reported.insert(o).second) app::report_lost_fields(*o, d);  // an Ingress of two workloads: once
    }
    const std::string family = ecs::ecs_name(w.name);
    if (!d.has_errors()) {
      (void)app::check_output_ecs(wi.task_definition, w.has_service ? &wi.service : nullptr, lw.where, d);
    }
    if (!d.has_errors() && !taken.insert(family).second) {
      d.error("duplicate-output", lw.where,
              "another workload already produced the task family \"" + family + "\"; this one is skipped");
    }
    {
      // What the rendering of the format creates itself is not left to the user.
      Diagnostics kept;
      for (const auto& x : d.all()) {
        if (!aws::resolved_by(options.format, x)) kept.report(x);
      }
      d = std::move(kept);
    }
    app::share_failure(lw.files, d);
    result.diagnostics.append(d);
    if (d.has_errors()) {
      for (const auto& f : lw.files) failed.insert(f);
      continue;
    }
    for (const app::RawObject* o : linked) carried.insert(o);
    if (wiring) written.push_back(std::move(wi));
    else result.documents.push_back({family, lw.files, io::to_json(aws::render_json(wi), 2) + "\n", {}});
  }
  if (!wiring) report_not_carried(raw, carried, result.diagnostics);
  if (wiring) render_namespaces(group_by_namespace(std::move(written), all, failed, !inline_config_maps(options)), options, failed, result);
  // No partial output: a document that drew on a failed input is dropped.
  std::vector<OutputDocument> kept;
  for (auto& doc : result.documents) {
    const bool bad = std::any_of(doc.sources.begin(), doc.sources.end(), [&](const std::string& s) { return failed.count(s) != 0; });
    if (!bad) kept.push_back(std::move(doc));
  }
  result.documents = std::move(kept);
  result.failed_inputs.assign(failed.begin(), failed.end());
  return result;
}

std::string join_ecs_output(const std::vector<OutputDocument>& docs, EcsFormat format) {
  if (format == EcsFormat::kJson) return join_ecs_documents(docs);
  if (format == EcsFormat::kCfn) {
    std::string out;
    for (const auto& d : docs) out += (out.empty() ? "" : "---\n") + d.text;
    return out;
  }
  if (format == EcsFormat::kTerraform) {
    if (docs.size() == 1) return docs.front().text;
    std::string out;
    for (const auto& d : docs) out += (out.empty() ? "" : "\n") + ("# namespace " + d.name + "\n") + d.text;
    return out;
  }
  io::Node arr = io::Node::array();
  for (const auto& d : docs) {
    Diagnostics ignored;
    if (auto n = io::load_json(d.text, "", io::Limits{}, ignored)) {
      for (auto& item : n->items()) arr.push(std::move(item));
    }
  }
  return io::to_json(arr, 2) + "\n";
}

std::string join_ecs_documents(const std::vector<OutputDocument>& docs) {
  io::Node arr = io::Node::array();
  for (const auto& d : docs) {
    Diagnostics ignored;
    if (auto n = io::load_json(d.text, "", io::Limits{}, ignored)) arr.push(std::move(*n));
  }
  return io::to_json(arr, 2) + "\n";
}

}  // namespace specconv
