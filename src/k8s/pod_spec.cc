// PodSpec assembly for the ECS -> Kubernetes direction. Each ECS container field is either
// written to its Kubernetes field, kept for the annotation, or reported (see field_table).
#include "k8s/pod_spec.h"

#include <algorithm>
#include <functional>
#include <map>
#include <queue>
#include <set>

#include "mapping/names.h"
#include "mapping/placement.h"
#include "mapping/pod_resources.h"
#include "mapping/resources.h"
#include "mapping/secrets.h"

namespace specconv::k8s {
namespace {

using io::Node;
using io::str;

std::string ctr_ptr(std::size_t i, const std::string& field = "") {
  return "/containerDefinitions/" + std::to_string(i) + (field.empty() ? "" : "/" + field);
}

/// {"name": name, <key>: value}: an env entry, a sysctl, a kept secret reference.
Node named(const std::string& name, const char* key, Node value) {
  Node n = Node::object();
  n.set("name", str(name));
  n.set(key, std::move(value));
  return n;
}

std::string cpu_quantity(const model::Cpu& cpu, bool* exact) {
  // ticks -> millicores, rounded up
  const int64_t millis = (cpu.ticks + model::Cpu::kTicksPerMillicore - 1) / model::Cpu::kTicksPerMillicore;
  *exact = cpu.ticks % model::Cpu::kTicksPerMillicore == 0;
  if (millis % 1000 == 0) return std::to_string(millis / 1000);
  return std::to_string(millis) + "m";
}

std::string memory_quantity(const model::Memory& m) {
  if (m.bytes % model::Memory::kMiB == 0) return mapping::mib_to_k8s(m.bytes / model::Memory::kMiB);
  return std::to_string(m.bytes);
}

Node probe_exec(const model::Probe& p) {
  Node exec = Node::object();
  if (p.kind == model::Probe::Kind::kShell) {
    exec.set("command", Node::strings({"/bin/sh", "-c", p.command.empty() ? "" : p.command[0]}));
  } else {
    exec.set("command", Node::strings(p.command));
  }
  return exec;
}

/// ECS healthCheck -> livenessProbe (and startupProbe for startPeriod).
void health_to_probes(const model::Probe& p, Node& ctr) {
  const int64_t interval = p.interval_seconds.value_or(30);
  const int64_t timeout = p.timeout_seconds.value_or(5);
  const int64_t retries = p.failure_threshold.value_or(3);
  Node live = Node::object();
  live.set("exec", probe_exec(p));
  live.set("periodSeconds", Node::integer(interval));
  live.set("timeoutSeconds", Node::integer(timeout));
  live.set("failureThreshold", Node::integer(retries));
  if (p.start_period_seconds && *p.start_period_seconds > 0) {
    Node start = Node::object();
    start.set("exec", probe_exec(p));
    start.set("periodSeconds", Node::integer(interval));
    start.set("timeoutSeconds", Node::integer(timeout));
    // failures during startPeriod do not count; after it, `retries` failures do.
    const int64_t grace = (*p.start_period_seconds + interval - 1) / interval;
    start.set("failureThreshold", Node::integer(grace + retries));
    ctr.set("startupProbe", std::move(start));
  }
  ctr.set("livenessProbe", std::move(live));
}

enum class Role { kMain, kInit, kSidecar };

/// Which containers run to completion before the others (SUCCESS/COMPLETE dependencies) and
/// which must merely start first (START/HEALTHY -> native sidecars).
std::vector<Role> container_roles(const model::Workload& w, Diagnostics& diags) {
  std::vector<Role> roles(w.containers.size(), Role::kMain);
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < w.containers.size(); ++i) index[w.containers[i].name] = i;
  for (std::size_t i = 0; i < w.containers.size(); ++i) {
    const auto& deps = w.containers[i].depends_on;
    for (std::size_t d = 0; d < deps.size(); ++d) {
      auto it = index.find(deps[d].container);
      if (it == index.end()) {
        diags.error("dangling-reference",
                    task_location(w, ctr_ptr(i, "dependsOn/" + std::to_string(d) + "/containerName")),
                    "container \"" + w.containers[i].name + "\" depends on \"" + deps[d].container +
                        "\", which is not in the task definition");
        continue;
      }
      if (it->second == i) continue;
      const bool completes = deps[d].condition == model::DependencyCondition::kSuccess ||
                             deps[d].condition == model::DependencyCondition::kComplete;
      Role& r = roles[it->second];
      if (completes) r = Role::kInit;
      else if (r == Role::kMain) r = Role::kSidecar;
    }
  }
  for (std::size_t i = 0; i < roles.size(); ++i) {
    if (roles[i] == Role::kInit && w.containers[i].essential) {
      diags.warning("essential-init-container", task_location(w, ctr_ptr(i, "essential")),
                    "container \"" + w.containers[i].name +
                        "\" is essential but other containers wait for it to exit; it runs as an initContainer");
    }
  }
  return roles;
}

/// Topological order of the init containers (dependencies first), stable by source order:
/// Kahn's algorithm, always taking the ready container that comes first in the task definition.
/// Containers left in a cycle follow in source order.
std::vector<std::size_t> init_order(const model::Workload& w, const std::vector<Role>& roles) {
  const std::size_t n = roles.size();
  std::map<std::string, std::vector<std::size_t>, std::less<>> by_name;
  for (std::size_t i = 0; i < n; ++i) {
    if (roles[i] != Role::kMain) by_name[w.containers[i].name].push_back(i);
  }
  std::vector<std::size_t> waiting(n, 0);
  std::vector<std::vector<std::size_t>> dependents(n);
  std::priority_queue<std::size_t, std::vector<std::size_t>, std::greater<>> ready;
  std::size_t count = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (roles[i] == Role::kMain) continue;
    ++count;
    for (const auto& d : w.containers[i].depends_on) {
      const auto it = by_name.find(d.container);
      if (it == by_name.end()) continue;
      for (std::size_t j : it->second) {
        if (j == i) continue;
        ++waiting[i];
        dependents[j].push_back(i);
      }
    }
    if (waiting[i] == 0) ready.push(i);
  }
  std::vector<std::size_t> order;
  order.reserve(count);
  std::vector<bool> placed(n, false);
  while (!ready.empty()) {
    const std::size_t i = ready.top();
    ready.pop();
    order.push_back(i);
    placed[i] = true;
    for (std::size_t k : dependents[i]) {
      if (--waiting[k] == 0) ready.push(k);
    }
  }
  for (std::size_t i = 0; i < n && order.size() < count; ++i) {  // a cycle: keep source order
    if (roles[i] != Role::kMain && !placed[i]) order.push_back(i);
  }
  return order;
}

