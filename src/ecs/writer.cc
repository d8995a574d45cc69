// ECS API inputs from the neutral model (see writer.h).
#include "ecs/writer.h"

#include <algorithm>
#include <set>

#include "ecs/logs.h"
#include "ecs/reader.h"
#include "ecs/security_options.h"
#include "mapping/resources.h"
#include "mapping/rollout.h"

namespace specconv::ecs {
namespace {

using io::Node;
using io::str;
using model::Container;
using model::LaunchType;
using model::Probe;

SourceLocation at(const SourceLocation& base, const std::string& suffix) {
  SourceLocation l = base;
  l.pointer += suffix;
  return l;
}

int64_t cpu_units(const model::Cpu& c) { return (c.ticks + model::Cpu::kTicksPerEcsUnit - 1) / model::Cpu::kTicksPerEcsUnit; }
int64_t mib(const model::Memory& m) { return (m.bytes + model::Memory::kMiB - 1) / model::Memory::kMiB; }

std::string placeholder_or(const std::string& v, const char* placeholder) { return v.empty() ? placeholder : v; }

/// Container-level sizes as written.
struct Size {
  std::optional<int64_t> cpu;
  std::optional<int64_t> memory;
  std::optional<int64_t> reservation;
};

Size container_size(const Container& c) {
  Size s;
  const auto& r = c.resources;
  if (r.cpu_request) s.cpu = cpu_units(*r.cpu_request);
  else if (r.cpu_limit) s.cpu = cpu_units(*r.cpu_limit);
  if (r.memory_limit) s.memory = mib(*r.memory_limit);
  if (r.memory_request) s.reservation = mib(*r.memory_request);
  if (s.memory && s.reservation && *s.reservation > *s.memory) s.reservation = s.memory;
  return s;
}

/// Clamps a health check value to its ECS range: a warning when the value was written, a note
/// when it is the Kubernetes default.
int64_t clamp(int64_t v, int64_t lo, int64_t hi, const char* what, const std::string& container, const SourceLocation& where,
              Diagnostics& diags, bool explicit_value = true) {
  if (v >= lo && v <= hi) return v;
  const int64_t c = std::clamp(v, lo, hi);
  diags.report({explicit_value ? Severity::kWarning : Severity::kNote, "clamped-value",
                "container \"" + container + "\": health check " + what + " " + std::to_string(v) +
                    (explicit_value ? "" : " (the Kubernetes default)") + " is outside the ECS range " + std::to_string(lo) +
                    ".." + std::to_string(hi) + "; " + std::to_string(c) + " is used",
                where});
  return c;
}

std::optional<Node> health_check(const Container& c, const SourceLocation& where, Diagnostics& diags) {
  if (!c.liveness) {
    if (c.startup) {
      diags.note("probe-not-mapped", where,
                 "container \"" + c.name + "\" has a startupProbe but no livenessProbe: ECS has no startup-only check; ignored");
    }
    return std::nullopt;
  }
  const Probe& p = *c.liveness;
  Node cmd = Node::array();
  switch (p.kind) {
    case Probe::Kind::kExec:
      if (p.command.size() == 3 && (p.command[0] == "/bin/sh" || p.command[0] == "sh") && p.command[1] == "-c") {
        cmd.push(str("CMD-SHELL"));  // what CMD-SHELL runs; also the form the other direction writes
        cmd.push(str(p.command[2]));
        break;
      }
      cmd.push(str("CMD"));
      for (const auto& a : p.command) cmd.push(str(a));
      break;
    case Probe::Kind::kShell:
      cmd.push(str("CMD-SHELL"));
      cmd.push(str(p.command.empty() ? "true" : p.command[0]));
      break;
    case Probe::Kind::kHttpGet: {
      const std::string scheme = p.scheme == "HTTPS" ? "https" : "http";
      cmd.push(str("CMD-SHELL"));
      cmd.push(str("curl -f" + std::string(scheme == "https" ? "k" : "") + "s " + scheme + "://localhost:" +
                   std::to_string(p.port) + (p.path.empty() || p.path[0] != '/' ? "/" : "") + p.path + " || exit 1"));
      diags.warning("probe-needs-tool", where,
                    "container \"" + c.name + "\": the httpGet livenessProbe becomes a CMD-SHELL health check running curl "
                    "inside the container; the image must have a shell and curl");
      break;
    }
    case Probe::Kind::kTcpSocket:
      cmd.push(str("CMD-SHELL"));
      cmd.push(str("nc -z localhost " + std::to_string(p.port) + " || exit 1"));
      diags.warning("probe-needs-tool", where,
                    "container \"" + c.name + "\": the tcpSocket livenessProbe becomes a CMD-SHELL health check running nc "
                    "inside the container; the image must have a shell and nc");
      break;
    case Probe::Kind::kGrpc:
      cmd.push(str("CMD-SHELL"));
      cmd.push(str("grpc_health_probe -addr=localhost:" + std::to_string(p.port) + " || exit 1"));
      diags.warning("probe-needs-tool", where,
                    "container \"" + c.name + "\": the grpc livenessProbe becomes a CMD-SHELL health check running "
                    "grpc_health_probe inside the container; the image must have it");
      break;
  }
  Node hc = Node::object();
  hc.set("command", std::move(cmd));
  // Kubernetes defaults: period 10, timeout 1, failureThreshold 3, initialDelay 0.
  hc.set("interval", Node::integer(clamp(p.interval_seconds.value_or(10), 5, 300, "interval", c.name, where, diags)));
  hc.set("timeout", Node::integer(clamp(p.timeout_seconds.value_or(1), 2, 60, "timeout", c.name, where, diags,
                                        p.timeout_seconds.has_value())));
  hc.set("retries", Node::integer(clamp(p.failure_threshold.value_or(3), 1, 10, "retries", c.name, where, diags)));
  int64_t start = p.start_period_seconds.value_or(0);
  if (c.startup) {
    // The startup probe holds the liveness probe off for up to delay + period x threshold.
    const Probe& s = *c.startup;
    // ECS marks the container unhealthy after startPeriod + retries x interval; Kubernetes kills it
    // after the startup probe's delay + period x threshold: startPeriod makes the two budgets equal.
    const int64_t startup_budget = s.start_period_seconds.value_or(0) + s.interval_seconds.value_or(10) * s.failure_threshold.value_or(3);
    start = std::max(start, startup_budget - p.interval_seconds.value_or(10) * p.failure_threshold.value_or(3));
  }
  if (start > 0) hc.set("startPeriod", Node::integer(clamp(start, 0, 300, "startPeriod", c.name, where, diags)));
  return hc;
}

const char* condition_name(model::DependencyCondition c) {
  switch (c) {
    case model::DependencyCondition::kStart: return "START";
    case model::DependencyCondition::kComplete: return "COMPLETE";
    case model::DependencyCondition::kSuccess: return "SUCCESS";
    case model::DependencyCondition::kHealthy: return "HEALTHY";
  }
  return "START";
}

// Keys of ContainerDefinition in API reference order (for merging carried values).
const std::vector<std::string> kContainerOrder = {
    "name", "image", "repositoryCredentials", "cpu", "memory", "memoryReservation", "links", "portMappings", "essential",
    "restartPolicy", "entryPoint", "command", "environment", "environmentFiles", "mountPoints", "volumesFrom",
    "linuxParameters", "secrets", "dependsOn", "startTimeout", "stopTimeout", "versionConsistency", "hostname", "user",
    "workingDirectory", "disableNetworking", "privileged", "readonlyRootFilesystem", "dnsServers", "dnsSearchDomains",
    "extraHosts", "dockerSecurityOptions", "interactive", "pseudoTerminal", "dockerLabels", "ulimits",
    "logConfiguration", "healthCheck", "systemControls", "resourceRequirements", "firelensConfiguration",
    "credentialSpecs"};

const std::vector<std::string> kTaskOrder = {
    "family", "taskRoleArn", "executionRoleArn", "networkMode", "containerDefinitions", "volumes", "placementConstraints",
    "requiresCompatibilities", "cpu", "memory", "tags", "pidMode", "ipcMode", "proxyConfiguration",
    "inferenceAccelerators", "ephemeralStorage", "runtimePlatform", "enableFaultInjection"};

const std::vector<std::string> kServiceOrder = {
    "cluster", "serviceName", "taskDefinition", "availabilityZoneRebalancing", "loadBalancers", "serviceRegistries",
    "desiredCount", "clientToken", "launchType", "capacityProviderStrategy", "platformVersion", "role",
    "deploymentConfiguration", "placementConstraints", "placementStrategy", "networkConfiguration",
    "healthCheckGracePeriodSeconds", "schedulingStrategy", "deploymentController", "tags", "enableECSManagedTags",
    "propagateTags", "enableExecuteCommand", "serviceConnectConfiguration", "volumeConfigurations",
    "vpcLatticeConfigurations"};

/// Adds carried values that are not set yet, then orders members as in `order`.
void merge_and_order(Node& obj, const carry::Fields& kept, const std::set<std::string>& skip,
                     const std::vector<std::string>& order) {
  for (const auto& [k, v] : kept) {
    if (skip.count(k) != 0 || obj.find(k) != nullptr) continue;
    if (std::find(order.begin(), order.end(), k) == order.end()) continue;  // not a field of this input
    obj.set(k, v);
  }
  std::vector<Node::Member> members = std::move(obj.members());
  std::stable_sort(members.begin(), members.end(), [&](const Node::Member& a, const Node::Member& b) {
    auto rank = [&](const std::string& k) { return std::find(order.begin(), order.end(), k) - order.begin(); };
    return rank(a.first) < rank(b.first);
  });
  obj.members() = std::move(members);
}

/// Whether the workload came from ECS: ECS -> Kubernetes always keeps requiresCompatibilities
/// (an empty list when the task definition had none).
bool from_ecs(const carry::Fields& task) { return carry::find(task, "requiresCompatibilities") != nullptr; }

/// ECS -> Kubernetes -> ECS: the original networkMode kept in specconv.io/ecs-task, when the
/// launch type allows it (Fargate: awsvpc only).
std::optional<std::string> restored_network_mode(const carry::Fields& task, bool fargate) {
  const Node* n = carry::find(task, "networkMode");
  if (n == nullptr || !n->is_string()) return std::nullopt;
  const std::string& m = n->text();
  if (m != "awsvpc" && m != "bridge" && m != "none" && m != "default") return std::nullopt;
  if (fargate && m != "awsvpc") return std::nullopt;
  return m == "default" ? "bridge" : m;  // the legacy spelling, read as bridge (legacy-value): the API takes no other
}

/// The original requiresCompatibilities kept in specconv.io/ecs-task, when it fits the launch type.
std::optional<Node> restored_compatibilities(const carry::Fields& task, bool fargate) {
  const Node* n = carry::find(task, "requiresCompatibilities");
  if (n == nullptr || !n->is_array()) return std::nullopt;  // [] = the original had no requiresCompatibilities
  bool has_fargate = false;
  for (const auto& i : n->items()) {
    if (!i.is_string() || (i.text() != "EC2" && i.text() != "FARGATE" && i.text() != "EXTERNAL")) return std::nullopt;
    has_fargate = has_fargate || i.text() == "FARGATE";
  }
  if (has_fargate != fargate) return std::nullopt;
  return *n;
}

/// ECS -> Kubernetes -> ECS: the original loadBalancers (with their target group ARNs) kept in
/// specconv.io/ecs-service, while the workload still exposes the same containers and ports.
std::optional<Node> restored_load_balancers(const model::Workload& w, const carry::Fields& service) {
  const Node* n = carry::find(service, "loadBalancers");
  if (n == nullptr || !n->is_array()) return std::nullopt;
  std::set<std::pair<std::string, int64_t>> carried, current;
  for (const auto& lb : n->items()) {
    const Node* name = lb.find("containerName");
    const Node* port = lb.find("containerPort");
    if (name == nullptr || port == nullptr || !name->is_string() || !port->is_int()) return std::nullopt;
    carried.insert({name->text(), port->as_int()});
  }
  for (const auto& b : w.load_balancers) {
    std::string name = ecs_name(b.container);
    for (const auto& c : w.containers) {
      if (c.name != b.container) continue;
      if (!c.original_name.empty()) name = c.original_name.substr(0, 255);
    }
    current.insert({name, b.container_port});
  }
  if (carried != current) return std::nullopt;
  return *n;
}

/// ECS -> Kubernetes -> ECS: the original volume (EFS, Docker, FSx configuration) kept in
/// specconv.io/ecs-task "volumes" for a volume of that name.
std::optional<Node> restored_volume(const carry::Fields& task, const std::string& name) {
  const Node* list = carry::find(task, "volumes");
  if (list == nullptr || !list->is_array()) return std::nullopt;
  for (const auto& v : list->items()) {
    const Node* n = v.find("name");
    if (v.is_object() && n != nullptr && n->is_string() && n->text() == name) return v;
  }
  return std::nullopt;
}

/// The original healthCheck kept in specconv.io/ecs-containers, while the probe still runs the
/// same command (its timings are what Kubernetes cannot always express exactly).
Node restored_health_check(const carry::Fields& kept, Node derived) {
  const Node* n = carry::find(kept, "healthCheck");
  if (n == nullptr || !n->is_object() || n->find("command") == nullptr || derived.find("command") == nullptr) return derived;
  const Node& a = *n->find("command");
  const Node& b = *derived.find("command");
  if (!a.is_array() || a.size() != b.size()) return derived;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!a.items()[i].is_string() || a.items()[i].text() != b.items()[i].text()) return derived;
  }
  return *n;
}

