// Kubernetes objects for one workload. Labels and selectors use the workload's name only (never
// a task definition revision), so a new revision updates the same Deployment.
#include "k8s/emit.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "k8s/alb_patterns.h"
#include "k8s/gateway.h"
#include "k8s/object_meta.h"
#include "k8s/pod_spec.h"
#include "mapping/k8s_version.h"
#include "mapping/names.h"
#include "mapping/rollout.h"
#include "mapping/secrets.h"

namespace specconv::k8s {
namespace {

using io::Node;
using io::str;

/// Valid label key: optional DNS prefix + "/" + name of <= 63 [A-Za-z0-9-_.] with alnum ends.
bool valid_label_key(const std::string& key) {
  const auto slash = key.find('/');
  const std::string name = slash == std::string::npos ? key : key.substr(slash + 1);
  if (slash != std::string::npos) {
    const std::string prefix = key.substr(0, slash);
    if (prefix.empty() || !mapping::is_valid_name(prefix, mapping::NameKind::kRfc1123Subdomain)) return false;
  }
  if (name.empty() || name.size() > 63) return false;
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  if (!alnum(name.front()) || !alnum(name.back())) return false;
  for (char c : name) {
    if (!alnum(c) && c != '-' && c != '_' && c != '.') return false;
  }
  return key.rfind("kubernetes.io/", 0) != 0 && key.rfind("k8s.io/", 0) != 0;
}

/// ECS tags -> labels where they are valid labels; all tags are also kept in the annotation
/// when any of them is not.
/// An ECS task definition without requiresCompatibilities / networkMode is an EC2 task in bridge
/// mode (the RegisterTaskDefinition defaults); written out (requiresCompatibilities [] = none) so
/// that to-ecs, whose own defaults are FARGATE and awsvpc, gives the same task back.
void add_ecs_launch_defaults(const model::Workload& w, Node& task_kept) {
  if (w.compatibilities.empty()) task_kept.set("requiresCompatibilities", Node::array());
  if (w.network_mode == model::NetworkMode::kUnset) task_kept.set("networkMode", str("bridge"));
}

void tags_to_labels(const std::vector<std::pair<std::string, std::string>>& tags, Node& labels, Node& carried_tags) {
  for (const auto& [k, v] : tags) {
    const auto value = mapping::to_label_value(v);
    if (valid_label_key(k) && !value.changed && k != kNameLabel) {
      labels.set(k, str(v));
    } else {
      carried_tags.set(k, str(v));
    }
  }
}

std::string port_name(const model::Port& p) {
  if (!p.name.empty()) return mapping::to_k8s_name(p.name, mapping::NameKind::kPortName).name;
  const std::string proto = p.protocol == model::Protocol::kUdp ? "udp" : "tcp";
  return proto + "-" + std::to_string(p.container_port);
}

struct ServicePort {
  std::string name;
  int64_t port = 0;
  int64_t target = 0;
  model::Protocol protocol = model::Protocol::kTcp;
  std::string app_protocol;
};

/// Exposed ports of the app containers and sidecars, once each.
std::vector<ServicePort> exposed_ports(const model::Workload& w) {
  std::vector<ServicePort> out;
  std::set<std::pair<int64_t, model::Protocol>> seen;
  std::set<std::string> names;
  for (const auto& c : w.containers) {
    for (const auto& p : c.ports) {
      if (!seen.insert({p.container_port, p.protocol}).second) continue;
      ServicePort sp;
      sp.name = port_name(p);
      if (!names.insert(sp.name).second) sp.name = port_name(model::Port{p.container_port, {}, p.protocol, "", ""});
      sp.port = p.container_port;
      sp.target = p.container_port;
      sp.protocol = p.protocol;
      sp.app_protocol = p.app_protocol;
      out.push_back(std::move(sp));
    }
  }
  // A CloudMap registration with its own port (SRV) answers on that port.
  for (const auto& r : w.registries) {
    if (r.port && r.container_port && *r.port != *r.container_port) {
      for (auto& sp : out) {
        if (sp.target == *r.container_port) sp.port = *r.port;
      }
    }
  }
  return out;
}

const char* protocol_name(model::Protocol p) {
  return p == model::Protocol::kUdp ? "UDP" : p == model::Protocol::kSctp ? "SCTP" : "TCP";
}

SourceLocation scaling_location(const model::Workload& w, const model::ScalingTarget& t) {
  if (t.source_file.empty()) return service_location(w, "");
  return SourceLocation{t.source_file, t.source_pointer, 0, 0, -1};
}

Node rollout_strategy(const model::Workload& w, int64_t replicas, Diagnostics& diags) {
  mapping::EcsRollout e;
  if (const auto* p = std::get_if<model::PercentRollout>(&w.rollout)) {
    e.maximum_percent = p->maximum_percent;
    e.minimum_healthy_percent = p->minimum_healthy_percent;
  }
  const mapping::ToK8s r = mapping::rollout_to_k8s(e, replicas);
  if (!r.exact) {
    diags.warning("lossy-rollout", service_location(w, "/deploymentConfiguration"), r.note);
  }
  Node strategy = Node::object();
  if (r.rollout.recreate) {
    strategy.set("type", str("Recreate"));
    return strategy;
  }
  auto value = [](const mapping::IntOrPercent& v) {
    return v.percent ? str(std::to_string(v.value) + "%") : Node::integer(v.value);
  };
  strategy.set("type", str("RollingUpdate"));
  Node ru = Node::object();
  ru.set("maxSurge", value(r.rollout.max_surge));
  ru.set("maxUnavailable", value(r.rollout.max_unavailable));
  strategy.set("rollingUpdate", std::move(ru));
  return strategy;
}

/// The workload's Kubernetes name and the ECS name it is made from (the service's, else the family).
struct WorkloadName {
  std::string source;
  std::string name;
  bool renamed = false;     // name is not source (annotated with the original name)
  std::string renamed_by;   // the --name OLD that gave it its name; "" when none did
};

/// The --name NEW for the workload: OLD is its ECS name or the Kubernetes name it would get.
const std::string* requested_name(const EmitOptions& opt, const std::string& source, const std::string& derived,
                                  std::string& matched) {
  for (const std::string* key : {&source, &derived}) {
    if (auto it = opt.renames.find(*key); it != opt.renames.end()) {
      matched = *key;
      return &it->second;
    }
  }
  return nullptr;
}

/// A CronJob's name leaves room for the 11 characters its Jobs' names add: at most 52, cut with the
/// same hash suffix as other shortened names.
mapping::NameResult cron_job_name(mapping::NameResult n, std::string_view source) {
  constexpr std::size_t kMaxCronJobName = 52;
  if (n.name.size() <= kMaxCronJobName) return n;
  std::string cut = n.name.substr(0, kMaxCronJobName - 6);
  while (!cut.empty() && cut.back() == '-') cut.pop_back();
  n.name = cut + "-" + mapping::hash_digits(source);
  n.changed = true;
  return n;
}

WorkloadName workload_name(const model::Workload& w, const EmitOptions& opt, Diagnostics& diags) {
  WorkloadName n;
  n.source = w.has_service && !w.service_name.empty()   ? w.service_name
             : w.schedule && !w.schedule->name.empty() ? w.schedule->name
                                                       : w.name;
  auto derived = mapping::to_k8s_name(n.source, mapping::NameKind::kRfc1035Label);
  if (w.kind == model::WorkloadKind::kCronJob) derived = cron_job_name(std::move(derived), n.source);
  const SourceLocation at = w.has_service ? service_location(w, "/serviceName") : task_location(w, "/family");
  if (const std::string* wanted = requested_name(opt, n.source, derived.name, n.renamed_by)) {
    n.name = *wanted;
    n.renamed = n.name != n.source;
    diags.note("renamed-resource", at, "\"" + n.source + "\" is named \"" + n.name + "\" in Kubernetes, as --name " +
                                           n.renamed_by + "=" + n.name + " asks (original kept in " +
                                           kAnnotationOriginalName + ")");
    return n;
  }
  n.name = derived.name;
  n.renamed = derived.changed;
  if (derived.changed) {
    diags.note("renamed-resource", at,
               "\"" + n.source + "\" is named \"" + n.name + "\" in Kubernetes (original kept in " +
                   kAnnotationOriginalName + ")");
  }
  return n;
}

/// The task's ECS-only values, for the specconv.io/ecs-task annotation.
Node kept_task_values(const model::Workload& w, const carry::Fields& kept, const PodSpec& pod, const WorkloadName& n,
                      Node carried_tags) {
  Node task_kept = carry::to_object(kept);
  if (!w.compatibilities.empty()) {
    Node rc = Node::array();
    for (auto lt : w.compatibilities) {
      rc.push(str(lt == model::LaunchType::kFargate ? "FARGATE" : lt == model::LaunchType::kEc2 ? "EC2" : "EXTERNAL"));
    }
    task_kept.set("requiresCompatibilities", std::move(rc));
  }
  if (w.network_mode != model::NetworkMode::kUnset && w.network_mode != model::NetworkMode::kHost) {
    const char* mode = w.network_mode == model::NetworkMode::kAwsvpc   ? "awsvpc"
                       : w.network_mode == model::NetworkMode::kBridge ? "bridge"
                       : w.network_mode == model::NetworkMode::kNone   ? "none"
                                                                        : "default";
    task_kept.set("networkMode", str(mode));
  }
  add_ecs_launch_defaults(w, task_kept);
  if (!pod.renamed_volumes.empty()) {
    Node names = Node::object();
    for (const auto& [k8s_name, ecs_name] : pod.renamed_volumes) names.set(k8s_name, str(ecs_name));
    task_kept.set("volumeNames", std::move(names));
  }
  if (!pod.ecs_order.empty()) task_kept.set("containerOrder", Node::strings(pod.ecs_order));
  if (!w.task_cpu_text.empty()) task_kept.set("cpu", str(w.task_cpu_text));
  if (!w.task_memory_text.empty()) task_kept.set("memory", str(w.task_memory_text));
  if (carried_tags.size() > 0) task_kept.set("tags", std::move(carried_tags));
  // A CronJob named after its schedule (its task definition also runs a service) is a family of its
  // own on the way back: two workloads of one family would clash there.
  const bool own_family = w.schedule && !w.schedule->name.empty();
  if ((n.renamed || w.name != n.name) && !own_family) task_kept.set("family", str(w.name));
  // A task definition without a service: the way back writes none either (to-ecs).
  if (!w.has_service) task_kept.set("taskOnly", Node::boolean(true));
  return task_kept;
}

/// The workload's annotations: the original name and the ECS-only values of task, containers
/// and service.
Node workload_annotations(const model::Workload& w, const carry::EcsCarry& kept, const PodSpec& pod, const WorkloadName& n,
                          Node carried_tags) {
  Node annotations = Node::object();
  if (n.renamed) annotations.set(kAnnotationOriginalName, str(n.source));
  const Node task_kept = kept_task_values(w, kept.task, pod, n, std::move(carried_tags));
  if (task_kept.size() > 0) annotations.set(kAnnotationTask, str(carry::encode(task_kept)));
  if (pod.carried.size() > 0) annotations.set(kAnnotationContainers, str(carry::encode(pod.carried)));
  if (!kept.service.empty()) annotations.set(kAnnotationService, str(carry::encode(carry::to_object(kept.service))));
  return annotations;
}

/// What the steps of emit_workload read, and the objects they add.
struct EmitContext {
  const model::Workload& w;
  const std::string& name;  // the workload's Kubernetes name
  const EmitOptions& opt;
  Diagnostics& diags;
  std::vector<Object>& objects;
};

/// Metadata of an object that belongs to the workload (labelled with its name).
Node labelled_metadata(const EmitContext& ctx, const std::string& object_name, bool namespaced) {
  return labelled_metadata(ctx.name, object_name, ctx.opt, namespaced);
}

/// ServiceAccount with the task role (IRSA); the execution role is only reported.
void add_service_account(const EmitContext& ctx) {
  const model::Workload& w = ctx.w;
  if (!w.task_role.empty()) {
    Node meta = labelled_metadata(ctx, ctx.name, true);
    Node ann = Node::object();
    ann.set("eks.amazonaws.com/role-arn", str(w.task_role));
    meta.set("annotations", std::move(ann));
    ctx.objects.push_back({"ServiceAccount", ctx.name, object("v1", "ServiceAccount", std::move(meta))});
    const std::string ns = ctx.opt.namespace_name.empty() ? "default" : ctx.opt.namespace_name;
    ctx.diags.note("irsa-trust-policy", task_location(w, "/taskRoleArn"),
                   "the task role becomes ServiceAccount " + ns + "/" + ctx.name + "'s IRSA role: its trust policy must "
                   "also allow sts:AssumeRoleWithWebIdentity from the cluster's OIDC provider for "
                   "system:serviceaccount:" + ns + ":" + ctx.name + " (aud sts.amazonaws.com); with -o DIR, "
                   "--oidc-provider ARN writes that policy as DIR/" + ctx.name + ".trust-policy.json");
  }
  if (!w.execution_role.empty()) {
    ctx.diags.note("execution-role", task_location(w, "/executionRoleArn"),
                   "executionRoleArn is not mapped: on EKS, image pulls and log delivery use the node role; kept in " +
                       std::string(kAnnotationTask));
  }
}

using SecretKeys = std::vector<std::pair<std::string, mapping::SecretTarget>>;  // Secret key -> reference

/// The Secrets the pod reads, with their keys; two references for one key are an error.
std::map<std::string, SecretKeys> pod_secrets(const model::Workload& w, Diagnostics& diags) {
  std::map<std::string, SecretKeys> secrets;  // name -> keys
  for (std::size_t i = 0; i < w.containers.size(); ++i) {
    for (std::size_t s = 0; s < w.containers[i].secret_env.size(); ++s) {
      const auto& se = w.containers[i].secret_env[s];
      const mapping::SecretTarget t = mapping::secret_target(se.reference);
      auto& keys = secrets[t.secret_name];
      bool have = false;
      for (const auto& [k, prev] : keys) {
        if (k == t.secret_key) {
          have = true;
          if (prev.remote_key != t.remote_key || prev.json_key != t.json_key) {
            diags.error("secret-name-collision",
                        task_location(w, "/containerDefinitions/" + std::to_string(i) + "/secrets/" + std::to_string(s)),
                        "secret references " + prev.remote_key + " and " + t.remote_key + " map to the same Secret " +
                            t.secret_name + " key " + t.secret_key);
          }
        }
      }
      if (!have) keys.emplace_back(t.secret_key, t);
    }
  }
  return secrets;
}

/// An ExternalSecret that fills Secret `secret_name` from SSM / Secrets Manager.
Node external_secret(const EmitContext& ctx, const std::string& secret_name, const SecretKeys& keys) {
  const bool sm = keys.front().second.secrets_manager;
  Node es = object("external-secrets.io/v1", "ExternalSecret", labelled_metadata(ctx, secret_name, true));
  Node spec = Node::object();
  spec.set("refreshInterval", str("1h"));
  Node store = Node::object();
  store.set("name", str(sm ? ctx.opt.secrets_manager_store : ctx.opt.ssm_store));
  store.set("kind", str("ClusterSecretStore"));
  spec.set("secretStoreRef", std::move(store));
  Node target = Node::object();
  target.set("name", str(secret_name));
  target.set("creationPolicy", str("Owner"));
  spec.set("target", std::move(target));
  Node data = Node::array();
  for (const auto& [k, t] : keys) {
    Node d = Node::object();
    d.set("secretKey", str(k));
    Node remote = Node::object();
    remote.set("key", str(t.remote_key));
    if (!t.json_key.empty()) remote.set("property", str(t.json_key));
    if (!t.version_id.empty()) remote.set("version", str(t.version_id));
    else if (!t.version_stage.empty()) remote.set("version", str(t.version_stage));
    d.set("remoteRef", std::move(remote));
    data.push(std::move(d));
  }
  spec.set("data", std::move(data));
  es.set("spec", std::move(spec));
  return es;
}

/// Secrets: references only (a note names what to create); ExternalSecrets on request.
void add_secrets(const EmitContext& ctx) {
  for (const auto& [secret_name, keys] : pod_secrets(ctx.w, ctx.diags)) {
    if (!ctx.opt.external_secrets) {
      std::string list;
      for (const auto& [k, t] : keys) list += (list.empty() ? "" : ", ") + k + " <- " + t.remote_key + (t.json_key.empty() ? "" : " (JSON key " + t.json_key + ")");
      ctx.diags.note("secret-reference", task_location(ctx.w, "/containerDefinitions"),
                     "the pod reads Secret \"" + secret_name + "\" (" + list +
                         "); create it, or convert with --secrets external-secrets");
      continue;
    }
    ctx.objects.push_back({"ExternalSecret", secret_name, external_secret(ctx, secret_name, keys)});
  }
}

Node read_write_many() {
  Node modes = Node::array();
  modes.push(str("ReadWriteMany"));
  return modes;
}

/// The static PersistentVolume of an EFS volume (EFS CSI driver).
Node efs_volume(const EmitContext& ctx, const EfsClaim& claim) {
  const model::Volume& v = *claim.source;
  std::string handle = v.file_system_id;
  const bool has_path = !v.root_directory.empty() && v.root_directory != "/";
  if (has_path || !v.access_point_id.empty()) handle += ":" + (has_path ? v.root_directory : std::string());
  if (!v.access_point_id.empty()) handle += ":" + v.access_point_id;
  Node pv = object("v1", "PersistentVolume", labelled_metadata(ctx, claim.claim_name, false));
  Node pv_spec = Node::object();
  Node cap = Node::object();
  cap.set("storage", str("5Gi"));
  pv_spec.set("capacity", std::move(cap));
  pv_spec.set("volumeMode", str("Filesystem"));
  pv_spec.set("accessModes", read_write_many());
  pv_spec.set("persistentVolumeReclaimPolicy", str("Retain"));
  pv_spec.set("storageClassName", str(""));
  Node mount_options = Node::array();
  if (v.transit_encryption) mount_options.push(str("tls"));
  if (v.iam_authorization) mount_options.push(str("iam"));
  if (mount_options.size() > 0) pv_spec.set("mountOptions", std::move(mount_options));
  Node csi = Node::object();
  csi.set("driver", str("efs.csi.aws.com"));
  csi.set("volumeHandle", str(handle));
  pv_spec.set("csi", std::move(csi));
  pv.set("spec", std::move(pv_spec));
  return pv;
}

/// The PersistentVolumeClaim bound to an EFS volume's PersistentVolume.
Node efs_claim(const EmitContext& ctx, const EfsClaim& claim) {
  Node pvc = object("v1", "PersistentVolumeClaim", labelled_metadata(ctx, claim.claim_name, true));
  Node pvc_spec = Node::object();
  pvc_spec.set("accessModes", read_write_many());
  pvc_spec.set("storageClassName", str(""));
  pvc_spec.set("volumeName", str(claim.claim_name));
  Node req = Node::object();
  req.set("storage", str("5Gi"));
  Node res = Node::object();
  res.set("requests", std::move(req));
  pvc_spec.set("resources", std::move(res));
  pvc.set("spec", std::move(pvc_spec));
  return pvc;
}

/// EFS: static PersistentVolume + PersistentVolumeClaim per volume.
void add_efs_volumes(const EmitContext& ctx, const std::vector<EfsClaim>& claims) {
  for (const EfsClaim& claim : claims) {
    const model::Volume& v = *claim.source;
    if (v.transit_encryption_port) {
      ctx.diags.warning("unsupported-field", task_location(ctx.w, "/volumes"),
                        "EFS transitEncryptionPort of volume \"" + v.name + "\" is dropped: the EFS CSI driver chooses the TLS port");
    }
    ctx.objects.push_back({"PersistentVolume", claim.claim_name, efs_volume(ctx, claim)});
    ctx.objects.push_back({"PersistentVolumeClaim", claim.claim_name, efs_claim(ctx, claim)});
  }
}

bool network_balanced(const model::LoadBalancerBinding& lb) {
  return lb.type == model::LoadBalancerType::kNetwork || lb.type == model::LoadBalancerType::kClassic;
}

/// Which load balancers the service is behind; `nlb` is the last network (or classic) one.
struct LoadBalancing {
  bool behind_nlb = false;
  bool behind_alb = false;
  const model::LoadBalancerBinding* nlb = nullptr;
};

LoadBalancing load_balancing(const model::Workload& w) {
  LoadBalancing out;
  for (const auto& lb : w.load_balancers) {
    if (network_balanced(lb)) {
      out.behind_nlb = true;
      out.nlb = &lb;
    } else {
      out.behind_alb = true;
    }
  }
  return out;
}

/// The scheme of a load balancer: as the input says, else --scheme, else internal (the AWS Load
/// Balancer Controller's default too), with a warning: an assumed internet-facing load balancer
/// would expose a service the input kept private.
std::string load_balancer_scheme(const EmitContext& ctx, const std::string& scheme) {
  if (!scheme.empty()) return scheme;
  if (!ctx.opt.scheme.empty()) return ctx.opt.scheme;
  ctx.diags.warning("assumed-scheme", service_location(ctx.w, "/loadBalancers"),
                    "the load balancer's scheme is not known; assuming internal (reachable from inside the VPC only): "
                    "pass the describe-load-balancers output that settles it, or --scheme internet-facing|internal");
  return "internal";
}

/// A Service's annotations: the NLB's (`nlb` null: a ClusterIP Service) and the CloudMap registry.
Node service_annotations(const EmitContext& ctx, const model::LoadBalancerBinding* nlb) {
  Node ann = Node::object();
  if (nlb != nullptr) {
    ann.set("service.beta.kubernetes.io/aws-load-balancer-type", str("external"));
    ann.set("service.beta.kubernetes.io/aws-load-balancer-nlb-target-type", str("ip"));
    ann.set("service.beta.kubernetes.io/aws-load-balancer-scheme", str(load_balancer_scheme(ctx, nlb->scheme)));
    if (nlb->type == model::LoadBalancerType::kClassic) {
      ctx.diags.warning("approximated-load-balancer", service_location(ctx.w, "/loadBalancers"),
                        "classic load balancer \"" + nlb->load_balancer_name + "\" becomes an NLB (type LoadBalancer)");
    }
  }
  for (const auto& r : ctx.w.registries) {
    if (!r.registry_arn.empty()) ann.set("specconv.io/ecs-service-registry", str(r.registry_arn));
  }
  return ann;
}

/// A Service for `list`: type LoadBalancer for `nlb`, ClusterIP when it is null.
void add_service(const EmitContext& ctx, const std::string& svc_name, const std::vector<ServicePort>& list,
                 const model::LoadBalancerBinding* nlb) {
  Node meta = labelled_metadata(ctx, svc_name, true);
  if (Node ann = service_annotations(ctx, nlb); ann.size() > 0) meta.set("annotations", std::move(ann));
  Node svc = object("v1", "Service", std::move(meta));
  Node spec = Node::object();
  spec.set("type", str(nlb != nullptr ? "LoadBalancer" : "ClusterIP"));
  spec.set("selector", selector_labels(ctx.name));
  Node plist = Node::array();
  for (const auto& p : list) {
    Node sp = Node::object();
    sp.set("name", str(p.name));
    sp.set("port", Node::integer(p.port));
    sp.set("targetPort", Node::integer(p.target));
    sp.set("protocol", str(protocol_name(p.protocol)));
    if (!p.app_protocol.empty()) sp.set("appProtocol", str(p.app_protocol == "http2" ? "kubernetes.io/h2c" : p.app_protocol));
    plist.push(std::move(sp));
  }
  spec.set("ports", std::move(plist));
  svc.set("spec", std::move(spec));
  ctx.objects.push_back({"Service", svc_name, std::move(svc)});
}

/// The Services of the exposed ports. Behind an NLB, the LoadBalancer Service carries only the
/// load-balanced ports; any other port stays cluster-internal in a ClusterIP Service
/// "<name>-internal".
void add_services(const EmitContext& ctx, const std::vector<ServicePort>& ports, const LoadBalancing& lbs) {
  const model::Workload& w = ctx.w;
  if (ports.empty()) {
    if (!w.load_balancers.empty() || !w.registries.empty()) {
      ctx.diags.error("no-ports", service_location(w, w.load_balancers.empty() ? "/serviceRegistries" : "/loadBalancers"),
                      "the service is exposed but no container of its task definition maps a port");
    }
    return;
  }
  std::set<int64_t> balanced;
  for (const auto& lb : w.load_balancers) {
    if (network_balanced(lb)) balanced.insert(lb.container_port);
  }
  std::vector<ServicePort> public_ports, internal_ports;
  for (const auto& p : ports) {
    (lbs.behind_nlb && balanced.count(p.target) == 0 ? internal_ports : public_ports).push_back(p);
  }
  if (!public_ports.empty()) add_service(ctx, ctx.name, public_ports, lbs.behind_nlb ? lbs.nlb : nullptr);
  if (!internal_ports.empty()) {
    add_service(ctx, mapping::to_k8s_name(ctx.name + "-internal", mapping::NameKind::kRfc1035Label).name, internal_ports,
                nullptr);
  }
}

/// A DaemonSet's updateStrategy: ECS's minimumHealthyPercent as maxUnavailable.
Node daemon_update_strategy(const model::Workload& w, Diagnostics& diags) {
  mapping::EcsRollout e{100, 0};
  if (const auto* p = std::get_if<model::PercentRollout>(&w.rollout)) e = {p->maximum_percent, p->minimum_healthy_percent};
  Node strategy = Node::object();
  strategy.set("type", str("RollingUpdate"));
  Node ru = Node::object();
  const int64_t unavailable = 100 - e.minimum_healthy_percent;
  ru.set("maxUnavailable", unavailable > 0 ? str(std::to_string(unavailable) + "%") : Node::integer(1));
  if (unavailable <= 0) {
    diags.warning("lossy-rollout", service_location(w, "/deploymentConfiguration/minimumHealthyPercent"),
                  "a DaemonSet must be allowed to replace a pod per node; minimumHealthyPercent 100 becomes maxUnavailable 1");
  }
  strategy.set("rollingUpdate", std::move(ru));
  return strategy;
}

/// The workload's pod template: the pod spec, labelled with the workload's selector label.
Node pod_template(const EmitContext& ctx, Node pod_spec) {
  Node tmpl = Node::object();
  Node tmeta = Node::object();
  tmeta.set("labels", selector_labels(ctx.name));
  tmpl.set("metadata", std::move(tmeta));
  tmpl.set("spec", std::move(pod_spec));
  return tmpl;
}

/// The Deployment or DaemonSet that runs the pod.
void add_workload(const EmitContext& ctx, Node labels, Node annotations, Node pod_spec) {
  const bool daemon = ctx.w.kind == model::WorkloadKind::kDaemon;
  const int64_t replicas = ctx.w.replicas.value_or(1);
  Node meta = metadata(ctx.name, ctx.opt, true);
  meta.set("labels", std::move(labels));
  if (annotations.size() > 0) meta.set("annotations", std::move(annotations));
  Node workload = object("apps/v1", daemon ? "DaemonSet" : "Deployment", std::move(meta));
  Node spec = Node::object();
  if (!daemon) spec.set("replicas", Node::integer(replicas));
  Node sel = Node::object();
  sel.set("matchLabels", selector_labels(ctx.name));
  spec.set("selector", std::move(sel));
  if (daemon) spec.set("updateStrategy", daemon_update_strategy(ctx.w, ctx.diags));
  else spec.set("strategy", rollout_strategy(ctx.w, replicas, ctx.diags));
  spec.set("template", pod_template(ctx, std::move(pod_spec)));
  workload.set("spec", std::move(spec));
  ctx.objects.push_back({daemon ? "DaemonSet" : "Deployment", ctx.name, std::move(workload)});
}

/// The CronJob of a scheduled task: its schedule and time zone, suspended when the schedule is
/// disabled, TaskCount tasks per run (parallelism and completions). A failed run is not retried
/// (backoffLimit 0, restartPolicy Never), as ECS does not start a stopped task again.
void add_cron_job(const EmitContext& ctx, Node labels, Node annotations, Node pod_spec) {
  const model::Schedule& s = *ctx.w.schedule;
  Node meta = metadata(ctx.name, ctx.opt, true);
  meta.set("labels", std::move(labels));
  if (annotations.size() > 0) meta.set("annotations", std::move(annotations));
  Node cron = object("batch/v1", "CronJob", std::move(meta));
  Node spec = Node::object();
  spec.set("schedule", str(s.cron));
  spec.set("timeZone", str(s.time_zone));
  if (s.suspended) spec.set("suspend", Node::boolean(true));
  Node job = Node::object();
  if (s.task_count > 1) {
    job.set("parallelism", Node::integer(s.task_count));
    job.set("completions", Node::integer(s.task_count));
  }
  job.set("backoffLimit", Node::integer(0));
  pod_spec.set("restartPolicy", str("Never"));
  job.set("template", pod_template(ctx, std::move(pod_spec)));
  Node job_template = Node::object();
  job_template.set("spec", std::move(job));
  spec.set("jobTemplate", std::move(job_template));
  cron.set("spec", std::move(spec));
  ctx.objects.push_back({"CronJob", ctx.name, std::move(cron)});
}

/// The HPA's metrics: CPU / memory utilization targets; other metrics are reported and dropped.
Node hpa_metrics(const EmitContext& ctx, const PodSpec& pod) {
  Node metrics = Node::array();
  for (const auto& t : ctx.w.autoscaling->targets) {
    if (t.metric == model::ScalingTarget::Metric::kOther) {
      ctx.diags.warning("unsupported-scaling-metric", scaling_location(ctx.w, t),
                        "scaling policy \"" + t.policy_name + "\" (" + t.description +
                            ") has no HPA equivalent without a metrics adapter and is dropped");
      continue;
    }
    const bool cpu = t.metric == model::ScalingTarget::Metric::kCpuUtilization;
    if ((cpu && !pod.has_cpu_requests) || (!cpu && !pod.has_memory_requests)) {
      ctx.diags.warning("hpa-without-requests", scaling_location(ctx.w, t),
                        std::string("the HPA scales on ") + (cpu ? "CPU" : "memory") +
                            " utilization, which Kubernetes measures against requests, but no container requests " +
                            (cpu ? "cpu" : "memory"));
    }
    const auto target = static_cast<int64_t>(std::llround(t.target_value));
    if (static_cast<double>(target) != t.target_value) {
      ctx.diags.warning("lossy-scaling-target", scaling_location(ctx.w, t),
                        "target value " + std::to_string(t.target_value) + " rounded to " + std::to_string(target) + "%");
    }
    Node m = Node::object();
    m.set("type", str("Resource"));
    Node r = Node::object();
    r.set("name", str(cpu ? "cpu" : "memory"));
    Node tg = Node::object();
    tg.set("type", str("Utilization"));
    tg.set("averageUtilization", Node::integer(target));
    r.set("target", std::move(tg));
    m.set("resource", std::move(r));
    metrics.push(std::move(m));
  }
  return metrics;
}

/// The HPA's behavior (empty: none). Cooldowns: ECS waits ScaleInCooldown after a scale-in; the
/// HPA's scale-down stabilization window is the closest control. Scale-out cooldown has no HPA twin.
Node hpa_behavior(const EmitContext& ctx) {
  std::optional<int64_t> scale_in;
  bool disable_in = false;
  for (const auto& t : ctx.w.autoscaling->targets) {
    if (t.scale_in_cooldown_seconds) scale_in = std::max(scale_in.value_or(0), *t.scale_in_cooldown_seconds);
    disable_in = disable_in || t.disable_scale_in;
    if (t.scale_out_cooldown_seconds) {
      ctx.diags.warning("unsupported-field", scaling_location(ctx.w, t),
                        "ScaleOutCooldown of policy \"" + t.policy_name + "\" has no HPA equivalent and is dropped");
    }
  }
  Node behavior = Node::object();
  if (scale_in || disable_in) {
    Node down = Node::object();
    if (scale_in) down.set("stabilizationWindowSeconds", Node::integer(std::min<int64_t>(*scale_in, 3600)));
    if (disable_in) down.set("selectPolicy", str("Disabled"));
    behavior.set("scaleDown", std::move(down));
  }
  return behavior;
}

/// HorizontalPodAutoscaler for the Deployment, when a scaling target maps to one.
void add_autoscaler(const EmitContext& ctx, const PodSpec& pod) {
  if (!ctx.w.autoscaling || ctx.w.kind == model::WorkloadKind::kDaemon) return;
  const model::Autoscaling& as = *ctx.w.autoscaling;
  Node metrics = hpa_metrics(ctx, pod);
  if (metrics.size() == 0) return;
  Node hpa = object("autoscaling/v2", "HorizontalPodAutoscaler", labelled_metadata(ctx, ctx.name, true));
  Node hspec = Node::object();
  Node ref = Node::object();
  ref.set("apiVersion", str("apps/v1"));
  ref.set("kind", str("Deployment"));
  ref.set("name", str(ctx.name));
  hspec.set("scaleTargetRef", std::move(ref));
  hspec.set("minReplicas", Node::integer(std::max<int64_t>(1, as.min_replicas)));
  hspec.set("maxReplicas", Node::integer(std::max({int64_t{1}, as.max_replicas, as.min_replicas})));
  hspec.set("metrics", std::move(metrics));
  if (Node behavior = hpa_behavior(ctx); behavior.size() > 0) hspec.set("behavior", std::move(behavior));
  hpa.set("spec", std::move(hspec));
  ctx.objects.push_back({"HorizontalPodAutoscaler", ctx.name, std::move(hpa)});
}

/// The ALB target groups' listeners and routes, gathered for the Ingress.
struct AlbWiring {
  std::string scheme, health_path;
  std::string load_balancer_arn;  // the ALB, when the input names it
  std::vector<model::Listener> listeners;
  std::vector<model::HttpRoute> routes;
  std::vector<std::pair<int64_t, std::string>> backends;  // port per route
  bool known = false;
};

AlbWiring alb_wiring(const EmitContext& ctx, const std::vector<ServicePort>& ports) {
  AlbWiring alb;
  for (const auto& lb : ctx.w.load_balancers) {
    if (network_balanced(lb)) continue;
    alb.known = alb.known || lb.wiring_known;
    if (alb.scheme.empty()) alb.scheme = lb.scheme;
    if (alb.load_balancer_arn.empty()) alb.load_balancer_arn = lb.load_balancer_arn;
    if (alb.health_path.empty()) alb.health_path = lb.health_check_path;
    for (const auto& l : lb.listeners) alb.listeners.push_back(l);
    for (const auto& r : lb.routes) {
      alb.routes.push_back(r);
      alb.backends.emplace_back(lb.container_port, lb.container);
    }
    if (lb.routes.empty()) {
      alb.routes.push_back(model::catch_all_route());
      alb.backends.emplace_back(lb.container_port, lb.container);
    }
    bool known_port = false;
    for (const auto& p : ports) known_port = known_port || p.target == lb.container_port;
    if (!known_port) {
      ctx.diags.error("dangling-reference", service_location(ctx.w, "/loadBalancers"),
                      "load balancer targets container \"" + lb.container + "\" port " + std::to_string(lb.container_port) +
                          ", which no container maps");
    }
  }
  if (!alb.known) {
    ctx.diags.warning("assumed-route", service_location(ctx.w, "/loadBalancers"),
                      std::string("no listener/rule description was given (describe-listeners / describe-rules output); ") +
                          (ctx.opt.gateway_api ? "the HTTPRoute routes path / (PathPrefix) on the Gateway's HTTP port 80"
                                               : "the Ingress routes path / (Prefix) on HTTP port 80") +
                          ": pass the wiring files to carry hosts, paths and certificates");
  }
  alb.scheme = load_balancer_scheme(ctx, alb.scheme);
  return alb;
}

/// The Ingress's AWS Load Balancer Controller annotations: scheme, listeners, certificates,
/// health check, HTTPS redirect.
Node ingress_annotations(const AlbWiring& alb) {
  Node ann = Node::object();
  ann.set("alb.ingress.kubernetes.io/scheme", str(alb.scheme));
  // Services behind one ALB in ECS share one ALB in Kubernetes too: the controller merges the
  // Ingresses of a group into one load balancer (without it, each Ingress gets its own).
  if (const std::string group = mapping::alb_group_name(alb.load_balancer_arn); !group.empty()) {
    ann.set("alb.ingress.kubernetes.io/group.name", str(group));
  }
  ann.set("alb.ingress.kubernetes.io/target-type", str("ip"));
  std::string listen = "[";
  bool https = false, redirect = false;
  std::vector<std::string> certs;
  std::set<std::pair<std::string, int64_t>> seen;
  for (const auto& l : alb.listeners) {
    const std::string proto = l.protocol == "HTTPS" ? "HTTPS" : "HTTP";
    if (!seen.insert({proto, l.port}).second) continue;
    listen += std::string(listen.size() > 1 ? ", " : "") + "{\"" + proto + "\": " + std::to_string(l.port) + "}";
    https = https || proto == "HTTPS";
    redirect = redirect || l.redirects_to_https;
    for (const auto& c : l.certificate_arns) {
      if (std::find(certs.begin(), certs.end(), c) == certs.end()) certs.push_back(c);
    }
  }
  if (listen.size() == 1) listen += "{\"HTTP\": 80}";
  listen += "]";
  ann.set("alb.ingress.kubernetes.io/listen-ports", str(listen));
  if (!certs.empty()) {
    std::string joined;
    for (const auto& c : certs) joined += (joined.empty() ? "" : ",") + c;
    ann.set("alb.ingress.kubernetes.io/certificate-arn", str(joined));
  }
  if (!alb.health_path.empty()) ann.set("alb.ingress.kubernetes.io/healthcheck-path", str(alb.health_path));
  if (https && redirect) ann.set("alb.ingress.kubernetes.io/ssl-redirect", str("443"));
  return ann;
}

/// One Ingress path, to port `port` of Service `service_name`.
Node ingress_path_node(const std::string& service_name, const std::string& path, const std::string& type, int64_t port) {
  Node pn = Node::object();
  pn.set("path", str(path));
  pn.set("pathType", str(type));
  Node backend = Node::object();
  Node service = Node::object();
  service.set("name", str(service_name));
  Node port_number = Node::object();
  port_number.set("number", Node::integer(port));
  service.set("port", std::move(port_number));
  backend.set("service", std::move(service));
  pn.set("backend", std::move(backend));
  return pn;
}

/// The Ingress's rules: the routes' paths grouped per host, in route order.
Node ingress_rules(const EmitContext& ctx, const AlbWiring& alb) {
  std::vector<std::pair<std::string, Node>> by_host;
  for (std::size_t ri = 0; ri < alb.routes.size(); ++ri) {
    const auto& r = alb.routes[ri];
    std::vector<std::string> hosts = r.hosts.empty() ? std::vector<std::string>{""} : r.hosts;
    std::vector<std::string> paths = r.paths.empty() ? std::vector<std::string>{"/*"} : r.paths;
    if (!r.headers.empty() || !r.methods.empty() || !r.queries.empty() || !r.source_ips.empty()) {
      ctx.diags.warning("unsupported-field", service_location(ctx.w, "/loadBalancers"),
                        "listener rule http-header / http-request-method / query-string / source-ip conditions have no "
                        "Ingress equivalent and are dropped (--routing gateway-api keeps them)");
    }
    if (!r.split.empty()) {
      ctx.diags.warning("unsupported-field", service_location(ctx.w, "/loadBalancers"),
                        "the listener rule splits traffic between target groups by weight, which an Ingress cannot say: "
                        "each of their Services gets the rule's paths (--routing gateway-api keeps the weights)");
    }
    for (const auto& h : hosts) {
      Node* list = nullptr;
      for (auto& [hk, hv] : by_host) {
        if (hk == h) list = &hv;
      }
      if (list == nullptr) list = &by_host.emplace_back(h, Node::array()).second;
      for (const auto& p : paths) {
        bool approx = false;
        auto [path, type] = alb_path(p, &approx);
        if (approx) {
          ctx.diags.warning("approximated-path", service_location(ctx.w, "/loadBalancers"),
                            "ALB path pattern \"" + p + "\" has no exact Ingress form; using Prefix " + path);
        }
        list->push(ingress_path_node(ctx.name, path, type, alb.backends[ri].first));
      }
    }
  }
  Node rules = Node::array();
  for (auto& [host, paths] : by_host) {
    Node rule = Node::object();
    if (!host.empty()) rule.set("host", str(host));
    Node http = Node::object();
    http.set("paths", std::move(paths));
    rule.set("http", std::move(http));
    rules.push(std::move(rule));
  }
  return rules;
}

/// Ingress for the ALB target groups.
void add_ingress(const EmitContext& ctx, const std::vector<ServicePort>& ports) {
  const AlbWiring alb = alb_wiring(ctx, ports);
  Node imeta = labelled_metadata(ctx, ctx.name, true);
  imeta.set("annotations", ingress_annotations(alb));
  Node ing = object("networking.k8s.io/v1", "Ingress", std::move(imeta));
  Node ispec = Node::object();
  ispec.set("ingressClassName", str("alb"));
  ispec.set("rules", ingress_rules(ctx, alb));
  ing.set("spec", std::move(ispec));
  ctx.objects.push_back({"Ingress", ctx.name, std::move(ing)});
}

}  // namespace

Emitted emit_workload(const model::Workload& w, const carry::EcsCarry& kept, const EmitOptions& opt, Diagnostics& diags) {
  Emitted out;
  const WorkloadName n = workload_name(w, opt, diags);
  out.workload = n.name;
  out.renamed_by = n.renamed_by;
  PodSpec pod = build_pod_spec(w, kept, n.name, mapping::has_pod_level_resources(opt.kubernetes_version), diags);

  Node labels = selector_labels(n.name);
  Node carried_tags = Node::object();
  tags_to_labels(w.tags, labels, carried_tags);
  Node annotations = workload_annotations(w, kept, pod, n, std::move(carried_tags));
  if (w.network_mode == model::NetworkMode::kNone) {
    diags.warning("unsupported-field", task_location(w, "/networkMode"),
                  "networkMode none (no network) has no pod equivalent; the pod gets the cluster network");
  }

  const EmitContext ctx{w, n.name, opt, diags, out.objects};
  add_service_account(ctx);
  add_secrets(ctx);
  add_efs_volumes(ctx, pod.claims);
  if (w.kind == model::WorkloadKind::kCronJob && w.schedule) {  // a scheduled task: no service, nothing routes to it
    add_cron_job(ctx, std::move(labels), std::move(annotations), std::move(pod.spec));
    return out;
  }
  const std::vector<ServicePort> ports = exposed_ports(w);
  const LoadBalancing lbs = load_balancing(w);
  add_services(ctx, ports, lbs);
  add_workload(ctx, std::move(labels), std::move(annotations), std::move(pod.spec));
  add_autoscaler(ctx, pod);
  if (lbs.behind_alb && opt.gateway_api) {
    const AlbWiring alb = alb_wiring(ctx, ports);  // checks the target ports and settles the scheme
    add_gateway_routing({w, n.name, alb.scheme, opt}, diags, out.objects);
  } else if (lbs.behind_alb) {
    add_ingress(ctx, ports);
  }
  return out;
}

}  // namespace specconv::k8s