/// Task placementConstraints (memberOf) -> required node affinity; the rest is reported (the
/// constraints are also kept verbatim in the task annotation).
Node placement_affinity(const model::Workload& w, const carry::EcsCarry& kept, Diagnostics& diags) {
  const Node* list = carry::find(kept.task, "placementConstraints");
  if (list == nullptr || !list->is_array()) return Node::object();
  Node terms = Node::array();
  Node expressions = Node::array();
  for (std::size_t i = 0; i < list->items().size(); ++i) {
    const Node& c = list->items()[i];
    const Node* type = c.find("type");
    const Node* expr = c.find("expression");
    const std::string where = "/placementConstraints/" + std::to_string(i);
    if (type == nullptr || !type->is_string() || type->text() != "memberOf" || expr == nullptr || !expr->is_string()) {
      diags.warning("unsupported-placement", task_location(w, where),
                    "placement constraint is not a memberOf expression; kept in " + std::string("specconv.io/ecs-task") + " only");
      continue;
    }
    const mapping::PlacementParse p = mapping::parse_member_of(expr->text());
    if (!p.error.empty()) {
      diags.warning("unsupported-placement", task_location(w, where + "/expression"),
                    "placement expression \"" + expr->text() + "\" is not translated to node affinity: " + p.error);
      continue;
    }
    for (const auto& r : p.requirements) {
      Node req = Node::object();
      req.set("key", str(r.key));
      req.set("operator", str(r.negate ? "NotIn" : "In"));
      req.set("values", Node::strings(r.values));
      expressions.push(std::move(req));
    }
  }
  if (expressions.size() == 0) return Node::object();
  Node term = Node::object();
  term.set("matchExpressions", std::move(expressions));
  terms.push(std::move(term));
  Node required = Node::object();
  required.set("nodeSelectorTerms", std::move(terms));
  Node node_affinity = Node::object();
  node_affinity.set("requiredDuringSchedulingIgnoredDuringExecution", std::move(required));
  Node affinity = Node::object();
  affinity.set("nodeAffinity", std::move(node_affinity));
  return affinity;
}

struct Names {
  std::map<std::string, std::string> containers;  // ECS name -> k8s name
  std::map<std::string, std::string> volumes;
};

/// The pod has one terminationGracePeriodSeconds (the largest stopTimeout); each container whose
/// own stopTimeout differs keeps it (null: it had none) for the way back.
void keep_stop_timeouts(const model::Workload& w, const std::map<std::string, std::string>& names, int64_t grace,
                        Node& carried) {
  for (const auto& c : w.containers) {
    if (c.stop_timeout_seconds == grace) continue;
    const auto n = names.find(c.name);
    if (n == names.end()) continue;
    Node* kept = carried.find(n->second);
    if (kept == nullptr) kept = &carried.set(n->second, Node::object());
    kept->set("stopTimeout", c.stop_timeout_seconds ? Node::integer(*c.stop_timeout_seconds) : Node::null());
  }
}

/// Which of the container's requests were a share of the task size (the container set none):
/// to-ecs leaves them out again instead of writing the share as the container's own size.
void keep_task_sized(bool cpu, bool memory, Node& kept) {
  if (!cpu && !memory) return;
  Node list = Node::array();
  if (cpu) list.push(str("cpu"));
  if (memory) list.push(str("memory"));
  kept.set("sizedByTask", std::move(list));
}

/// The original valueFrom of every secret (an SSM parameter name or ARN, a Secrets Manager ARN
/// with its JSON key / stage / version): the secretKeyRef only names the Kubernetes Secret, so
/// to-ecs needs these to give the exact references back.
void keep_secret_references(const model::Container& c, Node& kept) {
  if (c.secret_env.empty()) return;
  Node list = Node::array();
  for (const auto& s : c.secret_env) list.push(named(s.name, "valueFrom", str(s.reference)));
  kept.set("secrets", std::move(list));
}


/// Kubernetes names of the containers and volumes; renamed volumes are kept for the way back.
Names k8s_names(const model::Workload& w, PodSpec& out, Diagnostics& diags) {
  Names names;
  for (std::size_t i = 0; i < w.containers.size(); ++i) {
    const auto r = mapping::to_k8s_name(w.containers[i].name, mapping::NameKind::kRfc1123Label);
    names.containers[w.containers[i].name] = r.name;
    if (r.changed) {
      diags.note("renamed-resource", task_location(w, ctr_ptr(i, "name")),
                 "container \"" + w.containers[i].name + "\" is named \"" + r.name + "\" in Kubernetes");
    }
  }
  for (std::size_t i = 0; i < w.volumes.size(); ++i) {
    const auto r = mapping::to_k8s_name(w.volumes[i].name, mapping::NameKind::kRfc1123Label);
    names.volumes[w.volumes[i].name] = r.name;
    if (r.name != w.volumes[i].name) out.renamed_volumes.emplace_back(r.name, w.volumes[i].name);
  }
  return names;
}

/// The task-level cpu/memory left over, shared out to the app containers that set none.
struct TaskShares {
  std::map<std::size_t, model::Cpu> cpu;
  std::map<std::size_t, model::Memory> memory;
};