/// The original runtimePlatform kept in specconv.io/ecs-task (which Windows Server version),
/// while the pod still asks for the same OS and architecture.
std::optional<Node> restored_runtime_platform(const model::Workload& w, const carry::Fields& task) {
  const Node* n = carry::find(task, "runtimePlatform");
  if (n == nullptr || !n->is_object()) return std::nullopt;
  const Node* os = n->find("operatingSystemFamily");
  const Node* arch = n->find("cpuArchitecture");
  const bool windows = os != nullptr && os->is_string() && os->text().rfind("WINDOWS", 0) == 0;
  if (windows != (w.os_family.rfind("WINDOWS", 0) == 0)) return std::nullopt;
  if (arch != nullptr && arch->is_string() && !w.cpu_architecture.empty() && arch->text() != w.cpu_architecture) return std::nullopt;
  return *n;
}

std::string container_name(const Container& c);

/// The family: as the ECS input wrote it when it came from ECS (specconv.io/ecs-task), else a
/// valid ECS name made from the workload's name.
std::string family_name(const model::Workload& w, const carry::Fields& task, const WriteOptions& o) {
  if (o.restore_ecs_origin && from_ecs(task) && !w.name.empty()) return w.name.substr(0, 255);
  return ecs_name(w.name);
}

/// Mounts that ECS -> Kubernetes copied from the containers named in volumesFrom (kept in
/// specconv.io/ecs-containers): the way back gives them as volumesFrom again, not as mounts.
std::set<std::pair<std::string, std::string>> volumes_from_mounts(const model::Workload& w, const carry::EcsCarry& kept,
                                                                  const Container& c) {
  std::set<std::pair<std::string, std::string>> out;
  const Node* list = carry::find(kept.container(c.name), "volumesFrom");
  if (list == nullptr || !list->is_array()) return out;
  for (const auto& vf : list->items()) {
    const Node* src = vf.find("sourceContainer");
    if (src == nullptr || !src->is_string()) continue;
    for (const auto& other : w.containers) {
      if (&other == &c || (other.name != src->text() && container_name(other) != src->text())) continue;
      for (const auto& m : other.mounts) out.insert({m.volume, m.path});
    }
  }
  return out;
}

