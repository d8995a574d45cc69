// ECS reader: every ECS wire name read here appears once, as a literal; the legal keys of each
// object come from the mapping table (mapping/field_table.cc), so a misspelt key is reported
// with a suggestion. Values are checked for type and range before use.
#include "ecs/reader.h"

#include <algorithm>
#include <iterator>

#include "ecs/schedule.h"
#include "input/kind.h"
#include "io/cursor.h"
#include "mapping/field_table.h"
#include "mapping/security_context.h"

namespace specconv::ecs {
namespace {

using io::Cursor;
using io::Node;

/// A value kept for the way back, as compact JSON in the API's camelCase whatever the input's
/// key spelling (the carry annotations are read back as API JSON).
Node compact(const Cursor& c, const Node& n, std::string_view key) {
  if (c.context().keys == io::KeyStyle::kCamel) return n;
  return io::to_camel_keys(n, c.context().keys, key);
}

/// Keeps a platform-only value verbatim for the way back, and says so: a warning where losing
/// the behaviour matters at run time (logs, env files, registry credentials, limits), a note
/// otherwise. Empty lists and objects are neither kept nor reported.
void carry(Cursor& c, std::string_view scope, std::string_view key, carry::Fields& into) {
  const Node* n = c.take(key);
  if (n == nullptr || ((n->is_array() || n->is_object()) && n->size() == 0)) return;
  into.insert_or_assign(std::string(key), compact(c, *n, key));
  static constexpr std::string_view kBehaviourChanging[] = {
      "environmentFiles", "logConfiguration", "firelensConfiguration", "repositoryCredentials", "ulimits",
      "devices", "credentialSpecs", "proxyConfiguration", "dockerSecurityOptions", "restartPolicy", "links"};
  const bool warn = std::find(std::begin(kBehaviourChanging), std::end(kBehaviourChanging), key) != std::end(kBehaviourChanging);
  const mapping::FieldRow* row = mapping::ecs_field(scope, key);
  std::string annotation = "an annotation";
  if (row != nullptr && row->counterpart.rfind("annotation ", 0) == 0) annotation = std::string(row->counterpart.substr(11));
  std::string msg = "\"" + std::string(key) + "\" has no Kubernetes field" + (warn ? " and does not take effect" : "") +
                    "; kept in " + annotation + " for a conversion back";
  if (row != nullptr && !row->note.empty()) msg += ": " + std::string(row->note);
  if (warn) c.warning(key, "not-carried-over", msg);
  else c.context().diags->note("kept-in-annotation", c.where(key), msg);
}

/// dockerLabels holding only what `to-ecs` carries for the way back (specconv.io/k8s-*): kept
/// without a note (to-k8s restores them, they are not an ECS setting). False for other labels.
bool carry_specconv_labels(Cursor& c, carry::Fields& into) {
  const Node* n = c.peek("dockerLabels");
  if (n == nullptr || !n->is_object() || n->size() == 0) return false;
  for (const auto& m : n->members()) {
    if (m.first.rfind("specconv.io/k8s-", 0) != 0) return false;
  }
  into.insert_or_assign("dockerLabels", compact(c, *c.take("dockerLabels"), "dockerLabels"));
  return true;
}

/// Drops a value the table marks as `reported`, with its reason.
void report_dropped(Cursor& c, std::string_view scope, std::string_view key) {
  if (c.take(key) == nullptr) return;
  const mapping::FieldRow* row = mapping::ecs_field(scope, key);
  std::string msg = "\"" + std::string(key) + "\" has no Kubernetes equivalent and is dropped";
  if (row != nullptr && !row->note.empty()) msg += ": " + std::string(row->note);
  c.warning(key, "unsupported-field", msg);
}

void ignore_all(Cursor& c, std::string_view scope) {
  for (const auto& row : mapping::ecs_field_table()) {
    if (row.scope == scope && row.fidelity == mapping::Fidelity::kIgnored) c.ignore(row.key);
  }
}

model::Protocol read_protocol(Cursor& c) {
  auto p = c.string("protocol");
  if (!p) return model::Protocol::kTcp;
  if (*p == "tcp") return model::Protocol::kTcp;
  if (*p == "udp") return model::Protocol::kUdp;
  if (*p == "TCP" || *p == "UDP") {
    c.warning("protocol", "invalid-value",
              "protocol \"" + *p + "\" must be lower-case in ECS; read as " + (*p == "TCP" ? "tcp" : "udp"));
    return *p == "TCP" ? model::Protocol::kTcp : model::Protocol::kUdp;
  }
  c.error("protocol", "invalid-value", "protocol must be \"tcp\" or \"udp\", got \"" + *p + "\"");
  return model::Protocol::kTcp;
}

void read_ports(Cursor& c, model::Container& ctr) {
  for (Cursor pm : c.objects("portMappings")) {
    model::Port port;
    auto cp = pm.integer("containerPort", 0, 65535);
    auto hp = pm.integer("hostPort", 0, 65535);
    port.protocol = read_protocol(pm);
    if (auto name = pm.string("name")) port.name = *name;
    if (auto ap = pm.string("appProtocol")) {
      if (*ap == "http" || *ap == "http2" || *ap == "grpc") port.app_protocol = *ap;
      else pm.error("appProtocol", "invalid-value", "appProtocol must be http, http2 or grpc, got \"" + *ap + "\"");
    }
    report_dropped(pm, "portMapping", "containerPortRange");
    pm.finish(mapping::ecs_keys("portMapping"));
    if (!cp && hp) cp = hp;  // ECS uses hostPort when containerPort is missing
    if (!cp || *cp == 0) {
      if (!pm.has("containerPortRange")) {
        c.context().diags->error("missing-field", pm.where(), "port mapping without containerPort");
      }
      continue;
    }
    port.container_port = *cp;
    if (hp && *hp != 0) port.host_port = *hp;
    ctr.ports.push_back(std::move(port));
  }
}

void read_env(Cursor& c, model::Container& ctr) {
  for (Cursor e : c.objects("environment")) {
    auto name = e.string("name");
    auto value = e.string("value");
    e.finish(mapping::ecs_keys("keyValue"));
    if (!name) {
      c.context().diags->error("missing-field", e.where(), "environment entry without a name");
      continue;
    }
    // Docker splits "NAME=value" at the first '=', and Kubernetes (1.34) takes any printable
    // ASCII but '=': a name outside that cannot be carried over as it is.
    if (name->empty() || !std::all_of(name->begin(), name->end(), [](char ch) { return ch >= 0x20 && ch <= 0x7e && ch != '='; })) {
      e.error("name", "bad-env-name", "environment variable name \"" + *name +
                                          "\" is empty or holds '=' or a character that is not printable ASCII; Kubernetes refuses it");
      continue;
    }
    ctr.env.push_back({*name, value.value_or("")});
  }
}

void read_secrets(Cursor& c, model::Container& ctr) {
  for (Cursor s : c.objects("secrets")) {
    auto name = s.string("name");
    auto from = s.string("valueFrom");
    s.finish(mapping::ecs_keys("secret"));
    if (!name || !from) {
      c.context().diags->error("missing-field", s.where(), "secret needs both name and valueFrom");
      continue;
    }
    model::SecretEnv se;
    se.name = *name;
    se.reference = *from;
    se.store = from->find(":secretsmanager:") != std::string::npos ? model::SecretStore::kSecretsManager
                                                                    : model::SecretStore::kSsmParameter;
    ctr.secret_env.push_back(std::move(se));
  }
}

std::optional<model::Probe> read_health_check(Cursor& c) {
  auto hc = c.object("healthCheck");
  if (!hc) return std::nullopt;
  model::Probe p;
  auto cmd = hc->strings("command");
  p.interval_seconds = hc->integer("interval", 5, 300);
  p.timeout_seconds = hc->integer("timeout", 2, 120);
  p.failure_threshold = hc->integer("retries", 1, 10);
  p.start_period_seconds = hc->integer("startPeriod", 0, 300);
  hc->finish(mapping::ecs_keys("healthCheck"));
  if (!cmd || cmd->empty()) {
    hc->error("command", "missing-field", "healthCheck needs a command");
    return std::nullopt;
  }
  const std::string& head = (*cmd)[0];
  if (head == "CMD-SHELL") {
    p.kind = model::Probe::Kind::kShell;
    std::string joined;
    for (std::size_t i = 1; i < cmd->size(); ++i) {
      if (i > 1) joined += ' ';
      joined += (*cmd)[i];
    }
    p.command = {joined};
  } else if (head == "CMD") {
    p.kind = model::Probe::Kind::kExec;
    p.command.assign(cmd->begin() + 1, cmd->end());
  } else if (head == "NONE") {
    return std::nullopt;
  } else {
    // Docker treats a command without CMD/CMD-SHELL as CMD-SHELL... ECS requires the prefix.
    hc->warning("command", "invalid-value",
                "healthCheck.command should start with CMD or CMD-SHELL; read as CMD-SHELL");
    p.kind = model::Probe::Kind::kShell;
    std::string joined;
    for (std::size_t i = 0; i < cmd->size(); ++i) {
      if (i > 0) joined += ' ';
      joined += (*cmd)[i];
    }
    p.command = {joined};
  }
  if (p.kind == model::Probe::Kind::kExec && p.command.empty()) {
    hc->error("command", "missing-field", "healthCheck CMD without a program");
    return std::nullopt;
  }
  return p;
}

void read_linux_parameters(Cursor& c, model::Container& ctr, carry::Fields& kept) {
  auto lp = c.object("linuxParameters");
  if (!lp) return;
  if (auto caps = lp->object("capabilities")) {
    if (auto add = caps->strings("add")) ctr.capabilities_add = *add;
    if (auto drop = caps->strings("drop")) ctr.capabilities_drop = *drop;
    caps->finish(mapping::ecs_keys("capabilities"));
  }
  ctr.init_process = lp->boolean("initProcessEnabled");
  if (ctr.init_process) {
    kept.insert_or_assign("initProcessEnabled", Node::boolean(*ctr.init_process));
    if (*ctr.init_process) {
      lp->warning("initProcessEnabled", "not-carried-over",
                  "initProcessEnabled has no Kubernetes field and does not take effect; kept in specconv.io/ecs-containers: "
                  "add an init (e.g. tini) to the image, or set shareProcessNamespace so the pause container reaps zombies");
    }
  }
  ctr.shared_memory_mib = lp->integer("sharedMemorySize", 0, INT32_MAX);
  // As written, for the way back: Kubernetes gives both as memory-backed emptyDirs (no mount options).
  for (const char* key : {"sharedMemorySize", "tmpfs"}) {
    if (const Node* n = lp->peek(key); n != nullptr && !(n->is_array() && n->size() == 0)) kept.insert_or_assign(key, compact(*lp, *n, key));
  }
  for (Cursor t : lp->objects("tmpfs")) {
    model::Tmpfs fs;
    fs.path = t.string("containerPath").value_or("");
    fs.size_mib = t.integer("size", 0, INT32_MAX).value_or(0);
    if (auto opts = t.strings("mountOptions")) {
      fs.options = *opts;
      if (!opts->empty()) {
        t.warning("mountOptions", "unsupported-field",
                  "tmpfs mountOptions have no emptyDir equivalent and do not take effect; kept in specconv.io/ecs-containers");
      }
    }
    t.finish(mapping::ecs_keys("tmpfs"));
    if (fs.path.empty()) {
      c.context().diags->error("missing-field", t.where(), "tmpfs needs containerPath");
      continue;
    }
    ctr.tmpfs.push_back(std::move(fs));
  }
  carry(*lp, "linuxParameters", "devices", kept);
  carry(*lp, "linuxParameters", "maxSwap", kept);
  carry(*lp, "linuxParameters", "swappiness", kept);
  lp->finish(mapping::ecs_keys("linuxParameters"));
}

void read_user(Cursor& c, model::Container& ctr) {
  auto user = c.string("user");
  if (!user || user->empty()) return;
  auto is_digits = [](std::string_view s) {
    return !s.empty() && s.size() < 10 && s.find_first_not_of("0123456789") == std::string_view::npos;
  };
  const auto colon = user->find(':');
  const std::string uid = user->substr(0, colon);
  const std::string gid = colon == std::string::npos ? "" : user->substr(colon + 1);
  if (is_digits(uid) && (gid.empty() || is_digits(gid))) {
    ctr.run_as_user = std::stoll(uid);
    if (!gid.empty()) ctr.run_as_group = std::stoll(gid);
  } else {
    ctr.user_name = *user;
    c.warning("user", "user-name-not-numeric",
              "user \"" + *user + "\" is a name; Kubernetes runAsUser needs a numeric uid. Kept in an annotation; set securityContext.runAsUser by hand");
  }
}

/// no-new-privileges and seccomp:unconfined become securityContext fields; other options
/// (SELinux/AppArmor labels, credential specs) keep the whole list in the annotation (to-ecs
/// writes it back without the ones securityContext expresses).
void read_security_options(Cursor& c, model::Container& ctr, carry::Fields& kept) {
  const Node* n = c.peek("dockerSecurityOptions");
  if (n == nullptr || !n->is_array()) return carry(c, "container", "dockerSecurityOptions", kept);
  std::vector<std::string> options;
  for (const Node& o : n->items()) {
    if (o.is_string()) options.push_back(o.text());
  }
  const mapping::ReadBack rb = mapping::security_from_docker_options(options);
  ctr.allow_privilege_escalation = rb.settings.allow_privilege_escalation;
  if (rb.settings.seccomp) ctr.seccomp_type = rb.settings.seccomp->type;
  if (rb.others.empty() && options.size() == n->size()) {
    c.ignore("dockerSecurityOptions");
    return;
  }
  carry(c, "container", "dockerSecurityOptions", kept);
}

model::Container read_container(Cursor& c, carry::Fields& kept) {
  model::Container ctr;
  ctr.name = c.string("name").value_or("");
  ctr.image = c.string("image").value_or("");
  if (ctr.name.empty()) c.error("name", "missing-field", "container definition without a name");
  if (ctr.image.empty()) c.error("image", "missing-field", "container \"" + ctr.name + "\" has no image");
  if (auto cpu = c.integer("cpu", 0, 10 * 1024 * 1024); cpu && *cpu > 0) {
    ctr.resources.cpu_request = model::Cpu::from_ecs_units(*cpu);
  }
  if (auto mem = c.integer("memory", 1, INT32_MAX)) ctr.resources.memory_limit = model::Memory::from_mib(*mem);
  if (auto mem = c.integer("memoryReservation", 1, INT32_MAX)) {
    ctr.resources.memory_request = model::Memory::from_mib(*mem);
  }
  read_ports(c, ctr);
  ctr.essential = c.boolean("essential").value_or(true);
  ctr.entrypoint = c.strings("entryPoint");
  ctr.arguments = c.strings("command");
  read_env(c, ctr);
  read_secrets(c, ctr);
  for (Cursor m : c.objects("mountPoints")) {
    model::VolumeMount vm;
    vm.volume = m.string("sourceVolume").value_or("");
    vm.path = m.string("containerPath").value_or("");
    vm.read_only = m.boolean("readOnly").value_or(false);
    m.finish(mapping::ecs_keys("mountPoint"));
    if (vm.volume.empty() || vm.path.empty()) {
      c.context().diags->error("missing-field", m.where(), "mount point needs sourceVolume and containerPath");
      continue;
    }
    ctr.mounts.push_back(std::move(vm));
  }
  if (const Node* vf = c.take("volumesFrom"); vf != nullptr && vf->size() > 0) {
    kept.insert_or_assign("volumesFrom", compact(c, *vf, "volumesFrom"));
  }
  read_linux_parameters(c, ctr, kept);
  for (Cursor d : c.objects("dependsOn")) {
    model::Dependency dep;
    dep.container = d.string("containerName").value_or("");
    const std::string cond = d.string("condition").value_or("");
    d.finish(mapping::ecs_keys("dependsOn"));
    if (cond == "START") dep.condition = model::DependencyCondition::kStart;
    else if (cond == "COMPLETE") dep.condition = model::DependencyCondition::kComplete;
    else if (cond == "SUCCESS") dep.condition = model::DependencyCondition::kSuccess;
    else if (cond == "HEALTHY") dep.condition = model::DependencyCondition::kHealthy;
    else {
      c.context().diags->error("invalid-value", d.where(),
                               "dependsOn condition must be START, COMPLETE, SUCCESS or HEALTHY, got \"" + cond + "\"");
      continue;
    }
    ctr.depends_on.push_back(std::move(dep));
  }
  carry(c, "container", "startTimeout", kept);
  ctr.stop_timeout_seconds = c.integer("stopTimeout", 0, 120);
  ctr.hostname = c.string("hostname").value_or("");
  read_user(c, ctr);
  ctr.working_dir = c.string("workingDirectory").value_or("");
  carry(c, "container", "disableNetworking", kept);
  ctr.privileged = c.boolean("privileged");
  ctr.read_only_root = c.boolean("readonlyRootFilesystem");
  if (auto v = c.strings("dnsServers")) ctr.dns_servers = *v;
  if (auto v = c.strings("dnsSearchDomains")) ctr.dns_search = *v;
  for (Cursor h : c.objects("extraHosts")) {
    model::HostAlias a;
    a.hostname = h.string("hostname").value_or("");
    a.ip = h.string("ipAddress").value_or("");
    h.finish(mapping::ecs_keys("extraHost"));
    if (!a.hostname.empty() && !a.ip.empty()) ctr.host_aliases.push_back(std::move(a));
  }
  read_security_options(c, ctr, kept);
  ctr.stdin_open = c.boolean("interactive").value_or(false);
  ctr.tty = c.boolean("pseudoTerminal").value_or(false);
  if (!carry_specconv_labels(c, kept)) carry(c, "container", "dockerLabels", kept);
  carry(c, "container", "ulimits", kept);
  carry(c, "container", "logConfiguration", kept);
  // The exact health check, for the way back: Kubernetes probes express startPeriod only in
  // whole periods (a startup probe), so timings would not always come back as written.
  if (const Node* hc = c.peek("healthCheck"); hc != nullptr && hc->is_object()) kept.insert_or_assign("healthCheck", compact(c, *hc, "healthCheck"));
  ctr.liveness = read_health_check(c);
  for (Cursor s : c.objects("systemControls")) {
    auto ns = s.string("namespace");
    auto v = s.string("value");
    s.finish(mapping::ecs_keys("systemControl"));
    if (ns && v) ctr.sysctls.emplace_back(*ns, *v);
  }
  for (Cursor r : c.objects("resourceRequirements")) {
    auto type = r.string("type");
    auto value = r.string("value");
    r.finish(mapping::ecs_keys("resourceRequirement"));
    if (type && *type == "GPU" && value) {
      try {
        ctr.resources.gpus = std::stoll(*value);
      } catch (...) {
        c.context().diags->error("invalid-value", r.where(), "GPU count must be a whole number, got \"" + *value + "\"");
      }
    } else if (type) {
      c.context().diags->warning("unsupported-field", r.where(),
                                 "resource requirement " + *type + " has no Kubernetes equivalent and is dropped");
    }
  }
  carry(c, "container", "firelensConfiguration", kept);
  carry(c, "container", "credentialSpecs", kept);
  carry(c, "container", "repositoryCredentials", kept);
  carry(c, "container", "restartPolicy", kept);
  carry(c, "container", "versionConsistency", kept);
  carry(c, "container", "environmentFiles", kept);
  carry(c, "container", "links", kept);
  c.finish(mapping::ecs_keys("container"));
  return ctr;
}

/// Volumes with an EFS / Docker / FSx configuration become claims or emptyDirs in Kubernetes;
/// their exact configuration is kept (specconv.io/ecs-task "volumes") for the way back.
void keep_volume_configurations(const Cursor& td, carry::Fields& kept_task) {
  const Node* volumes = td.peek("volumes");
  if (volumes == nullptr || !volumes->is_array()) return;
  Node kept = Node::array();
  for (const Node& v : volumes->items()) {
    if (!v.is_object()) continue;
    for (const char* key : {"efsVolumeConfiguration", "dockerVolumeConfiguration", "fsxWindowsFileServerVolumeConfiguration",
                            "configuredAtLaunch"}) {
      const bool has = td.context().keys == io::KeyStyle::kCamel
                           ? v.find(key) != nullptr
                           : std::any_of(v.members().begin(), v.members().end(), [&](const auto& m) { return io::same_key(m.first, key); });
      if (has) {
        kept.push(v);
        break;
      }
    }
  }
  if (kept.size() > 0) kept_task.insert_or_assign("volumes", compact(td, kept, "volumes"));
}

model::Volume read_volume(Cursor& v) {
  model::Volume vol;
  vol.name = v.string("name").value_or("");
  if (vol.name.empty()) v.error("name", "missing-field", "volume without a name");
  if (auto host = v.object("host")) {
    if (auto sp = host->string("sourcePath"); sp && !sp->empty()) {
      vol.kind = model::Volume::Kind::kHostPath;
      vol.host_path = *sp;
    }
    host->finish(mapping::ecs_keys("hostVolume"));
  }
  if (auto d = v.object("dockerVolumeConfiguration")) {
    vol.kind = model::Volume::Kind::kDocker;
    vol.docker_scope = d->string("scope").value_or("task");
    vol.docker_autoprovision = d->boolean("autoprovision");
    vol.docker_driver = d->string("driver").value_or("");
    if (auto m = d->string_map("driverOpts")) vol.docker_driver_opts = {m->begin(), m->end()};
    if (auto m = d->string_map("labels")) vol.docker_labels = {m->begin(), m->end()};
    d->finish(mapping::ecs_keys("dockerVolume"));
  }
  if (auto e = v.object("efsVolumeConfiguration")) {
    vol.kind = model::Volume::Kind::kEfs;
    vol.file_system_id = e->string("fileSystemId").value_or("");
    if (vol.file_system_id.empty()) e->error("fileSystemId", "missing-field", "EFS volume needs fileSystemId");
    vol.root_directory = e->string("rootDirectory").value_or("");
    vol.transit_encryption = e->string("transitEncryption").value_or("DISABLED") == "ENABLED";
    vol.transit_encryption_port = e->integer("transitEncryptionPort", 0, 65535);
    if (auto a = e->object("authorizationConfig")) {
      vol.access_point_id = a->string("accessPointId").value_or("");
      vol.iam_authorization = a->string("iam").value_or("DISABLED") == "ENABLED";
      a->finish(mapping::ecs_keys("efsAuth"));
    }
    e->finish(mapping::ecs_keys("efs"));
  }
  if (v.take("fsxWindowsFileServerVolumeConfiguration") != nullptr) {
    vol.kind = model::Volume::Kind::kUnsupported;
    vol.original_kind = "fsxWindowsFileServerVolumeConfiguration";
  }
  if (auto cal = v.boolean("configuredAtLaunch"); cal && *cal) {
    vol.kind = model::Volume::Kind::kUnsupported;
    vol.original_kind = "configuredAtLaunch";
  }
  v.finish(mapping::ecs_keys("volume"));
  return vol;
}

model::NetworkMode read_network_mode(Cursor& c) {
  auto m = c.string("networkMode");
  if (!m) return model::NetworkMode::kUnset;
  if (*m == "awsvpc") return model::NetworkMode::kAwsvpc;
  if (*m == "bridge") return model::NetworkMode::kBridge;
  if (*m == "host") return model::NetworkMode::kHost;
  if (*m == "none") return model::NetworkMode::kNone;
  if (*m == "default") {
    c.warning("networkMode", "legacy-value", "networkMode \"default\" is the Docker default (bridge on Linux); read as bridge");
    return model::NetworkMode::kDefault;
  }
  c.error("networkMode", "invalid-value", "networkMode must be awsvpc, bridge, host or none, got \"" + *m + "\"");
  return model::NetworkMode::kUnset;
}


void read_task_definition(Cursor& c, Bundle& bundle, const std::vector<std::pair<std::string, std::string>>& outer_tags) {
  TaskDefinitionInput td;
  td.where = c.where();
  model::Workload& w = td.workload;
  w.source_file = c.context().file;
  w.source_pointer = c.pointer();
  td.family = c.string("family").value_or("");
  if (td.family.empty()) c.error("family", "missing-field", "task definition without a family");
  w.name = td.family;
  if (auto rev = c.integer("revision", 1, INT32_MAX)) td.revision = *rev;
  if (auto arn = c.string("taskDefinitionArn")) td.arn = *arn;
  ignore_all(c, "task");
  const Node* defs = c.array("containerDefinitions");
  if (defs == nullptr || defs->items().empty()) {
    c.error("containerDefinitions", "missing-field", "task definition has no containerDefinitions");
  } else {
    for (std::size_t i = 0; i < defs->items().size(); ++i) {
      const Node& item = defs->items()[i];
      const std::string ptr = c.child_pointer("containerDefinitions") + "/" + std::to_string(i);
      if (!item.is_object()) {
        c.context().diags->error("type-mismatch", {c.context().file, ptr, item.line(), item.column(), -1},
                                 "container definition must be an object");
        continue;
      }
      Cursor cd(item, c.context(), ptr);
      carry::Fields kept;
      model::Container ctr = read_container(cd, kept);
      if (!kept.empty()) td.carry.containers.insert_or_assign(ctr.name, std::move(kept));
      w.containers.push_back(std::move(ctr));
    }
  }
  w.task_role = c.string("taskRoleArn").value_or("");
  w.execution_role = c.string("executionRoleArn").value_or("");
  w.network_mode = read_network_mode(c);
  keep_volume_configurations(c, td.carry.task);
  for (Cursor v : c.objects("volumes")) w.volumes.push_back(read_volume(v));
  if (const Node* pc = c.take("placementConstraints"); pc != nullptr && pc->size() > 0) {
    td.carry.task.insert_or_assign("placementConstraints", compact(c, *pc, "placementConstraints"));
  }
  if (auto rc = c.strings("requiresCompatibilities")) {
    for (const std::string& s : *rc) {
      if (s == "FARGATE") w.compatibilities.push_back(model::LaunchType::kFargate);
      else if (s == "EC2") w.compatibilities.push_back(model::LaunchType::kEc2);
      else if (s == "EXTERNAL") w.compatibilities.push_back(model::LaunchType::kExternal);
      else c.warning("requiresCompatibilities", "invalid-value", "unknown compatibility \"" + s + "\"");
    }
  }
  for (std::string_view key : {"cpu", "memory"}) {
    const Node* n = c.take(key);
    if (n == nullptr) continue;
    std::string text;
    if (n->is_string()) text = n->text();
    else if (n->is_int()) text = c.as_string(*n, c.child_pointer(key)).value_or("");  // a type-coerced warning, as validate reports it
    else {
      c.error(key, "type-mismatch", std::string("task ") + std::string(key) + " must be a string such as \"1024\"");
      continue;
    }
    auto v = parse_task_size(text, key == "cpu");
    if (!v) {
      c.error(key, "invalid-value", "cannot read task " + std::string(key) + " \"" + text + "\"");
      continue;
    }
    if (key == "cpu") {
      w.task_cpu = model::Cpu::from_ecs_units(*v);
      w.task_cpu_text = text;
    } else {
      w.task_memory = model::Memory::from_mib(*v);
      w.task_memory_text = text;
    }
  }
  std::vector<std::pair<std::string, std::string>> tags = outer_tags;
  for (Cursor t : c.objects("tags")) {
    auto k = t.string("key");
    auto v = t.string("value");
    t.finish({"key", "value"});
    if (k) tags.emplace_back(*k, v.value_or(""));
  }
  w.tags = tags;
  if (auto pid = c.string("pidMode")) {
    if (*pid == "host") w.host_pid = true;
    else if (*pid == "task") td.carry.task.insert_or_assign("pidMode", Node::string("task"));
    else c.error("pidMode", "invalid-value", "pidMode must be host or task");
  }
  if (auto ipc = c.string("ipcMode")) {
    if (*ipc == "host") w.host_ipc = true;
    else if (*ipc == "task" || *ipc == "none") {
      td.carry.task.insert_or_assign("ipcMode", Node::string(*ipc));
      c.context().diags->note("kept-in-annotation", c.where("ipcMode"),
                              "ipcMode " + *ipc + " has no pod field (containers of a pod share IPC); kept in specconv.io/ecs-task");
    }
    else c.error("ipcMode", "invalid-value", "ipcMode must be host, task or none");
  }
  carry(c, "task", "proxyConfiguration", td.carry.task);
  carry(c, "task", "enableFaultInjection", td.carry.task);
  carry(c, "task", "inferenceAccelerators", td.carry.task);
  if (auto es = c.object("ephemeralStorage")) {
    w.ephemeral_storage_gib = es->integer("sizeInGiB", 21, 200);
    es->finish({"sizeInGiB"});
  }
  if (const Node* rp = c.peek("runtimePlatform"); rp != nullptr && rp->is_object() && rp->size() > 0) {
    td.carry.task.insert_or_assign("runtimePlatform", compact(c, *rp, "runtimePlatform"));  // Windows versions have no node label of their own
  }
  if (auto rp = c.object("runtimePlatform")) {
    w.os_family = rp->string("operatingSystemFamily").value_or("");
    w.cpu_architecture = rp->string("cpuArchitecture").value_or("");
    rp->finish({"operatingSystemFamily", "cpuArchitecture"});
  }
  if (w.execution_role.empty() == false) td.carry.task.insert_or_assign("executionRoleArn", Node::string(w.execution_role));
  c.finish(mapping::ecs_keys("task"));
  bundle.task_definitions.push_back(std::move(td));
}

/// deploymentConfiguration members without a Kubernetes form, kept for the way back.
constexpr std::string_view kCarriedDeploymentKeys[] = {"deploymentCircuitBreaker", "alarms", "strategy",
                                                       "bakeTimeInMinutes", "lifecycleHooks"};

void read_service(Cursor& c, Bundle& bundle) {
  ServiceInput in;
  in.where = c.where("taskDefinition");
  model::Workload& s = in.service;
  s.has_service = true;
  s.service_file = c.context().file;
  s.service_pointer = c.pointer();
  s.service_name = c.string("serviceName").value_or("");
  if (s.service_name.empty()) c.error("serviceName", "missing-field", "service without a serviceName");
  in.task_definition = c.string("taskDefinition").value_or("");
  ignore_all(c, "service");
  if (auto cl = c.string("cluster")) {
    in.cluster = *cl;
    in.carry.insert_or_assign("cluster", Node::string(*cl));  // for the way back (to-ecs without --cluster)
  }
  // The exact load balancer and registry bindings (target group ARNs), for the way back.
  for (const char* key : {"loadBalancers", "serviceRegistries"}) {
    if (const Node* n = c.peek(key); n != nullptr && n->is_array() && n->size() > 0) in.carry.insert_or_assign(key, compact(c, *n, key));
  }
  s.replicas = c.integer("desiredCount", 0, INT32_MAX);
  if (auto dc = c.object("deploymentConfiguration")) {
    model::PercentRollout r;
    auto maxp = dc->integer("maximumPercent", 0, 2000);
    auto minp = dc->integer("minimumHealthyPercent", 0, 100);
    if (maxp) r.maximum_percent = *maxp;
    if (minp) r.minimum_healthy_percent = *minp;
    if (maxp || minp) s.rollout = r;
    // The percentages as written, for the way back (several give the same Kubernetes strategy).
    if (maxp) in.carry.insert_or_assign("maximumPercent", Node::integer(*maxp));
    if (minp) in.carry.insert_or_assign("minimumHealthyPercent", Node::integer(*minp));
    for (std::string_view key : kCarriedDeploymentKeys) carry(*dc, "deploymentConfiguration", key, in.carry);
    dc->finish(mapping::ecs_keys("deploymentConfiguration"));
  }
  for (Cursor lb : c.objects("loadBalancers")) {
    model::LoadBalancerBinding b;
    b.target_group_arn = lb.string("targetGroupArn").value_or("");
    b.load_balancer_name = lb.string("loadBalancerName").value_or("");
    b.container = lb.string("containerName").value_or("");
    b.container_port = lb.integer("containerPort", 0, 65535).value_or(0);
    lb.finish(mapping::ecs_keys("loadBalancer"));
    if (!b.load_balancer_name.empty()) b.type = model::LoadBalancerType::kClassic;
    s.load_balancers.push_back(std::move(b));
  }
  for (Cursor r : c.objects("serviceRegistries")) {
    model::DiscoveryRegistration reg;
    reg.registry_arn = r.string("registryArn").value_or("");
    reg.port = r.integer("port", 0, 65535);
    reg.container = r.string("containerName").value_or("");
    reg.container_port = r.integer("containerPort", 0, 65535);
    r.finish(mapping::ecs_keys("serviceRegistry"));
    s.registries.push_back(std::move(reg));
  }
  // Marks the service as given (specconv.io/ecs-service), so that the way back adds nothing it lacked.
  const Node* strategy = c.peek("schedulingStrategy");
  in.carry.insert_or_assign("schedulingStrategy", Node::string(strategy != nullptr && strategy->is_string() ? strategy->text() : "REPLICA"));
  if (auto ss = c.string("schedulingStrategy")) {
    if (*ss == "DAEMON") s.kind = model::WorkloadKind::kDaemon;
    else if (*ss != "REPLICA") c.error("schedulingStrategy", "invalid-value", "schedulingStrategy must be REPLICA or DAEMON");
  }
  if (auto lt = c.string("launchType")) {
    if (*lt == "FARGATE") s.launch_type = model::LaunchType::kFargate;
    else if (*lt == "EC2") s.launch_type = model::LaunchType::kEc2;
    else if (*lt == "EXTERNAL") s.launch_type = model::LaunchType::kExternal;
    in.carry.insert_or_assign("launchType", Node::string(*lt));
    c.context().diags->note("kept-in-annotation", c.where("launchType"),
                            "launchType " + *lt + " has no Kubernetes field (on EKS, Fargate profiles select pods); kept in specconv.io/ecs-service");
  }
  carry(c, "service", "capacityProviderStrategy", in.carry);
  s.health_check_grace_seconds = c.integer("healthCheckGracePeriodSeconds", 0, INT32_MAX);
  if (s.health_check_grace_seconds) {
    in.carry.insert_or_assign("healthCheckGracePeriodSeconds", Node::integer(*s.health_check_grace_seconds));
    c.context().diags->note("kept-in-annotation", c.where("healthCheckGracePeriodSeconds"),
                            "healthCheckGracePeriodSeconds is kept in specconv.io/ecs-service; the readiness/startup probes decide when pods take traffic");
  }
  if (c.peek("networkConfiguration") == nullptr && s.launch_type == model::LaunchType::kFargate) {
    c.context().diags->warning("missing-network-configuration", c.where("networkConfiguration"),
                               "a FARGATE service needs networkConfiguration (awsvpc subnets and security groups), which "
                               "ECS rejects the service without; a conversion back to ECS writes placeholders to replace");
  }
  carry(c, "service", "networkConfiguration", in.carry);
  carry(c, "service", "placementConstraints", in.carry);
  carry(c, "service", "placementStrategy", in.carry);
  carry(c, "service", "serviceConnectConfiguration", in.carry);
  for (Cursor t : c.objects("tags")) {
    auto k = t.string("key");
    auto v = t.string("value");
    t.finish({"key", "value"});
    if (k) s.tags.emplace_back(*k, v.value_or(""));
  }
  // Service tags become labels with the task's; kept to tell them apart on the way back.
  if (const Node* t = c.peek("tags"); t != nullptr && t->is_array() && t->size() > 0) in.carry.insert_or_assign("tags", compact(c, *t, "tags"));
  // deploymentController {"type": "ECS"} is the default rolling update: nothing to report.
  const Node* controller = c.peek("deploymentController");
  const bool default_controller = controller != nullptr && controller->is_object() && controller->find("type") != nullptr &&
                                  controller->find("type")->is_string() && controller->find("type")->text() == "ECS";
  if (default_controller) c.ignore("deploymentController");
  // ECS-only service settings: no Kubernetes behaviour, kept in specconv.io/ecs-service for the way back.
  for (std::string_view key : {"platformVersion", "role", "deploymentController", "enableECSManagedTags",
                               "propagateTags", "enableExecuteCommand", "volumeConfigurations",
                               "vpcLatticeConfigurations", "availabilityZoneRebalancing"}) {
    if (key == "deploymentController" && default_controller) continue;
    carry(c, "service", key, in.carry);
  }
  c.finish(mapping::ecs_keys("service"));
  bundle.services.push_back(std::move(in));
}

// ---- AWS wiring (ELBv2 and Application Auto Scaling describe-* outputs) -----------------
// These outputs carry many read-only members; unknown ones are ignored (not errors).

void read_target_groups(Cursor& c, Bundle& b) {
  for (Cursor t : c.objects("TargetGroups")) {
    TargetGroupInfo tg;
    tg.arn = t.string("TargetGroupArn").value_or("");
    tg.name = t.string("TargetGroupName").value_or("");
    tg.protocol = t.string("Protocol").value_or("");
    tg.port = t.integer("Port", 0, 65535);
    tg.target_type = t.string("TargetType").value_or("");
    tg.health_check_path = t.string("HealthCheckPath").value_or("");
    tg.health_check_protocol = t.string("HealthCheckProtocol").value_or("");
    tg.healthy_threshold = t.integer("HealthyThresholdCount");
    tg.unhealthy_threshold = t.integer("UnhealthyThresholdCount");
    tg.interval_seconds = t.integer("HealthCheckIntervalSeconds");
    tg.timeout_seconds = t.integer("HealthCheckTimeoutSeconds");
    if (auto lbs = t.strings("LoadBalancerArns")) tg.load_balancer_arns = *lbs;
    b.target_groups.push_back(std::move(tg));
  }
}

/// The target groups the forward actions under `key` send to, with their weights when the
/// action splits traffic (ForwardConfig.TargetGroups[].Weight).
std::vector<model::WeightedTarget> forward_targets(Cursor& action_owner, std::string_view key) {
  std::vector<model::WeightedTarget> out;
  for (Cursor a : action_owner.objects(key)) {
    if (auto arn = a.string("TargetGroupArn")) out.push_back({*arn, std::nullopt, "", 0});
    if (auto fc = a.object("ForwardConfig")) {
      for (Cursor tg : fc->objects("TargetGroups")) {
        auto arn = tg.string("TargetGroupArn");
        if (!arn) continue;
        const auto weight = tg.integer("Weight", 0, 999);
        auto listed = std::find_if(out.begin(), out.end(), [&](const auto& t) { return t.target_group_arn == *arn; });
        if (listed == out.end()) out.push_back({*arn, weight, "", 0});
        else if (weight) listed->weight = weight;
      }
    }
  }
  return out;
}

std::vector<std::string> target_group_arns(const std::vector<model::WeightedTarget>& targets) {
  std::vector<std::string> out;
  for (const auto& t : targets) out.push_back(t.target_group_arn);
  return out;
}

void read_listeners(Cursor& c, Bundle& b) {
  for (Cursor l : c.objects("Listeners")) {
    ListenerInfo li;
    li.arn = l.string("ListenerArn").value_or("");
    li.load_balancer_arn = l.string("LoadBalancerArn").value_or("");
    li.listener.protocol = l.string("Protocol").value_or("");
    li.listener.port = l.integer("Port", 0, 65535).value_or(0);
    for (Cursor cert : l.objects("Certificates")) {
      if (auto arn = cert.string("CertificateArn")) li.listener.certificate_arns.push_back(*arn);
    }
    for (Cursor a : l.objects("DefaultActions")) {
      if (a.string("Type").value_or("") == "redirect") {
        if (auto rc = a.object("RedirectConfig"); rc && rc->string("Protocol").value_or("") == "HTTPS") {
          li.listener.redirects_to_https = true;
          li.listener.redirect_status_code = rc->string("StatusCode").value_or("");
          li.listener.redirect_port = rc->string("Port").value_or("");
        }
      }
    }
    li.default_target_groups = target_group_arns(forward_targets(l, "DefaultActions"));
    b.listeners.push_back(std::move(li));
  }
}

/// http-header: HttpHeaderConfig {HttpHeaderName, Values}.
void read_header_condition(Cursor& cond, model::HttpRoute& route) {
  auto hc = cond.object("HttpHeaderConfig");
  if (!hc) return;
  model::HeaderCondition h;
  h.name = hc->string("HttpHeaderName").value_or("");
  h.values = hc->strings("Values").value_or(std::vector<std::string>{});
  if (!h.name.empty() && !h.values.empty()) route.headers.push_back(std::move(h));
}

/// http-request-method: HttpRequestMethodConfig {Values} (or the condition's own Values).
void read_method_condition(Cursor& cond, std::vector<std::string> values, model::HttpRoute& route) {
  if (auto mc = cond.object("HttpRequestMethodConfig")) {
    if (auto v = mc->strings("Values")) values.insert(values.end(), v->begin(), v->end());
  }
  route.methods.insert(route.methods.end(), values.begin(), values.end());
}

/// query-string: QueryStringConfig {Values: [{Key, Value}]}.
void read_query_condition(Cursor& cond, model::HttpRoute& route) {
  auto qc = cond.object("QueryStringConfig");
  if (!qc) return;
  model::QueryCondition q;
  for (Cursor kv : qc->objects("Values")) q.pairs.emplace_back(kv.string("Key").value_or(""), kv.string("Value").value_or(""));
  if (!q.pairs.empty()) route.queries.push_back(std::move(q));
}

/// source-ip: SourceIpConfig {Values} (CIDRs).
void read_source_ip_condition(Cursor& cond, std::vector<std::string> values, model::HttpRoute& route) {
  if (auto sc = cond.object("SourceIpConfig")) {
    if (auto v = sc->strings("Values")) values.insert(values.end(), v->begin(), v->end());
  }
  if (!values.empty()) route.source_ips.push_back(std::move(values));
}

void read_rules(Cursor& c, Bundle& b) {
  for (Cursor r : c.objects("Rules")) {
    RuleInfo ri;
    ri.arn = r.string("RuleArn").value_or("");
    // arn:...:listener-rule/app/NAME/LBID/LISTENERID/RULEID -> arn:...:listener/app/NAME/LBID/LISTENERID
    if (auto pos = ri.arn.find(":listener-rule/"); pos != std::string::npos) {
      std::string l = ri.arn.substr(0, pos) + ":listener/" + ri.arn.substr(pos + 15);
      if (auto slash = l.rfind('/'); slash != std::string::npos) l.resize(slash);
      ri.listener_arn = l;
    }
    ri.is_default = r.boolean("IsDefault").value_or(false);
    if (auto prio = r.string("Priority"); prio && *prio != "default") {
      try {
        ri.route.priority = std::stoll(*prio);
      } catch (...) {
      }
    }
    for (Cursor cond : r.objects("Conditions")) {
      const std::string field = cond.string("Field").value_or("");
      std::vector<std::string> values = cond.strings("Values").value_or(std::vector<std::string>{});
      if (auto hc = cond.object("HostHeaderConfig")) {
        if (auto v = hc->strings("Values")) values.insert(values.end(), v->begin(), v->end());
      }
      if (auto pc = cond.object("PathPatternConfig")) {
        if (auto v = pc->strings("Values")) values.insert(values.end(), v->begin(), v->end());
      }
      if (field == "host-header") ri.route.hosts.insert(ri.route.hosts.end(), values.begin(), values.end());
      else if (field == "path-pattern") ri.route.paths.insert(ri.route.paths.end(), values.begin(), values.end());
      else if (field == "http-header") read_header_condition(cond, ri.route);
      else if (field == "http-request-method") read_method_condition(cond, values, ri.route);
      else if (field == "query-string") read_query_condition(cond, ri.route);
      else if (field == "source-ip") read_source_ip_condition(cond, values, ri.route);
      else if (!field.empty()) {
        cond.warning("Field", "unsupported-field", "listener rule condition \"" + field + "\" has no Kubernetes equivalent and is dropped");
      }
    }
    const std::vector<model::WeightedTarget> forward = forward_targets(r, "Actions");
    ri.target_groups = target_group_arns(forward);
    if (forward.size() > 1) ri.route.split = forward;
    b.rules.push_back(std::move(ri));
  }
}

void read_load_balancers(Cursor& c, Bundle& b) {
  for (Cursor l : c.objects("LoadBalancers")) {
    LoadBalancerInfo lb;
    lb.arn = l.string("LoadBalancerArn").value_or("");
    lb.name = l.string("LoadBalancerName").value_or("");
    const std::string type = l.string("Type").value_or("");
    if (type == "application") lb.type = model::LoadBalancerType::kApplication;
    else if (type == "network") lb.type = model::LoadBalancerType::kNetwork;
    lb.scheme = l.string("Scheme").value_or("");
    b.load_balancers.push_back(std::move(lb));
  }
}

void read_scaling(Cursor& c, Bundle& b) {
  for (Cursor t : c.objects("ScalableTargets")) {
    ScalableTargetInfo st;
    st.resource_id = t.string("ResourceId").value_or("");
    st.min_capacity = t.integer("MinCapacity", 0, INT32_MAX).value_or(1);
    st.max_capacity = t.integer("MaxCapacity", 0, INT32_MAX).value_or(st.min_capacity);
    if (t.string("ServiceNamespace").value_or("ecs") == "ecs") b.scalable_targets.push_back(std::move(st));
  }
  for (Cursor p : c.objects("ScalingPolicies")) {
    ScalingPolicyInfo sp;
    sp.where = p.where();
    sp.target.source_file = sp.where.file;
    sp.target.source_pointer = sp.where.pointer;
    sp.resource_id = p.string("ResourceId").value_or("");
    sp.target.policy_name = p.string("PolicyName").value_or("");
    const std::string type = p.string("PolicyType").value_or("");
    if (p.string("ServiceNamespace").value_or("ecs") != "ecs") continue;
    if (type != "TargetTrackingScaling") {
      sp.target.metric = model::ScalingTarget::Metric::kOther;
      sp.target.description = type.empty() ? "unknown policy type" : type + " policy";
      b.scaling_policies.push_back(std::move(sp));
      continue;
    }
    if (auto cfg = p.object("TargetTrackingScalingPolicyConfiguration")) {
      sp.target.target_value = cfg->number("TargetValue").value_or(0);
      sp.target.scale_in_cooldown_seconds = cfg->integer("ScaleInCooldown");
      sp.target.scale_out_cooldown_seconds = cfg->integer("ScaleOutCooldown");
      sp.target.disable_scale_in = cfg->boolean("DisableScaleIn").value_or(false);
      sp.target.metric = model::ScalingTarget::Metric::kOther;
      if (auto pm = cfg->object("PredefinedMetricSpecification")) {
        const std::string metric = pm->string("PredefinedMetricType").value_or("");
        if (metric == "ECSServiceAverageCPUUtilization") sp.target.metric = model::ScalingTarget::Metric::kCpuUtilization;
        else if (metric == "ECSServiceAverageMemoryUtilization") sp.target.metric = model::ScalingTarget::Metric::kMemoryUtilization;
        else sp.target.description = metric;
      } else if (cfg->has("CustomizedMetricSpecification")) {
        sp.target.description = "customized CloudWatch metric";
      }
    }
    b.scaling_policies.push_back(std::move(sp));
  }
}

/// The document `specconv to-ecs --format json` writes for a long-running workload:
/// {"taskDefinition": RegisterTaskDefinition input, "service": CreateService input,
///  "autoscaling": [{"api": "application-autoscaling:RegisterScalableTarget", "input": {...}},
///                  {"api": "application-autoscaling:PutScalingPolicy", "input": {...}}]}.
void read_to_ecs_document(Cursor& c, Bundle& bundle) {
  if (auto td = c.object("taskDefinition")) read_task_definition(*td, bundle, {});
  if (auto svc = c.object("service")) read_service(*svc, bundle);
  for (Cursor call : c.objects("autoscaling")) {
    const std::string api = call.string("api").value_or("");
    auto input = call.object("input");
    call.finish({"api", "input"});
    if (!input) continue;
    ScalableTargetInfo st;
    if (api == "application-autoscaling:RegisterScalableTarget") {
      // The same fields as one describe-scalable-targets entry.
      st.resource_id = input->string("ResourceId").value_or("");
      st.min_capacity = input->integer("MinCapacity", 0, INT32_MAX).value_or(1);
      st.max_capacity = input->integer("MaxCapacity", 0, INT32_MAX).value_or(st.min_capacity);
      input->ignore("ServiceNamespace");
      input->ignore("ScalableDimension");
      input->finish({"ResourceId", "MinCapacity", "MaxCapacity", "ServiceNamespace", "ScalableDimension"});
      bundle.scalable_targets.push_back(std::move(st));
    } else if (api == "application-autoscaling:PutScalingPolicy") {
      // One describe-scaling-policies entry: read through the same reader.
      Node wrapper = Node::object();
      Node list = Node::array();
      list.push(input->node());
      wrapper.set("ScalingPolicies", std::move(list));
      Cursor w(wrapper, c.context(), input->pointer());
      read_scaling(w, bundle);
    }
  }
  c.finish({"taskDefinition", "service", "autoscaling"});
}

}  // namespace

std::optional<int64_t> parse_task_size(const std::string& s, bool cpu) {
  std::size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  std::size_t start = i;
  while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.')) ++i;
  if (i == start) return std::nullopt;
  const std::string number = s.substr(start, i - start);
  std::string unit;
  for (; i < s.size(); ++i) {
    if (s[i] != ' ') unit += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
  }
  // Exact decimal arithmetic on up to 4 fraction digits.
  const auto dot = number.find('.');
  std::string whole = number.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : number.substr(dot + 1);
  if (frac.find('.') != std::string::npos || frac.size() > 4 || whole.size() > 9) return std::nullopt;
  while (frac.size() < 4) frac += '0';
  const int64_t scaled = (whole.empty() ? 0 : std::stoll(whole)) * 10000 + std::stoll(frac);
  int64_t factor = 0;
  if (cpu) {
    if (unit.empty()) factor = 1;
    else if (unit == "vcpu") factor = 1024;
  } else {
    if (unit.empty() || unit == "mib" || unit == "mb") factor = 1;
    else if (unit == "gb" || unit == "gib") factor = 1024;
  }
  if (factor == 0) return std::nullopt;
  const int64_t v = scaled * factor;
  if (v % 10000 != 0) return std::nullopt;
  return v / 10000;
}

/// describe-task-definition output: {"taskDefinition": {...}, "tags": [...]}.
void read_described_task_definition(Cursor& c, Bundle& bundle) {
  std::vector<std::pair<std::string, std::string>> tags;
  for (Cursor t : c.objects("tags")) {
    auto k = t.string("key");
    auto v = t.string("value");
    t.finish({"key", "value"});
    if (k) tags.emplace_back(*k, v.value_or(""));
  }
  if (const Node* tdn = c.peek("taskDefinition"); tdn == nullptr) {
    // Classified by a key spelled unlike the rest of the file (e.g. "taskdefinition"): finish() names it.
    c.context().diags->error("missing-field", c.where(), "no \"taskDefinition\" in this describe-task-definition output: nothing to convert");
  } else if (tdn->is_null()) {
    c.error("taskDefinition", "type-mismatch", "expected the task definition (an object), got null: nothing to convert");
  } else if (auto td = c.object("taskDefinition")) {
    read_task_definition(*td, bundle, tags);
  }
  c.finish({"taskDefinition", "tags"});
}

/// describe-target-groups / -listeners / -rules / -load-balancers and the scaling describe-*
/// outputs (one file may hold several).
void read_wiring(Cursor& c, Bundle& bundle) {
  const Node& root = c.node();
  if (root.find("TargetGroups") != nullptr) read_target_groups(c, bundle);
  if (root.find("Listeners") != nullptr) read_listeners(c, bundle);
  if (root.find("Rules") != nullptr) read_rules(c, bundle);
  if (root.find("LoadBalancers") != nullptr) read_load_balancers(c, bundle);
  if (root.find("ScalableTargets") != nullptr || root.find("ScalingPolicies") != nullptr) read_scaling(c, bundle);
}

void read_ecs(const Node& root, const std::string& file, Bundle& bundle, Diagnostics& diags) {
  if (root.is_array()) {
    if (root.items().empty()) {
      diags.error("empty-input", {file, "", root.line(), root.column(), -1},
                  "the array is empty: no task definition or service to convert");
      return;
    }
    for (std::size_t i = 0; i < root.items().size(); ++i) {
      const Node& item = root.items()[i];
      if (!item.is_object()) {
        diags.error("type-mismatch", {file, "/" + std::to_string(i), item.line(), item.column(), -1},
                    "expected an object (a task definition or service)");
        continue;
      }
      Bundle part;
      read_ecs(item, file, part, diags);
      // Re-point locations is not needed: the cursor below is rooted at the item.
      for (auto& td : part.task_definitions) bundle.task_definitions.push_back(std::move(td));
      for (auto& s : part.services) bundle.services.push_back(std::move(s));
      for (auto& s : part.schedules) bundle.schedules.push_back(std::move(s));
      for (auto& t : part.scalable_targets) bundle.scalable_targets.push_back(std::move(t));
      for (auto& p : part.scaling_policies) bundle.scaling_policies.push_back(std::move(p));
    }
    return;
  }
  if (!root.is_object()) {
    diags.error("type-mismatch", {file, "", root.line(), root.column(), -1},
                std::string("expected a JSON object (task definition, service, or describe-* output), got ") +
                    io::kind_name(root.kind()));
    return;
  }
  read_ecs_as(root, input::classify(root), file, "", bundle, diags);
}

void read_ecs_as(const Node& root, const input::Kind& kind, const std::string& file, const std::string& pointer,
                 Bundle& bundle, Diagnostics& diags) {
  io::ReadContext ctx{file, -1, &diags, false, kind.keys};
  Cursor c(root, ctx, pointer);
  switch (kind.shape) {
    case input::Shape::kEcsTaskDefinition: read_task_definition(c, bundle, {}); return;
    case input::Shape::kEcsConverted: read_to_ecs_document(c, bundle); return;
    case input::Shape::kEcsDescribeTaskDefinition: read_described_task_definition(c, bundle); return;
    case input::Shape::kEcsService: read_service(c, bundle); return;
    case input::Shape::kEcsDescribeServices:
      for (Cursor s : c.objects("services")) read_service(s, bundle);
      c.ignore("failures");
      c.finish({"services", "failures"});
      return;
    case input::Shape::kEcsWiring: read_wiring(c, bundle); return;
    case input::Shape::kEcsSchedule: read_schedule(c, bundle); return;
    case input::Shape::kCloudFormationTemplate:
    case input::Shape::kTerraformState:
    case input::Shape::kTerraformPlan:
      diags.error("unrecognized-input", {file, pointer, root.line(), root.column(), -1},
                  std::string("this is a ") + input::to_string(kind.shape) +
                      ": `specconv to-k8s` reads it (the infrastructure-code readers), not the ECS reader");
      return;
    default: break;
  }
  diags.error("unrecognized-input", {file, pointer, root.line(), root.column(), -1},
              "not an ECS task definition, service, or describe-* output: none of containerDefinitions, "
              "taskDefinition, serviceName, services, TargetGroups, Listeners, Rules, ScalingPolicies, ScheduleExpression "
              "with Target found");
}

}  // namespace specconv::ecs