TaskShares task_shares(const model::Workload& w, const std::vector<Role>& roles, bool pod_level) {
  if (pod_level) return {};  // the task size is the pod's (pod_level_resources); containers keep their own
  std::vector<std::size_t> no_cpu, no_mem;
  int64_t cpu_used = 0, mem_reserved = 0;
  for (std::size_t i = 0; i < w.containers.size(); ++i) {
    const auto& res = w.containers[i].resources;
    if (res.cpu_request) cpu_used += res.cpu_request->ticks;
    else if (roles[i] == Role::kMain) no_cpu.push_back(i);
    if (res.memory_request) mem_reserved += res.memory_request->bytes;
    else if (res.memory_limit) mem_reserved += res.memory_limit->bytes;
    else if (roles[i] == Role::kMain) no_mem.push_back(i);
  }
  TaskShares shares;
  if (w.task_cpu && !no_cpu.empty()) {
    const int64_t left = std::max<int64_t>(0, w.task_cpu->ticks - cpu_used);
    // share in whole ECS units, so the result stays expressible on both sides
    const int64_t units = left / model::Cpu::kTicksPerEcsUnit / static_cast<int64_t>(no_cpu.size());
    if (units > 0) {
      for (std::size_t i : no_cpu) shares.cpu[i] = model::Cpu::from_ecs_units(units);
    }
  }
  if (w.task_memory && !no_mem.empty()) {
    const int64_t left = std::max<int64_t>(0, w.task_memory->bytes - mem_reserved);
    const int64_t mib = left / model::Memory::kMiB / static_cast<int64_t>(no_mem.size());
    if (mib > 0) {
      for (std::size_t i : no_mem) shares.memory[i] = model::Memory::from_mib(mib);
    }
  }
  return shares;
}

/// What the steps of build_pod_spec read, and the PodSpec they fill.
struct PodContext {
  const model::Workload& w;
  const carry::EcsCarry& kept;  // the ECS-only values, for the annotations
  const std::string& name;  // the workload's Kubernetes name
  const Names& names;
  const std::vector<Role>& roles;
  const TaskShares& shares;
  Diagnostics& diags;
  PodSpec& out;
};

/// The pod's volumes, each name once: the task volumes, then the containers' memory volumes.
struct PodVolumes {
  Node list = Node::array();
  std::set<std::string> names;
  int tmpfs_count = 0;

  void add(Node v) {
    const std::string vname = v.find("name")->text();
    if (names.insert(vname).second) list.push(std::move(v));
  }
};

/// Pod-level values that ECS sets per container, gathered over the containers.
struct PodValues {
  std::map<std::string, std::vector<std::string>> host_aliases;  // ip -> hostnames
  std::vector<std::string> dns_servers, dns_search;
  std::string hostname;
  std::map<std::string, std::string> sysctls;
  int64_t grace = 0;
  bool any_grace = false;
};

/// A Docker volume becomes an emptyDir: what it loses is reported.
void report_docker_volume(const PodContext& ctx, const model::Volume& v, const std::string& vptr) {
  if (v.docker_scope == "shared") {
    ctx.diags.warning("approximated-volume", task_location(ctx.w, vptr + "/dockerVolumeConfiguration"),
                    "Docker volume \"" + v.name + "\" has scope shared (outlives the task); an emptyDir lives only as long as the pod: use a PersistentVolumeClaim if the data must persist");
  }
  if (!v.docker_driver_opts.empty() || !v.docker_labels.empty() || v.docker_autoprovision) {
    ctx.diags.warning("unsupported-field", task_location(ctx.w, vptr + "/dockerVolumeConfiguration"),
                    "driverOpts, labels and autoprovision of Docker volume \"" + v.name + "\" have no emptyDir equivalent and are dropped");
  }
  if (!v.docker_driver.empty() && v.docker_driver != "local") {
    ctx.diags.warning("unsupported-field", task_location(ctx.w, vptr + "/dockerVolumeConfiguration/driver"),
                    "Docker volume driver \"" + v.docker_driver + "\" has no Kubernetes equivalent; volume \"" + v.name + "\" becomes an emptyDir");
  }
}

/// One task volume as a pod volume (an EFS volume also gets its claim in out.claims).
Node task_volume(const PodContext& ctx, std::size_t vi) {
  const model::Volume& v = ctx.w.volumes[vi];
  const std::string vptr = "/volumes/" + std::to_string(vi);
  Node vol = Node::object();
  vol.set("name", str(ctx.names.volumes.at(v.name)));
  switch (v.kind) {
    case model::Volume::Kind::kScratch:
    case model::Volume::Kind::kMemory:
      vol.set("emptyDir", Node::object());
      break;
    case model::Volume::Kind::kDocker:
      vol.set("emptyDir", Node::object());
      report_docker_volume(ctx, v, vptr);
      break;
    case model::Volume::Kind::kHostPath: {
      Node hp = Node::object();
      hp.set("path", str(v.host_path));
      vol.set("hostPath", std::move(hp));
      ctx.diags.warning("host-path", task_location(ctx.w, vptr + "/host/sourcePath"),
                      "volume \"" + v.name + "\" mounts host path " + v.host_path +
                          "; a hostPath ties the pod to its node and is refused by restricted Pod Security");
      break;
    }
    case model::Volume::Kind::kEfs: {
      const std::string claim = mapping::to_k8s_name(ctx.name + "-" + v.name, mapping::NameKind::kRfc1123Subdomain).name;
      Node pvc = Node::object();
      pvc.set("claimName", str(claim));
      vol.set("persistentVolumeClaim", std::move(pvc));
      ctx.out.claims.push_back({ctx.names.volumes.at(v.name), claim, &v});
      break;
    }
    case model::Volume::Kind::kUnsupported:
    case model::Volume::Kind::kClaim:
    case model::Volume::Kind::kConfigMap:
    case model::Volume::Kind::kSecret:
      vol.set("emptyDir", Node::object());
      ctx.diags.warning("unsupported-field", task_location(ctx.w, vptr),
                      "volume \"" + v.name + "\" (" + v.original_kind +
                          ") has no Kubernetes equivalent here; an emptyDir stands in for it");
      break;
  }
  return vol;
}