/// linuxParameters members without a Kubernetes field, kept in specconv.io/ecs-containers.
void restore_linux_parameters(const carry::Fields& kept, Node& linux) {
  for (const char* key : {"initProcessEnabled", "devices", "maxSwap", "swappiness", "sharedMemorySize"}) {
    const Node* n = carry::find(kept, key);
    if (n != nullptr && linux.find(key) == nullptr) linux.set(key, *n);
  }
  // tmpfs as written (mount options); when it held /dev/shm itself, that was no sharedMemorySize.
  const Node* n = carry::find(kept, "tmpfs");
  if (n == nullptr || !n->is_array()) return;
  linux.set("tmpfs", *n);
  const bool shm_tmpfs = std::any_of(n->items().begin(), n->items().end(), [](const Node& t) {
    const Node* p = t.is_object() ? t.find("containerPath") : nullptr;
    return p != nullptr && p->is_string() && p->text() == "/dev/shm";
  });
  if (shm_tmpfs && carry::find(kept, "sharedMemorySize") == nullptr) {
    std::erase_if(linux.members(), [](const Node::Member& m) { return m.first == "sharedMemorySize"; });
  }
}

/// The original percentages kept in specconv.io/ecs-service, while the Deployment's strategy is
/// still the one they convert to (several percentages give the same surge / unavailable).
void restore_rollout(const model::Workload& w, const carry::Fields& service, const mapping::K8sRollout& current,
                     mapping::ToEcs& e) {
  const Node* a = carry::find(service, "maximumPercent");
  const Node* b = carry::find(service, "minimumHealthyPercent");
  if (a == nullptr || b == nullptr || !a->is_int() || !b->is_int()) return;
  const mapping::EcsRollout original{a->as_int(), b->as_int()};
  if (mapping::rollout_to_k8s(original, w.replicas.value_or(1)).rollout != current) return;
  e.rollout = original;
  e.exact = true;
}

/// The container's own stopTimeout kept in specconv.io/ecs-containers (null: it had none) where
/// it differs from the pod's terminationGracePeriodSeconds.
void restore_stop_timeout(const carry::Fields& kept, std::optional<int64_t>& stop_timeout) {
  const Node* n = carry::find(kept, "stopTimeout");
  if (n != nullptr && n->is_null()) stop_timeout.reset();
  else if (n != nullptr && n->is_int()) stop_timeout = n->as_int();
}

/// ECS -> Kubernetes gave containers without a size a share of the task size
/// (specconv.io/ecs-containers "sizedByTask"); the way back leaves those out again.
void drop_task_sized(const carry::Fields& kept, Size& size) {
  const Node* list = carry::find(kept, "sizedByTask");
  if (list == nullptr || !list->is_array()) return;
  auto has = [&](std::string_view what) {
    return std::any_of(list->items().begin(), list->items().end(), [&](const Node& x) { return x.is_string() && x.text() == what; });
  };
  if (has("cpu")) size.cpu.reset();
  if (has("memory")) {
    size.memory.reset();
    size.reservation.reset();
  }
}

/// ECS -> Kubernetes -> ECS: the original task size kept in specconv.io/ecs-task, as written
/// ("1 vCPU"), or none on EC2 when the original had none, while the containers still fit in it.
bool restore_task_size(const model::Workload& w, const carry::Fields& task, bool fargate, int64_t need_cpu, int64_t need_mem,
                       Node& td) {
  if (!from_ecs(task)) return false;
  const auto cpu = w.task_cpu_text.empty() ? std::nullopt : parse_task_size(w.task_cpu_text, true);
  const auto mem = w.task_memory_text.empty() ? std::nullopt : parse_task_size(w.task_memory_text, false);
  if ((!w.task_cpu_text.empty() && !cpu) || (!w.task_memory_text.empty() && !mem)) return false;
  if (fargate && (!cpu || !mem || !mapping::is_valid_fargate_size(*cpu, *mem))) return false;
  if ((cpu && *cpu < need_cpu) || (mem && *mem < need_mem)) return false;
  if (cpu) td.set("cpu", str(w.task_cpu_text));
  if (mem) td.set("memory", str(w.task_memory_text));
  return true;
}

std::string container_name(const Container& c) {
  // As the ECS input had it, where the API takes it (an input may hold a name ECS itself refuses).
  if (!c.original_name.empty()) return ecs_name(c.original_name.substr(0, 255));
  return ecs_name(c.name);
}

/// A task definition that came from ECS: its dependsOn as written (specconv.io/ecs-containers),
/// for the containers that are still there. Kubernetes' init order is coarser (every app
/// container waits for every init container), so it is not used for these.
std::optional<Node> restored_depends_on(const model::Workload& w, const carry::Fields& kept) {
  const Node* list = carry::find(kept, "dependsOn");
  if (list == nullptr || !list->is_array()) return std::nullopt;
  Node deps = Node::array();
  for (const auto& d : list->items()) {
    const Node* name = d.find("containerName");
    if (name == nullptr || !name->is_string()) continue;
    const bool present = std::any_of(w.containers.begin(), w.containers.end(), [&](const Container& x) { return container_name(x) == name->text(); });
    if (present) deps.push(d);
  }
  if (deps.size() == 0) return std::nullopt;
  return deps;
}


/// What the steps of task_definition_input read.
struct TaskContext {
  const model::Workload& w;
  const carry::EcsCarry& kept;  // the ECS-only values ECS -> Kubernetes kept, restored as written
  const SourceLocation& where;
  const WriteOptions& o;
  bool fargate;
  const std::string& mode;  // the task's networkMode
  Diagnostics& diags;
};

/// The task's networkMode: awsvpc, host for hostNetwork, else the one kept from ECS.
std::string network_mode(const model::Workload& w, const carry::Fields& task, const SourceLocation& where, const WriteOptions& o,
                         Diagnostics& diags) {
  const bool fargate = o.launch_type == LaunchType::kFargate;
  std::string mode = "awsvpc";
  if (w.network_mode == model::NetworkMode::kHost) {
    if (fargate) {
      diags.error("host-network-fargate", at(where, "/spec/template/spec/hostNetwork"),
                  "hostNetwork has no Fargate equivalent (Fargate tasks always use awsvpc); convert with --launch-type EC2");
    } else {
      mode = "host";
    }
  } else if (o.restore_ecs_origin) {
    mode = restored_network_mode(task, fargate).value_or(mode);
  }
  return mode;
}

/// The task's volumes, and the pod volumes that became something else.
struct TaskVolumes {
  Node list = Node::array();
  std::set<std::string> names;
  std::map<std::string, model::Volume> memory;  // tmpfs mounts per container
  std::set<std::string> dropped;                // already reported
};

/// One pod volume as a task volume; none for a memory volume on EC2 (recorded in
/// volumes.memory) or a volume Fargate cannot have (recorded in volumes.dropped).
std::optional<Node> task_volume(const TaskContext& ctx, const model::Volume& v, TaskVolumes& volumes) {
  const SourceLocation& where = ctx.where;
  Diagnostics& diags = ctx.diags;
  Node vol = Node::object();
  vol.set("name", str(v.name));
  switch (v.kind) {
    case model::Volume::Kind::kScratch:
      break;
    case model::Volume::Kind::kMemory:
      if (ctx.fargate) {
        diags.warning("memory-volume-fargate", where,
                      "emptyDir volume \"" + v.name + "\" with medium Memory: Fargate has no tmpfs; it becomes an ordinary "
                      "task volume on disk");
      } else {
        volumes.memory[v.name] = v;
        return std::nullopt;  // tmpfs mounts per container
      }
      break;
    case model::Volume::Kind::kHostPath: {
      if (ctx.fargate) {
        diags.error("host-path-fargate", where,
                    "hostPath volume \"" + v.name + "\" (" + v.host_path + ") is not available on Fargate; convert with "
                    "--launch-type EC2 or use an emptyDir/EFS volume");
        volumes.dropped.insert(v.name);
        return std::nullopt;
      }
      Node host = Node::object();
      host.set("sourcePath", str(v.host_path));
      vol.set("host", std::move(host));
      break;
    }
    case model::Volume::Kind::kClaim: {
      Node efs = Node::object();
      efs.set("fileSystemId", str("fs-REPLACE_ME"));
      efs.set("transitEncryption", str("ENABLED"));
      vol.set("efsVolumeConfiguration", std::move(efs));
      diags.warning("efs-placeholder", where,
                    "volume \"" + v.name + "\" (PersistentVolumeClaim \"" + v.object_name + "\") becomes an Amazon EFS "
                    "volume with the placeholder fileSystemId fs-REPLACE_ME: create the file system (and copy the data) "
                    "and put its id there");
      break;
    }
    case model::Volume::Kind::kConfigMap:
    case model::Volume::Kind::kSecret:
      diags.warning("projected-volume", where,
                    std::string("volume \"") + v.name + "\" projects " +
                        (v.kind == model::Volume::Kind::kSecret ? "Secret" : "ConfigMap") + " \"" + v.object_name +
                        "\" as files, which ECS cannot do: it becomes an empty task volume. Bake the files into the "
                        "image, pass the values as environment variables/secrets, or fetch them at start-up (e.g. an "
                        "init container running `aws ssm get-parameter` into this volume)");
      break;
    case model::Volume::Kind::kUnsupported:
    default:
      diags.warning("unsupported-volume", where,
                    "volume \"" + v.name + "\" (" + v.original_kind + ") has no ECS equivalent: it becomes an empty task volume");
      break;
  }
  return vol;
}

