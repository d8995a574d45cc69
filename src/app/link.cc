// Linking of Kubernetes objects into ECS-ready workloads (see link.h).
#include "app/link.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace specconv::app {
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

}  // namespace

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
  std::vector<LinkedWorkload> out;
  out.reserve(m.workloads.size());

  auto find_keyed = [](const std::vector<k8s::KeyedObject>& list, const std::string& ns,
                       const std::string& name) -> const k8s::KeyedObject* {
    for (const auto& o : list) {
      if (o.meta.namespace_name == ns && o.meta.name == name) return &o;
    }
    return nullptr;
  };
  auto reference = [&](bool secret, const std::string& ns, const std::string& object, const std::string& key,
                       model::SecretEnv& s) {
    if (secret && options.secrets_manager) {
      s.store = model::SecretStore::kSecretsManager;
      s.reference = secrets_manager_arn(options.region, options.account_id, ns, object, key);
    } else {
      s.store = model::SecretStore::kSsmParameter;
      s.reference = ssm_parameter_name(options.parameter_prefix, ns, object, key);
    }
    s.object = object;
    s.key = key;
  };

  for (const k8s::PodWorkload& pw : m.workloads) {
    LinkedWorkload lw;
    lw.workload = pw.workload;
    lw.kind = pw.meta.kind;
    lw.schedule = pw.schedule;
    lw.host_network = pw.host_network;
    lw.where = pw.meta.where;
    lw.files = {pw.meta.where.file};
    model::Workload& w = lw.workload;
    const std::string& ns = pw.meta.namespace_name;

    // ServiceAccount -> task role (IRSA annotation).
    const std::string sa_name = pw.service_account.empty() ? "default" : pw.service_account;
    const auto sa = std::find_if(m.service_accounts.begin(), m.service_accounts.end(), [&](const auto& s) {
      return s.meta.namespace_name == ns && s.meta.name == sa_name;
    });
    if (sa != m.service_accounts.end()) {
      if (!sa->role_arn.empty()) w.task_role = sa->role_arn;
      if (sa->meta.where.file != lw.where.file) lw.files.push_back(sa->meta.where.file);
    } else if (!pw.service_account.empty()) {
      diags.warning("missing-reference", lw.where,
                    pw.meta.kind + " \"" + pw.meta.name + "\" uses ServiceAccount \"" + ns + "/" + pw.service_account +
                        "\", which is not in the input: no task role is set (taskRoleArn must be added for AWS API access)");
    }

    // Env references and envFrom.
    for (std::size_t ci = 0; ci < w.containers.size(); ++ci) {
      model::Container& c = w.containers[ci];
      const std::string ptr = ci < pw.container_pointers.size() ? pw.container_pointers[ci] : "";
      for (model::SecretEnv& s : c.secret_env) {
        const bool secret = s.store == model::SecretStore::kKubernetesSecret;
        const std::string kind = secret ? "Secret" : "ConfigMap";
        const k8s::KeyedObject* obj = find_keyed(secret ? m.secrets : m.config_maps, ns, s.object);
        if (obj == nullptr) {
          diags.warning("missing-reference", at(lw.where, ptr + "/env"),
                        "environment variable " + s.name + " refers to " + kind + " \"" + ns + "/" + s.object +
                            "\", which is not in the input; the reference is converted by the naming rule anyway");
        } else if (std::find(obj->keys.begin(), obj->keys.end(), s.key) == obj->keys.end()) {
          diags.warning("missing-reference", at(lw.where, ptr + "/env"),
                        "environment variable " + s.name + " refers to key \"" + s.key + "\" of " + kind + " \"" + ns +
                            "/" + s.object + "\", which has no such key");
        }
        reference(secret, ns, s.object, s.key, s);
      }
      std::set<std::string> defined;
      for (const auto& e : c.env) defined.insert(e.name);
      for (const auto& s : c.secret_env) defined.insert(s.name);
      if (ci < pw.env_from.size()) {
        for (const k8s::EnvFromRef& r : pw.env_from[ci]) {
          const std::string kind = r.secret ? "Secret" : "ConfigMap";
          const k8s::KeyedObject* obj = find_keyed(r.secret ? m.secrets : m.config_maps, ns, r.object);
          if (obj == nullptr) {
            if (!r.optional) {
              diags.warning("missing-reference", at(lw.where, ptr + "/envFrom"),
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
              diags.warning("invalid-env-name", at(lw.where, ptr + "/envFrom"),
                            "key \"" + key + "\" of " + kind + " \"" + r.object + "\" is not a valid environment variable name; skipped");
              continue;
            }
            if (!defined.insert(name).second) continue;  // env wins over envFrom, first envFrom wins
            model::SecretEnv s;
            s.name = name;
            reference(r.secret, ns, r.object, key, s);
            c.secret_env.push_back(std::move(s));
          }
        }
      }
    }
    out.push_back(std::move(lw));
  }

  // Services -> workloads; remember where each Service port lands for the Ingresses.
  std::map<std::pair<std::string, std::string>, std::vector<std::pair<k8s::ServicePort, Target>>> service_targets;
  for (const k8s::ServiceObject& s : m.services) {
    if (s.selector.empty()) continue;  // ExternalName or manual endpoints
    bool any = false;
    for (std::size_t i = 0; i < out.size(); ++i) {
      const k8s::PodWorkload& pw = m.workloads[i];
      if (pw.meta.namespace_name != s.meta.namespace_name || !selects(s.selector, pw.pod_labels)) continue;
      any = true;
      model::Workload& w = out[i].workload;
      for (const k8s::ServicePort& sp : s.ports) {
        auto t = resolve_target(w, i, sp);
        if (!t) {
          diags.warning("unknown-port-name", s.meta.where,
                        "Service \"" + s.meta.name + "\" port " + std::to_string(sp.port) + " targets \"" +
                            sp.target_port_name + "\", which no container of " + pw.meta.name + " declares");
          continue;
        }
        // Port name and appProtocol from the Service.
        for (auto& c : w.containers) {
          if (c.name != t->container) continue;
          auto p = std::find_if(c.ports.begin(), c.ports.end(), [&](const auto& x) { return x.container_port == t->container_port; });
          if (p == c.ports.end()) {
            model::Port np;
            np.container_port = t->container_port;
            np.protocol = sp.protocol;
            c.ports.push_back(np);
            p = c.ports.end() - 1;
          }
          if (p->name.empty() && !sp.name.empty()) p->name = sp.name;
          std::string ap = sp.app_protocol;
          if (ap == "kubernetes.io/h2c") ap = "http2";
          if (p->app_protocol.empty() && (ap == "http" || ap == "http2" || ap == "grpc")) p->app_protocol = ap;
        }
        service_targets[{s.meta.namespace_name, s.meta.name}].emplace_back(sp, *t);
        if (s.type == "LoadBalancer") {
          model::LoadBalancerBinding b;
          b.type = model::LoadBalancerType::kNetwork;
          b.container = t->container;
          b.container_port = t->container_port;
          b.target_group_name = tg_name(s.meta.namespace_name, s.meta.name, sp.port);
          b.target_type = "ip";
          model::Listener l;
          l.protocol = sp.protocol == model::Protocol::kUdp ? "UDP" : "TCP";
          l.port = sp.port;
          b.listeners.push_back(l);
          w.load_balancers.push_back(std::move(b));
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
    if (!any) {
      diags.warning("missing-reference", s.meta.where,
                    "Service \"" + s.meta.namespace_name + "/" + s.meta.name + "\" selects no workload in the input");
    }
  }

  // Ingress -> Service -> workload: an Application Load Balancer target group per backend.
  for (const k8s::IngressObject& ing : m.ingresses) {
    for (const k8s::IngressPath& p : ing.paths) {
      auto it = service_targets.find({ing.meta.namespace_name, p.service});
      if (it == service_targets.end()) {
        diags.warning("missing-reference", ing.meta.where,
                      "Ingress \"" + ing.meta.name + "\" routes to Service \"" + ing.meta.namespace_name + "/" + p.service +
                          "\", which is not in the input or selects no workload; that route is skipped");
        continue;
      }
      const Target* target = nullptr;
      int64_t svc_port = 0;
      for (const auto& [sp, t] : it->second) {
        if ((p.port_name.empty() && sp.port == p.port) || (!p.port_name.empty() && sp.name == p.port_name) ||
            (p.port == 0 && p.port_name.empty())) {
          target = &t;
          svc_port = sp.port;
          break;
        }
      }
      if (target == nullptr) {
        diags.warning("missing-reference", ing.meta.where,
                      "Ingress \"" + ing.meta.name + "\" routes to port " +
                          (p.port_name.empty() ? std::to_string(p.port) : p.port_name) + " of Service \"" + p.service +
                          "\", which has no such port; that route is skipped");
        continue;
      }
      LinkedWorkload& lw = out[target->workload];
      if (ing.meta.where.file != lw.where.file) lw.files.push_back(ing.meta.where.file);
      model::Workload& w = lw.workload;
      auto b = std::find_if(w.load_balancers.begin(), w.load_balancers.end(), [&](const auto& x) {
        return x.type == model::LoadBalancerType::kApplication && x.container == target->container &&
               x.container_port == target->container_port;
      });
      if (b == w.load_balancers.end()) {
        model::LoadBalancerBinding nb;
        nb.type = model::LoadBalancerType::kApplication;
        nb.container = target->container;
        nb.container_port = target->container_port;
        nb.target_group_name = tg_name(ing.meta.namespace_name, p.service, svc_port);
        nb.target_type = "ip";
        nb.load_balancer_name = ing.meta.name;
        nb.scheme = "internal";
        for (const auto& [k, v] : ing.meta.annotations) {
          if (k == "alb.ingress.kubernetes.io/scheme") nb.scheme = v;
          if (k == "alb.ingress.kubernetes.io/target-type") nb.target_type = v;
          if (k == "alb.ingress.kubernetes.io/healthcheck-path") nb.health_check_path = v;
        }
        // Readiness httpGet -> target group health check.
        for (const auto& c : w.containers) {
          if (c.name != target->container || !c.readiness || c.readiness->kind != model::Probe::Kind::kHttpGet) continue;
          if (nb.health_check_path.empty()) nb.health_check_path = c.readiness->path;
          nb.health_check_protocol = c.readiness->scheme;
          nb.health_check_interval_seconds = c.readiness->interval_seconds;
          nb.health_check_timeout_seconds = c.readiness->timeout_seconds;
          nb.unhealthy_threshold = c.readiness->failure_threshold;
        }
        model::Listener l;
        l.protocol = ing.tls_hosts.empty() ? "HTTP" : "HTTPS";
        l.port = ing.tls_hosts.empty() ? 80 : 443;
        nb.listeners.push_back(l);
        w.load_balancers.push_back(std::move(nb));
        b = w.load_balancers.end() - 1;
      }
      model::HttpRoute r;
      if (!p.host.empty()) r.hosts.push_back(p.host);
      if (!p.path.empty()) r.paths.push_back(p.path_type == "Prefix" && p.path != "/" ? p.path + "*" : p.path);
      b->routes.push_back(std::move(r));
    }
  }

  // HPA -> autoscaling; desiredCount follows minReplicas.
  for (const k8s::HpaObject& h : m.hpas) {
    bool found = false;
    for (std::size_t i = 0; i < out.size(); ++i) {
      const k8s::PodWorkload& pw = m.workloads[i];
      if (pw.meta.namespace_name != h.meta.namespace_name || pw.meta.name != h.target_name || pw.meta.kind != h.target_kind) {
        continue;
      }
      found = true;
      model::Workload& w = out[i].workload;
      w.autoscaling = h.scaling;
      if (w.replicas && *w.replicas != h.scaling.min_replicas) {
        diags.warning("replicas-from-hpa", h.meta.where,
                      pw.meta.kind + " \"" + pw.meta.name + "\" sets replicas " + std::to_string(*w.replicas) +
                          " but HPA \"" + h.meta.name + "\" scales it: desiredCount is minReplicas " +
                          std::to_string(h.scaling.min_replicas));
      }
      w.replicas = h.scaling.min_replicas;
      if (h.meta.where.file != out[i].where.file) out[i].files.push_back(h.meta.where.file);
    }
    if (!found) {
      diags.warning("missing-reference", h.meta.where,
                    "HorizontalPodAutoscaler \"" + h.meta.name + "\" scales " + h.target_kind + " \"" +
                        h.meta.namespace_name + "/" + h.target_name + "\", which is not in the input");
    }
  }
  for (auto& lw : out) {
    std::sort(lw.files.begin(), lw.files.end());
    lw.files.erase(std::unique(lw.files.begin(), lw.files.end()), lw.files.end());
  }
  return out;
}

}  // namespace specconv::app
