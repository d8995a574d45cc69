// Linking of Kubernetes objects into ECS-ready workloads (see link.h).
#include "k8s/link.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "io/json_load.h"
#include "mapping/secrets.h"

namespace specconv::k8s {
namespace {

using k8s::StringPairs;

bool selects(const StringPairs& selector, const StringPairs& labels) {
  if (selector.empty()) return false;
  for (const auto& wanted : selector) {
    const bool found = std::any_of(labels.begin(), labels.end(), [&](const auto& l) { return l == wanted; });
    if (!found) return false;
  }
  return true;
}

SourceLocation at(const SourceLocation& base, const std::string& suffix) {
  SourceLocation l = base;
  l.pointer += suffix;
  return l;
}

bool valid_env_name(const std::string& s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0])) != 0) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' || c == '.';
  });
}

struct Target {
  std::size_t workload = 0;
  std::string container;
  int64_t container_port = 0;
};

/// Where a Service port lands: the container and container port of the workload it selects.
std::optional<Target> resolve_target(const model::Workload& w, std::size_t index, const k8s::ServicePort& sp) {
  for (const auto& c : w.containers) {
    for (const auto& p : c.ports) {
      const bool match = sp.target_port_name.empty() ? p.container_port == sp.target_port : p.name == sp.target_port_name;
      if (match) return Target{index, c.name, p.container_port};
    }
  }
  // A numeric targetPort that no container declares still reaches the pod: use the first
  // essential container (Kubernetes does not require ports to be declared).
  if (sp.target_port_name.empty() && sp.target_port > 0) {
    for (const auto& c : w.containers) {
      if (c.essential) return Target{index, c.name, sp.target_port};
    }
  }
  return std::nullopt;
}

std::string tg_name(const std::string& ns, const std::string& svc, int64_t port) {
  std::string base = (ns == "default" ? "" : ns + "-") + svc + "-" + std::to_string(port);
  std::string out;
  for (char c : base) out += std::isalnum(static_cast<unsigned char>(c)) != 0 ? c : '-';
  if (out.size() > 32) out = out.substr(out.size() - 32);
  while (!out.empty() && out.front() == '-') out.erase(out.begin());
  return out;
}

std::string annotation_of(const StringPairs& a, std::string_view key) {
  for (const auto& [k, v] : a) {
    if (k == key) return v;
  }
  return "";
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s + ",") {
    if (c == ',') {
      while (!cur.empty() && cur.back() == ' ') cur.pop_back();
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else if (c != ' ' || !cur.empty()) {
      cur += c;
    }
  }
  return out;
}

/// Listeners of an Ingress from its annotations (AWS Load Balancer Controller conventions).
std::vector<model::Listener> ingress_listeners(const k8s::IngressObject& ing, Diagnostics& diags) {
  const auto& a = ing.meta.annotations;
  const std::vector<std::string> certs = split_list(annotation_of(a, "alb.ingress.kubernetes.io/certificate-arn"));
  const bool tls = !certs.empty() || !ing.tls_hosts.empty();
  std::vector<model::Listener> out;
  const std::string ports = annotation_of(a, "alb.ingress.kubernetes.io/listen-ports");
  if (!ports.empty()) {
    Diagnostics ignored;
    auto n = io::load_json(ports, "", io::Limits{}, ignored);
    bool ok = n && n->is_array();
    if (ok) {
      for (const io::Node& item : n->items()) {
        if (!item.is_object()) {
          ok = false;
          continue;
        }
        for (const auto& [proto, port] : item.members()) {
          if ((proto != "HTTP" && proto != "HTTPS") || !port.is_int() || port.as_int() < 1 || port.as_int() > 65535) {
            ok = false;
            continue;
          }
          model::Listener l;
          l.protocol = proto;
          l.port = port.as_int();
          out.push_back(l);
        }
      }
    }
    if (!ok) {
      diags.warning("bad-annotation", ing.meta.where,
                    "Ingress "" + ing.meta.name + "": alb.ingress.kubernetes.io/listen-ports is not a JSON list such as "
                    "[{\"HTTP\": 80}, {\"HTTPS\": 443}]; entries that do not parse are ignored");
    }
  }
  if (out.empty()) {
    model::Listener l;
    l.protocol = tls ? "HTTPS" : "HTTP";
    l.port = tls ? 443 : 80;
    out.push_back(l);
  }
  const bool redirect = !annotation_of(a, "alb.ingress.kubernetes.io/ssl-redirect").empty();
  for (auto& l : out) {
    if (l.protocol == "HTTPS") l.certificate_arns = certs;
    if (l.protocol == "HTTP" && redirect) l.redirects_to_https = true;
  }
  return out;
}