/// The task's "volumes" (mount points refer to them): as kept from ECS, else converted.
TaskVolumes task_volumes(const TaskContext& ctx) {
  TaskVolumes volumes;
  for (const model::Volume& v : ctx.w.volumes) {
    if (auto orig = ctx.o.restore_ecs_origin ? restored_volume(ctx.kept.task, v.name) : std::nullopt) {
      volumes.names.insert(v.name);
      volumes.list.push(std::move(*orig));
      continue;
    }
    if (auto vol = task_volume(ctx, v, volumes)) {
      volumes.names.insert(v.name);
      volumes.list.push(std::move(*vol));
    }
  }
  return volumes;
}

/// What the containers add up to, for the task size; and whether any reads secrets.
struct TaskNeeds {
  int64_t sum_cpu = 0, sum_reserved = 0, sum_limit_cpu = 0, sum_limit_mem = 0, max_hard = 0;
  bool any_secret = false;
  SecurityNotes security;  // reported once the task's containers are written
};

/// The container's cpu, memory and memoryReservation, counted into `needs`.
void add_container_size(const TaskContext& ctx, const Container& c, Node& d, TaskNeeds& needs) {
  const SourceLocation& cw = ctx.where;
  Size size = container_size(c);
  if (ctx.o.restore_ecs_origin) drop_task_sized(ctx.kept.container(c.name), size);
  if (size.cpu) d.set("cpu", Node::integer(*size.cpu));
  if (size.memory) d.set("memory", Node::integer(*size.memory));
  if (size.reservation) d.set("memoryReservation", Node::integer(*size.reservation));
  if (c.resources.memory_request && size.reservation && c.resources.memory_request->bytes % model::Memory::kMiB != 0) {
    ctx.diags.note("memory-rounded", cw,
                   "container \"" + c.name + "\": memory request " + std::to_string(c.resources.memory_request->bytes) +
                       " bytes is not a whole MiB; memoryReservation rounded up to " + std::to_string(*size.reservation) + " MiB");
  }
  if (c.resources.memory_limit && size.memory && c.resources.memory_limit->bytes % model::Memory::kMiB != 0) {
    ctx.diags.note("memory-rounded", cw,
                   "container \"" + c.name + "\": memory limit " + std::to_string(c.resources.memory_limit->bytes) +
                       " bytes is not a whole MiB; memory rounded up to " + std::to_string(*size.memory) + " MiB");
  }
  needs.sum_cpu += size.cpu.value_or(0);
  needs.sum_reserved += size.reservation ? *size.reservation : size.memory.value_or(0);
  needs.max_hard = std::max(needs.max_hard, size.memory.value_or(0));
  if (c.essential) {
    if (c.resources.cpu_limit) needs.sum_limit_cpu += cpu_units(*c.resources.cpu_limit);
    needs.sum_limit_mem += size.memory.value_or(size.reservation.value_or(0));
  }
}

/// The container's "portMappings" (SCTP, and host ports the network mode forbids, left out).
Node port_mappings(const TaskContext& ctx, const Container& c) {
  const SourceLocation& cw = ctx.where;
  const std::string& mode = ctx.mode;
  Node ports = Node::array();
  for (const model::Port& p : c.ports) {
    if (p.protocol == model::Protocol::kSctp) {
      ctx.diags.warning("unsupported-protocol", cw, "container \"" + c.name + "\": SCTP port " + std::to_string(p.container_port) +
                                                        " has no ECS equivalent; left out");
      continue;
    }
    Node pm = Node::object();
    pm.set("containerPort", Node::integer(p.container_port));
    if (p.host_port) {
      if ((mode == "awsvpc" || mode == "host") && *p.host_port != p.container_port) {
        ctx.diags.warning("host-port-dropped", cw,
                          "container \"" + c.name + "\": hostPort " + std::to_string(*p.host_port) + " differs from containerPort " +
                              std::to_string(p.container_port) + ", which " + mode + " mode does not allow; hostPort left out");
      } else {
        pm.set("hostPort", Node::integer(*p.host_port));
      }
    }
    pm.set("protocol", str(p.protocol == model::Protocol::kUdp ? "udp" : "tcp"));
    if (!p.name.empty()) pm.set("name", str(p.name));
    if (!p.app_protocol.empty()) pm.set("appProtocol", str(p.app_protocol));
    ports.push(std::move(pm));
  }
  return ports;
}

/// {key: value, key2: value2}: an environment variable, a secret, a host, a sysctl, a tag.
Node pair_node(const char* key, const std::string& value, const char* key2, const std::string& value2) {
  Node kv = Node::object();
  kv.set(key, str(value));
  kv.set(key2, str(value2));
  return kv;
}

/// The container's "mountPoints"; mounts of memory volumes go to `tmpfs` instead.
Node mount_points(const TaskContext& ctx, const Container& c, const TaskVolumes& volumes, Node& tmpfs) {
  Node mounts = Node::array();
  const auto inherited = ctx.o.restore_ecs_origin ? volumes_from_mounts(ctx.w, ctx.kept, c) : std::set<std::pair<std::string, std::string>>{};
  for (const auto& m : c.mounts) {
    if (inherited.count({m.volume, m.path}) != 0) continue;  // comes back as volumesFrom
    if (auto mv = volumes.memory.find(m.volume); mv != volumes.memory.end()) {
      Node t = Node::object();
      t.set("containerPath", str(m.path));
      t.set("size", Node::integer(mv->second.size_limit_mib.value_or(64)));
      tmpfs.push(std::move(t));
      continue;
    }
    if (volumes.names.count(m.volume) == 0) {
      if (volumes.dropped.count(m.volume) != 0) continue;
      ctx.diags.warning("unknown-volume", ctx.where, "container \"" + c.name + "\" mounts volume \"" + m.volume +
                                                         "\", which the task does not have; mount left out");
      continue;
    }
    Node mp = Node::object();
    mp.set("sourceVolume", str(m.volume));
    mp.set("containerPath", str(m.path));
    if (m.read_only) mp.set("readOnly", Node::boolean(true));
    mounts.push(std::move(mp));
  }
  return mounts;
}

/// A memory volume mounted at /dev/shm is the container's shared memory: its tmpfs entry becomes
/// sharedMemorySize (ECS -> Kubernetes turns sharedMemorySize into exactly that volume).
void shared_memory_from_tmpfs(Node& tmpfs, Node& linux) {
  auto& items = tmpfs.items();
  const auto shm = std::find_if(items.begin(), items.end(), [](const Node& t) { return t.find("containerPath")->text() == "/dev/shm"; });
  if (shm == items.end()) return;
  linux.set("sharedMemorySize", *shm->find("size"));
  items.erase(shm);
}

