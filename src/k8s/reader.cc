// Kubernetes manifest reader: documents -> k8s::Manifests (typed, located). Unknown fields are
// warnings (the Kubernetes schema is large and grows every release); wrong types are errors.
// Each object's legal keys come from the Kubernetes field table (mapping/k8s_field_table.cc):
// finish() accepts every key of the scope, so a key the reader does not read here needs no code;
// the table says what becomes of it (carried for the way back, or ignored).
#include "k8s/reader.h"

#include <algorithm>
#include <map>

#include "input/kubernetes_kinds.h"
#include "k8s/emit.h"
#include "k8s/security_context.h"
#include "mapping/k8s_field_table.h"
#include "mapping/quantity.h"
#include "mapping/resources.h"

namespace specconv::k8s {
namespace {

using io::Cursor;
using io::Node;
using model::Container;
using model::Probe;

constexpr Severity kUnknown = Severity::kWarning;

void note(const Cursor& c, std::string_view key, std::string code, std::string message) {
  c.context().diags->note(std::move(code), c.where(key), std::move(message));
}

void note_ignored(Cursor& c, std::string_view key, const std::string& why) {
  if (c.has(key)) {
    c.context().diags->note("ignored-field", c.where(key), std::string(key) + " is not mapped to ECS: " + why);
  }
  c.ignore(key);
}

std::string scalar_text(const Node& n) {
  if (n.is_string()) return n.text();
  if (n.is_int()) return n.text().empty() ? std::to_string(n.as_int()) : n.text();
  if (n.is_float()) return n.text();
  return "";
}

/// A quantity value (string or number), parsed exactly.
std::optional<mapping::Quantity> quantity(Cursor& c, std::string_view key) {
  const Node* n = c.take(key);
  if (n == nullptr) return std::nullopt;
  if (!n->is_string() && !n->is_number()) {
    c.error(key, "type-mismatch", "expected a quantity such as \"250m\" or \"1Gi\"");
    return std::nullopt;
  }
  const std::string text = scalar_text(*n);
  mapping::QuantityParse q = mapping::parse_quantity(text);
  if (!q.value) {
    c.error(key, "bad-quantity", "\"" + text + "\" is not a Kubernetes quantity: " + q.error);
    return std::nullopt;
  }
  if (q.value->is_negative()) {
    c.error(key, "bad-quantity", "\"" + text + "\" is negative");
    return std::nullopt;
  }
  return q.value;
}

struct IntOrString {
  int64_t value = 0;
  bool percent = false;
  std::string name;  // a named port
};

std::optional<IntOrString> int_or_string(Cursor& c, std::string_view key) {
  const Node* n = c.take(key);
  if (n == nullptr) return std::nullopt;
  IntOrString out;
  if (n->is_int()) {
    out.value = n->as_int();
    return out;
  }
  if (n->is_string()) {
    const std::string& s = n->text();
    if (!s.empty() && s.back() == '%') {
      try {
        std::size_t used = 0;
        out.value = std::stoll(s.substr(0, s.size() - 1), &used);
        if (used == s.size() - 1 && out.value >= 0) {
          out.percent = true;
          return out;
        }
      } catch (...) {
      }
      c.error(key, "type-mismatch", "expected an integer or a percentage such as \"25%\", got \"" + s + "\"");
      return std::nullopt;
    }
    out.name = s;
    return out;
  }
  c.error(key, "type-mismatch", "expected an integer or a string");
  return std::nullopt;
}

model::Protocol protocol_of(Cursor& c, std::string_view key) {
  const auto p = c.string(key);
  if (!p || *p == "TCP") return model::Protocol::kTcp;
  if (*p == "UDP") return model::Protocol::kUdp;
  if (*p == "SCTP") return model::Protocol::kSctp;
  c.error(key, "invalid-value", "protocol must be TCP, UDP or SCTP, got \"" + *p + "\"");
  return model::Protocol::kTcp;
}

ObjectMeta read_meta(Cursor& root, const std::string& api_version, const std::string& kind) {
  ObjectMeta m;
  m.api_version = api_version;
  m.kind = kind;
  m.where = root.where();
  m.namespace_name = "default";
  if (auto meta = root.object("metadata")) {
    if (auto n = meta->string("name")) m.name = *n;
    if (auto ns = meta->string("namespace"); ns && !ns->empty()) m.namespace_name = *ns;
    if (auto l = meta->string_map("labels")) m.labels = *l;
    if (auto a = meta->string_map("annotations")) m.annotations = *a;
    meta->finish(mapping::k8s_keys("ObjectMeta"), kUnknown);
  }
  return m;
}

std::string annotation(const StringPairs& a, std::string_view key) {
  for (const auto& [k, v] : a) {
    if (k == key) return v;
  }
  return "";
}

// ---------------------------------------------------------------- containers

/// Resolves a probe port given by name against the container's ports.
int64_t resolve_port(Cursor& c, std::string_view key, const IntOrString& p, const Container& ctr) {
  if (p.name.empty()) return p.value;
  for (const auto& port : ctr.ports) {
    if (port.name == p.name) return port.container_port;
  }
  c.warning(key, "unknown-port-name", "no port of container \"" + ctr.name + "\" is named \"" + p.name + "\"");
  return 0;
}

std::optional<Probe> read_probe(Cursor& pc, const Container& ctr) {
  Probe p;
  bool have = false;
  if (auto e = pc.object("exec")) {
    p.kind = Probe::Kind::kExec;
    if (auto cmd = e->strings("command")) p.command = *cmd;
    e->finish(mapping::k8s_keys("ExecAction"), kUnknown);
    have = true;
  }
  if (auto h = pc.object("httpGet")) {
    p.kind = Probe::Kind::kHttpGet;
    p.path = h->string("path").value_or("/");
    p.scheme = h->string("scheme").value_or("HTTP");
    if (auto port = int_or_string(*h, "port")) p.port = resolve_port(*h, "port", *port, ctr);
    note_ignored(*h, "host", "the health check runs inside the task");
    note_ignored(*h, "httpHeaders", "ECS health checks and target groups send no custom headers");
    h->finish(mapping::k8s_keys("HTTPGetAction"), kUnknown);
    have = true;
  }
  if (auto t = pc.object("tcpSocket")) {
    p.kind = Probe::Kind::kTcpSocket;
    if (auto port = int_or_string(*t, "port")) p.port = resolve_port(*t, "port", *port, ctr);
    t->finish(mapping::k8s_keys("TCPSocketAction"), kUnknown);
    have = true;
  }
  if (auto g = pc.object("grpc")) {
    p.kind = Probe::Kind::kGrpc;
    p.port = g->integer("port", 1, 65535).value_or(0);
    g->finish(mapping::k8s_keys("GRPCAction"), kUnknown);
    have = true;
  }
  p.start_period_seconds = pc.integer("initialDelaySeconds", 0);
  p.interval_seconds = pc.integer("periodSeconds", 1);
  p.timeout_seconds = pc.integer("timeoutSeconds", 1);
  p.failure_threshold = pc.integer("failureThreshold", 1);
  p.success_threshold = pc.integer("successThreshold", 1);
  pc.finish(mapping::k8s_keys("Probe"), kUnknown);
  if (!have) {
    pc.context().diags->warning("empty-probe", pc.where(), "the probe has no exec, httpGet, tcpSocket or grpc handler; ignored");
    return std::nullopt;
  }
  return p;
}

struct PodDefaults {
  std::optional<int64_t> run_as_user;
  std::optional<int64_t> run_as_group;
  SecurityRead security;
  /// ECS -> Kubernetes: cpu units that were not whole millicores, by container (specconv.io/ecs-containers "cpu").
  std::map<std::string, int64_t, std::less<>> kept_cpu_units;
};

/// The exact ECS cpu units of a request that ECS -> Kubernetes rounded up, while the request is
/// still what that rounding gave; else `units`.
int64_t exact_cpu_units(const PodDefaults& pod, const std::string& container, int64_t units) {
  const auto it = pod.kept_cpu_units.find(container);
  if (it == pod.kept_cpu_units.end() || mapping::cpu_units_round_trip(it->second) != units) return units;
  return it->second;
}

Container read_container(Cursor& c, const PodDefaults& pod, std::vector<EnvFromRef>& env_from) {
  Container ctr;
  ctr.name = c.string("name").value_or("");
  if (ctr.name.empty()) c.error("name", "missing-field", "the container has no name");
  ctr.image = c.string("image").value_or("");
  if (ctr.image.empty()) c.error("image", "missing-field", "container \"" + ctr.name + "\" has no image");
  if (auto cmd = c.strings("command")) ctr.entrypoint = *cmd;
  if (auto args = c.strings("args")) ctr.arguments = *args;
  if (auto wd = c.string("workingDir")) ctr.working_dir = *wd;
  ctr.tty = c.boolean("tty").value_or(false);
  ctr.stdin_open = c.boolean("stdin").value_or(false);
  note_ignored(c, "lifecycle", "ECS has no postStart/preStop hooks; the container gets SIGTERM, then SIGKILL after stopTimeout");
  note_ignored(c, "volumeDevices", "raw block devices are not supported");

  for (Cursor& p : c.objects("ports")) {
    model::Port port;
    port.container_port = p.integer("containerPort", 1, 65535).value_or(0);
    port.host_port = p.integer("hostPort", 1, 65535);
    port.protocol = protocol_of(p, "protocol");
    port.name = p.string("name").value_or("");
    p.finish(mapping::k8s_keys("ContainerPort"), kUnknown);
    if (port.container_port > 0) ctr.ports.push_back(port);
  }

  for (Cursor& e : c.objects("env")) {
    const std::string name = e.string("name").value_or("");
    if (auto value = e.string("value")) {
      ctr.env.push_back({name, *value});
    } else if (auto from = e.object("valueFrom")) {
      bool secret = false;
      std::optional<Cursor> ref = from->object("configMapKeyRef");
      if (!ref) {
        ref = from->object("secretKeyRef");
        secret = ref.has_value();
      }
      if (ref) {
        model::SecretEnv s;
        s.name = name;
        s.store = secret ? model::SecretStore::kKubernetesSecret : model::SecretStore::kKubernetesConfigMap;
        s.object = ref->string("name").value_or("");
        s.key = ref->string("key").value_or("");
        ref->finish(mapping::k8s_keys("KeySelector"), kUnknown);
        ctr.secret_env.push_back(std::move(s));
      } else if (from->has("fieldRef") || from->has("resourceFieldRef")) {
        from->warning(from->has("fieldRef") ? "fieldRef" : "resourceFieldRef", "unsupported-env-source",
                      "environment variable " + name +
                          " comes from the pod's own fields (downward API), which ECS does not provide; it is left out "
                          "(the ECS task metadata endpoint ${ECS_CONTAINER_METADATA_URI_V4} has similar data)");
      }
      from->finish(mapping::k8s_keys("EnvVarSource"), kUnknown);
    } else {
      ctr.env.push_back({name, ""});
    }
    e.finish(mapping::k8s_keys("EnvVar"), kUnknown);
  }

  for (Cursor& e : c.objects("envFrom")) {
    EnvFromRef r;
    r.prefix = e.string("prefix").value_or("");
    std::optional<Cursor> ref = e.object("configMapRef");
    if (!ref) {
      ref = e.object("secretRef");
      r.secret = ref.has_value();
    }
    if (ref) {
      r.object = ref->string("name").value_or("");
      r.optional = ref->boolean("optional").value_or(false);
      ref->finish(mapping::k8s_keys("EnvFromRef"), kUnknown);
      env_from.push_back(std::move(r));
    }
    e.finish(mapping::k8s_keys("EnvFromSource"), kUnknown);
  }

  if (auto res = c.object("resources")) {
    for (const char* which : {"requests", "limits"}) {
      auto m = res->object(which);
      if (!m) continue;
      const bool request = std::string_view(which) == "requests";
      // ECS holds cpu units, MiB and GPUs in 32-bit integers: anything larger cannot be written.
      if (auto q = quantity(*m, "cpu")) {
        const int64_t units = mapping::ceil_cpu_units(*q);
        if (units > INT32_MAX) {
          m->error("cpu", "out-of-range", "cpu " + mapping::to_string(*q) + " cores is " + std::to_string(units) +
                                              " ECS cpu units, more than ECS can hold (2147483647)");
        } else {
          const int64_t exact = request ? exact_cpu_units(pod, ctr.name, units) : units;
          if (!mapping::cpu_units_exact(*q) && exact == units) {
            note(*m, "cpu", "rounded-up", "cpu " + mapping::to_string(*q) + " cores is not a whole number of ECS cpu units; rounded up to " +
                                              std::to_string(units));
          }
          (request ? ctr.resources.cpu_request : ctr.resources.cpu_limit) = model::Cpu::from_ecs_units(exact);
        }
      }
      if (auto q = quantity(*m, "memory")) {
        const auto bytes = mapping::to_int64_ceil(*q);
        if (!bytes || mapping::ceil_mib(*q) > INT32_MAX) {
          m->error("memory", "out-of-range", "memory " + mapping::to_string(*q) + " bytes is " + std::to_string(mapping::ceil_mib(*q)) +
                                                 " MiB, more than ECS can hold (2147483647 MiB)");
        } else {
          (request ? ctr.resources.memory_request : ctr.resources.memory_limit) = model::Memory{*bytes};
        }
      }
      if (auto q = quantity(*m, "nvidia.com/gpu")) {
        const auto gpus = mapping::to_int64_ceil(*q);
        if (!gpus || *gpus > INT32_MAX) {
          m->error("nvidia.com/gpu", "out-of-range", mapping::to_string(*q) + " GPUs is more than ECS can hold (2147483647)");
        } else {
          ctr.resources.gpus = gpus;
        }
      }
      if (auto q = quantity(*m, "ephemeral-storage")) {
        // For the task's ephemeralStorage (the request wins over the limit).
        if (const auto bytes = mapping::to_int64_ceil(*q); bytes && (request || !ctr.resources.ephemeral_storage_bytes)) {
          ctr.resources.ephemeral_storage_bytes = bytes;
        }
      }
      m->finish(mapping::k8s_keys("ResourceList"), kUnknown);
    }
    res->finish(mapping::k8s_keys("ResourceRequirements"), kUnknown);
  }

  ctr.run_as_user = pod.run_as_user;
  ctr.run_as_group = pod.run_as_group;
  SecurityRead own;
  if (auto sc = c.object("securityContext")) {
    if (auto u = sc->integer("runAsUser", 0)) ctr.run_as_user = u;
    if (auto g = sc->integer("runAsGroup", 0)) ctr.run_as_group = g;
    own = read_security_context(*sc, false);
    ctr.read_only_root = sc->boolean("readOnlyRootFilesystem");
    ctr.privileged = sc->boolean("privileged");
    if (auto caps = sc->object("capabilities")) {
      if (auto add = caps->strings("add")) ctr.capabilities_add = *add;
      if (auto drop = caps->strings("drop")) ctr.capabilities_drop = *drop;
      caps->finish(mapping::k8s_keys("Capabilities"), kUnknown);
    }
    sc->finish(mapping::k8s_keys("SecurityContext"), kUnknown);
  }
  apply_security(pod.security, own, ctr);

  for (Cursor& m : c.objects("volumeMounts")) {
    model::VolumeMount vm;
    vm.volume = m.string("name").value_or("");
    vm.path = m.string("mountPath").value_or("");
    vm.read_only = m.boolean("readOnly").value_or(false);
    if (m.has("subPath") || m.has("subPathExpr")) {
      m.warning("subPath", "unsupported-field", "subPath is not supported by ECS mount points; the whole volume is mounted at " + vm.path);
    }
    m.finish(mapping::k8s_keys("VolumeMount"), kUnknown);
    ctr.mounts.push_back(std::move(vm));
  }

  // Probes after ports, so that named ports resolve.
  if (auto p = c.object("livenessProbe")) ctr.liveness = read_probe(*p, ctr);
  if (auto p = c.object("readinessProbe")) ctr.readiness = read_probe(*p, ctr);
  if (auto p = c.object("startupProbe")) ctr.startup = read_probe(*p, ctr);
  return ctr;
}

// ---------------------------------------------------------------- volumes

model::Volume read_volume(Cursor& v) {
  model::Volume vol;
  vol.name = v.string("name").value_or("");
  if (auto e = v.object("emptyDir")) {
    const auto medium = e->string("medium").value_or("");
    vol.kind = medium == "Memory" ? model::Volume::Kind::kMemory : model::Volume::Kind::kScratch;
    if (auto q = quantity(*e, "sizeLimit")) vol.size_limit_mib = mapping::ceil_mib(*q);
    e->finish(mapping::k8s_keys("EmptyDirVolumeSource"), kUnknown);
  } else if (auto h = v.object("hostPath")) {
    vol.kind = model::Volume::Kind::kHostPath;
    vol.host_path = h->string("path").value_or("");
    h->finish(mapping::k8s_keys("HostPathVolumeSource"), kUnknown);
  } else if (auto p = v.object("persistentVolumeClaim")) {
    vol.kind = model::Volume::Kind::kClaim;
    vol.object_name = p->string("claimName").value_or("");
    p->finish(mapping::k8s_keys("PersistentVolumeClaimVolumeSource"), kUnknown);
  } else if (auto cm = v.object("configMap")) {
    vol.kind = model::Volume::Kind::kConfigMap;
    vol.object_name = cm->string("name").value_or("");
    cm->finish(mapping::k8s_keys("ConfigMapVolumeSource"), kUnknown);
  } else if (auto s = v.object("secret")) {
    vol.kind = model::Volume::Kind::kSecret;
    vol.object_name = s->string("secretName").value_or("");
    s->finish(mapping::k8s_keys("SecretVolumeSource"), kUnknown);
  } else {
    vol.kind = model::Volume::Kind::kUnsupported;
    for (const auto& [k, val] : v.node().members()) {
      if (k != "name") {
        vol.original_kind = k;
        v.ignore(k);
      }
    }
  }
  return vol;
}

// ---------------------------------------------------------------- annotations restored

std::optional<Node> parse_annotation(Cursor& meta_cursor, const std::string& text, const char* key) {
  std::string error;
  auto n = carry::decode(text, error);
  if (!n) {
    meta_cursor.warning("", "bad-annotation", std::string("annotation ") + key + " is not a JSON object; ignored");
    return std::nullopt;
  }
  return n;
}

/// ECS -> Kubernetes lists init containers and sidecars first; specconv.io/ecs-task
/// "containerOrder" has the original ECS order (pod names). Containers it does not name stay last.
void restore_container_order(const Node& order, PodWorkload& pw) {
  auto& ctrs = pw.workload.containers;
  // Linear in the annotation and the containers (the annotation is user input).
  std::map<std::string, std::vector<std::size_t>> by_name;
  for (std::size_t i = 0; i < ctrs.size(); ++i) by_name[ctrs[i].name].push_back(i);
  std::vector<bool> placed(ctrs.size(), false);
  std::vector<std::size_t> perm;
  for (const Node& n : order.items()) {
    if (!n.is_string()) continue;
    const auto it = by_name.find(n.text());
    if (it == by_name.end()) continue;
    for (std::size_t i : it->second) {
      if (!placed[i]) {
        placed[i] = true;
        perm.push_back(i);
      }
    }
  }
  for (std::size_t i = 0; i < ctrs.size(); ++i) {
    if (!placed[i]) perm.push_back(i);
  }
  auto permute = [&perm](auto& v) {
    if (v.size() != perm.size()) return;
    std::remove_reference_t<decltype(v)> out;
    for (std::size_t i : perm) out.push_back(std::move(v[i]));
    v = std::move(out);
  };
  permute(ctrs);
  permute(pw.container_pointers);
  permute(pw.env_from);
}

/// ECS volume names that are not DNS labels were renamed; specconv.io/ecs-task "volumeNames"
/// maps the pod's names back.
void restore_volume_names(const Node& names, model::Workload& w) {
  for (const auto& [k8s_name, ecs_name] : names.members()) {
    if (!ecs_name.is_string()) continue;
    for (auto& v : w.volumes) {
      if (v.name == k8s_name) v.name = ecs_name.text();
    }
    for (auto& c : w.containers) {
      for (auto& m : c.mounts) {
        if (m.volume == k8s_name) m.volume = ecs_name.text();
      }
    }
  }
}

/// The service's tags (specconv.io/ecs-service "tags") became labels beside the task's; they go
/// back to the service, not to the task definition.
void remove_service_tags(const Node& tags, model::Workload& w) {
  for (const Node& t : tags.items()) {
    const Node* k = t.find("key");
    const Node* v = t.find("value");
    if (k == nullptr || !k->is_string()) continue;
    const std::string value = v != nullptr && v->is_string() ? v->text() : "";
    for (auto it = w.tags.rbegin(); it != w.tags.rend(); ++it) {
      if (it->first == k->text() && it->second == value) {
        w.tags.erase(std::next(it).base());
        break;
      }
    }
  }
}

/// The workload came from an ECS task definition without a service (specconv.io/ecs-task
/// taskOnly): none is written back. Replicas other than the one the way there wrote are reported.
void restore_task_only(bool task_only, const Cursor& root, PodWorkload& pw) {
  model::Workload& w = pw.workload;
  if (!task_only || !w.has_service) return;
  w.has_service = false;
  if (w.replicas && *w.replicas != 1) {
    root.warning("spec", "task-only",
                 "this workload came from an ECS task definition without a service (specconv.io/ecs-task taskOnly): no "
                 "service is written, so replicas " + std::to_string(*w.replicas) + " is not used; remove taskOnly from "
                 "the annotation to get a service");
  }
}

void restore_annotations(const ObjectMeta& meta, Cursor& root, PodWorkload& pw) {
  model::Workload& w = pw.workload;
  const std::string original = annotation(meta.annotations, kAnnotationOriginalName);
  if (!original.empty()) w.name = original;
  if (auto task = annotation(meta.annotations, kAnnotationTask); !task.empty()) {
    // The ECS -> Kubernetes direction adds the selector label app.kubernetes.io/name=<name>; it was
    // no tag of the original task definition.
    std::erase_if(w.tags, [&](const auto& t) { return t.first == "app.kubernetes.io/name" && t.second == meta.name; });
    // ECS -> Kubernetes named the workload after the service (original-name when renamed).
    if (w.has_service) w.service_name = original.empty() ? meta.name : original;
    if (auto n = parse_annotation(root, task, kAnnotationTask)) {
      for (const auto& [k, v] : n->members()) {
        if (k == "family" && v.is_string()) w.name = v.text();
        else if (k == "executionRoleArn" && v.is_string()) w.execution_role = v.text();
        else if (k == "cpu" && v.is_string()) w.task_cpu_text = v.text();
        else if (k == "memory" && v.is_string()) w.task_memory_text = v.text();
        else if (k == "tags" && v.is_object()) {
          for (const auto& [tk, tv] : v.members()) {
            if (tv.is_string()) w.tags.emplace_back(tk, tv.text());
          }
        } else if (k == "containerOrder" && v.is_array()) {
          restore_container_order(v, pw);
        } else if (k == "volumeNames" && v.is_object()) {
          restore_volume_names(v, w);
        } else if (k == "taskOnly" && v.is_bool()) {
          restore_task_only(v.as_bool(), root, pw);
        } else {
          // requiresCompatibilities and networkMode too: to-ecs restores them unless --launch-type is given.
          pw.carry.task.insert_or_assign(k, v);
        }
      }
    }
  }
  if (auto ctrs = annotation(meta.annotations, kAnnotationContainers); !ctrs.empty()) {
    if (auto n = parse_annotation(root, ctrs, kAnnotationContainers)) {
      for (const auto& [cname, fields] : n->members()) {
        auto it = std::find_if(w.containers.begin(), w.containers.end(), [&name = cname](const Container& c) { return c.name == name; });
        if (it == w.containers.end() || !fields.is_object()) continue;
        for (const auto& [k, v] : fields.members()) {
          if (k == "name" && v.is_string()) {
            it->original_name = v.text();
          } else if (k == "essential" && v.is_bool()) {
            it->essential = v.as_bool();
          } else if (k == "user" && v.is_string()) {
            it->user_name = v.text();
          } else if (k == "cpu") {
            // read with the container's requests (exact_cpu_units)
          } else {
            pw.carry.containers[cname].insert_or_assign(k, v);
          }
        }
      }
    }
  }
  if (auto svc = annotation(meta.annotations, kAnnotationService); !svc.empty()) {
    if (auto n = parse_annotation(root, svc, kAnnotationService)) {
      for (const auto& [k, v] : n->members()) {
        pw.carry.service.insert_or_assign(k, v);
        if (k == "tags" && v.is_array()) remove_service_tags(v, w);
      }
    }
  }
}

// ---------------------------------------------------------------- pod specs

/// dnsConfig: ECS sets resolvers per container (dnsServers, dnsSearchDomains), a pod for all of
/// its containers, so every container gets the pod's lists.
void read_pod_dns(Cursor& spec, model::Workload& w) {
  auto dns = spec.object("dnsConfig");
  if (!dns) return;
  const auto servers = dns->strings("nameservers").value_or(std::vector<std::string>{});
  const auto searches = dns->strings("searches").value_or(std::vector<std::string>{});
  for (auto& c : w.containers) {
    c.dns_servers = servers;
    c.dns_search = searches;
  }
  note_ignored(*dns, "options", "ECS has no resolver options");
  dns->finish(mapping::k8s_keys("PodDNSConfig"), kUnknown);
}

/// The exact cpu units ECS -> Kubernetes kept per container; restore_annotations reports a bad annotation.
std::map<std::string, int64_t, std::less<>> kept_cpu_units(const ObjectMeta& meta) {
  std::map<std::string, int64_t, std::less<>> out;
  std::string error;
  const auto n = carry::decode(annotation(meta.annotations, kAnnotationContainers), error);
  if (!n) return out;
  for (const auto& [cname, fields] : n->members()) {
    const Node* cpu = fields.is_object() ? fields.find("cpu") : nullptr;
    if (cpu != nullptr && cpu->is_int() && cpu->as_int() > 0 && cpu->as_int() <= INT32_MAX) out.emplace(cname, cpu->as_int());
  }
  return out;
}

/// Pod-level "resources" (Kubernetes 1.34+) -> the task cpu / memory: the limit, else the request
/// (an ECS task size is both what ECS reserves and the cap). The Fargate snapping is to-ecs's.
void read_pod_resources(Cursor& spec, model::Workload& w) {
  auto res = spec.object("resources");
  if (!res) return;
  std::optional<mapping::Quantity> cpu[2], memory[2];  // [0] limits, [1] requests
  for (int i = 0; i < 2; ++i) {
    auto m = res->object(i == 0 ? "limits" : "requests");
    if (!m) continue;
    cpu[i] = quantity(*m, "cpu");
    memory[i] = quantity(*m, "memory");
    for (const char* other : {"nvidia.com/gpu", "ephemeral-storage"}) {
      note_ignored(*m, other, "Kubernetes allows only cpu, memory and hugepages at pod level; set it on a container");
    }
    m->finish(mapping::k8s_keys("ResourceList"), kUnknown);
  }
  res->finish(mapping::k8s_keys("ResourceRequirements"), kUnknown);
  if (const auto& q = cpu[0] ? cpu[0] : cpu[1]) {
    const int64_t units = mapping::ceil_cpu_units(*q);
    if (units > INT32_MAX) {
      spec.error("resources", "out-of-range", "pod cpu " + mapping::to_string(*q) + " cores is more than ECS can hold");
    } else {
      if (!mapping::cpu_units_exact(*q)) {
        note(spec, "resources", "rounded-up", "pod cpu " + mapping::to_string(*q) +
                                                  " cores is not a whole number of ECS cpu units; the task cpu is rounded up to " +
                                                  std::to_string(units));
      }
      w.task_cpu = model::Cpu::from_ecs_units(units);
      w.task_cpu_text = std::to_string(units);
    }
  }
  if (const auto& q = memory[0] ? memory[0] : memory[1]) {
    const int64_t mib = mapping::ceil_mib(*q);
    if (mib > INT32_MAX) {
      spec.error("resources", "out-of-range", "pod memory " + mapping::to_string(*q) + " bytes is more than ECS can hold");
    } else {
      w.task_memory = model::Memory::from_mib(mib);
      w.task_memory_text = std::to_string(mib);
    }
  }
  for (auto* pair : {&cpu, &memory}) {
    if ((*pair)[0] && (*pair)[1] && mapping::to_string(*(*pair)[0]) != mapping::to_string(*(*pair)[1])) {
      note(spec, "resources", "ignored-field", std::string(pair == &cpu ? "cpu" : "memory") +
                                                   ": the pod-level request differs from the limit; the task size is the limit "
                                                   "(ECS reserves the task size and caps the task at it)");
    }
  }
}

void read_pod_spec(Cursor& spec, PodWorkload& pw) {
  model::Workload& w = pw.workload;
  PodDefaults defaults;
  defaults.kept_cpu_units = kept_cpu_units(pw.meta);
  std::vector<std::pair<std::string, std::string>> pod_sysctls;
  if (auto sc = spec.object("securityContext")) {
    defaults.run_as_user = sc->integer("runAsUser", 0);
    defaults.run_as_group = sc->integer("runAsGroup", 0);
    for (Cursor& s : sc->objects("sysctls")) {
      pod_sysctls.emplace_back(s.string("name").value_or(""), s.string("value").value_or(""));
      s.finish(mapping::k8s_keys("Sysctl"), kUnknown);
    }
    defaults.security = read_security_context(*sc, true);
    if (sc->has("fsGroup")) {
      note(*sc, "fsGroup", "ignored-field", "fsGroup has no ECS equivalent: volume ownership is not changed");
    }
    sc->finish(mapping::k8s_keys("PodSecurityContext"), kUnknown);
  }

  // Init containers first: sequential, each must succeed before the next and before the app.
  std::vector<std::string> init_names;
  std::vector<std::string> sidecar_names;
  std::size_t index = 0;
  for (Cursor& c : spec.objects("initContainers")) {
    std::vector<EnvFromRef> from;
    const bool sidecar = c.has("restartPolicy");
    std::string rp;
    if (sidecar) rp = c.string("restartPolicy").value_or("");
    Container ctr = read_container(c, defaults, from);
    c.finish(mapping::k8s_keys("Container"), kUnknown);
    if (sidecar && rp == "Always") {
      ctr.essential = true;
      for (const auto& prev : init_names) ctr.depends_on.push_back({prev, model::DependencyCondition::kSuccess});
      for (const auto& prev : sidecar_names) ctr.depends_on.push_back({prev, model::DependencyCondition::kStart});
      sidecar_names.push_back(ctr.name);
    } else {
      ctr.essential = false;
      for (const auto& prev : init_names) ctr.depends_on.push_back({prev, model::DependencyCondition::kSuccess});
      for (const auto& prev : sidecar_names) ctr.depends_on.push_back({prev, model::DependencyCondition::kStart});
      init_names.push_back(ctr.name);
    }
    pw.container_pointers.push_back(c.pointer());
    pw.env_from.push_back(std::move(from));
    w.containers.push_back(std::move(ctr));
    ++index;
  }
  const std::size_t first_app = w.containers.size();
  for (Cursor& c : spec.objects("containers")) {
    std::vector<EnvFromRef> from;
    Container ctr = read_container(c, defaults, from);
    c.finish(mapping::k8s_keys("Container"), kUnknown);
    for (const auto& prev : init_names) ctr.depends_on.push_back({prev, model::DependencyCondition::kSuccess});
    for (const auto& prev : sidecar_names) ctr.depends_on.push_back({prev, model::DependencyCondition::kStart});
    pw.container_pointers.push_back(c.pointer());
    pw.env_from.push_back(std::move(from));
    w.containers.push_back(std::move(ctr));
  }
  if (w.containers.size() == first_app) {
    spec.error("containers", "missing-field", "the pod spec has no containers");
  }

  for (auto& c : w.containers) c.sysctls = pod_sysctls;
  // Ephemeral storage: the pod needs the sum over app containers (and native sidecars), or the
  // largest init container; Fargate gives 20 GiB unless the task asks for 21..200 GiB.
  {
    int64_t sum = 0, init_max = 0;
    for (const auto& c : w.containers) {
      if (!c.resources.ephemeral_storage_bytes) continue;
      const int64_t b = *c.resources.ephemeral_storage_bytes;
      if (c.essential) sum += b;
      else init_max = std::max(init_max, b);
    }
    const int64_t need = std::max(sum, init_max);
    constexpr int64_t kGiB = int64_t{1} << 30;
    if (need > 20 * kGiB) {
      int64_t gib = (need + kGiB - 1) / kGiB;
      if (gib > 200) {
        spec.warning("containers", "clamped-value",
                     "the containers request " + std::to_string(gib) + " GiB of ephemeral storage; ECS allows at most 200 GiB");
        gib = 200;
      }
      w.ephemeral_storage_gib = gib;
    }
  }
  for (Cursor& v : spec.objects("volumes")) {
    w.volumes.push_back(read_volume(v));
  }

  if (auto sa = spec.string("serviceAccountName")) pw.service_account = *sa;
  if (auto sa = spec.string("serviceAccount"); sa && pw.service_account.empty()) pw.service_account = *sa;
  if (auto grace = spec.integer("terminationGracePeriodSeconds", 0)) {
    for (auto& c : w.containers) c.stop_timeout_seconds = *grace;
  }
  pw.host_network = spec.boolean("hostNetwork").value_or(false);
  if (pw.host_network) w.network_mode = model::NetworkMode::kHost;
  if (spec.has("hostUsers") && !spec.boolean("hostUsers").value_or(true)) {
    spec.warning("hostUsers", "security-not-enforced",
                 "hostUsers: false (a user namespace for the pod) has no ECS counterpart and is not enforced on ECS (kept for the way back to Kubernetes)");
  }
  w.host_pid = spec.boolean("hostPID").value_or(false);
  w.host_ipc = spec.boolean("hostIPC").value_or(false);
  if (auto ns = spec.string_map("nodeSelector")) {
    for (const auto& [k, v] : *ns) {
      if (k == "kubernetes.io/arch" || k == "beta.kubernetes.io/arch") {
        w.cpu_architecture = v == "arm64" ? "ARM64" : v == "amd64" ? "X86_64" : v;
      } else if (k == "kubernetes.io/os" || k == "beta.kubernetes.io/os") {
        w.os_family = v == "windows" ? "WINDOWS_SERVER_2022_CORE" : "LINUX";
      } else {
        note(spec, "nodeSelector", "ignored-field", "node selector " + k + "=" + v + " is not mapped (use ECS placement constraints or capacity providers)");
      }
    }
  }
  for (Cursor& ha : spec.objects("hostAliases")) {
    const auto ip = ha.string("ip").value_or("");
    for (const auto& h : ha.strings("hostnames").value_or(std::vector<std::string>{})) {
      for (auto& c : w.containers) c.host_aliases.push_back({h, ip});
    }
    ha.finish(mapping::k8s_keys("HostAlias"), kUnknown);
  }
  read_pod_dns(spec, w);
  if (auto secrets = spec.objects("imagePullSecrets"); !secrets.empty()) {
    std::string names;
    for (Cursor& s : secrets) {
      const std::string n = s.string("name").value_or("");
      names += (names.empty() ? "" : ", ") + n;
      if (!n.empty()) pw.image_pull_secrets.push_back(n);
      s.finish(mapping::k8s_keys("LocalObjectReference"), kUnknown);
    }
    spec.warning("imagePullSecrets", "image-pull-secret",
                 "imagePullSecrets (" + names + "): every container gets repositoryCredentials.credentialsParameter = the "
                 "Secrets Manager secret <namespace>/<first pull secret> (naming rule), which must exist and hold the "
                 "registry's {\"username\", \"password\"} (not a .dockerconfigjson) and be readable by the execution role");
  }
  note_ignored(spec, "affinity", "use ECS placement constraints/strategies or capacity providers");
  note_ignored(spec, "tolerations", "ECS has no taints");
  note_ignored(spec, "topologySpreadConstraints", "use an ECS spread placement strategy or Fargate's AZ spread");
  note_ignored(spec, "priorityClassName", "ECS has no pod priority");
  read_pod_resources(spec, w);
  spec.finish(mapping::k8s_keys("PodSpec"), kUnknown);
}

/// Reads `template` (metadata + spec) of a controller.
void read_template(Cursor& tpl, PodWorkload& pw) {
  if (auto meta = tpl.object("metadata")) {
    if (auto l = meta->string_map("labels")) pw.pod_labels = *l;
    meta->finish(mapping::k8s_keys("PodTemplateMeta"), kUnknown);
  }
  if (auto spec = tpl.object("spec")) {
    read_pod_spec(*spec, pw);
  } else {
    tpl.error("spec", "missing-field", "the pod template has no spec");
  }
  tpl.finish(mapping::k8s_keys("PodTemplateSpec"), kUnknown);
}

void read_selector(Cursor& spec, PodWorkload& pw) {
  if (auto sel = spec.object("selector")) {
    if (auto ml = sel->string_map("matchLabels")) pw.match_labels = *ml;
    if (sel->has("matchExpressions")) {
      sel->warning("matchExpressions", "ignored-field", "selector matchExpressions are not evaluated; matchLabels are used");
    }
    sel->finish(mapping::k8s_keys("LabelSelector"), kUnknown);
  }
}

void read_strategy(Cursor& spec, std::string_view key, PodWorkload& pw) {
  model::SurgeRollout r;
  if (auto st = spec.object(key)) {
    const auto type = st->string("type").value_or("RollingUpdate");
    if (type == "Recreate" || type == "OnDelete") {
      r.recreate = true;
      if (type == "OnDelete") note(*st, "type", "approximated", "OnDelete updates have no ECS equivalent; replaced all at once (0% / 100%)");
    }
    if (auto ru = st->object("rollingUpdate")) {
      if (auto s = int_or_string(*ru, "maxSurge")) {
        r.max_surge = s->value;
        r.max_surge_percent = s->percent;
      }
      if (auto u = int_or_string(*ru, "maxUnavailable")) {
        r.max_unavailable = u->value;
        r.max_unavailable_percent = u->percent;
      }
      ru->finish(mapping::k8s_keys("RollingUpdate"), kUnknown);
    }
    st->finish(mapping::k8s_keys("DeploymentStrategy"), kUnknown);
  } else if (key == "updateStrategy") {
    // StatefulSet/DaemonSet default: one at a time, no surge.
    r.max_surge = 0;
    r.max_surge_percent = false;
    r.max_unavailable = 1;
    r.max_unavailable_percent = false;
  }
  pw.workload.rollout = r;
}

bool read_workload(Cursor& root, const ObjectMeta& meta, Manifests& out) {
  PodWorkload pw;
  pw.meta = meta;
  model::Workload& w = pw.workload;
  w.name = meta.name;
  w.namespace_name = meta.namespace_name;
  w.source_file = meta.where.file;
  w.source_pointer = meta.where.pointer;
  w.tags = meta.labels;
  const std::string& kind = meta.kind;
  auto spec = root.object("spec");
  if (!spec) {
    root.error("spec", "missing-field", kind + " \"" + meta.name + "\" has no spec");
    return false;
  }
  if (kind == "Pod") {
    w.kind = model::WorkloadKind::kBarePod;
    pw.pod_labels = meta.labels;
    pw.match_labels = meta.labels;
    read_pod_spec(*spec, pw);
  } else if (kind == "Job" || kind == "CronJob") {
    w.kind = kind == "Job" ? model::WorkloadKind::kJob : model::WorkloadKind::kCronJob;
    std::optional<Cursor> job = spec;
    std::optional<Cursor> job_spec;
    if (kind == "CronJob") {
      pw.schedule = spec->string("schedule").value_or("");
      pw.time_zone = spec->string("timeZone").value_or("");
      pw.suspended = spec->boolean("suspend").value_or(false);
      if (auto jt = spec->object("jobTemplate")) {
        job_spec = jt->object("spec");
        if (!job_spec) jt->error("spec", "missing-field", "the job template has no spec");
        jt->finish(mapping::k8s_keys("JobTemplateSpec"), kUnknown);
      } else {
        spec->error("jobTemplate", "missing-field", "the CronJob has no jobTemplate");
      }
      spec->finish(mapping::k8s_keys("CronJobSpec"), kUnknown);
    } else {
      job_spec = spec;
    }
    if (job_spec) {
      if (auto tpl = job_spec->object("template")) read_template(*tpl, pw);
      else job_spec->error("template", "missing-field", "the Job has no pod template");
      job_spec->finish(mapping::k8s_keys("JobSpec"), kUnknown);
    }
  } else {
    if (kind == "Deployment") w.kind = model::WorkloadKind::kService;
    else if (kind == "StatefulSet") w.kind = model::WorkloadKind::kStateful;
    else if (kind == "DaemonSet") w.kind = model::WorkloadKind::kDaemon;
    else w.kind = model::WorkloadKind::kReplicaSet;
    w.has_service = true;
    w.service_name = meta.name;
    if (kind != "DaemonSet") w.replicas = spec->integer("replicas", 0);
    read_selector(*spec, pw);
    if (auto tpl = spec->object("template")) read_template(*tpl, pw);
    else spec->error("template", "missing-field", kind + " \"" + meta.name + "\" has no pod template");
    if (kind == "Deployment") read_strategy(*spec, "strategy", pw);
    else if (kind != "ReplicaSet") read_strategy(*spec, "updateStrategy", pw);
    if (kind == "StatefulSet") {
      spec->warning("serviceName", "stateful-identity",
                    "StatefulSet \"" + meta.name + "\": ECS tasks have no stable names, ordinals or per-task DNS; "
                    "it becomes an ordinary service");
      if (spec->has("volumeClaimTemplates")) {
        spec->warning("volumeClaimTemplates", "volume-claim-templates",
                      "volumeClaimTemplates have no ECS equivalent (no per-task persistent volume); an EFS volume "
                      "placeholder is used for each, shared by all tasks");
        if (const Node* vct = spec->take("volumeClaimTemplates"); vct != nullptr && vct->is_array()) {
          for (const Node& t : vct->items()) {
            const Node* m = t.find("metadata");
            const Node* n = m != nullptr ? m->find("name") : nullptr;
            if (n != nullptr && n->is_string()) {
              model::Volume vol;
              vol.name = n->text();
              vol.kind = model::Volume::Kind::kClaim;
              vol.object_name = n->text();
              w.volumes.push_back(vol);
            }
          }
        }
      }
    }
    spec->finish(mapping::k8s_keys("WorkloadSpec"), kUnknown);
  }
  restore_annotations(meta, root, pw);
  out.workloads.push_back(std::move(pw));
  return true;
}

// ---------------------------------------------------------------- other kinds

void read_service(Cursor& root, const ObjectMeta& meta, Manifests& out) {
  ServiceObject s;
  s.meta = meta;
  if (auto spec = root.object("spec")) {
    s.type = spec->string("type").value_or("ClusterIP");
    if (auto sel = spec->string_map("selector")) s.selector = *sel;
    s.headless = spec->string("clusterIP").value_or("") == "None";
    for (Cursor& p : spec->objects("ports")) {
      ServicePort sp;
      sp.name = p.string("name").value_or("");
      sp.port = p.integer("port", 1, 65535).value_or(0);
      sp.protocol = protocol_of(p, "protocol");
      sp.app_protocol = p.string("appProtocol").value_or("");
      if (auto tp = int_or_string(p, "targetPort")) {
        sp.target_port = tp->name.empty() ? tp->value : 0;
        sp.target_port_name = tp->name;
      } else {
        sp.target_port = sp.port;
      }
      p.finish(mapping::k8s_keys("ServicePort"), kUnknown);
      s.ports.push_back(std::move(sp));
    }
    spec->finish(mapping::k8s_keys("ServiceSpec"), kUnknown);
  }
  out.services.push_back(std::move(s));
}

void read_backend(Cursor& b, IngressPath& p, bool v1beta1) {
  if (v1beta1) {
    p.service = b.string("serviceName").value_or("");
    if (auto port = int_or_string(b, "servicePort")) {
      p.port = port->name.empty() ? port->value : 0;
      p.port_name = port->name;
    }
  } else if (auto svc = b.object("service")) {
    p.service = svc->string("name").value_or("");
    if (auto port = svc->object("port")) {
      p.port = port->integer("number", 1, 65535).value_or(0);
      p.port_name = port->string("name").value_or("");
      port->finish(mapping::k8s_keys("ServiceBackendPort"), kUnknown);
    }
    svc->finish(mapping::k8s_keys("IngressServiceBackend"), kUnknown);
  } else if (b.has("resource")) {
    b.warning("resource", "unsupported-field", "resource backends are not supported; ignored");
  }
  b.finish(mapping::k8s_keys("IngressBackend"), kUnknown);
}

void read_ingress(Cursor& root, const ObjectMeta& meta, Manifests& out) {
  IngressObject ing;
  ing.meta = meta;
  const bool v1beta1 = meta.api_version != "networking.k8s.io/v1";
  ing.class_name = annotation(meta.annotations, "kubernetes.io/ingress.class");
  if (auto spec = root.object("spec")) {
    if (auto cls = spec->string("ingressClassName")) ing.class_name = *cls;
    if (auto b = spec->object(v1beta1 ? "backend" : "defaultBackend")) {
      IngressPath p;
      read_backend(*b, p, v1beta1);
      if (!p.service.empty()) ing.paths.push_back(p);
    }
    for (Cursor& r : spec->objects("rules")) {
      const std::string host = r.string("host").value_or("");
      if (auto http = r.object("http")) {
        for (Cursor& pc : http->objects("paths")) {
          IngressPath p;
          p.host = host;
          p.path = pc.string("path").value_or("/");
          p.path_type = pc.string("pathType").value_or(v1beta1 ? "ImplementationSpecific" : "");
          if (auto b = pc.object("backend")) read_backend(*b, p, v1beta1);
          pc.finish(mapping::k8s_keys("HTTPIngressPath"), kUnknown);
          ing.paths.push_back(std::move(p));
        }
        http->finish(mapping::k8s_keys("HTTPIngressRuleValue"), kUnknown);
      }
      r.finish(mapping::k8s_keys("IngressRule"), kUnknown);
    }
    for (Cursor& t : spec->objects("tls")) {
      for (auto& h : t.strings("hosts").value_or(std::vector<std::string>{})) ing.tls_hosts.push_back(h);
      t.finish(mapping::k8s_keys("IngressTLS"), kUnknown);
    }
    spec->finish(mapping::k8s_keys("IngressSpec"), kUnknown);
  }
  out.ingresses.push_back(std::move(ing));
}

void read_keyed(Cursor& root, const ObjectMeta& meta, std::vector<KeyedObject>& out, bool keep_values) {
  KeyedObject k;
  k.meta = meta;
  // Secrets: only key names; values are never converted to text and never kept. ConfigMaps:
  // `data` values are kept (they are not secret) for SSM String parameters.
  for (const char* field : {"data", "stringData", "binaryData"}) {
    const Node* n = root.take(field);
    if (n == nullptr) continue;
    if (!n->is_object()) {
      root.error(field, "type-mismatch", std::string(field) + " must be a map");
      continue;
    }
    for (const auto& [key, value] : n->members()) {
      if (std::find(k.keys.begin(), k.keys.end(), key) == k.keys.end()) k.keys.push_back(key);
      if (keep_values && std::string_view(field) == "data" && value.is_scalar() && !value.is_null()) {
        k.values.emplace_back(key, scalar_text(value).empty() && value.is_bool() ? (value.as_bool() ? "true" : "false")
                                                                                 : scalar_text(value));
      }
    }
  }
  out.push_back(std::move(k));
}

void read_hpa(Cursor& root, const ObjectMeta& meta, Manifests& out) {
  HpaObject h;
  h.meta = meta;
  const bool v1 = meta.api_version == "autoscaling/v1";
  if (auto spec = root.object("spec")) {
    if (auto t = spec->object("scaleTargetRef")) {
      h.target_kind = t->string("kind").value_or("");
      h.target_name = t->string("name").value_or("");
      t->finish(mapping::k8s_keys("CrossVersionObjectReference"), kUnknown);
    }
    h.scaling.min_replicas = spec->integer("minReplicas", 0).value_or(1);
    h.scaling.max_replicas = spec->integer("maxReplicas", 1).value_or(1);
    if (v1) {
      if (auto cpu = spec->integer("targetCPUUtilizationPercentage", 1)) {
        model::ScalingTarget t;
        t.target_value = static_cast<double>(*cpu);
        h.scaling.targets.push_back(t);
      }
    } else {
      for (Cursor& m : spec->objects("metrics")) {
        const auto type = m.string("type").value_or("");
        model::ScalingTarget t;
        bool ok = false;
        if (type == "Resource") {
          if (auto r = m.object("resource")) {
            const auto name = r->string("name").value_or("");
            if (auto target = r->object("target")) {
              const auto ttype = target->string("type").value_or("");
              if (auto u = target->integer("averageUtilization", 1); u && ttype == "Utilization") {
                t.target_value = static_cast<double>(*u);
                t.metric = name == "memory" ? model::ScalingTarget::Metric::kMemoryUtilization
                                            : model::ScalingTarget::Metric::kCpuUtilization;
                ok = name == "cpu" || name == "memory";
              }
              target->finish(mapping::k8s_keys("MetricTarget"), kUnknown);
            }
            r->finish(mapping::k8s_keys("ResourceMetricSource"), kUnknown);
          }
        }
        if (ok) {
          h.scaling.targets.push_back(t);
        } else {
          m.warning("type", "unsupported-scaling-metric", "HPA metric of type " + type +
                                                        " (other than cpu/memory averageUtilization) is not converted to a target-tracking policy");
        }
        m.finish(mapping::k8s_keys("MetricSpec"), kUnknown);
      }
    }
    spec->finish(mapping::k8s_keys("HorizontalPodAutoscalerSpec"), kUnknown);
  }
  out.hpas.push_back(std::move(h));
}

void read_security_group_policy(Cursor& root, const ObjectMeta& meta, Manifests& out) {
  SecurityGroupPolicyObject p;
  p.meta = meta;
  if (auto spec = root.object("spec")) {
    for (const char* which : {"podSelector", "serviceAccountSelector"}) {
      if (auto sel = spec->object(which)) {
        if (auto ml = sel->string_map("matchLabels")) {
          (std::string_view(which) == "podSelector" ? p.pod_selector : p.service_account_selector) = *ml;
        }
        if (sel->has("matchExpressions")) {
          sel->warning("matchExpressions", "ignored-field", "selector matchExpressions are not evaluated; matchLabels are used");
        }
        sel->finish(mapping::k8s_keys("LabelSelector"), kUnknown);
      }
    }
    if (auto sg = spec->object("securityGroups")) {
      p.group_ids = sg->strings("groupIds").value_or(std::vector<std::string>{});
      sg->finish(mapping::k8s_keys("SecurityGroups"), kUnknown);
    }
    spec->finish(mapping::k8s_keys("SecurityGroupPolicySpec"), kUnknown);
  }
  out.security_group_policies.push_back(std::move(p));
}

void read_object(const Node& node, const io::ReadContext& ctx, const std::string& pointer, Manifests& out) {
  Cursor root(node, ctx, pointer);
  if (!node.is_object()) {
    ctx.diags->error("type-mismatch", root.where(), "a Kubernetes object must be a mapping");
    return;
  }
  const std::string api = root.string("apiVersion").value_or("");
  const std::string kind = root.string("kind").value_or("");
  if (kind.empty() || api.empty()) {
    ctx.diags->error("not-kubernetes", root.where(), "not a Kubernetes object: apiVersion and kind are required");
    return;
  }
  if (kind == "List" || (kind.size() > 4 && kind.ends_with("List") && root.has("items"))) {
    const Node* items = root.array("items");
    if (items != nullptr) {
      for (std::size_t i = 0; i < items->items().size(); ++i) {
        read_object(items->items()[i], ctx, root.child_pointer("items") + "/" + std::to_string(i), out);
      }
    }
    root.ignore("metadata");
    return;
  }
  if (kind == "Namespace") {
    ctx.diags->note("ignored-kind", root.where(), "Namespace objects need no ECS counterpart (the namespace is part of the parameter names); skipped");
    return;
  }
  if (!input::is_converted_kind(kind)) {
    ctx.diags->warning("unsupported-kind", root.where(), api + " " + kind + " is not converted to ECS; skipped");
    return;
  }
  const std::string current(input::current_api_version(kind));
  static const std::vector<std::string> kOld = {"extensions/v1beta1", "apps/v1beta1", "apps/v1beta2", "batch/v1beta1",
                                                "networking.k8s.io/v1beta1", "autoscaling/v1", "autoscaling/v2beta1",
                                                "autoscaling/v2beta2"};
  if (api != current) {
    if (std::find(kOld.begin(), kOld.end(), api) != kOld.end()) {
      if (api != "autoscaling/v1") {
        ctx.diags->warning("old-api-version", root.where("apiVersion"),
                           kind + " " + api + " is no longer served by current clusters (use " + current + "); converted anyway");
      }
    } else {
      ctx.diags->warning("unsupported-kind", root.where("apiVersion"), api + " " + kind + " is not a known API version; skipped");
      return;
    }
  }
  const ObjectMeta meta = read_meta(root, api, kind);
  if (meta.name.empty()) {
    ctx.diags->error("missing-field", root.where("metadata"), kind + " has no metadata.name");
    return;
  }
  if (input::is_workload_kind(kind)) {
    read_workload(root, meta, out);
    root.finish(mapping::k8s_keys("Workload"), kUnknown);
    return;
  }
  if (kind == "Service") read_service(root, meta, out);
  else if (kind == "Ingress") read_ingress(root, meta, out);
  else if (kind == "ConfigMap") read_keyed(root, meta, out.config_maps, true);
  else if (kind == "Secret") read_keyed(root, meta, out.secrets, false);
  else if (kind == "SecurityGroupPolicy") read_security_group_policy(root, meta, out);
  else if (kind == "HorizontalPodAutoscaler") read_hpa(root, meta, out);
  else if (kind == "ServiceAccount") {
    ServiceAccountObject sa;
    sa.meta = meta;
    sa.role_arn = annotation(meta.annotations, "eks.amazonaws.com/role-arn");
    for (Cursor& s : root.objects("imagePullSecrets")) {
      if (auto n = s.string("name")) sa.image_pull_secrets.push_back(*n);
      s.finish(mapping::k8s_keys("LocalObjectReference"), kUnknown);
    }
    out.service_accounts.push_back(std::move(sa));
  }
  root.finish(mapping::k8s_keys("Object"), kUnknown);
}

}  // namespace

void Manifests::append(Manifests&& o) {
  auto move_all = [](auto& to, auto& from) {
    for (auto& x : from) to.push_back(std::move(x));
  };
  move_all(workloads, o.workloads);
  move_all(services, o.services);
  move_all(ingresses, o.ingresses);
  move_all(config_maps, o.config_maps);
  move_all(secrets, o.secrets);
  move_all(service_accounts, o.service_accounts);
  move_all(hpas, o.hpas);
  move_all(security_group_policies, o.security_group_policies);
}

void read_document(const io::Node& root, const io::ReadContext& ctx, Manifests& out) {
  read_object(root, ctx, "", out);
}

}  // namespace specconv::k8s