/// The order of the pod's containers: init order first, then the app containers; the ECS order
/// is kept in out.ecs_order when it differs.
std::vector<std::size_t> container_order(const PodContext& ctx) {
  std::vector<std::size_t> order = init_order(ctx.w, ctx.roles);
  for (std::size_t i = 0; i < ctx.w.containers.size(); ++i) {
    if (ctx.roles[i] == Role::kMain) order.push_back(i);
  }
  if (!std::is_sorted(order.begin(), order.end())) {
    for (const auto& c : ctx.w.containers) ctx.out.ecs_order.push_back(ctx.names.containers.at(c.name));
  }
  return order;
}

/// The container's "ports", each container port and protocol once.
Node container_ports(const PodContext& ctx, std::size_t i) {
  const model::Workload& w = ctx.w;
  const model::Container& c = w.containers[i];
  Node ports = Node::array();
  std::set<std::pair<int64_t, model::Protocol>> seen;
  for (std::size_t pi = 0; pi < c.ports.size(); ++pi) {
    const model::Port& p = c.ports[pi];
    if (!seen.insert({p.container_port, p.protocol}).second) continue;
    Node port = Node::object();
    if (!p.name.empty()) {
      const auto renamed = mapping::to_k8s_name(p.name, mapping::NameKind::kPortName);
      port.set("name", str(renamed.name));
      if (renamed.changed) {
        ctx.diags.note("renamed-resource", task_location(w, ctr_ptr(i, "portMappings/" + std::to_string(pi) + "/name")),
                       "port name \"" + p.name + "\" is \"" + renamed.name + "\" in Kubernetes (IANA service name rules)");
      }
    }
    port.set("containerPort", Node::integer(p.container_port));
    if (w.network_mode == model::NetworkMode::kHost) {
      port.set("hostPort", Node::integer(p.container_port));
    } else if (p.host_port && *p.host_port != 0 &&
               (w.network_mode == model::NetworkMode::kBridge || w.network_mode == model::NetworkMode::kDefault ||
                w.network_mode == model::NetworkMode::kUnset)) {
      port.set("hostPort", Node::integer(*p.host_port));
      ctx.diags.warning("host-port", task_location(w, ctr_ptr(i, "portMappings/" + std::to_string(pi) + "/hostPort")),
                        "static hostPort " + std::to_string(*p.host_port) +
                            " binds the node's port, so at most one such pod fits on a node; prefer a Service");
    } else if (p.host_port && *p.host_port != 0 && *p.host_port != p.container_port &&
               w.network_mode == model::NetworkMode::kAwsvpc) {
      ctx.diags.warning("host-port-dropped", task_location(w, ctr_ptr(i, "portMappings/" + std::to_string(pi) + "/hostPort")),
                        "hostPort " + std::to_string(*p.host_port) + " differs from containerPort " +
                            std::to_string(p.container_port) + ", which awsvpc mode does not allow; left out");
    }
    port.set("protocol", str(p.protocol == model::Protocol::kUdp ? "UDP" : p.protocol == model::Protocol::kSctp ? "SCTP" : "TCP"));
    ports.push(std::move(port));
  }
  return ports;
}

/// The container's "env": plain values, then secret references.
Node container_env(const model::Container& c) {
  Node env = Node::array();
  for (const auto& e : c.env) env.push(named(e.name, "value", str(e.value)));
  for (const auto& s : c.secret_env) {
    const mapping::SecretTarget t = mapping::secret_target(s.reference);
    Node ref = Node::object();
    ref.set("name", str(t.secret_name));
    ref.set("key", str(t.secret_key));
    Node from = Node::object();
    from.set("secretKeyRef", std::move(ref));
    env.push(named(s.name, "valueFrom", std::move(from)));
  }
  return env;
}

/// The container's "resources": its own sizes, else its share of the task size.
void add_resources(const PodContext& ctx, std::size_t i, Node& ctr) {
  const model::Workload& w = ctx.w;
  const model::Container& c = w.containers[i];
  Node requests = Node::object();
  Node limits = Node::object();
  std::optional<model::Cpu> cpu = c.resources.cpu_request;
  if (!cpu && ctx.shares.cpu.count(i)) cpu = ctx.shares.cpu.at(i);
  if (cpu) {
    bool exact = true;
    requests.set("cpu", str(cpu_quantity(*cpu, &exact)));
    ctx.out.has_cpu_requests = true;
    if (!exact) {
      ctx.diags.warning("lossy-cpu-rounding", task_location(w, ctr_ptr(i, "cpu")),
                        "cpu " + std::to_string(cpu->ticks / model::Cpu::kTicksPerEcsUnit) +
                            " units is not a whole number of millicores; requests.cpu rounded up to " +
                            cpu_quantity(*cpu, &exact));
    }
  }
  std::optional<model::Memory> mem_limit = c.resources.memory_limit;
  std::optional<model::Memory> mem_request = c.resources.memory_request;
  if (!mem_limit && !mem_request && ctx.shares.memory.count(i)) {
    mem_request = ctx.shares.memory.at(i);
    if (w.task_memory) mem_limit = *w.task_memory;
  }
  if (mem_request) {
    requests.set("memory", str(memory_quantity(*mem_request)));
    ctx.out.has_memory_requests = true;
  } else if (mem_limit) {
    ctx.out.has_memory_requests = true;  // Kubernetes defaults the request to the limit
  }
  if (mem_limit) limits.set("memory", str(memory_quantity(*mem_limit)));
  if (c.resources.gpus && *c.resources.gpus > 0) limits.set("nvidia.com/gpu", str(std::to_string(*c.resources.gpus)));
  if (requests.size() > 0 || limits.size() > 0) {
    Node res = Node::object();
    if (limits.size() > 0) res.set("limits", std::move(limits));
    if (requests.size() > 0) res.set("requests", std::move(requests));
    ctr.set("resources", std::move(res));
  }
}

/// A memory-backed emptyDir for the pod, mounted at `path` in the container.
void mount_memory_volume(const std::string& vname, int64_t size_mib, const std::string& path, Node& mounts,
                         PodVolumes& volumes) {
  Node ed = Node::object();
  ed.set("medium", str("Memory"));
  if (size_mib > 0) ed.set("sizeLimit", str(mapping::mib_to_k8s(size_mib)));
  Node vol = Node::object();
  vol.set("name", str(vname));
  vol.set("emptyDir", std::move(ed));
  Node vm = Node::object();
  vm.set("name", *vol.find("name"));
  vm.set("mountPath", str(path));
  mounts.push(std::move(vm));
  volumes.add(std::move(vol));
}

