// convert_to_ecs: parse -> read (k8s/reader) -> link (app/link) -> write (ecs/writer), one
// input's errors never touching another's outputs. Never prints.
#include <algorithm>
#include <set>

#include "app/link.h"
#include "ecs/writer.h"
#include "io/json_load.h"
#include "io/json_write.h"
#include "io/yaml_load.h"
#include "k8s/reader.h"
#include "specconv/convert_ecs.h"

namespace specconv {
namespace {

bool blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

bool starts_like_json(const std::string& text) {
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    return c == '{' || c == '[';
  }
  return false;
}

/// Reads one input file into `part`; problems go to `d`.
void read_input(const InputText& in, const io::Limits& limits, k8s::Manifests& part, Diagnostics& d) {
  if (blank(in.text)) {
    d.error("empty-input", {in.path, "", 0, 0, -1}, "the file is empty: nothing to convert");
    return;
  }
  io::ReadContext ctx;
  ctx.file = in.path;
  ctx.diags = &d;
  if (starts_like_json(in.text)) {
    auto root = io::load_json(in.text, in.path, limits, d);
    if (!root) return;
    if (root->is_object() && (root->find("containerDefinitions") != nullptr || root->find("taskDefinition") != nullptr ||
                              root->find("serviceName") != nullptr)) {
      d.error("wrong-direction", {in.path, "", 1, 1, -1}, "this is ECS input; convert it with `specconv to-k8s`");
      return;
    }
    ctx.document = 0;
    if (root->is_array()) {
      for (std::size_t i = 0; i < root->items().size(); ++i) {
        ctx.document = static_cast<int64_t>(i);
        k8s::read_document(root->items()[i], ctx, part);
      }
    } else {
      k8s::read_document(*root, ctx, part);
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
    k8s::read_document(doc.root, ctx, part);
  }
}

}  // namespace

ConvertResult convert_to_ecs(const std::vector<InputText>& inputs, const ToEcsOptions& options) {
  ConvertResult result;
  io::Limits limits;
  limits.max_depth = options.max_depth;
  limits.max_nodes = options.max_nodes;
  std::set<std::string> failed;
  k8s::Manifests all;
  for (const InputText& in : inputs) {
    Diagnostics d;
    k8s::Manifests part;
    read_input(in, limits, part, d);
    if (d.has_errors()) failed.insert(in.path);
    else all.append(std::move(part));
    result.diagnostics.append(d);
  }

  app::LinkOptions link;
  link.parameter_prefix = options.parameter_prefix;
  link.secrets_manager = options.secrets_manager;
  link.region = options.region;
  link.account_id = options.account_id;
  Diagnostics linking;
  std::vector<app::LinkedWorkload> workloads = app::link_manifests(all, link, linking);
  result.diagnostics.append(linking);

  ecs::WriteOptions write;
  write.launch_type = options.fargate ? model::LaunchType::kFargate : model::LaunchType::kEc2;
  write.execution_role_arn = options.execution_role_arn;
  write.cluster = options.cluster;
  write.region = options.region;
  write.account_id = options.account_id;
  write.subnets = options.subnets;
  write.security_groups = options.security_groups;

  std::set<std::string> taken;
  for (const app::LinkedWorkload& lw : workloads) {
    Diagnostics d;
    const model::Workload& w = lw.workload;
    io::Node td = ecs::task_definition_input(w, lw.where, write, d);
    const std::string family = ecs::ecs_name(w.name);
    io::Node doc;
    if (w.has_service) {
      doc = io::Node::object();
      doc.set("taskDefinition", std::move(td));
      doc.set("service", ecs::create_service_input(w, lw.where, write, d));
      io::Node scaling = ecs::autoscaling_inputs(w, write);
      if (scaling.size() > 0) doc.set("autoscaling", std::move(scaling));
    } else {
      doc = std::move(td);
      if (w.kind == model::WorkloadKind::kJob) {
        d.note("run-task", lw.where,
               "Job \"" + w.name + "\" becomes a task definition only: run it with `aws ecs run-task --task-definition " + family +
                   "` (retries, completions and parallelism are not converted)");
      } else if (w.kind == model::WorkloadKind::kCronJob) {
        d.note("run-task", lw.where,
               "CronJob \"" + w.name + "\" becomes a task definition only: schedule it with an EventBridge Scheduler "
               "schedule `cron(" + lw.schedule + ")` (Kubernetes cron syntax; EventBridge uses six fields) targeting ECS RunTask");
      }
    }
    if (!d.has_errors() && !taken.insert(family).second) {
      d.error("duplicate-output", lw.where,
              "another workload already produced the task family \"" + family + "\"; this one is skipped");
    }
    result.diagnostics.append(d);
    if (d.has_errors()) {
      for (const auto& f : lw.files) failed.insert(f);
      continue;
    }
    result.documents.push_back({family, lw.files, io::to_json(doc, 2) + "\n"});
  }
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

std::string join_ecs_documents(const std::vector<OutputDocument>& docs) {
  io::Node arr = io::Node::array();
  for (const auto& d : docs) {
    Diagnostics ignored;
    if (auto n = io::load_json(d.text, "", io::Limits{}, ignored)) arr.push(std::move(*n));
  }
  return io::to_json(arr, 2) + "\n";
}

}  // namespace specconv
