// The AWS resource plan of a namespace (see build_plan.h): names first (CloudFormation's
// parameter names are taken), then load balancing and Cloud Map, the stores the tasks read, and
// each workload's task definition, roles, schedule, service and scaling.
#include "aws/build_plan.h"

#include <algorithm>
#include <map>

#include "aws/build_network.h"
#include "aws/cron.h"
#include "aws/names.h"
#include "ecs/logs.h"
#include "ecs/writer.h"

namespace specconv::aws {
namespace {

const char* kTrustEcsTasks = "ecs-tasks.amazonaws.com";

bool is_arn(const std::string& s) { return s.rfind("arn:", 0) == 0; }

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

/// The names a CloudFormation template gives its parameters and fixed resources.
void reserve_names(LogicalNames& names) {
  for (const char* reserved : {"VpcId", "Subnets", "SecurityGroups", "PublicSubnets", "LoadBalancerSecurityGroups",
                               "Cluster", "ExecutionRoleArn", "CertificateArn", "ServiceDiscoveryNamespaceName",
                               "ServiceDiscoveryNamespace", "TaskExecutionRole", "CreateExecutionRole", "SchedulerRole"}) {
    (void)names.make(reserved, "");
  }
}

/// SSM String parameters from the ConfigMaps' keys (binaryData, empty and > 8 KB values skipped).
void add_parameters(const NamespaceInput& in, const Options& o, LogicalNames& names, Plan& plan, Diagnostics& diags) {
  for (const k8s::KeyedObject* cm : in.config_maps) {
    for (const std::string& key : cm->keys) {
      auto v = std::find_if(cm->values.begin(), cm->values.end(), [&](const auto& kv) { return kv.first == key; });
      const std::string name = k8s::ssm_parameter_name(o.parameter_prefix, in.namespace_name, cm->meta.name, key);
      if (v == cm->values.end()) {
        diags.warning("config-value-skipped", cm->meta.where,
                      "ConfigMap \"" + cm->meta.name + "\" key \"" + key + "\" is binaryData: no SSM String parameter is made for it");
        continue;
      }
      if (v->second.empty() || v->second.size() > 8192) {
        diags.warning("config-value-skipped", cm->meta.where,
                      "ConfigMap \"" + cm->meta.name + "\" key \"" + key + "\" is " +
                          (v->second.empty() ? std::string("empty") : "longer than 8 KB") +
                          ", which an SSM parameter cannot hold: no parameter " + name + " is made");
        continue;
      }
      plan.parameters.push_back({{Kind::kParameter, names.make(cm->meta.name + "-" + key, "Parameter")},
                                 name,
                                 "ConfigMap " + in.namespace_name + "/" + cm->meta.name,
                                 v->second,
                                 v->second.size() > 4096});
    }
  }
}

/// Secrets Manager secrets (without values) from the Secrets, or a note that they are SecureString
/// parameters the plan cannot create.
void add_secrets(const NamespaceInput& in, const Options& o, LogicalNames& names, Plan& plan, Diagnostics& diags) {
  if (o.secrets_manager) {
    for (const k8s::KeyedObject* sec : in.secrets) {
      const std::string name = in.namespace_name + "/" + sec->meta.name;
      plan.secrets.push_back({{Kind::kSecret, names.make(sec->meta.name, "Secret")},
                              name,
                              sec->meta.name,
                              "Secret " + name + " (keys " + join(sec->keys, ", ") +
                                  "); no value here: put it with the file written by specconv --emit-secret-values"});
    }
  } else if (!in.secrets.empty()) {
    std::vector<std::string> secret_names;
    for (const auto* sec : in.secrets) secret_names.push_back(sec->meta.name);
    diags.note("secure-string-parameters", in.secrets.front()->meta.where,
               "Secrets " + join(secret_names, ", ") + " of namespace " + in.namespace_name +
                   " are read from SSM SecureString parameters, which CloudFormation and this plan cannot create with "
                   "values: create them with the file written by --emit-secret-values (or use --secret-store "
                   "secretsmanager to get Secrets Manager secrets in the template)");
  }
}

void task_role_note(const k8s::LinkedWorkload& lw, Diagnostics& diags) {
  const std::string& role = lw.workload.task_role;
  if (role.empty()) return;
  if (is_arn(role)) {
    diags.note("irsa-task-role", lw.where,
               "task role " + role + " comes from the IRSA annotation: its trust policy must also allow " +
                   kTrustEcsTasks + " (sts:AssumeRole), as IRSA roles trust the EKS OIDC provider only");
  } else {
    diags.warning("irsa-task-role", lw.where,
                  "the IRSA annotation names \"" + role + "\", not an ARN: a role of that name trusting " + kTrustEcsTasks +
                      " is created, without permissions; attach the policies the workload needs");
  }
}

/// The plan's parameters by name and secrets by Kubernetes name (the last of a name wins).
struct StoreIndex {
  std::map<std::string, std::size_t> parameters;
  std::map<std::string, std::size_t> secrets;