/// The container's "linuxParameters": capabilities (Fargate: SYS_PTRACE only), tmpfs, and the
/// members kept from ECS.
Node linux_parameters(const TaskContext& ctx, const Container& c, Node tmpfs) {
  Node linux = Node::object();
  if (!c.capabilities_add.empty() || !c.capabilities_drop.empty()) {
    Node caps = Node::object();
    std::vector<std::string> add = c.capabilities_add;
    if (ctx.fargate) {
      std::vector<std::string> kept;
      for (const auto& a : add) {
        if (a == "SYS_PTRACE" || a == "CAP_SYS_PTRACE") kept.push_back("SYS_PTRACE");
        else ctx.diags.warning("fargate-capability", ctx.where, "container \"" + c.name + "\": capability " + a + " cannot be added on Fargate (only SYS_PTRACE); left out");
      }
      add = kept;
    }
    if (!add.empty()) caps.set("add", Node::strings(add));
    if (!c.capabilities_drop.empty()) caps.set("drop", Node::strings(c.capabilities_drop));
    if (caps.size() > 0) linux.set("capabilities", std::move(caps));
  }
  shared_memory_from_tmpfs(tmpfs, linux);
  if (tmpfs.size() > 0) linux.set("tmpfs", std::move(tmpfs));
  if (ctx.o.restore_ecs_origin) restore_linux_parameters(ctx.kept.container(c.name), linux);
  return linux;
}

/// The container's "dependsOn": as written in ECS when it came from there, else converted.
std::optional<Node> depends_on(const TaskContext& ctx, const Container& c) {
  const model::Workload& w = ctx.w;
  if (ctx.o.restore_ecs_origin && from_ecs(ctx.kept.task)) return restored_depends_on(w, ctx.kept.container(c.name));
  if (c.depends_on.empty()) return std::nullopt;
  Node deps = Node::array();
  for (const auto& dep : c.depends_on) {
    auto target = std::find_if(w.containers.begin(), w.containers.end(), [&](const Container& x) { return x.name == dep.container; });
    Node dn = Node::object();
    dn.set("containerName", str(target != w.containers.end() ? container_name(*target) : ecs_name(dep.container)));
    dn.set("condition", str(condition_name(dep.condition)));
    deps.push(std::move(dn));
  }
  return deps;
}

/// The container's "stopTimeout" (ECS allows 2..120; 30 is the default).
void add_stop_timeout(const TaskContext& ctx, const Container& c, Node& d) {
  std::optional<int64_t> stop_timeout = c.stop_timeout_seconds;
  if (ctx.o.restore_ecs_origin) restore_stop_timeout(ctx.kept.container(c.name), stop_timeout);
  if (!stop_timeout || *stop_timeout == 30) return;
  int64_t t = *stop_timeout;
  if (t > 120) {
    ctx.diags.warning("clamped-value", ctx.where,
                      "terminationGracePeriodSeconds " + std::to_string(t) + " exceeds the ECS stopTimeout maximum of 120; 120 is used");
    t = 120;
  }
  if (t >= 2) d.set("stopTimeout", Node::integer(t));
}

/// The container's "extraHosts", which awsvpc mode does not support.
void add_extra_hosts(const TaskContext& ctx, const Container& c, Node& d) {
  if (!c.host_aliases.empty() && ctx.mode != "awsvpc") {
    Node hosts = Node::array();
    for (const auto& h : c.host_aliases) hosts.push(pair_node("hostname", h.hostname, "ipAddress", h.ip));
    d.set("extraHosts", std::move(hosts));
  } else if (!c.host_aliases.empty()) {
    ctx.diags.warning("unsupported-field", ctx.where, "container \"" + c.name + "\": hostAliases (extraHosts) are not supported in " +
                                                          ctx.mode + " network mode; left out");
  }
}

/// ECS -> Kubernetes -> ECS: a container whose resolvers differed from the pod's kept its own lists
/// (specconv.io/ecs-containers); they apply while every entry is still among the pod's.
std::vector<std::string> restored_dns(const carry::Fields* kept, const char* key, const std::vector<std::string>& pod) {
  const Node* n = kept == nullptr ? nullptr : carry::find(*kept, key);
  if (n == nullptr || !n->is_array()) return pod;
  std::vector<std::string> own;
  for (const Node& x : n->items()) {
    if (!x.is_string() || std::find(pod.begin(), pod.end(), x.text()) == pod.end()) return pod;
    own.push_back(x.text());
  }
  return own;
}

/// The container's "dnsServers" and "dnsSearchDomains" (the pod's dnsConfig), which awsvpc mode
/// does not support.
void add_dns(const TaskContext& ctx, const Container& c, Node& d) {
  if (c.dns_servers.empty() && c.dns_search.empty()) return;
  if (ctx.mode == "awsvpc") {
    ctx.diags.warning("unsupported-field", ctx.where, "container \"" + c.name + "\": dnsConfig (dnsServers, dnsSearchDomains) is not "
                                                          "supported in awsvpc network mode, where the VPC's resolver answers; left out");
    return;
  }
  const carry::Fields* kept = ctx.o.restore_ecs_origin ? &ctx.kept.container(c.name) : nullptr;
  if (auto servers = restored_dns(kept, "dnsServers", c.dns_servers); !servers.empty()) d.set("dnsServers", Node::strings(servers));
  if (auto search = restored_dns(kept, "dnsSearchDomains", c.dns_search); !search.empty()) {
    d.set("dnsSearchDomains", Node::strings(search));
  }
}

/// The container's "systemControls" and GPU "resourceRequirements" (not on Fargate).
void add_system_controls_and_gpus(const TaskContext& ctx, const Container& c, Node& d) {
  if (!c.sysctls.empty()) {
    Node sc = Node::array();
    for (const auto& [k, v] : c.sysctls) sc.push(pair_node("namespace", k, "value", v));
    d.set("systemControls", std::move(sc));
  }
  if (c.resources.gpus && *c.resources.gpus > 0) {
    if (ctx.fargate) {
      ctx.diags.error("gpu-fargate", ctx.where, "container \"" + c.name + "\" requests GPUs, which Fargate does not offer; convert with --launch-type EC2");
    } else {
      Node rr = Node::array();
      Node g = Node::object();
      g.set("type", str("GPU"));
      g.set("value", str(std::to_string(*c.resources.gpus)));
      rr.push(std::move(g));
      d.set("resourceRequirements", std::move(rr));
    }
  }
}

