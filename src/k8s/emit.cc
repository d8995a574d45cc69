// Kubernetes objects for one workload. Labels and selectors use the workload's name only (never
// a task definition revision), so a new revision updates the same Deployment.
#include "k8s/emit.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "io/json_load.h"
#include "io/json_write.h"
#include "k8s/pod_spec.h"
#include "mapping/names.h"
#include "mapping/rollout.h"
#include "mapping/secrets.h"

namespace specconv::k8s {
namespace {

using io::Node;
using io::str;

constexpr const char* kNameLabel = "app.kubernetes.io/name";

Node metadata(const std::string& name, const EmitOptions& opt, bool namespaced) {
  Node m = Node::object();
  m.set("name", str(name));
  if (namespaced && !opt.namespace_name.empty()) m.set("namespace", str(opt.namespace_name));
  return m;
}

Node object(const char* api_version, const char* kind, Node meta) {
  Node o = Node::object();
  o.set("apiVersion", str(api_version));
  o.set("kind", str(kind));
  o.set("metadata", std::move(meta));
  return o;
}

Node selector_labels(const std::string& name) {
  Node l = Node::object();
  l.set(kNameLabel, str(name));
  return l;
}

Node parse_compact(const std::string& json) {
  Diagnostics ignored;
  if (auto n = io::load_json(json, "", io::Limits{}, ignored)) return std::move(*n);
  return str(json);
}

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

/// "/api/*" -> ("/api", Prefix); "/x" -> ("/x", Exact); "*" / "/*" -> ("/", Prefix).
std::pair<std::string, std::string> ingress_path(const std::string& pattern, bool* approximate) {
  *approximate = false;
  if (pattern == "*" || pattern == "/*" || pattern == "/") return {"/", "Prefix"};
  const auto star = pattern.find_first_of("*?");
  if (star == std::string::npos) return {pattern, "Exact"};
  if (star == pattern.size() - 1 && pattern.size() >= 2 && pattern[star - 1] == '/') {
    return {pattern.substr(0, star - 1), "Prefix"};
  }
  *approximate = true;
  std::string prefix = pattern.substr(0, star);
  while (prefix.size() > 1 && prefix.back() == '/') prefix.pop_back();
  if (prefix.empty()) prefix = "/";
  return {prefix, "Prefix"};
}

}  // namespace

Emitted emit_workload(const model::Workload& w, const EmitOptions& opt, Diagnostics& diags) {
  Emitted out;
  const std::string source_name = w.has_service && !w.service_name.empty() ? w.service_name : w.name;
  const auto renamed = mapping::to_k8s_name(source_name, mapping::NameKind::kRfc1035Label);
  const std::string name = renamed.name;
  out.workload = name;
  if (renamed.changed) {
    diags.note("renamed-resource",
               w.has_service ? service_location(w, "/serviceName") : task_location(w, "/family"),
               "\"" + source_name + "\" is named \"" + name + "\" in Kubernetes (original kept in " +
                   kAnnotationOriginalName + ")");
  }

  PodSpec pod = build_pod_spec(w, name, diags);

  Node labels = selector_labels(name);
  Node carried_tags = Node::object();
  tags_to_labels(w.tags, labels, carried_tags);

  Node annotations = Node::object();
  if (renamed.changed) annotations.set(kAnnotationOriginalName, str(source_name));
  Node task_kept = Node::object();
  for (const auto& [field, json] : w.carried) task_kept.set(field, parse_compact(json));
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
  if (renamed.changed || w.name != name) task_kept.set("family", str(w.name));
  if (task_kept.size() > 0) annotations.set(kAnnotationTask, str(io::to_json(task_kept, -1)));
  if (pod.carried.size() > 0) annotations.set(kAnnotationContainers, str(io::to_json(pod.carried, -1)));
  Node svc_kept = Node::object();
  for (const auto& [field, json] : w.service_carried) svc_kept.set(field, parse_compact(json));
  if (svc_kept.size() > 0) annotations.set(kAnnotationService, str(io::to_json(svc_kept, -1)));

  if (w.network_mode == model::NetworkMode::kNone) {
    diags.warning("unsupported-field", task_location(w, "/networkMode"),
                  "networkMode none (no network) has no pod equivalent; the pod gets the cluster network");
  }

  // ServiceAccount (IRSA)
  if (!w.task_role.empty()) {
    Node meta = metadata(name, opt, true);
    meta.set("labels", selector_labels(name));
    Node ann = Node::object();
    ann.set("eks.amazonaws.com/role-arn", str(w.task_role));
    meta.set("annotations", std::move(ann));
    out.objects.push_back({"ServiceAccount", name, object("v1", "ServiceAccount", std::move(meta))});
  }
  if (!w.execution_role.empty()) {
    diags.note("execution-role", task_location(w, "/executionRoleArn"),
               "executionRoleArn is not mapped: on EKS, image pulls and log delivery use the node role; kept in " +
                   std::string(kAnnotationTask));
  }

  // Secrets: references only; ExternalSecrets on request.
  std::map<std::string, std::vector<std::pair<std::string, mapping::SecretTarget>>> secrets;  // name -> keys
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
  for (const auto& [secret_name, keys] : secrets) {
    if (!opt.external_secrets) {
      std::string list;
      for (const auto& [k, t] : keys) list += (list.empty() ? "" : ", ") + k + " <- " + t.remote_key + (t.json_key.empty() ? "" : " (JSON key " + t.json_key + ")");
      diags.note("secret-reference", task_location(w, "/containerDefinitions"),
                 "the pod reads Secret \"" + secret_name + "\" (" + list +
                     "); create it, or convert with --secrets external-secrets");
      continue;
    }
    const bool sm = keys.front().second.secrets_manager;
    Node meta = metadata(secret_name, opt, true);
    meta.set("labels", selector_labels(name));
    Node es = object("external-secrets.io/v1", "ExternalSecret", std::move(meta));
    Node spec = Node::object();
    spec.set("refreshInterval", str("1h"));
    Node store = Node::object();
    store.set("name", str(sm ? opt.secrets_manager_store : opt.ssm_store));
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
    out.objects.push_back({"ExternalSecret", secret_name, std::move(es)});
  }

  // EFS: static PersistentVolume + PersistentVolumeClaim per volume.
  for (const EfsClaim& claim : pod.claims) {
    const model::Volume& v = *claim.source;
    if (v.transit_encryption_port) {
      diags.warning("unsupported-field", task_location(w, "/volumes"),
                    "EFS transitEncryptionPort of volume \"" + v.name + "\" is dropped: the EFS CSI driver chooses the TLS port");
    }
    std::string handle = v.file_system_id;
    const bool has_path = !v.root_directory.empty() && v.root_directory != "/";
    if (has_path || !v.access_point_id.empty()) handle += ":" + (has_path ? v.root_directory : std::string());
    if (!v.access_point_id.empty()) handle += ":" + v.access_point_id;
    Node pv_meta = metadata(claim.claim_name, opt, false);
    pv_meta.set("labels", selector_labels(name));
    Node pv = object("v1", "PersistentVolume", std::move(pv_meta));
    Node pv_spec = Node::object();
    Node cap = Node::object();
    cap.set("storage", str("5Gi"));
    pv_spec.set("capacity", std::move(cap));
    pv_spec.set("volumeMode", str("Filesystem"));
    Node modes = Node::array();
    modes.push(str("ReadWriteMany"));
    pv_spec.set("accessModes", modes);
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
    out.objects.push_back({"PersistentVolume", claim.claim_name, std::move(pv)});

    Node pvc_meta = metadata(claim.claim_name, opt, true);
    pvc_meta.set("labels", selector_labels(name));
    Node pvc = object("v1", "PersistentVolumeClaim", std::move(pvc_meta));
    Node pvc_spec = Node::object();
    pvc_spec.set("accessModes", modes);
    pvc_spec.set("storageClassName", str(""));
    pvc_spec.set("volumeName", str(claim.claim_name));
    Node req = Node::object();
    req.set("storage", str("5Gi"));
    Node res = Node::object();
    res.set("requests", std::move(req));
    pvc_spec.set("resources", std::move(res));
    pvc.set("spec", std::move(pvc_spec));
    out.objects.push_back({"PersistentVolumeClaim", claim.claim_name, std::move(pvc)});
  }

  // Service
  const std::vector<ServicePort> ports = exposed_ports(w);
  bool behind_nlb = false, behind_alb = false;
  const model::LoadBalancerBinding* nlb = nullptr;
  for (const auto& lb : w.load_balancers) {
    if (lb.type == model::LoadBalancerType::kNetwork || lb.type == model::LoadBalancerType::kClassic) {
      behind_nlb = true;
      nlb = &lb;
    } else {
      behind_alb = true;
    }
  }
  if (!ports.empty()) {
    // Behind an NLB, the LoadBalancer Service carries only the load-balanced ports; any other
    // port stays cluster-internal in a ClusterIP Service "<name>-internal".
    std::set<int64_t> balanced;
    for (const auto& lb : w.load_balancers) {
      if (lb.type == model::LoadBalancerType::kNetwork || lb.type == model::LoadBalancerType::kClassic) {
        balanced.insert(lb.container_port);
      }
    }
    std::vector<ServicePort> public_ports, internal_ports;
    for (const auto& p : ports) {
      (behind_nlb && balanced.count(p.target) == 0 ? internal_ports : public_ports).push_back(p);
    }
    auto service = [&](const std::string& svc_name, const std::vector<ServicePort>& list, bool load_balancer) {
      Node meta = metadata(svc_name, opt, true);
      meta.set("labels", selector_labels(name));
      Node ann = Node::object();
      if (load_balancer) {
        if (nlb->scheme.empty()) {
          diags.warning("assumed-scheme", service_location(w, "/loadBalancers"),
                        "the load balancer's scheme is not known (pass describe-load-balancers output); assuming internet-facing");
        }
        ann.set("service.beta.kubernetes.io/aws-load-balancer-type", str("external"));
        ann.set("service.beta.kubernetes.io/aws-load-balancer-nlb-target-type", str("ip"));
        ann.set("service.beta.kubernetes.io/aws-load-balancer-scheme", str(nlb->scheme.empty() ? "internet-facing" : nlb->scheme));
        if (nlb->type == model::LoadBalancerType::kClassic) {
          diags.warning("approximated-load-balancer", service_location(w, "/loadBalancers"),
                        "classic load balancer \"" + nlb->load_balancer_name + "\" becomes an NLB (type LoadBalancer)");
        }
      }
      for (const auto& r : w.registries) {
        if (!r.registry_arn.empty()) ann.set("specconv.io/ecs-service-registry", str(r.registry_arn));
      }
      if (ann.size() > 0) meta.set("annotations", std::move(ann));
      Node svc = object("v1", "Service", std::move(meta));
      Node spec = Node::object();
      spec.set("type", str(load_balancer ? "LoadBalancer" : "ClusterIP"));
      spec.set("selector", selector_labels(name));
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
      out.objects.push_back({"Service", svc_name, std::move(svc)});
    };
    if (!public_ports.empty()) service(name, public_ports, behind_nlb);
    if (!internal_ports.empty()) {
      service(mapping::to_k8s_name(name + "-internal", mapping::NameKind::kRfc1035Label).name, internal_ports, false);
    }
  } else if (!w.load_balancers.empty() || !w.registries.empty()) {
    diags.error("no-ports", service_location(w, w.load_balancers.empty() ? "/serviceRegistries" : "/loadBalancers"),
                "the service is exposed but no container of its task definition maps a port");
  }

  // Deployment or DaemonSet
  const bool daemon = w.kind == model::WorkloadKind::kDaemon;
  const int64_t replicas = w.replicas.value_or(1);
  Node meta = metadata(name, opt, true);
  meta.set("labels", labels);
  if (annotations.size() > 0) meta.set("annotations", annotations);
  Node workload = object("apps/v1", daemon ? "DaemonSet" : "Deployment", std::move(meta));
  Node spec = Node::object();
  if (!daemon) spec.set("replicas", Node::integer(replicas));
  Node sel = Node::object();
  sel.set("matchLabels", selector_labels(name));
  spec.set("selector", std::move(sel));
  if (daemon) {
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
    spec.set("updateStrategy", std::move(strategy));
  } else {
    spec.set("strategy", rollout_strategy(w, replicas, diags));
  }
  Node tmpl = Node::object();
  Node tmeta = Node::object();
  tmeta.set("labels", selector_labels(name));
  tmpl.set("metadata", std::move(tmeta));
  tmpl.set("spec", std::move(pod.spec));
  spec.set("template", std::move(tmpl));
  workload.set("spec", std::move(spec));
  out.objects.push_back({daemon ? "DaemonSet" : "Deployment", name, std::move(workload)});

  // HorizontalPodAutoscaler
  if (w.autoscaling && !daemon) {
    const model::Autoscaling& as = *w.autoscaling;
    Node metrics = Node::array();
    for (const auto& t : as.targets) {
      if (t.metric == model::ScalingTarget::Metric::kOther) {
        diags.warning("unsupported-scaling-metric", scaling_location(w, t),
                      "scaling policy \"" + t.policy_name + "\" (" + t.description +
                          ") has no HPA equivalent without a metrics adapter and is dropped");
        continue;
      }
      const bool cpu = t.metric == model::ScalingTarget::Metric::kCpuUtilization;
      if ((cpu && !pod.has_cpu_requests) || (!cpu && !pod.has_memory_requests)) {
        diags.warning("hpa-without-requests", scaling_location(w, t),
                      std::string("the HPA scales on ") + (cpu ? "CPU" : "memory") +
                          " utilization, which Kubernetes measures against requests, but no container requests " +
                          (cpu ? "cpu" : "memory"));
      }
      const auto target = static_cast<int64_t>(std::llround(t.target_value));
      if (static_cast<double>(target) != t.target_value) {
        diags.warning("lossy-scaling-target", scaling_location(w, t),
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
    if (metrics.size() > 0) {
      Node hmeta = metadata(name, opt, true);
      hmeta.set("labels", selector_labels(name));
      Node hpa = object("autoscaling/v2", "HorizontalPodAutoscaler", std::move(hmeta));
      Node hspec = Node::object();
      Node ref = Node::object();
      ref.set("apiVersion", str("apps/v1"));
      ref.set("kind", str("Deployment"));
      ref.set("name", str(name));
      hspec.set("scaleTargetRef", std::move(ref));
      hspec.set("minReplicas", Node::integer(std::max<int64_t>(1, as.min_replicas)));
      hspec.set("maxReplicas", Node::integer(std::max({int64_t{1}, as.max_replicas, as.min_replicas})));
      hspec.set("metrics", std::move(metrics));
      // Cooldowns: ECS waits ScaleInCooldown after a scale-in; the HPA's scale-down
      // stabilization window is the closest control. Scale-out cooldown has no HPA twin.
      std::optional<int64_t> scale_in;
      bool disable_in = false;
      for (const auto& t : as.targets) {
        if (t.scale_in_cooldown_seconds) scale_in = std::max(scale_in.value_or(0), *t.scale_in_cooldown_seconds);
        disable_in = disable_in || t.disable_scale_in;
        if (t.scale_out_cooldown_seconds) {
          diags.warning("unsupported-field", scaling_location(w, t),
                        "ScaleOutCooldown of policy \"" + t.policy_name + "\" has no HPA equivalent and is dropped");
        }
      }
      if (scale_in || disable_in) {
        Node down = Node::object();
        if (scale_in) down.set("stabilizationWindowSeconds", Node::integer(std::min<int64_t>(*scale_in, 3600)));
        if (disable_in) down.set("selectPolicy", str("Disabled"));
        Node behavior = Node::object();
        behavior.set("scaleDown", std::move(down));
        hspec.set("behavior", std::move(behavior));
      }
      hpa.set("spec", std::move(hspec));
      out.objects.push_back({"HorizontalPodAutoscaler", name, std::move(hpa)});
    }
  }

  // Ingress for ALB target groups
  if (behind_alb) {
    Node ann = Node::object();
    std::string scheme, health_path;
    std::vector<model::Listener> listeners;
    std::vector<model::HttpRoute> routes;
    std::vector<std::pair<int64_t, std::string>> backends;  // port per route
    bool wiring_known = false;
    for (const auto& lb : w.load_balancers) {
      if (lb.type == model::LoadBalancerType::kNetwork || lb.type == model::LoadBalancerType::kClassic) continue;
      wiring_known = wiring_known || lb.wiring_known;
      if (scheme.empty()) scheme = lb.scheme;
      if (health_path.empty()) health_path = lb.health_check_path;
      for (const auto& l : lb.listeners) listeners.push_back(l);
      for (const auto& r : lb.routes) {
        routes.push_back(r);
        backends.emplace_back(lb.container_port, lb.container);
      }
      if (lb.routes.empty()) {
        routes.push_back(model::HttpRoute{{}, {"/*"}, std::nullopt});
        backends.emplace_back(lb.container_port, lb.container);
      }
      bool known_port = false;
      for (const auto& p : ports) known_port = known_port || p.target == lb.container_port;
      if (!known_port) {
        diags.error("dangling-reference", service_location(w, "/loadBalancers"),
                    "load balancer targets container \"" + lb.container + "\" port " + std::to_string(lb.container_port) +
                        ", which no container maps");
      }
    }
    if (!wiring_known) {
      diags.warning("assumed-route", service_location(w, "/loadBalancers"),
                    "no listener/rule description was given (describe-listeners / describe-rules output); the Ingress "
                    "routes path / (Prefix) on HTTP port 80, internet-facing: pass the wiring files to carry hosts, paths and certificates");
    }
    if (scheme.empty() && wiring_known) {
      diags.warning("assumed-scheme", service_location(w, "/loadBalancers"),
                    "the load balancer's scheme is not known (pass describe-load-balancers output); assuming internet-facing");
    }
    ann.set("alb.ingress.kubernetes.io/scheme", str(scheme.empty() ? "internet-facing" : scheme));
    ann.set("alb.ingress.kubernetes.io/target-type", str("ip"));
    std::string listen = "[";
    bool https = false, redirect = false;
    std::vector<std::string> certs;
    std::set<std::pair<std::string, int64_t>> seen;
    for (const auto& l : listeners) {
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
    if (!health_path.empty()) ann.set("alb.ingress.kubernetes.io/healthcheck-path", str(health_path));
    if (https && redirect) ann.set("alb.ingress.kubernetes.io/ssl-redirect", str("443"));
    Node imeta = metadata(name, opt, true);
    imeta.set("labels", selector_labels(name));
    imeta.set("annotations", std::move(ann));
    Node ing = object("networking.k8s.io/v1", "Ingress", std::move(imeta));
    Node ispec = Node::object();
    ispec.set("ingressClassName", str("alb"));
    // group paths per host, in route order
    std::vector<std::pair<std::string, Node>> by_host;
    for (std::size_t ri = 0; ri < routes.size(); ++ri) {
      const auto& r = routes[ri];
      std::vector<std::string> hosts = r.hosts.empty() ? std::vector<std::string>{""} : r.hosts;
      std::vector<std::string> paths = r.paths.empty() ? std::vector<std::string>{"/*"} : r.paths;
      for (const auto& h : hosts) {
        Node* list = nullptr;
        for (auto& [hk, hv] : by_host) {
          if (hk == h) list = &hv;
        }
        if (list == nullptr) list = &by_host.emplace_back(h, Node::array()).second;
        for (const auto& p : paths) {
          bool approx = false;
          auto [path, type] = ingress_path(p, &approx);
          if (approx) {
            diags.warning("approximated-path", service_location(w, "/loadBalancers"),
                          "ALB path pattern \"" + p + "\" has no exact Ingress form; using Prefix " + path);
          }
          Node pn = Node::object();
          pn.set("path", str(path));
          pn.set("pathType", str(type));
          Node backend = Node::object();
          Node service = Node::object();
          service.set("name", str(name));
          Node port = Node::object();
          port.set("number", Node::integer(backends[ri].first));
          service.set("port", std::move(port));
          backend.set("service", std::move(service));
          pn.set("backend", std::move(backend));
          list->push(std::move(pn));
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
    ispec.set("rules", std::move(rules));
    ing.set("spec", std::move(ispec));
    out.objects.push_back({"Ingress", name, std::move(ing)});
  }
  return out;
}

}  // namespace specconv::k8s