/// ECS -> Kubernetes -> ECS: the original valueFrom kept in specconv.io/ecs-containers
/// ("secrets"), used while the secretKeyRef still names the Secret and key that the naming rule
/// gives for it (an edited reference gets the naming rule's parameter instead).
void restore_secret_reference(const carry::Fields& kept, model::SecretEnv& s) {
  const io::Node* list = carry::find(kept, "secrets");
  if (list == nullptr || !list->is_array()) return;
  for (const io::Node& item : list->items()) {
    const io::Node* name = item.find("name");
    const io::Node* from = item.find("valueFrom");
    if (name == nullptr || from == nullptr || !name->is_string() || !from->is_string() || name->text() != s.name) continue;
    const mapping::SecretTarget t = mapping::secret_target(from->text());
    if (t.secret_name != s.object || t.secret_key != s.key) return;
    s.reference = from->text();
    s.store = t.secrets_manager ? model::SecretStore::kSecretsManager : model::SecretStore::kSsmParameter;
    return;
  }
}

/// The Service port name that ECS -> Kubernetes makes up for an unnamed port ("tcp-8080") is not
/// given to the port of a workload that came from ECS (specconv.io/ecs-task), which had no name.
bool made_up_port_name(const carry::EcsCarry& kept, const std::string& name, const model::Port& p) {
  if (carry::find(kept.task, "requiresCompatibilities") == nullptr) return false;
  return name == std::string(p.protocol == model::Protocol::kUdp ? "udp" : "tcp") + "-" + std::to_string(p.container_port);
}


/// What the steps of link_manifests read.
struct LinkContext {
  const k8s::Manifests& m;
  const LinkOptions& options;
  Diagnostics& diags;
};

const k8s::KeyedObject* find_keyed(const std::vector<k8s::KeyedObject>& list, const std::string& ns, const std::string& name) {
  for (const auto& o : list) {
    if (o.meta.namespace_name == ns && o.meta.name == name) return &o;
  }
  return nullptr;
}

/// Points `s` at the SSM parameter / Secrets Manager secret that the naming rule gives for key
/// `key` of ConfigMap or Secret `object`.
void set_reference(const LinkOptions& options, bool secret, const std::string& ns, const std::string& object,
                   const std::string& key, model::SecretEnv& s) {
  if (secret && options.secrets_manager) {
    s.store = model::SecretStore::kSecretsManager;
    s.reference = secrets_manager_arn(options.region, options.account_id, ns, object, key);
  } else {
    s.store = model::SecretStore::kSsmParameter;
    s.reference = ssm_parameter_name(options.parameter_prefix, ns, object, key);
  }
  s.object = object;
  s.key = key;
}