/// The mounts of the containers named in volumesFrom, added to the container's "volumeMounts".
void add_volumes_from(const PodContext& ctx, std::size_t i, Node& mounts) {
  const model::Workload& w = ctx.w;
  const model::Container& c = w.containers[i];
  const Node* list = carry::find(ctx.kept.container(c.name), "volumesFrom");
  for (std::size_t k = 0; list && list->is_array() && k < list->items().size(); ++k) {
    const Node& item = list->items()[k];
    const Node* src = item.find("sourceContainer");
    const Node* ro = item.find("readOnly");
    const model::Container* source = nullptr;
    for (const auto& other : w.containers) {
      if (src != nullptr && src->is_string() && other.name == src->text()) source = &other;
    }
    if (source == nullptr) {
      ctx.diags.error("dangling-reference", task_location(w, ctr_ptr(i, "volumesFrom/" + std::to_string(k))),
                      "volumesFrom names a container that is not in the task definition");
      continue;
    }
    for (const auto& m : source->mounts) {
      auto vn = ctx.names.volumes.find(m.volume);
      if (vn == ctx.names.volumes.end()) continue;
      Node vm = Node::object();
      vm.set("name", str(vn->second));
      vm.set("mountPath", str(m.path));
      if (m.read_only || (ro != nullptr && ro->is_bool() && ro->as_bool())) vm.set("readOnly", Node::boolean(true));
      mounts.push(std::move(vm));
    }
  }
}

/// The container's "volumeMounts": its mount points, volumesFrom, /dev/shm and tmpfs (the last two
/// add their memory volumes to the pod).
Node volume_mounts(const PodContext& ctx, std::size_t i, PodVolumes& volumes) {
  const model::Container& c = ctx.w.containers[i];
  Node mounts = Node::array();
  for (const auto& m : c.mounts) {
    auto vn = ctx.names.volumes.find(m.volume);
    if (vn == ctx.names.volumes.end()) {
      ctx.diags.error("dangling-reference", task_location(ctx.w, ctr_ptr(i, "mountPoints")),
                      "container \"" + c.name + "\" mounts volume \"" + m.volume + "\", which the task does not define");
      continue;
    }
    Node vm = Node::object();
    vm.set("name", str(vn->second));
    vm.set("mountPath", str(m.path));
    if (m.read_only) vm.set("readOnly", Node::boolean(true));
    mounts.push(std::move(vm));
  }
  add_volumes_from(ctx, i, mounts);
  if (c.shared_memory_mib && *c.shared_memory_mib > 0) {
    const std::string vname = "dshm-" + ctx.names.containers.at(c.name);
    mount_memory_volume(mapping::to_k8s_name(vname, mapping::NameKind::kRfc1123Label).name, *c.shared_memory_mib,
                        "/dev/shm", mounts, volumes);
  }
  for (const auto& t : c.tmpfs) {
    mount_memory_volume("tmpfs-" + std::to_string(volumes.tmpfs_count++), t.size_mib, t.path, mounts, volumes);
  }
  return mounts;
}

/// Probes: the ECS health check, and the target group's HTTP health check as readiness (both
/// decide whether the load balancer sends traffic).
void add_probes(const model::Workload& w, const model::Container& c, Node& ctr) {
  if (c.liveness) health_to_probes(*c.liveness, ctr);
  for (const auto& lb : w.load_balancers) {
    if (lb.container != c.name || lb.health_check_path.empty() || ctr.find("readinessProbe") != nullptr) continue;
    if (lb.health_check_protocol != "HTTP" && lb.health_check_protocol != "HTTPS" && !lb.health_check_protocol.empty()) continue;
    Node get = Node::object();
    get.set("path", str(lb.health_check_path));
    get.set("port", Node::integer(lb.container_port));
    get.set("scheme", str(lb.health_check_protocol == "HTTPS" ? "HTTPS" : "HTTP"));
    Node ready = Node::object();
    ready.set("httpGet", std::move(get));
    if (lb.health_check_interval_seconds) ready.set("periodSeconds", Node::integer(*lb.health_check_interval_seconds));
    if (lb.health_check_timeout_seconds) ready.set("timeoutSeconds", Node::integer(*lb.health_check_timeout_seconds));
    if (lb.healthy_threshold) ready.set("successThreshold", Node::integer(*lb.healthy_threshold));
    if (lb.unhealthy_threshold) ready.set("failureThreshold", Node::integer(*lb.unhealthy_threshold));
    ctr.set("readinessProbe", std::move(ready));
  }
}

/// The container's "securityContext" (empty: none).
Node security_context(const model::Container& c) {
  Node sc = Node::object();
  if (c.run_as_user) sc.set("runAsUser", Node::integer(*c.run_as_user));
  if (c.run_as_group) sc.set("runAsGroup", Node::integer(*c.run_as_group));
  if (c.privileged) sc.set("privileged", Node::boolean(*c.privileged));
  if (c.read_only_root) sc.set("readOnlyRootFilesystem", Node::boolean(*c.read_only_root));
  if (c.allow_privilege_escalation) sc.set("allowPrivilegeEscalation", Node::boolean(*c.allow_privilege_escalation));
  if (!c.seccomp_type.empty()) {
    Node profile = Node::object();
    profile.set("type", Node::string(c.seccomp_type));
    if (!c.seccomp_localhost_profile.empty()) profile.set("localhostProfile", Node::string(c.seccomp_localhost_profile));
    sc.set("seccompProfile", std::move(profile));
  }
  if (!c.capabilities_add.empty() || !c.capabilities_drop.empty()) {
    Node caps = Node::object();
    auto strip = [](std::vector<std::string> v) {
      for (auto& s : v) {
        if (s.rfind("CAP_", 0) == 0) s = s.substr(4);
      }
      return v;
    };
    if (!c.capabilities_add.empty()) caps.set("add", Node::strings(strip(c.capabilities_add)));
    if (!c.capabilities_drop.empty()) caps.set("drop", Node::strings(strip(c.capabilities_drop)));
    sc.set("capabilities", std::move(caps));
  }
  return sc;
}