/// One ContainerDefinition, with the values kept from ECS merged in; counted into `needs`.
Node container_definition(const TaskContext& ctx, const Container& c, const TaskVolumes& volumes, TaskNeeds& needs) {
  const WriteOptions& o = ctx.o;
  Node d = Node::object();
  d.set("name", str(container_name(c)));
  d.set("image", str(c.image));
  add_container_size(ctx, c, d, needs);
  if (Node ports = port_mappings(ctx, c); ports.size() > 0) d.set("portMappings", std::move(ports));
  d.set("essential", Node::boolean(c.essential));
  if (c.entrypoint) d.set("entryPoint", Node::strings(*c.entrypoint));
  if (c.arguments) d.set("command", Node::strings(*c.arguments));
  if (!c.env.empty()) {
    Node env = Node::array();
    for (const auto& e : c.env) env.push(pair_node("name", e.name, "value", e.value));
    d.set("environment", std::move(env));
  }
  Node tmpfs = Node::array();
  if (Node mounts = mount_points(ctx, c, volumes, tmpfs); mounts.size() > 0) d.set("mountPoints", std::move(mounts));
  if (Node linux = linux_parameters(ctx, c, std::move(tmpfs)); linux.size() > 0) d.set("linuxParameters", std::move(linux));
  if (!c.secret_env.empty()) {
    Node secrets = Node::array();
    for (const auto& s : c.secret_env) secrets.push(pair_node("name", s.name, "valueFrom", s.reference));
    d.set("secrets", std::move(secrets));
    needs.any_secret = true;
  }
  if (auto deps = depends_on(ctx, c)) d.set("dependsOn", std::move(*deps));
  add_stop_timeout(ctx, c, d);
  if (!c.user_name.empty()) d.set("user", str(c.user_name));
  else if (c.run_as_user) d.set("user", str(std::to_string(*c.run_as_user) + (c.run_as_group ? ":" + std::to_string(*c.run_as_group) : "")));
  if (!c.working_dir.empty()) d.set("workingDirectory", str(c.working_dir));
  if (c.privileged.value_or(false)) {
    if (ctx.fargate) ctx.diags.error("privileged-fargate", ctx.where, "container \"" + c.name + "\" is privileged, which Fargate does not allow; convert with --launch-type EC2");
    else d.set("privileged", Node::boolean(true));
  }
  if (c.read_only_root) d.set("readonlyRootFilesystem", Node::boolean(*c.read_only_root));
  const Node* kept_options = carry::find(ctx.kept.container(c.name), "dockerSecurityOptions");
  if (auto opts = docker_security_options(c, kept_options, ctx.fargate, needs.security)) d.set("dockerSecurityOptions", std::move(*opts));
  const Node* user = d.find("user");
  check_non_root(c, user != nullptr && user->is_string() ? user->text() : "", needs.security);
  add_extra_hosts(ctx, c, d);
  add_dns(ctx, c, d);
  if (c.stdin_open) d.set("interactive", Node::boolean(true));
  if (c.tty) d.set("pseudoTerminal", Node::boolean(true));
  if (auto hc = health_check(c, ctx.where, ctx.diags)) d.set("healthCheck", o.restore_ecs_origin ? restored_health_check(ctx.kept.container(c.name), std::move(*hc)) : std::move(*hc));
  add_system_controls_and_gpus(ctx, c, d);
  std::set<std::string> skip;
  if (ctx.fargate) skip = {"links", "dockerSecurityOptions", "privileged", "extraHosts", "dnsServers", "dnsSearchDomains", "disableNetworking"};
  if (ctx.mode == "awsvpc") skip.insert({"links", "hostname", "extraHosts"});
  skip.insert({"stopTimeout", "healthCheck", "dnsServers", "dnsSearchDomains"});  // restore_stop_timeout, restored_health_check, add_dns
  merge_and_order(d, ctx.kept.container(c.name), skip, kContainerOrder);
  return d;
}

/// The task's cpu and memory: what the containers need (every container of the task, init
/// containers included, counts against it), as a Fargate size on Fargate, or as kept from ECS.
void add_task_size(const TaskContext& ctx, const TaskNeeds& needs, Node& td) {
  const model::Workload& w = ctx.w;
  const SourceLocation& where = ctx.where;
  const bool fargate = ctx.fargate;
  Diagnostics& diags = ctx.diags;
  const int64_t need_cpu = std::max(needs.sum_cpu, needs.sum_limit_cpu);
  const int64_t need_mem = std::max({needs.sum_reserved, needs.sum_limit_mem, needs.max_hard});
  const bool restored_size = ctx.o.restore_ecs_origin && restore_task_size(w, ctx.kept.task, fargate, need_cpu, need_mem, td);
  int64_t task_cpu = need_cpu;
  int64_t task_mem = need_mem;
  auto digits = [](const std::string& s) { return !s.empty() && std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; }); };
  // The size the input gives (the ECS -> Kubernetes annotation, or the pod-level resources) is the
  // least the task gets: kept when the containers fit in it, snapped to a Fargate size below.
  if (digits(w.task_cpu_text) && w.task_cpu_text.size() < 7) task_cpu = std::max<int64_t>(task_cpu, std::stoll(w.task_cpu_text));
  if (digits(w.task_memory_text) && w.task_memory_text.size() < 8) task_mem = std::max<int64_t>(task_mem, std::stoll(w.task_memory_text));
  if (restored_size) {
    // written by restore_task_size
  } else if (fargate) {
    if (!mapping::is_valid_fargate_size(task_cpu, task_mem)) {
      auto snapped = mapping::snap_to_fargate(task_cpu, task_mem);
      if (!snapped) {
        diags.error("no-fargate-size", where,
                    "the task needs " + std::to_string(need_cpu) + " CPU units and " + std::to_string(need_mem) +
                        " MiB, more than the largest Fargate size (16384 units, 122880 MiB); convert with --launch-type EC2");
      } else {
        if (need_cpu > 0 || need_mem > 0) {
          diags.note("fargate-size", where,
                     "the containers need " + std::to_string(need_cpu) + " CPU units and " + std::to_string(need_mem) +
                         " MiB; the smallest Fargate size that fits is " + std::to_string(snapped->cpu_units) + " / " +
                         std::to_string(snapped->memory_mib) + " MiB");
        } else {
          diags.warning("no-resources", where,
                        "no container requests cpu or memory: the task gets the smallest Fargate size (256 CPU units, 512 MiB)");
        }
        task_cpu = snapped->cpu_units;
        task_mem = snapped->memory_mib;
      }
    }
  } else if (task_cpu > mapping::kEc2MaxTaskCpuUnits) {
    diags.error("task-too-large", where,
                "the task needs " + std::to_string(need_cpu) + " CPU units, more than ECS gives one task on EC2 or external "
                "instances (196608 units, 192 vCPU); lower the containers' cpu requests or split the pod");
  } else if (task_mem == 0) {
    diags.warning("no-resources", where, "no container requests memory: task memory is set to 512 MiB");
    task_mem = 512;
    if (task_cpu == 0) task_cpu = 256;
  }
  if (task_cpu > 0 && !restored_size) td.set("cpu", str(std::to_string(task_cpu)));
  if (task_mem > 0 && !restored_size) td.set("memory", str(std::to_string(task_mem)));
}

/// The task's "tags": the workload's, except aws: ones and those ECS would refuse.
Node task_tags(const model::Workload& w) {
  Node tags = Node::array();
  for (const auto& [k, v] : w.tags) {
    if (k.rfind("aws:", 0) == 0 || k.size() > 128 || v.size() > 256) continue;
    if (tags.size() == 50) break;  // ECS: at most 50 tags per resource (labels travel in the carry too)
    tags.push(pair_node("key", k, "value", v));
  }
  return tags;
}

/// The task's pidMode, ipcMode and ephemeralStorage (Fargate only).
void add_host_modes_and_storage(const TaskContext& ctx, Node& td) {
  const model::Workload& w = ctx.w;
  if (w.host_pid) {
    if (ctx.fargate) ctx.diags.warning("unsupported-field", ctx.where, "hostPID is not available on Fargate; left out");
    else td.set("pidMode", str("host"));
  }
  if (w.host_ipc) {
    if (ctx.fargate) ctx.diags.warning("unsupported-field", ctx.where, "hostIPC is not available on Fargate; left out");
    else td.set("ipcMode", str("host"));
  }
  if (w.ephemeral_storage_gib && *w.ephemeral_storage_gib > 20) {
    if (ctx.fargate) {
      Node es = Node::object();
      es.set("sizeInGiB", Node::integer(std::min<int64_t>(*w.ephemeral_storage_gib, 200)));
      td.set("ephemeralStorage", std::move(es));
    } else {
      ctx.diags.note("ignored-field", ctx.where,
                     "ephemeral-storage of " + std::to_string(*w.ephemeral_storage_gib) + " GiB: on EC2 the task uses the "
                     "instance's disk (ephemeralStorage is a Fargate setting); size the instances' volumes accordingly");
    }
  }
}

/// The task's "runtimePlatform": as kept from ECS, else the node selector's OS and architecture.
void add_runtime_platform(const TaskContext& ctx, Node& td) {
  const model::Workload& w = ctx.w;
  if (auto rp = ctx.o.restore_ecs_origin ? restored_runtime_platform(w, ctx.kept.task) : std::nullopt) {
    td.set("runtimePlatform", std::move(*rp));
  } else if (!w.cpu_architecture.empty() || !w.os_family.empty()) {
    Node platform = Node::object();
    if (w.cpu_architecture == "X86_64" || w.cpu_architecture == "ARM64") platform.set("cpuArchitecture", str(w.cpu_architecture));
    if (!w.os_family.empty()) platform.set("operatingSystemFamily", str(w.os_family));
    if (platform.size() > 0) td.set("runtimePlatform", std::move(platform));
  }
}