/// ServiceAccount -> task role (IRSA annotation) and, when the pod has none, imagePullSecrets.
void link_service_account(const LinkContext& ctx, const k8s::PodWorkload& pw, LinkedWorkload& lw) {
  const std::string& ns = pw.meta.namespace_name;
  const std::string sa_name = pw.service_account.empty() ? "default" : pw.service_account;
  const auto sa = std::find_if(ctx.m.service_accounts.begin(), ctx.m.service_accounts.end(), [&](const auto& s) {
    return s.meta.namespace_name == ns && s.meta.name == sa_name;
  });
  lw.image_pull_secrets = pw.image_pull_secrets;
  if (sa != ctx.m.service_accounts.end()) {
    if (!sa->role_arn.empty()) lw.workload.task_role = sa->role_arn;
    if (lw.image_pull_secrets.empty() && !sa->image_pull_secrets.empty()) {
      lw.image_pull_secrets = sa->image_pull_secrets;
      ctx.diags.warning("image-pull-secret", lw.where,
                        "ServiceAccount \"" + sa_name + "\" gives the pods imagePullSecrets (" + sa->image_pull_secrets.front() +
                            (sa->image_pull_secrets.size() > 1 ? ", ..." : "") +
                            "): every container gets repositoryCredentials.credentialsParameter = the Secrets Manager "
                            "secret <namespace>/<first pull secret> (naming rule), which must exist and hold the registry's "
                            "{\"username\", \"password\"} and be readable by the execution role");
    }
    if (sa->meta.where.file != lw.where.file) lw.files.push_back(sa->meta.where.file);
  } else if (!pw.service_account.empty()) {
    ctx.diags.warning("missing-reference", lw.where,
                      pw.meta.kind + " \"" + pw.meta.name + "\" uses ServiceAccount \"" + ns + "/" + pw.service_account +
                          "\", which is not in the input: no task role is set (taskRoleArn must be added for AWS API access)");
  }
}

/// The value of `key` in ConfigMap `obj` (nullptr: not known, e.g. binaryData).
const std::string* config_value(const k8s::KeyedObject* obj, const std::string& key) {
  if (obj == nullptr) return nullptr;
  for (const auto& [k, v] : obj->values) {
    if (k == key) return &v;
  }
  return nullptr;
}

/// A ConfigMap key as the container reads it: its value as a plain environment entry when the
/// options say so and the input holds it (true), else nothing done (false).
bool inline_config_value(const LinkContext& ctx, const k8s::KeyedObject* obj, const std::string& key, const std::string& name,
                         model::Container& c) {
  const std::string* value = ctx.options.inline_config_maps ? config_value(obj, key) : nullptr;
  if (value == nullptr) return false;
  c.env.push_back({name, *value});
  return true;
}

/// ConfigMap keys still read as SSM parameters that the output does not create, one warning a
/// workload naming them all.
void report_uncreated_parameters(const LinkContext& ctx, const LinkedWorkload& lw, const std::vector<std::string>& names) {
  if (ctx.options.parameters_created || names.empty()) return;
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  ctx.diags.warning("ssm-parameter-needed", lw.where,
                    "the task reads ConfigMap values from SSM parameters that this output does not create: " + list +
                        "; create them (aws ssm put-parameter --type String), or convert with --configmaps env (values "
                        "as environment entries, when the ConfigMap is in the input) or --format cfn|api|terraform");
}

/// The container's env references (valueFrom) -> SSM / Secrets Manager references, or plain
/// values for ConfigMap keys (inline_config_maps). ConfigMap keys left as SSM parameters are
/// added to `parameters`.
void link_env_references(const LinkContext& ctx, const k8s::PodWorkload& pw, const std::string& ptr, LinkedWorkload& lw,
                         model::Container& c, std::vector<std::string>& parameters) {
  const std::string& ns = pw.meta.namespace_name;
  std::vector<model::SecretEnv> kept;
  for (model::SecretEnv& s : c.secret_env) {
    const bool secret = s.store == model::SecretStore::kKubernetesSecret;
    const std::string kind = secret ? "Secret" : "ConfigMap";
    const k8s::KeyedObject* obj = find_keyed(secret ? ctx.m.secrets : ctx.m.config_maps, ns, s.object);
    if (obj == nullptr) {
      ctx.diags.warning("missing-reference", at(lw.where, ptr + "/env"),
                        "environment variable " + s.name + " refers to " + kind + " \"" + ns + "/" + s.object +
                            "\", which is not in the input; the reference is converted by the naming rule anyway");
    } else if (std::find(obj->keys.begin(), obj->keys.end(), s.key) == obj->keys.end()) {
      ctx.diags.warning("missing-reference", at(lw.where, ptr + "/env"),
                        "environment variable " + s.name + " refers to key \"" + s.key + "\" of " + kind + " \"" + ns +
                            "/" + s.object + "\", which has no such key");
    }
    if (!secret && inline_config_value(ctx, obj, s.key, s.name, c)) continue;
    set_reference(ctx.options, secret, ns, s.object, s.key, s);
    if (secret) restore_secret_reference(lw.carry.container(c.name), s);
    else parameters.push_back(s.reference);
    kept.push_back(std::move(s));
  }
  c.secret_env = std::move(kept);
  if (auto carried = lw.carry.containers.find(c.name); carried != lw.carry.containers.end()) carried->second.erase("secrets");
}