/// Adds the container's pod-level values (hosts, DNS, hostname, sysctls, stop timeout) to `pod`.
void gather_pod_values(const PodContext& ctx, std::size_t i, PodValues& pod) {
  const model::Container& c = ctx.w.containers[i];
  for (const auto& a : c.host_aliases) pod.host_aliases[a.ip].push_back(a.hostname);
  for (const auto& s : c.dns_servers) {
    if (std::find(pod.dns_servers.begin(), pod.dns_servers.end(), s) == pod.dns_servers.end()) pod.dns_servers.push_back(s);
  }
  for (const auto& s : c.dns_search) {
    if (std::find(pod.dns_search.begin(), pod.dns_search.end(), s) == pod.dns_search.end()) pod.dns_search.push_back(s);
  }
  if (!c.hostname.empty()) {
    if (pod.hostname.empty()) pod.hostname = c.hostname;
    else if (pod.hostname != c.hostname) {
      ctx.diags.warning("conflicting-values", task_location(ctx.w, ctr_ptr(i, "hostname")),
                        "containers set different hostnames; a pod has one: keeping \"" + pod.hostname + "\"");
    }
  }
  for (const auto& [k, v] : c.sysctls) {
    auto [it, inserted] = pod.sysctls.emplace(k, v);
    if (!inserted && it->second != v) {
      ctx.diags.warning("conflicting-values", task_location(ctx.w, ctr_ptr(i, "systemControls")),
                        "sysctl " + k + " is set to different values; Kubernetes sets sysctls per pod: keeping " + it->second);
    }
  }
  if (c.stop_timeout_seconds) {
    pod.grace = std::max(pod.grace, *c.stop_timeout_seconds);
    pod.any_grace = true;
  }
}

/// The dependsOn as written, for the annotation: the pod's init order cannot say START/HEALTHY.
Node kept_depends_on(const PodContext& ctx, std::size_t i) {
  Node deps = Node::array();
  for (const auto& d : ctx.w.containers[i].depends_on) {
    Node dn = Node::object();
    dn.set("containerName", str(d.container));
    const char* cond = d.condition == model::DependencyCondition::kStart      ? "START"
                       : d.condition == model::DependencyCondition::kComplete ? "COMPLETE"
                       : d.condition == model::DependencyCondition::kSuccess  ? "SUCCESS"
                                                                              : "HEALTHY";
    dn.set("condition", str(cond));
    deps.push(std::move(dn));
    if (d.condition == model::DependencyCondition::kComplete) {
      ctx.diags.warning("approximated-dependency", task_location(ctx.w, ctr_ptr(i, "dependsOn")),
                        "dependsOn " + d.container + " COMPLETE (any exit code) becomes an initContainer, which must exit 0 (SUCCESS)");
    }
  }
  return deps;
}

/// ECS sets resolvers per container, a pod for all of them: when the containers' lists differ, each
/// keeps its own (empty when it had none), so that the way back gives each container its own.
void keep_dns(const model::Workload& w, const model::Container& c, Node& kept) {
  const bool same = std::all_of(w.containers.begin(), w.containers.end(), [&c](const model::Container& o) {
    return o.dns_servers == c.dns_servers && o.dns_search == c.dns_search;
  });
  if (same) return;
  kept.set("dnsServers", Node::strings(c.dns_servers));
  kept.set("dnsSearchDomains", Node::strings(c.dns_search));
}

/// The container's ECS-only values (its carry and what the pod spec decided), into out.carried for the
/// specconv.io/ecs-containers annotation.
void keep_container_values(const PodContext& ctx, std::size_t i) {
  const model::Container& c = ctx.w.containers[i];
  const Role role = ctx.roles[i];
  Node kept = carry::to_object(ctx.kept.container(c.name));
  if (role != Role::kMain) kept.set("essential", Node::boolean(c.essential));  // init/sidecar: not implied
  if (!c.essential && role == Role::kMain) {
    kept.set("essential", Node::boolean(false));
    ctx.diags.note("non-essential-container", task_location(ctx.w, ctr_ptr(i, "essential")),
                   "container \"" + c.name + "\" is not essential: in Kubernetes it is restarted when it exits instead of being left stopped");
  }
  if (!c.depends_on.empty()) kept.set("dependsOn", kept_depends_on(ctx, i));
  if (!c.user_name.empty()) kept.set("user", str(c.user_name));
  keep_secret_references(c, kept);
  if (c.resources.cpu_request && c.resources.cpu_request->ticks % model::Cpu::kTicksPerMillicore != 0) {
    kept.set("cpu", Node::integer(c.resources.cpu_request->ticks / model::Cpu::kTicksPerEcsUnit));  // lossy-cpu-rounding
  }
  keep_dns(ctx.w, c, kept);
  keep_task_sized(ctx.shares.cpu.count(i) != 0 && !c.resources.cpu_request, ctx.shares.memory.count(i) != 0, kept);
  const std::string& k8s_name = ctx.names.containers.at(c.name);
  if (k8s_name != c.name) kept.set("name", str(c.name));
  if (kept.size() > 0) ctx.out.carried.set(k8s_name, std::move(kept));
}

/// One container of the pod (app, init or sidecar); adds its memory volumes to `volumes` and its
/// pod-level values to `pod`.
Node pod_container(const PodContext& ctx, std::size_t i, PodVolumes& volumes, PodValues& pod) {
  const model::Container& c = ctx.w.containers[i];
  Node ctr = Node::object();
  ctr.set("name", str(ctx.names.containers.at(c.name)));
  ctr.set("image", str(c.image));
  if (ctx.roles[i] == Role::kSidecar) ctr.set("restartPolicy", str("Always"));
  if (c.entrypoint) ctr.set("command", Node::strings(*c.entrypoint));
  if (c.arguments) ctr.set("args", Node::strings(*c.arguments));
  if (!c.working_dir.empty()) ctr.set("workingDir", str(c.working_dir));
  if (!c.ports.empty()) ctr.set("ports", container_ports(ctx, i));
  if (!c.env.empty() || !c.secret_env.empty()) ctr.set("env", container_env(c));
  add_resources(ctx, i, ctr);
  if (Node mounts = volume_mounts(ctx, i, volumes); mounts.size() > 0) ctr.set("volumeMounts", std::move(mounts));
  add_probes(ctx.w, c, ctr);
  if (Node sc = security_context(c); sc.size() > 0) ctr.set("securityContext", std::move(sc));
  if (c.stdin_open) ctr.set("stdin", Node::boolean(true));
  if (c.tty) ctr.set("tty", Node::boolean(true));
  gather_pod_values(ctx, i, pod);
  keep_container_values(ctx, i);
  return ctr;
}