/// --logs awslogs: each container logs to the workload's group, unless the input says how the
/// task ships logs (an ECS origin, with or without a logConfiguration; a FireLens router). True
/// when it added them.
bool add_default_logs(const TaskContext& ctx, Node& td) {
  if (!ctx.o.default_logs || from_ecs(ctx.kept.task)) return false;
  Node* defs = td.find("containerDefinitions");
  for (const Node& d : defs->items()) {
    if (d.find("logConfiguration") != nullptr || d.find("firelensConfiguration") != nullptr) return false;
  }
  const std::string group = log_group_name(ctx.w.namespace_name, td.find("family")->text());
  const std::string region = placeholder_or(ctx.o.region, "REGION");
  for (Node& d : defs->items()) {
    d.set("logConfiguration", awslogs_configuration(group, region, d.find("name")->text(), ctx.o.create_log_group));
    merge_and_order(d, {}, {}, kContainerOrder);
  }
  return true;
}

/// What a task without an execution role cannot do. `logs_only_here`: the json format, where
/// nothing else creates a role for its default awslogs configuration.
void report_execution_role(const TaskContext& ctx, const std::string& exec_role, bool secrets, bool logs_only_here) {
  if (!exec_role.empty()) return;
  const bool logs = logs_only_here && ctx.fargate;
  if (secrets || logs) {
    const std::string what = secrets && logs ? "reads secrets (SSM / Secrets Manager) and sends its logs to CloudWatch, "
                                               "which needs a task execution role allowed to do both"
                             : secrets ? "reads secrets (SSM / Secrets Manager), which needs a task execution role allowed "
                                         "to read them"
                                       : "sends its logs to CloudWatch (awslogs, the default), which on Fargate needs a task "
                                         "execution role allowed to write them (logs:CreateLogGroup, logs:CreateLogStream, "
                                         "logs:PutLogEvents)";
    ctx.diags.warning("execution-role-needed", ctx.where,
                      "the task " + what + ": pass --execution-role-arn or add executionRoleArn before registering" +
                          (logs ? std::string(" (or --logs none)") : ""));
  } else if (ctx.fargate) {
    ctx.diags.note("execution-role", ctx.where,
                   "no executionRoleArn: needed to pull private (ECR) images and to send logs; pass --execution-role-arn if so");
  }
}

}  // namespace

std::string ecs_name(std::string_view name) {
  std::string out;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    out += ok ? c : '-';
  }
  if (out.empty()) out = "unnamed";
  if (out.size() > 255) out.resize(255);
  return out;
}

Node task_definition_input(const model::Workload& w, const carry::EcsCarry& kept, const SourceLocation& where,
                           const WriteOptions& o, Diagnostics& diags) {
  const bool fargate = o.launch_type == LaunchType::kFargate;
  Node td = Node::object();
  td.set("family", str(family_name(w, kept.task, o)));
  if (!w.task_role.empty()) td.set("taskRoleArn", str(w.task_role));
  const std::string exec_role = !o.execution_role_arn.empty() ? o.execution_role_arn : w.execution_role;
  if (!exec_role.empty()) td.set("executionRoleArn", str(exec_role));
  const std::string mode = network_mode(w, kept.task, where, o, diags);
  td.set("networkMode", str(mode));
  const TaskContext ctx{w, kept, where, o, fargate, mode, diags};

  TaskVolumes volumes = task_volumes(ctx);
  Node defs = Node::array();
  TaskNeeds needs;
  for (const Container& c : w.containers) defs.push(container_definition(ctx, c, volumes, needs));
  needs.security.report(diags);
  td.set("containerDefinitions", std::move(defs));
  if (volumes.list.size() > 0) td.set("volumes", std::move(volumes.list));
  std::optional<Node> compatibilities = o.restore_ecs_origin ? restored_compatibilities(kept.task, fargate) : std::nullopt;
  if (!compatibilities) td.set("requiresCompatibilities", Node::strings({fargate ? "FARGATE" : "EC2"}));
  else if (compatibilities->size() > 0) td.set("requiresCompatibilities", std::move(*compatibilities));
  add_task_size(ctx, needs, td);
  if (!w.tags.empty()) {
    if (Node tags = task_tags(w); tags.size() > 0) td.set("tags", std::move(tags));
  }
  add_host_modes_and_storage(ctx, td);
  add_runtime_platform(ctx, td);
  std::set<std::string> skip = {"family", "networkMode", "requiresCompatibilities", "cpu", "memory", "volumes",
                                "runtimePlatform"};
  if (fargate) skip.insert({"placementConstraints", "pidMode", "ipcMode"});
  merge_and_order(td, kept.task, skip, kTaskOrder);
  const bool logs = add_default_logs(ctx, td);
  report_execution_role(ctx, exec_role, needs.any_secret, logs && o.create_log_group);
  if (logs && o.create_log_group && o.region.empty()) {
    diags.warning("region-needed", where,
                  "the containers' awslogs-region is the placeholder REGION: pass --region (the cfn, api and terraform "
                  "outputs take the stack's or provider's region)");
  }
  return td;
}

/// The service's loadBalancers: one per target group, whose ARN is a placeholder (reported).
Node load_balancers_input(const model::Workload& w, const SourceLocation& where, const WriteOptions& o, Diagnostics& diags) {
  const std::string region = placeholder_or(o.region, "REGION");
  const std::string account = placeholder_or(o.account_id, "ACCOUNT_ID");
  Node lbs = Node::array();
  std::set<std::string> seen;
  for (const auto& b : w.load_balancers) {
    if (!seen.insert(b.target_group_name).second) continue;
    Node lb = Node::object();
    lb.set("targetGroupArn", str("arn:aws:elasticloadbalancing:" + region + ":" + account + ":targetgroup/" +
                                 b.target_group_name + "/REPLACE_ME"));
    lb.set("containerName", str(ecs_name(b.container)));
    lb.set("containerPort", Node::integer(b.container_port));
    lbs.push(std::move(lb));
    std::string routes;
    for (const auto& r : b.routes) {
      std::string one = (r.hosts.empty() ? std::string("*") : r.hosts[0]) + (r.paths.empty() ? "" : r.paths[0]);
      routes += (routes.empty() ? "" : ", ") + one;
    }
    diags.warning("target-group-placeholder", where,
                  std::string(b.type == model::LoadBalancerType::kNetwork ? "Network" : "Application") +
                      " Load Balancer target group \"" + b.target_group_name + "\" (container " + b.container + " port " +
                      std::to_string(b.container_port) + (routes.empty() ? "" : ", routes " + routes) +
                      (b.health_check_path.empty() ? "" : ", health check " + b.health_check_path) +
                      ") must be created; its ARN in loadBalancers is a placeholder ending in /REPLACE_ME");
  }
  return lbs;
}

/// The service's deploymentConfiguration: the rollout as percentages, and what ECS -> Kubernetes kept.
Node deployment_configuration(const model::Workload& w, const carry::Fields& service, const SourceLocation& where,
                              const WriteOptions& o, Diagnostics& diags) {
  const bool daemon = w.kind == model::WorkloadKind::kDaemon;
  Node dc = Node::object();
  if (daemon) {
    mapping::K8sRollout kr;
    if (const auto* r = std::get_if<model::SurgeRollout>(&w.rollout)) {
      kr.max_unavailable = {r->max_unavailable, r->max_unavailable_percent};
    }
    // A daemon runs one task per instance; ECS only honours minimumHealthyPercent.
    dc.set("maximumPercent", Node::integer(100));
    dc.set("minimumHealthyPercent", Node::integer(kr.max_unavailable.percent ? std::max<int64_t>(0, 100 - kr.max_unavailable.value) : 0));
  } else {
    mapping::K8sRollout kr;
    if (const auto* r = std::get_if<model::SurgeRollout>(&w.rollout)) {
      kr.recreate = r->recreate;
      kr.max_surge = {r->max_surge, r->max_surge_percent};
      kr.max_unavailable = {r->max_unavailable, r->max_unavailable_percent};
    }
    mapping::ToEcs e = mapping::rollout_to_ecs(kr, w.replicas.value_or(1));
    if (o.restore_ecs_origin) restore_rollout(w, service, kr, e);
    if (!e.exact) diags.note("lossy-rollout", where, e.note);
    dc.set("maximumPercent", Node::integer(e.rollout.maximum_percent));
    dc.set("minimumHealthyPercent", Node::integer(e.rollout.minimum_healthy_percent));
  }
  // Recorded by the ECS -> Kubernetes direction (specconv.io/ecs-service): circuit breaker, alarms, ...
  for (const char* key : {"deploymentCircuitBreaker", "alarms", "strategy", "bakeTimeInMinutes", "lifecycleHooks"}) {
    if (const Node* n = carry::find(service, key)) dc.set(key, *n);
  }
  return dc;
}