/// The container's envFrom, expanded to one reference per key of the ConfigMap / Secret.
void expand_env_from(const LinkContext& ctx, const k8s::PodWorkload& pw, const std::vector<k8s::EnvFromRef>& env_from,
                     const std::string& ptr, LinkedWorkload& lw, model::Container& c, std::vector<std::string>& parameters) {
  const std::string& ns = pw.meta.namespace_name;
  std::set<std::string> defined;
  for (const auto& e : c.env) defined.insert(e.name);
  for (const auto& s : c.secret_env) defined.insert(s.name);
  for (const k8s::EnvFromRef& r : env_from) {
    const std::string kind = r.secret ? "Secret" : "ConfigMap";
    const k8s::KeyedObject* obj = find_keyed(r.secret ? ctx.m.secrets : ctx.m.config_maps, ns, r.object);
    if (obj == nullptr) {
      if (!r.optional) {
        ctx.diags.warning("missing-reference", at(lw.where, ptr + "/envFrom"),
                          "container \"" + c.name + "\" takes every key of " + kind + " \"" + ns + "/" + r.object +
                              "\" (envFrom), which is not in the input: its keys are unknown, so no variables are "
                              "added; add the " + kind + " to the input or list the variables with valueFrom");
      }
      continue;
    }
    if (obj->meta.where.file != lw.where.file) lw.files.push_back(obj->meta.where.file);
    for (const std::string& key : obj->keys) {
      const std::string name = r.prefix + key;
      if (!valid_env_name(name)) {
        ctx.diags.warning("invalid-env-name", at(lw.where, ptr + "/envFrom"),
                          "key \"" + key + "\" of " + kind + " \"" + r.object + "\" is not a valid environment variable name; skipped");
        continue;
      }
      if (!defined.insert(name).second) continue;  // env wins over envFrom, first envFrom wins
      if (!r.secret && inline_config_value(ctx, obj, key, name, c)) continue;
      model::SecretEnv s;
      s.name = name;
      set_reference(ctx.options, r.secret, ns, r.object, key, s);
      if (!r.secret) parameters.push_back(s.reference);
      c.secret_env.push_back(std::move(s));
    }
  }
}

/// A workload with its ServiceAccount and its env references linked.
LinkedWorkload linked_workload(const LinkContext& ctx, const k8s::PodWorkload& pw) {
  LinkedWorkload lw;
  lw.workload = pw.workload;
  lw.carry = pw.carry;
  lw.kind = pw.meta.kind;
  lw.schedule = pw.schedule;
  lw.time_zone = pw.time_zone;
  lw.suspended = pw.suspended;
  lw.host_network = pw.host_network;
  lw.where = pw.meta.where;
  lw.files = {pw.meta.where.file};
  link_service_account(ctx, pw, lw);
  std::vector<std::string> parameters;  // ConfigMap keys read from SSM
  for (std::size_t ci = 0; ci < lw.workload.containers.size(); ++ci) {
    model::Container& c = lw.workload.containers[ci];
    const std::string ptr = ci < pw.container_pointers.size() ? pw.container_pointers[ci] : "";
    link_env_references(ctx, pw, ptr, lw, c, parameters);
    if (ci < pw.env_from.size()) expand_env_from(ctx, pw, pw.env_from[ci], ptr, lw, c, parameters);
  }
  std::sort(parameters.begin(), parameters.end());
  parameters.erase(std::unique(parameters.begin(), parameters.end()), parameters.end());
  report_uncreated_parameters(ctx, lw, parameters);
  return lw;
}