  explicit StoreIndex(const Plan& plan) {
    for (std::size_t i = 0; i < plan.parameters.size(); ++i) parameters[plan.parameters[i].name] = i;
    for (std::size_t i = 0; i < plan.secrets.size(); ++i) secrets[plan.secrets[i].k8s_name] = i;
  }
};

/// Secrets Manager references of the task definition to secrets of this plan.
std::vector<SecretUse> secret_uses(const io::Node& td, const std::string& namespace_name, const StoreIndex& stores) {
  std::vector<SecretUse> uses;
  const io::Node* defs = td.find("containerDefinitions");
  if (defs == nullptr) return uses;
  const std::string marker = ":secret:" + namespace_name + "/";
  for (std::size_t ci = 0; ci < defs->items().size(); ++ci) {
    const io::Node* secrets = defs->items()[ci].find("secrets");
    if (secrets == nullptr) continue;
    for (std::size_t si = 0; si < secrets->items().size(); ++si) {
      const io::Node* vf = secrets->items()[si].find("valueFrom");
      if (vf == nullptr || !vf->is_string()) continue;
      const std::string v = vf->text();
      const auto at = v.find(marker);
      if (at == std::string::npos) continue;
      const std::string rest = v.substr(at + marker.size());  // <secret>:<key>::
      const auto colon = rest.find(':');
      const std::string k8s_name = rest.substr(0, colon);
      auto s = stores.secrets.find(k8s_name);
      if (s == stores.secrets.end()) continue;
      uses.push_back({ci, si, Ref<Secret>{s->second}, colon == std::string::npos ? "" : rest.substr(colon)});
    }
  }
  return uses;
}

/// The parameters and secrets of the plan the workload's containers read (a stack never starts a
/// task whose parameters are missing).
std::vector<AnyRef> stores_read(const model::Workload& w, const StoreIndex& stores) {
  std::vector<AnyRef> deps;
  auto add = [&](AnyRef r) {
    if (std::none_of(deps.begin(), deps.end(), [&](const AnyRef& x) { return x.kind == r.kind && x.index == r.index; })) {
      deps.push_back(r);
    }
  };
  for (const auto& c : w.containers) {
    for (const auto& s : c.secret_env) {
      auto p = stores.parameters.find(s.reference);
      auto q = stores.secrets.find(s.object);
      if (p != stores.parameters.end()) add({Kind::kParameter, p->second});
      else if (q != stores.secrets.end() && s.store == model::SecretStore::kSecretsManager) add({Kind::kSecret, q->second});
    }
  }
  return deps;
}

/// The task definition of workload `w` (its body moved into the plan) and its task role (an IRSA
/// name, not an ARN).
/// Whether the task definition's containers log to the group --logs awslogs gives it (the plan
/// creates that group; a group the input named is not the plan's to create).
bool uses_default_log_group(const io::Node& td, const std::string& namespace_name) {
  const io::Node* family = td.find("family");
  const io::Node* defs = td.find("containerDefinitions");
  if (family == nullptr || defs == nullptr || defs->items().empty()) return false;
  const io::Node* lc = defs->items().front().find("logConfiguration");
  const io::Node* options = lc != nullptr ? lc->find("options") : nullptr;
  const io::Node* group = options != nullptr ? options->find("awslogs-group") : nullptr;
  return group != nullptr && group->text() == ecs::log_group_name(namespace_name, family->text());
}

Workload add_task_definition(WorkloadInput& w, const std::string& base, const StoreIndex& stores, LogicalNames& names,
                             Plan& plan) {
  const k8s::LinkedWorkload& lw = *w.linked;
  TaskDefinition td;
  td.id = {Kind::kTaskDefinition, names.make(base, "TaskDefinition")};
  td.family = ecs::ecs_name(lw.workload.name);
  Workload out;
  if (!lw.workload.task_role.empty() && !is_arn(lw.workload.task_role)) {
    td.task_role = Ref<Role>{plan.roles.size()};
    out.task_role = td.task_role;
    plan.roles.push_back({{Kind::kRole, names.make(base, "TaskRole")}, Role::Purpose::kTask, lw.workload.task_role, ""});
  }
  td.plan_execution_role = !(plan.options.execution_role_arn.empty() && w.task_definition.find("executionRoleArn") != nullptr);
  td.secret_uses = secret_uses(w.task_definition, plan.namespace_name, stores);
  td.depends_on = stores_read(lw.workload, stores);
  if (uses_default_log_group(w.task_definition, plan.namespace_name)) {
    td.depends_on.push_back({Kind::kLogGroup, plan.log_groups.size()});
    plan.log_groups.push_back({{Kind::kLogGroup, names.make(base, "LogGroup")},
                               ecs::log_group_name(plan.namespace_name, w.task_definition.find("family")->text()),
                               plan.options.log_retention_days});
  }
  td.body = std::move(w.task_definition);
  out.task_definition = Ref<TaskDefinition>{plan.task_definitions.size()};
  plan.task_definitions.push_back(std::move(td));
  return out;
}

/// A CronJob's EventBridge Scheduler schedule; none (reported) when its cron has no EventBridge form.
void add_schedule(const k8s::LinkedWorkload& lw, const std::string& base, Workload& wl, LogicalNames& names, Plan& plan,
                  Diagnostics& diags) {
  std::string why;
  const std::string expr = eventbridge_cron(lw.schedule, why);
  if (expr.empty()) {
    diags.warning("schedule-not-converted", lw.where,
                  "CronJob \"" + lw.workload.name + "\": " + why + "; no schedule is made (the task definition is)");
    return;
  }
  Schedule s;
  s.id = {Kind::kSchedule, names.make(base, "Schedule")};
  s.name = ecs::ecs_name(lw.workload.name);
  s.description = "CronJob " + plan.namespace_name + "/" + lw.workload.name + " (" + lw.schedule + ")";
  s.expression = expr;
  if (!lw.time_zone.empty()) s.time_zone = lw.time_zone;
  s.disabled = lw.suspended;
  s.task_definition = wl.task_definition;
  s.role = Ref<Role>{0};  // the scheduler role comes first
  s.awsvpc = lw.workload.network_mode != model::NetworkMode::kHost;
  s.security_groups = lw.security_groups;
  wl.schedule = Ref<Schedule>{plan.schedules.size()};
  plan.schedules.push_back(std::move(s));
}

/// The ECS service of a long-running workload (its body moved into the plan) and its Application
/// Auto Scaling.
void add_service(WorkloadInput& w, const std::string& base, ServiceWiring wiring, Workload& wl, LogicalNames& names,
                 Plan& plan) {
  Service s;
  s.id = {Kind::kService, names.make(base, "Service")};
  s.body = std::move(w.service);
  s.task_definition = wl.task_definition;
  s.targets = std::move(wiring.targets);
  s.depends_on = std::move(wiring.depends_on);
  s.registry = wiring.registry;
  s.security_groups = w.linked->security_groups;
  wl.service = Ref<Service>{plan.services.size()};
  plan.services.push_back(std::move(s));
  for (const io::Node& call : w.autoscaling.items()) {
    const io::Node* api = call.find("api");
    const io::Node* input = call.find("input");
    if (api == nullptr || input == nullptr) continue;
    if (api->text() == "application-autoscaling:RegisterScalableTarget") {
      wl.scalable_targets.push_back(Ref<ScalableTarget>{plan.scalable_targets.size()});
      plan.scalable_targets.push_back({{Kind::kScalableTarget, names.make(base, "ScalableTarget")}, *wl.service, *input});
    } else if (api->text() == "application-autoscaling:PutScalingPolicy" && !wl.scalable_targets.empty()) {
      const io::Node* name = input->find("PolicyName");
      const std::string policy = name != nullptr ? name->text() : base;
      wl.scaling_policies.push_back(plan.scaling_policies.size());
      plan.scaling_policies.push_back({{Kind::kScalingPolicy, names.make(base + "-" + (name != nullptr ? policy : "policy"), "ScalingPolicy")},
                                       wl.scalable_targets.back(), policy, *input});
    }
  }
}

/// What the plan needs from outside (before unused load balancers and target groups are left out).
Inputs inputs_of(const NamespaceInput& in, const NetworkDraft& draft) {
  Inputs i;
  bool any_service = false;
  bool any_awsvpc = false;
  for (const auto& wi : in.workloads) {
    if (wi.linked->workload.kind == model::WorkloadKind::kCronJob) {
      any_service = true;  // the schedule targets the cluster
      if (wi.linked->workload.network_mode != model::NetworkMode::kHost) any_awsvpc = true;
    }
    if (wi.service.is_null()) continue;
    any_service = true;
    if (wi.service.find("networkConfiguration") != nullptr) any_awsvpc = true;
  }
  i.vpc = !draft.target_groups.empty() || !draft.discovery.empty();
  i.subnets = any_awsvpc || !draft.load_balancers.empty();
  i.security_groups = any_awsvpc;
  i.public_subnets = draft.any_internet_facing;
  i.load_balancer_security_groups =
      std::any_of(draft.load_balancers.begin(), draft.load_balancers.end(), [](const DraftLoadBalancer& d) { return d.lb.alb; });
  i.cluster = any_service;
  i.certificate = draft.any_https_without_certificate;
  i.namespace_name = !draft.discovery.empty();
  return i;
}

}  // namespace

const Resource& Plan::identity(AnyRef r) const {
  switch (r.kind) {
    case Kind::kParameter: return parameters.at(r.index).id;
    case Kind::kSecret: return secrets.at(r.index).id;
    case Kind::kRole: return roles.at(r.index).id;
    case Kind::kNamespace: return cloud_map.value().id;
    case Kind::kDiscoveryService: return discovery.at(r.index).id;
    case Kind::kTargetGroup: return target_groups.at(r.index).id;
    case Kind::kLoadBalancer: return load_balancers.at(r.index).id;
    case Kind::kListener: return listeners.at(r.index).id;
    case Kind::kListenerCertificate: return listener_certificates.at(r.index).id;
    case Kind::kListenerRule: return rules.at(r.index).id;
    case Kind::kTaskDefinition: return task_definitions.at(r.index).id;
    case Kind::kService: return services.at(r.index).id;
    case Kind::kScalableTarget: return scalable_targets.at(r.index).id;
    case Kind::kScalingPolicy: return scaling_policies.at(r.index).id;
    case Kind::kSchedule: return schedules.at(r.index).id;
    case Kind::kLogGroup: return log_groups.at(r.index).id;
  }
  return parameters.at(r.index).id;
}

Plan build_plan(NamespaceInput in, const Options& options, Diagnostics& diags) {
  Plan plan;
  plan.namespace_name = in.namespace_name;
  plan.options = options;
  LogicalNames names;
  reserve_names(names);
  NetworkDraft draft = draft_network(in, names, diags);
  plan.inputs = inputs_of(in, draft);
  add_parameters(in, options, names, plan, diags);
  add_secrets(in, options, names, plan, diags);
  std::vector<ServiceWiring> wiring = add_network(in, std::move(draft), names, plan);
  const std::string ns = ecs::ecs_name(in.namespace_name);
  plan.execution_role = Role{{Kind::kRole, "TaskExecutionRole"}, Role::Purpose::kTaskExecution, "", "read-" + ns + "-configuration"};
  const bool any_cron = std::any_of(in.workloads.begin(), in.workloads.end(), [](const WorkloadInput& w) {
    return w.linked->workload.kind == model::WorkloadKind::kCronJob;
  });
  if (any_cron) {
    plan.roles.push_back({{Kind::kRole, "SchedulerRole"}, Role::Purpose::kScheduler, ns + "-ecs-scheduler", "run-" + ns + "-cronjobs"});
  }
  const StoreIndex stores(plan);
  for (std::size_t i = 0; i < in.workloads.size(); ++i) {
    WorkloadInput& w = in.workloads[i];
    const std::string base = logical_id(ecs::ecs_name(w.linked->workload.name));
    task_role_note(*w.linked, diags);
    Workload wl = add_task_definition(w, base, stores, names, plan);
    if (w.linked->workload.kind == model::WorkloadKind::kCronJob) add_schedule(*w.linked, base, wl, names, plan, diags);
    if (!w.service.is_null()) add_service(w, base, std::move(wiring[i]), wl, names, plan);  // after the task definition
    plan.workloads.push_back(std::move(wl));
  }
  return plan;
}

}  // namespace specconv::aws