/// Task ephemeral storage -> request on the first app container.
void request_ephemeral_storage(const model::Workload& w, Node& containers) {
  if (!w.ephemeral_storage_gib || containers.size() == 0) return;
  Node& first = containers.items()[0];
  Node* res = first.find("resources");
  if (res == nullptr) res = &first.set("resources", Node::object());
  Node* req = res->find("requests");
  if (req == nullptr) req = &res->set("requests", Node::object());
  req->set("ephemeral-storage", str(std::to_string(*w.ephemeral_storage_gib) + "Gi"));
}

/// The pod's service account and the host namespaces it shares.
void add_pod_identity(const model::Workload& w, const carry::EcsCarry& kept, const std::string& name, Node& spec) {
  if (!w.task_role.empty()) spec.set("serviceAccountName", str(name));
  if (w.network_mode == model::NetworkMode::kHost) {
    spec.set("hostNetwork", Node::boolean(true));
  }
  if (w.host_pid) spec.set("hostPID", Node::boolean(true));
  if (w.host_ipc) spec.set("hostIPC", Node::boolean(true));
  if (const Node* pid = carry::find(kept.task, "pidMode"); pid != nullptr && pid->is_string() && pid->text() == "task") {
    spec.set("shareProcessNamespace", Node::boolean(true));
  }
}

/// The pod's hostname, dnsPolicy, dnsConfig and hostAliases.
void add_pod_dns(const model::Workload& w, const PodValues& pod, Node& spec) {
  if (!pod.hostname.empty()) {
    spec.set("hostname", str(mapping::to_k8s_name(pod.hostname, mapping::NameKind::kRfc1123Label).name));
  }
  if (!pod.dns_servers.empty()) {
    spec.set("dnsPolicy", str("None"));
  } else if (w.network_mode == model::NetworkMode::kHost) {
    spec.set("dnsPolicy", str("ClusterFirstWithHostNet"));
  }
  if (!pod.dns_servers.empty() || !pod.dns_search.empty()) {
    Node dns = Node::object();
    if (!pod.dns_servers.empty()) dns.set("nameservers", Node::strings(pod.dns_servers));
    if (!pod.dns_search.empty()) dns.set("searches", Node::strings(pod.dns_search));
    spec.set("dnsConfig", std::move(dns));
  }
  if (!pod.host_aliases.empty()) {
    Node aliases = Node::array();
    for (const auto& [ip, hosts] : pod.host_aliases) {
      Node a = Node::object();
      a.set("ip", str(ip));
      a.set("hostnames", Node::strings(hosts));
      aliases.push(std::move(a));
    }
    spec.set("hostAliases", std::move(aliases));
  }
}

/// Scheduling: runtime platform -> nodeSelector, placement constraints -> affinity.
void add_scheduling(const model::Workload& w, const carry::EcsCarry& kept, Node& spec, Diagnostics& diags) {
  Node selector = Node::object();
  if (!w.os_family.empty()) {
    selector.set("kubernetes.io/os", str(w.os_family.rfind("WINDOWS", 0) == 0 ? "windows" : "linux"));
  }
  if (!w.cpu_architecture.empty()) {
    selector.set("kubernetes.io/arch", str(w.cpu_architecture == "ARM64" ? "arm64" : "amd64"));
  }
  if (selector.size() > 0) spec.set("nodeSelector", std::move(selector));
  if (Node affinity = placement_affinity(w, kept, diags); affinity.size() > 0) spec.set("affinity", std::move(affinity));
}

/// The pod's "securityContext": the containers' sysctls.
Node pod_security_context(const std::map<std::string, std::string>& sysctls) {
  Node list = Node::array();
  for (const auto& [k, v] : sysctls) list.push(named(k, "value", str(v)));
  Node psc = Node::object();
  psc.set("sysctls", std::move(list));
  return psc;
}

/// Each container's requests and limits as add_resources writes them (own values, else its share
/// of the task size), for the pod-level checks.
std::vector<mapping::PodContainerSize> written_sizes(const PodContext& ctx) {
  using Kind = mapping::PodContainerSize::Kind;
  std::vector<mapping::PodContainerSize> sizes;
  for (std::size_t i = 0; i < ctx.w.containers.size(); ++i) {
    const model::Resources& r = ctx.w.containers[i].resources;
    mapping::PodContainerSize s;
    s.kind = ctx.roles[i] == Role::kInit ? Kind::kInit : ctx.roles[i] == Role::kSidecar ? Kind::kSidecar : Kind::kApp;
    std::optional<model::Cpu> cpu = r.cpu_request;
    if (!cpu && ctx.shares.cpu.count(i)) cpu = ctx.shares.cpu.at(i);
    if (cpu) s.cpu_request_millis = (cpu->ticks + model::Cpu::kTicksPerMillicore - 1) / model::Cpu::kTicksPerMillicore;
    if (r.memory_request) s.memory_request_bytes = r.memory_request->bytes;
    if (r.memory_limit) s.memory_limit_bytes = r.memory_limit->bytes;
    if (!r.memory_limit && !r.memory_request && ctx.shares.memory.count(i)) {
      s.memory_request_bytes = ctx.shares.memory.at(i).bytes;
      if (ctx.w.task_memory) s.memory_limit_bytes = ctx.w.task_memory->bytes;
    }
    sizes.push_back(s);
  }
  return sizes;
}