/// Where each Service port lands, by {namespace, Service name}.
using ServiceTargets = std::map<std::pair<std::string, std::string>, std::vector<std::pair<k8s::ServicePort, Target>>>;

/// The Service's port name and appProtocol, given to the container port it targets (added when
/// the container does not declare it).
void name_target_port(model::Workload& w, const carry::EcsCarry& kept, const k8s::ServicePort& sp, const Target& t) {
  for (auto& c : w.containers) {
    if (c.name != t.container) continue;
    auto p = std::find_if(c.ports.begin(), c.ports.end(), [&](const auto& x) { return x.container_port == t.container_port; });
    if (p == c.ports.end()) {
      model::Port np;
      np.container_port = t.container_port;
      np.protocol = sp.protocol;
      c.ports.push_back(np);
      p = c.ports.end() - 1;
    }
    if (p->name.empty() && !sp.name.empty() && !made_up_port_name(kept, sp.name, *p)) p->name = sp.name;
    std::string ap = sp.app_protocol;
    if (ap == "kubernetes.io/h2c") ap = "http2";
    if (p->app_protocol.empty() && (ap == "http" || ap == "http2" || ap == "grpc")) p->app_protocol = ap;
  }
}

/// A LoadBalancer Service port -> a Network Load Balancer target group.
model::LoadBalancerBinding nlb_binding(const k8s::ServiceObject& s, const k8s::ServicePort& sp, const Target& t) {
  model::LoadBalancerBinding b;
  b.type = model::LoadBalancerType::kNetwork;
  b.container = t.container;
  b.container_port = t.container_port;
  b.target_group_name = tg_name(s.meta.namespace_name, s.meta.name, sp.port);
  b.target_type = "ip";
  b.load_balancer_name = s.meta.name;
  b.scheme = "internet-facing";
  const std::string scheme = annotation_of(s.meta.annotations, "service.beta.kubernetes.io/aws-load-balancer-scheme");
  if (scheme == "internal" || scheme == "internet-facing") b.scheme = scheme;
  if (annotation_of(s.meta.annotations, "service.beta.kubernetes.io/aws-load-balancer-internal") == "true") {
    b.scheme = "internal";
  }
  model::Listener l;
  l.protocol = sp.protocol == model::Protocol::kUdp ? "UDP" : "TCP";
  l.port = sp.port;
  b.listeners.push_back(l);
  return b;
}

/// The Service's ports on workload `i`, which it selects: an NLB target group each for a
/// LoadBalancer Service, else a service discovery registration.
void link_service_ports(const LinkContext& ctx, const k8s::ServiceObject& s, std::size_t i, std::vector<LinkedWorkload>& out,
                        ServiceTargets& service_targets) {
  const k8s::PodWorkload& pw = ctx.m.workloads[i];
  model::Workload& w = out[i].workload;
  for (const k8s::ServicePort& sp : s.ports) {
    auto t = resolve_target(w, i, sp);
    if (!t) {
      ctx.diags.warning("unknown-port-name", s.meta.where,
                        "Service \"" + s.meta.name + "\" port " + std::to_string(sp.port) + " targets \"" +
                            sp.target_port_name + "\", which no container of " + pw.meta.name + " declares");
      continue;
    }
    name_target_port(w, out[i].carry, sp, *t);
    service_targets[{s.meta.namespace_name, s.meta.name}].emplace_back(sp, *t);
    if (s.type == "LoadBalancer") {
      w.load_balancers.push_back(nlb_binding(s, sp, *t));
    } else {
      model::DiscoveryRegistration r;
      r.name = s.meta.name;
      r.container = t->container;
      r.container_port = t->container_port;
      r.port = sp.port;
      w.registries.push_back(std::move(r));
    }
  }
  if (s.meta.where.file != out[i].where.file) out[i].files.push_back(s.meta.where.file);
}