Node create_service_input(const model::Workload& w, const carry::EcsCarry& kept, const SourceLocation& where,
                          const WriteOptions& o, Diagnostics& diags) {
  const bool fargate = o.launch_type == LaunchType::kFargate;
  const bool daemon = w.kind == model::WorkloadKind::kDaemon;
  Node s = Node::object();
  if (!o.cluster.empty() && o.cluster != "default") s.set("cluster", str(o.cluster));
  else if (const Node* cl = o.restore_ecs_origin ? carry::find(kept.service, "cluster") : nullptr; cl != nullptr && cl->is_string()) {
    s.set("cluster", *cl);
  }
  s.set("serviceName", str(ecs_name(w.service_name.empty() ? w.name : w.service_name)));
  s.set("taskDefinition", str(family_name(w, kept.task, o)));
  if (auto restored = o.restore_ecs_origin ? restored_load_balancers(w, kept.service) : std::nullopt) {
    s.set("loadBalancers", std::move(*restored));
  } else if (!w.load_balancers.empty()) {
    s.set("loadBalancers", load_balancers_input(w, where, o, diags));
  }
  if (!w.registries.empty()) {
    std::string names;
    for (const auto& r : w.registries) names += (names.empty() ? "" : ", ") + r.name;
    diags.note("service-discovery", where,
               "ClusterIP Service(s) " + names + ": no serviceRegistries in this output; --format cfn or api creates the "
               "Cloud Map service (<service>.<namespace>.svc.cluster.local keeps resolving) and registers the service");
  }
  if (!daemon) s.set("desiredCount", Node::integer(w.replicas.value_or(1)));
  // ECS -> Kubernetes -> ECS: the original launchType / capacityProviderStrategy are merged below.
  const bool restored_launch = o.restore_ecs_origin && (carry::find(kept.service, "launchType") != nullptr ||
                                                        carry::find(kept.service, "capacityProviderStrategy") != nullptr);
  if (!restored_launch) s.set("launchType", str(fargate ? "FARGATE" : "EC2"));

  s.set("deploymentConfiguration", deployment_configuration(w, kept.service, where, o, diags));

  bool awsvpc = fargate || w.network_mode != model::NetworkMode::kHost;
  if (o.restore_ecs_origin && !fargate && w.network_mode != model::NetworkMode::kHost) {
    if (auto mode = restored_network_mode(kept.task, fargate)) awsvpc = *mode == "awsvpc";
  }
  const Node* carried_network = carry::find(kept.service, "networkConfiguration");
  if (carried_network != nullptr && (!carried_network->is_object() || carried_network->find("awsvpcConfiguration") == nullptr)) {
    carried_network = nullptr;
  }
  if (awsvpc && carried_network != nullptr && o.subnets.empty() && o.security_groups.empty()) {
    // Restored from specconv.io/ecs-service: the original subnets and security groups.
    s.set("networkConfiguration", *carried_network);
  } else if (awsvpc) {
    // Also when the ECS service this came from had none: ECS rejects an awsvpc service without it.
    Node vpc = Node::object();
    vpc.set("subnets", Node::strings(o.subnets.empty() ? std::vector<std::string>{kSubnetPlaceholder} : o.subnets));
    vpc.set("securityGroups",
            Node::strings(o.security_groups.empty() ? std::vector<std::string>{kSecurityGroupPlaceholder} : o.security_groups));
    vpc.set("assignPublicIp", str("DISABLED"));
    Node nc = Node::object();
    nc.set("awsvpcConfiguration", std::move(vpc));
    s.set("networkConfiguration", std::move(nc));
    if (o.subnets.empty() || o.security_groups.empty()) {
      diags.warning("network-placeholder", where,
                    std::string("networkConfiguration uses the placeholders ") + kSubnetPlaceholder + " / " +
                        kSecurityGroupPlaceholder + ": pass --subnets and --security-groups, or replace them before creating the service");
    }
  }
  if (daemon) {
    if (fargate) {
      diags.error("daemon-on-fargate", where,
                  "a DaemonSet becomes an ECS DAEMON service, which Fargate does not support; convert with --launch-type EC2");
    }
    s.set("schedulingStrategy", str("DAEMON"));
  } else {
    s.set("schedulingStrategy", str("REPLICA"));
  }
  std::set<std::string> skip = {"serviceName", "taskDefinition", "desiredCount", "networkConfiguration", "cluster",
                                "loadBalancers"};
  if (!o.restore_ecs_origin) skip.insert("serviceRegistries");
  if (!restored_launch) skip.insert({"launchType", "capacityProviderStrategy"});
  if (fargate) skip.insert({"placementConstraints", "placementStrategy"});
  if (w.load_balancers.empty()) skip.insert({"healthCheckGracePeriodSeconds", "role"});
  merge_and_order(s, kept.service, skip, kServiceOrder);
  return s;
}

Node autoscaling_inputs(const model::Workload& w, const WriteOptions& o) {
  Node calls = Node::array();
  if (!w.autoscaling) return calls;
  const std::string resource = "service/" + (o.cluster.empty() ? std::string("default") : o.cluster) + "/" +
                               ecs_name(w.service_name.empty() ? w.name : w.service_name);
  Node target = Node::object();
  target.set("ServiceNamespace", str("ecs"));
  target.set("ResourceId", str(resource));
  target.set("ScalableDimension", str("ecs:service:DesiredCount"));
  target.set("MinCapacity", Node::integer(w.autoscaling->min_replicas));
  target.set("MaxCapacity", Node::integer(w.autoscaling->max_replicas));
  Node call = Node::object();
  call.set("api", str("application-autoscaling:RegisterScalableTarget"));
  call.set("input", std::move(target));
  calls.push(std::move(call));
  for (const auto& t : w.autoscaling->targets) {
    if (t.metric == model::ScalingTarget::Metric::kOther) continue;
    const bool cpu = t.metric == model::ScalingTarget::Metric::kCpuUtilization;
    Node policy = Node::object();
    policy.set("PolicyName", str(ecs_name(w.name) + (cpu ? "-cpu" : "-memory")));
    policy.set("ServiceNamespace", str("ecs"));
    policy.set("ResourceId", str(resource));
    policy.set("ScalableDimension", str("ecs:service:DesiredCount"));
    policy.set("PolicyType", str("TargetTrackingScaling"));
    Node cfg = Node::object();
    const std::string v = std::to_string(static_cast<int64_t>(t.target_value));
    cfg.set("TargetValue", Node::floating(t.target_value, v + ".0"));
    Node metric = Node::object();
    metric.set("PredefinedMetricType", str(cpu ? "ECSServiceAverageCPUUtilization" : "ECSServiceAverageMemoryUtilization"));
    cfg.set("PredefinedMetricSpecification", std::move(metric));
    policy.set("TargetTrackingScalingPolicyConfiguration", std::move(cfg));
    Node pc = Node::object();
    pc.set("api", str("application-autoscaling:PutScalingPolicy"));
    pc.set("input", std::move(policy));
    calls.push(std::move(pc));
  }
  return calls;
}

}  // namespace specconv::ecs