std::string mib_text(int64_t bytes) {
  return bytes % model::Memory::kMiB == 0 ? std::to_string(bytes / model::Memory::kMiB) + " MiB"
                                          : std::to_string(bytes) + " bytes";
}

/// Task cpu / memory -> the pod's "resources" (requests = limits = the task size: ECS reserves
/// the task size and caps the task at it); the containers keep only their own values.
void add_pod_resources(const PodContext& ctx, Node& spec) {
  const model::Workload& w = ctx.w;
  if (!w.task_cpu && !w.task_memory) return;
  std::optional<int64_t> task_millis;
  if (w.task_cpu) task_millis = (w.task_cpu->ticks + model::Cpu::kTicksPerMillicore - 1) / model::Cpu::kTicksPerMillicore;
  std::optional<int64_t> task_bytes;
  if (w.task_memory) task_bytes = w.task_memory->bytes;
  const mapping::PodLevelSize size = mapping::pod_level_size(task_millis, task_bytes, written_sizes(ctx));
  Node amounts = Node::object();
  if (size.cpu_millis) {
    bool exact = true;
    amounts.set("cpu", str(cpu_quantity(model::Cpu::from_millicores(*size.cpu_millis), &exact)));
    if (w.task_cpu->ticks % model::Cpu::kTicksPerMillicore != 0) {
      ctx.diags.warning("lossy-cpu-rounding", task_location(w, "/cpu"),
                        "task cpu " + std::to_string(w.task_cpu->ticks / model::Cpu::kTicksPerEcsUnit) +
                            " units is not a whole number of millicores; the pod's cpu is rounded up to " + amounts.find("cpu")->text());
    }
  }
  if (size.memory_bytes) amounts.set("memory", str(memory_quantity(model::Memory{*size.memory_bytes})));
  if (size.cpu_raised) {
    ctx.diags.warning("pod-resources-raised", task_location(w, "/cpu"),
                      "the containers' cpu requests add up to more than the task cpu (" + std::to_string(*task_millis) +
                          "m); the pod's cpu is " + amounts.find("cpu")->text() + " so that Kubernetes accepts it");
  }
  if (size.memory_raised) {
    ctx.diags.warning("pod-resources-raised", task_location(w, "/memory"),
                      "the containers' memory reservations or a container's memory limit exceed the task memory (" +
                          mib_text(*task_bytes) + "), which ECS does not allow; the pod's memory is " +
                          amounts.find("memory")->text() + " so that Kubernetes accepts it");
  }
  Node res = Node::object();
  res.set("limits", amounts);
  res.set("requests", std::move(amounts));
  spec.set("resources", std::move(res));
  ctx.out.pod_level_resources = true;
}

/// Without pod-level resources the task memory is copied into containers' limits: warn when
/// their limits together allow the pod more memory than the task had.
void warn_split_exceeds_task(const PodContext& ctx) {
  const model::Workload& w = ctx.w;
  if (!w.task_memory) return;
  const std::optional<int64_t> ceiling = mapping::split_memory_ceiling(written_sizes(ctx));
  if (ceiling && *ceiling <= w.task_memory->bytes) return;
  const std::string why = ceiling ? "the containers' memory limits let the pod use up to " + mib_text(*ceiling)
                                  : "a container has no memory limit, so the pod's memory is not capped";
  ctx.diags.warning("pod-exceeds-task-size", task_location(w, "/memory"),
                    "the task is capped at " + mib_text(w.task_memory->bytes) + " in all, but " + why +
                        ": pod-level resources need Kubernetes 1.34 or later (--kubernetes-version) and a Linux pod");
}

}  // namespace

SourceLocation task_location(const model::Workload& w, const std::string& pointer) {
  return SourceLocation{w.source_file, w.source_pointer + pointer, 0, 0, -1};
}

SourceLocation service_location(const model::Workload& w, const std::string& pointer) {
  return SourceLocation{w.service_file, w.service_pointer + pointer, 0, 0, -1};
}

PodSpec build_pod_spec(const model::Workload& w, const carry::EcsCarry& kept, const std::string& name, bool pod_level_resources,
                       Diagnostics& diags) {
  PodSpec out;
  const Names names = k8s_names(w, out, diags);
  const std::vector<Role> roles = container_roles(w, diags);
  // Windows pods cannot have pod-level resources (Kubernetes documents it as a limitation).
  const bool pod_level = pod_level_resources && w.os_family.rfind("WINDOWS", 0) != 0;
  const TaskShares shares = task_shares(w, roles, pod_level);
  const PodContext ctx{w, kept, name, names, roles, shares, diags, out};

  PodVolumes volumes;
  for (std::size_t vi = 0; vi < w.volumes.size(); ++vi) volumes.add(task_volume(ctx, vi));

  Node containers = Node::array();
  Node init_containers = Node::array();
  PodValues pod;
  for (std::size_t i : container_order(ctx)) {
    Node ctr = pod_container(ctx, i, volumes, pod);
    if (roles[i] == Role::kMain) containers.push(std::move(ctr));
    else init_containers.push(std::move(ctr));
  }
  request_ephemeral_storage(w, containers);
  if (containers.size() == 0 && !w.containers.empty()) {
    diags.error("no-app-container", task_location(w, "/containerDefinitions"),
                "every container is waited on by another to exit, so none is left to run the pod");
  }

  Node& spec = out.spec;
  if (pod_level) add_pod_resources(ctx, spec);
  else warn_split_exceeds_task(ctx);
  add_pod_identity(w, kept, name, spec);
  add_pod_dns(w, pod, spec);
  if (pod.any_grace) spec.set("terminationGracePeriodSeconds", Node::integer(pod.grace));
  if (pod.any_grace) keep_stop_timeouts(w, names.containers, pod.grace, out.carried);
  add_scheduling(w, kept, spec, diags);
  if (!pod.sysctls.empty()) spec.set("securityContext", pod_security_context(pod.sysctls));
  if (init_containers.size() > 0) spec.set("initContainers", std::move(init_containers));
  spec.set("containers", std::move(containers));
  if (volumes.list.size() > 0) spec.set("volumes", std::move(volumes.list));
  return out;
}

}  // namespace specconv::k8s