/// Services -> workloads; returns where each Service port lands, for the Ingresses.
ServiceTargets link_services(const LinkContext& ctx, std::vector<LinkedWorkload>& out) {
  ServiceTargets service_targets;
  for (const k8s::ServiceObject& s : ctx.m.services) {
    if (s.selector.empty()) continue;  // ExternalName or manual endpoints
    bool any = false;
    for (std::size_t i = 0; i < out.size(); ++i) {
      const k8s::PodWorkload& pw = ctx.m.workloads[i];
      if (pw.meta.namespace_name != s.meta.namespace_name || !selects(s.selector, pw.pod_labels)) continue;
      any = true;
      link_service_ports(ctx, s, i, out, service_targets);
    }
    if (!any) {
      ctx.diags.warning("missing-reference", s.meta.where,
                        "Service \"" + s.meta.namespace_name + "/" + s.meta.name + "\" selects no workload in the input");
    }
  }
  return service_targets;
}

/// Where an Ingress path lands: the Service port it names (or the Service's first port when it
/// names none), and that port's number; null target when the Service has no such port.
std::pair<const Target*, int64_t> ingress_target(const k8s::IngressPath& p, const std::vector<std::pair<k8s::ServicePort, Target>>& ports) {
  for (const auto& [sp, t] : ports) {
    if ((p.port_name.empty() && sp.port == p.port) || (!p.port_name.empty() && sp.name == p.port_name) ||
        (p.port == 0 && p.port_name.empty())) {
      return {&t, sp.port};
    }
  }
  return {nullptr, 0};
}

/// A new Application Load Balancer target group for an Ingress backend; its health check from
/// the Ingress annotations, else the container's readiness httpGet.
model::LoadBalancerBinding alb_binding(const k8s::IngressObject& ing, const k8s::IngressPath& p, const std::string& lb_name,
                                       const Target& target, int64_t svc_port, const model::Workload& w) {
  model::LoadBalancerBinding nb;
  nb.type = model::LoadBalancerType::kApplication;
  nb.container = target.container;
  nb.container_port = target.container_port;
  nb.target_group_name = tg_name(ing.meta.namespace_name, p.service, svc_port);
  nb.target_type = "ip";
  nb.load_balancer_name = lb_name;
  nb.scheme = "internal";
  for (const auto& [k, v] : ing.meta.annotations) {
    if (k == "alb.ingress.kubernetes.io/scheme") nb.scheme = v;
    if (k == "alb.ingress.kubernetes.io/target-type") nb.target_type = v;
    if (k == "alb.ingress.kubernetes.io/healthcheck-path") nb.health_check_path = v;
  }
  // Readiness httpGet -> target group health check.
  for (const auto& c : w.containers) {
    if (c.name != target.container || !c.readiness || c.readiness->kind != model::Probe::Kind::kHttpGet) continue;
    if (nb.health_check_path.empty()) nb.health_check_path = c.readiness->path;
    nb.health_check_protocol = c.readiness->scheme;
    nb.health_check_interval_seconds = c.readiness->interval_seconds;
    nb.health_check_timeout_seconds = c.readiness->timeout_seconds;
    nb.unhealthy_threshold = c.readiness->failure_threshold;
  }
  return nb;
}

/// Adds the Ingress's listeners to the target group's (one per protocol and port; certificates
/// and the HTTPS redirect merged).
void merge_listeners(const std::vector<model::Listener>& listeners, model::LoadBalancerBinding& b) {
  for (const auto& l : listeners) {
    auto same = std::find_if(b.listeners.begin(), b.listeners.end(),
                             [&](const model::Listener& x) { return x.protocol == l.protocol && x.port == l.port; });
    if (same == b.listeners.end()) {
      b.listeners.push_back(l);
      continue;
    }
    for (const auto& c : l.certificate_arns) {
      if (std::find(same->certificate_arns.begin(), same->certificate_arns.end(), c) == same->certificate_arns.end()) {
        same->certificate_arns.push_back(c);
      }
    }
    same->redirects_to_https = same->redirects_to_https || l.redirects_to_https;
  }
}

/// Ingress -> Service -> workload: an Application Load Balancer target group per backend. Ingresses
/// of one alb.ingress.kubernetes.io/group.name share a load balancer; rule priorities follow the
/// order of the Ingresses and their paths, as the AWS Load Balancer Controller orders them.
void link_ingresses(const LinkContext& ctx, const ServiceTargets& service_targets, std::vector<LinkedWorkload>& out) {
  std::map<std::string, int64_t> next_priority;
  for (const k8s::IngressObject& ing : ctx.m.ingresses) {
    const std::string group = annotation_of(ing.meta.annotations, "alb.ingress.kubernetes.io/group.name");
    const std::string lb_name = group.empty() ? ing.meta.name : group;
    const std::vector<model::Listener> listeners = ingress_listeners(ing, ctx.diags);
    for (const k8s::IngressPath& p : ing.paths) {
      auto it = service_targets.find({ing.meta.namespace_name, p.service});
      if (it == service_targets.end()) {
        ctx.diags.warning("missing-reference", ing.meta.where,
                          "Ingress \"" + ing.meta.name + "\" routes to Service \"" + ing.meta.namespace_name + "/" + p.service +
                              "\", which is not in the input or selects no workload; that route is skipped");
        continue;
      }
      const auto [target, svc_port] = ingress_target(p, it->second);
      if (target == nullptr) {
        ctx.diags.warning("missing-reference", ing.meta.where,
                          "Ingress \"" + ing.meta.name + "\" routes to port " +
                              (p.port_name.empty() ? std::to_string(p.port) : p.port_name) + " of Service \"" + p.service +
                              "\", which has no such port; that route is skipped");
        continue;
      }
      LinkedWorkload& lw = out[target->workload];
      if (ing.meta.where.file != lw.where.file) lw.files.push_back(ing.meta.where.file);
      model::Workload& w = lw.workload;
      const Target& t = *target;
      auto b = std::find_if(w.load_balancers.begin(), w.load_balancers.end(), [&](const auto& x) {
        return x.type == model::LoadBalancerType::kApplication && x.container == t.container &&
               x.container_port == t.container_port && x.load_balancer_name == lb_name;
      });
      if (b == w.load_balancers.end()) {
        w.load_balancers.push_back(alb_binding(ing, p, lb_name, t, svc_port, w));
        b = w.load_balancers.end() - 1;
      }
      merge_listeners(listeners, *b);
      model::HttpRoute r;
      if (!p.host.empty()) r.hosts.push_back(p.host);
      r.paths = alb_path_patterns(p.path, p.path_type);
      // The default backend (no host, no path) is the listener's default action: no priority.
      if (!r.hosts.empty() || !r.paths.empty()) r.priority = ++next_priority[ing.meta.namespace_name + "/" + lb_name];
      b->routes.push_back(std::move(r));
    }
  }
}

/// Whether SecurityGroupPolicy `p` selects the pods of `pw`, by pod labels or by ServiceAccount.
bool policy_selects(const LinkContext& ctx, const k8s::SecurityGroupPolicyObject& p, const k8s::PodWorkload& pw) {
  bool match = !p.pod_selector.empty() && selects(p.pod_selector, pw.pod_labels);
  if (!match && !p.service_account_selector.empty()) {
    const std::string sa_name = pw.service_account.empty() ? "default" : pw.service_account;
    for (const auto& sa : ctx.m.service_accounts) {
      if (sa.meta.namespace_name == pw.meta.namespace_name && sa.meta.name == sa_name &&
          selects(p.service_account_selector, sa.meta.labels)) {
        match = true;
      }
    }
  }
  return match;
}

/// SecurityGroupPolicy -> the security groups of the selected workloads' services.
void link_security_group_policies(const LinkContext& ctx, std::vector<LinkedWorkload>& out) {
  for (const k8s::SecurityGroupPolicyObject& p : ctx.m.security_group_policies) {
    bool found = false;
    for (std::size_t i = 0; i < out.size(); ++i) {
      const k8s::PodWorkload& pw = ctx.m.workloads[i];
      if (pw.meta.namespace_name != p.meta.namespace_name || !policy_selects(ctx, p, pw)) continue;
      found = true;
      for (const auto& g : p.group_ids) {
        auto& sgs = out[i].security_groups;
        if (std::find(sgs.begin(), sgs.end(), g) == sgs.end()) sgs.push_back(g);
      }
      if (p.meta.where.file != out[i].where.file) out[i].files.push_back(p.meta.where.file);
    }
    if (!found) {
      ctx.diags.warning("missing-reference", p.meta.where,
                        "SecurityGroupPolicy \"" + p.meta.namespace_name + "/" + p.meta.name + "\" selects no workload in the input");
    }
  }
}

/// HPA -> autoscaling; desiredCount follows minReplicas.
void link_hpas(const LinkContext& ctx, std::vector<LinkedWorkload>& out) {
  for (const k8s::HpaObject& h : ctx.m.hpas) {
    bool found = false;
    for (std::size_t i = 0; i < out.size(); ++i) {
      const k8s::PodWorkload& pw = ctx.m.workloads[i];
      if (pw.meta.namespace_name != h.meta.namespace_name || pw.meta.name != h.target_name || pw.meta.kind != h.target_kind) {
        continue;
      }
      found = true;
      model::Workload& w = out[i].workload;
      w.autoscaling = h.scaling;
      if (w.replicas && *w.replicas != h.scaling.min_replicas) {
        ctx.diags.warning("replicas-from-hpa", h.meta.where,
                          pw.meta.kind + " \"" + pw.meta.name + "\" sets replicas " + std::to_string(*w.replicas) +
                              " but HPA \"" + h.meta.name + "\" scales it: desiredCount is minReplicas " +
                              std::to_string(h.scaling.min_replicas));
      }
      w.replicas = h.scaling.min_replicas;
      if (h.meta.where.file != out[i].where.file) out[i].files.push_back(h.meta.where.file);
    }
    if (!found) {
      ctx.diags.warning("missing-reference", h.meta.where,
                        "HorizontalPodAutoscaler \"" + h.meta.name + "\" scales " + h.target_kind + " \"" +
                            h.meta.namespace_name + "/" + h.target_name + "\", which is not in the input");
    }
  }
}

}  // namespace

std::vector<std::string> alb_path_patterns(const std::string& path, const std::string& path_type) {
  if (path.empty()) return {};
  if (path_type == "Prefix") {
    std::string p = path;
    while (p.size() > 1 && p.back() == '/') p.pop_back();
    if (p == "/") return {"/*"};
    return {p, p + "/*"};
  }
  return {path};
}

std::string ssm_parameter_name(std::string_view prefix, std::string_view namespace_name, std::string_view object,
                               std::string_view key) {
  std::string p(prefix);
  if (p.empty() || p.front() != '/') p.insert(p.begin(), '/');
  if (p.back() != '/') p += '/';
  return p + std::string(namespace_name) + "/" + std::string(object) + "/" + std::string(key);
}

std::string secrets_manager_arn(std::string_view region, std::string_view account, std::string_view namespace_name,
                                std::string_view secret, std::string_view key) {
  return "arn:aws:secretsmanager:" + std::string(region) + ":" + std::string(account) + ":secret:" +
         std::string(namespace_name) + "/" + std::string(secret) + ":" + std::string(key) + "::";
}

std::vector<LinkedWorkload> link_manifests(const k8s::Manifests& m, const LinkOptions& options, Diagnostics& diags) {
  const LinkContext ctx{m, options, diags};
  std::vector<LinkedWorkload> out;
  out.reserve(m.workloads.size());
  for (const k8s::PodWorkload& pw : m.workloads) out.push_back(linked_workload(ctx, pw));
  const ServiceTargets service_targets = link_services(ctx, out);
  link_ingresses(ctx, service_targets, out);
  link_security_group_policies(ctx, out);
  link_hpas(ctx, out);
  for (auto& lw : out) {
    std::sort(lw.files.begin(), lw.files.end());
    lw.files.erase(std::unique(lw.files.begin(), lw.files.end()), lw.files.end());
  }
  return out;
}

}  // namespace specconv::k8s
