// Semantic equality of ECS documents (see ecs_equal.h and docs/round-trip.md).
#include "roundtrip/ecs_equal.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

#include "ecs/reader.h"
#include "io/json_write.h"
#include "io/pointer.h"
#include "roundtrip/scalars.h"

namespace specconv::roundtrip {
namespace {

using io::Node;

// ---------------------------------------------------------------- lossy codes

const std::vector<LossyCode> kLossyCodes = {
    {"lossy-cpu-rounding",
     "a container cpu that is not a whole number of millicores (1 ECS unit = 1000/1024 millicore) is rounded up "
     "in requests.cpu; the way back gives the rounded value"},
    {"host-port-dropped",
     "a hostPort that differs from its containerPort in awsvpc mode (which ECS does not allow) has no pod "
     "equivalent and is left out"},
    {"missing-network-configuration",
     "a FARGATE service without networkConfiguration, which ECS rejects; the way back writes placeholder subnets "
     "and security groups (with a network-placeholder warning) so that the service is valid"},
    {"legacy-value",
     "an old spelling the API no longer takes (networkMode \"default\") is read as its modern equivalent (bridge); "
     "the way back writes the modern one, so that the task definition registers"},
    {"schedule-override-applied",
     "a scheduled task's container override (command, environment) is what its CronJob runs, so it is written into "
     "the pod template; the way back to ECS has it in the task definition"},
    {"renamed-resource",
     "a port name that is not a valid IANA service name is renamed for Kubernetes; unlike container, volume and "
     "family names, the original port name is not kept, so the way back gives the Kubernetes name"},
};

// ---------------------------------------------------------------- helpers

/// Canonical compact JSON with object members sorted by key (for set-like comparisons).
Node sorted_copy(const Node& n) {
  if (n.is_object()) {
    Node o = Node::object();
    std::vector<Node::Member> members = n.members();
    std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [k, v] : members) o.set(k, sorted_copy(v));
    return o;
  }
  if (n.is_array()) {
    Node a = Node::array();
    for (const auto& i : n.items()) a.push(sorted_copy(i));
    return a;
  }
  return n;
}

std::string canonical(const Node& n) { return io::to_json(sorted_copy(n), -1); }

bool is_empty(const Node& n) { return n.is_null() || ((n.is_array() || n.is_object()) && n.size() == 0); }

void erase(Node& obj, std::string_view key) {
  std::erase_if(obj.members(), [&](const Node::Member& m) { return m.first == key; });
}

/// Removes nulls, empty lists and empty objects, depth first (an object emptied by it goes too).
void drop_empty(Node& n) {
  if (n.is_object()) {
    for (auto& [k, v] : n.members()) drop_empty(v);
    std::erase_if(n.members(), [](const Node::Member& m) { return is_empty(m.second); });
  } else if (n.is_array()) {
    for (auto& i : n.items()) drop_empty(i);
  }
}

void drop_keys(Node& obj, std::initializer_list<std::string_view> keys) {
  for (auto k : keys) erase(obj, k);
}

/// Sets `key` to `value` when absent.
void default_to(Node& obj, std::string_view key, Node value) {
  if (obj.find(key) == nullptr) obj.set(std::string(key), std::move(value));
}

/// Removes `key` when it holds `value` (a default written out).
void drop_if(Node& obj, std::string_view key, const Node& value) {
  const Node* v = obj.find(key);
  if (v != nullptr && canonical(*v) == canonical(value)) erase(obj, key);
}

std::optional<int64_t> digits_value(const std::string& s) {
  if (s.empty() || s.size() > 15 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return std::stoll(s);
}

/// A number given as a string ("512") read as the number, as the readers do (type-coerced).
void numeric(Node& obj, std::string_view key) {
  Node* v = obj.find(key);
  if (v == nullptr || !v->is_string()) return;
  if (auto i = digits_value(v->text())) *v = Node::integer(*i);
}

/// "1 vCPU", ".5 vcpu", "1024", 1024 -> CPU units; "2 GB", "512 MiB", "2048" -> MiB.
std::optional<int64_t> task_size(const Node& n, bool cpu) {
  if (n.is_int()) return n.as_int();
  if (!n.is_string()) return std::nullopt;
  return ecs::parse_task_size(n.text(), cpu);
}

void normalize_size(Node& td, std::string_view key, bool cpu) {
  Node* v = td.find(key);
  if (v == nullptr) return;
  if (auto units = task_size(*v, cpu)) *v = Node::integer(*units);
}

template <typename F>
void each_object(Node& obj, std::string_view key, F&& f) {
  Node* list = obj.find(key);
  if (list == nullptr || !list->is_array()) return;
  for (Node& item : list->items()) {
    if (item.is_object()) f(item);
  }
}

// ---------------------------------------------------------------- task definitions

void normalize_health_check(Node& hc) {
  // HealthCheck defaults (ECS API reference): interval 30 s, timeout 5 s, retries 3, no start period.
  numeric(hc, "interval");
  numeric(hc, "timeout");
  numeric(hc, "retries");
  numeric(hc, "startPeriod");
  default_to(hc, "interval", Node::integer(30));
  default_to(hc, "timeout", Node::integer(5));
  default_to(hc, "retries", Node::integer(3));
  drop_if(hc, "startPeriod", Node::integer(0));
}

void normalize_container(Node& c, const std::string& network_mode) {
  for (auto k : {"cpu", "memory", "memoryReservation", "startTimeout", "stopTimeout"}) numeric(c, k);
  default_to(c, "essential", Node::boolean(true));
  drop_if(c, "cpu", Node::integer(0));
  drop_if(c, "stopTimeout", Node::integer(30));  // the agent's (and Fargate's) default stop timeout
  for (auto k : {"privileged", "readonlyRootFilesystem", "interactive", "pseudoTerminal", "disableNetworking"}) {
    drop_if(c, k, Node::boolean(false));
  }
  each_object(c, "portMappings", [&](Node& pm) {
    numeric(pm, "containerPort");
    numeric(pm, "hostPort");
    default_to(pm, "protocol", io::str("tcp"));
    // awsvpc and host: the host port is the container port (ECS sets it when omitted).
    if ((network_mode == "awsvpc" || network_mode == "host") && pm.find("containerPort") != nullptr) {
      default_to(pm, "hostPort", *pm.find("containerPort"));
    }
    // bridge: hostPort 0 (or omitted) is a dynamic host port.
    if (network_mode == "bridge") drop_if(pm, "hostPort", Node::integer(0));
  });
  each_object(c, "mountPoints", [](Node& mp) { drop_if(mp, "readOnly", Node::boolean(false)); });
  each_object(c, "volumesFrom", [](Node& vf) { drop_if(vf, "readOnly", Node::boolean(false)); });
  each_object(c, "ulimits", [](Node& u) {
    numeric(u, "softLimit");
    numeric(u, "hardLimit");
  });
  if (Node* hc = c.find("healthCheck"); hc != nullptr && hc->is_object()) normalize_health_check(*hc);
  // specconv's own carry for the other direction (to-ecs writes specconv.io/k8s-* labels so that
  // to-k8s can restore Kubernetes-only fields) is not an ECS setting of the workload.
  if (Node* labels = c.find("dockerLabels"); labels != nullptr && labels->is_object()) {
    auto& m = labels->members();
    m.erase(std::remove_if(m.begin(), m.end(), [](const auto& kv) { return kv.first.rfind("specconv.io/k8s-", 0) == 0; }),
            m.end());
    if (m.empty()) erase(c, "dockerLabels");
  }
  if (Node* lp = c.find("linuxParameters"); lp != nullptr && lp->is_object()) {
    drop_if(*lp, "initProcessEnabled", Node::boolean(false));
    numeric(*lp, "sharedMemorySize");
    each_object(*lp, "tmpfs", [](Node& t) { numeric(t, "size"); });
  }
  if (Node* fl = c.find("firelensConfiguration"); fl != nullptr && fl->is_object()) {
    // options values are strings; "enable-ecs-log-metadata" defaults to true.
    if (Node* o = fl->find("options"); o != nullptr && o->is_object()) drop_if(*o, "enable-ecs-log-metadata", io::str("true"));
  }
}

void normalize_volume(Node& v) {
  if (Node* efs = v.find("efsVolumeConfiguration"); efs != nullptr && efs->is_object()) {
    // EFSVolumeConfiguration defaults: root directory "/", transit encryption and IAM off.
    drop_if(*efs, "rootDirectory", io::str("/"));
    drop_if(*efs, "transitEncryption", io::str("DISABLED"));
    numeric(*efs, "transitEncryptionPort");
    if (Node* auth = efs->find("authorizationConfig"); auth != nullptr && auth->is_object()) {
      drop_if(*auth, "iam", io::str("DISABLED"));
    }
  }
  if (Node* dv = v.find("dockerVolumeConfiguration"); dv != nullptr && dv->is_object()) {
    default_to(*dv, "scope", io::str("task"));
  }
  drop_if(v, "configuredAtLaunch", Node::boolean(false));
}

// ---------------------------------------------------------------- services

std::string family_of(const std::string& reference) {
  // "family", "family:3", "arn:aws:ecs:region:account:task-definition/family:3" -> "family".
  std::string s = reference;
  if (auto slash = s.rfind('/'); s.rfind("arn:", 0) == 0 && slash != std::string::npos) s = s.substr(slash + 1);
  if (auto colon = s.rfind(':'); colon != std::string::npos && digits_value(s.substr(colon + 1))) s = s.substr(0, colon);
  return s;
}

std::string last_segment(const std::string& arn_or_name) {
  if (arn_or_name.rfind("arn:", 0) != 0) return arn_or_name;
  auto slash = arn_or_name.rfind('/');
  return slash == std::string::npos ? arn_or_name : arn_or_name.substr(slash + 1);
}

// ---------------------------------------------------------------- comparison

/// How a list is matched: by position, or as a set of elements identified by a key.
struct ListRule {
  std::string_view pattern;  // pointer with "*" for indices
  std::string_view key;      // member that identifies an element; "" = the whole element
};

const std::vector<ListRule> kUnorderedLists = {
    {"/containerDefinitions/*/environment", "name"},
    {"/containerDefinitions/*/secrets", "name"},
    {"/containerDefinitions/*/portMappings", "containerPort"},
    {"/containerDefinitions/*/mountPoints", "containerPath"},
    {"/containerDefinitions/*/volumesFrom", "sourceContainer"},
    {"/containerDefinitions/*/dependsOn", "containerName"},
    {"/containerDefinitions/*/ulimits", "name"},
    {"/containerDefinitions/*/systemControls", "namespace"},
    {"/containerDefinitions/*/extraHosts", ""},
    {"/containerDefinitions/*/resourceRequirements", "type"},
    {"/containerDefinitions/*/links", ""},
    {"/containerDefinitions/*/linuxParameters/capabilities/add", ""},
    {"/containerDefinitions/*/linuxParameters/capabilities/drop", ""},
    {"/containerDefinitions/*/linuxParameters/devices", "hostPath"},
    {"/containerDefinitions/*/linuxParameters/tmpfs", "containerPath"},
    {"/containerDefinitions/*/logConfiguration/secretOptions", "name"},
    {"/containerDefinitions/*/dockerSecurityOptions", ""},
    {"/volumes", "name"},
    {"/tags", "key"},
    {"/placementConstraints", ""},
    {"/requiresCompatibilities", ""},
    {"/inferenceAccelerators", "deviceName"},
    {"/loadBalancers", ""},
    {"/serviceRegistries", ""},
    {"/capacityProviderStrategy", "capacityProvider"},
    {"/networkConfiguration/awsvpcConfiguration/subnets", ""},
    {"/networkConfiguration/awsvpcConfiguration/securityGroups", ""},
};

const ListRule* unordered_rule(const std::string& pattern) {
  for (const auto& r : kUnorderedLists) {
    if (r.pattern == pattern) return &r;
  }
  return nullptr;
}

std::string element_key(const Node& n, std::string_view key) {
  if (!key.empty() && n.is_object()) {
    if (const Node* k = n.find(key); k != nullptr) return canonical(*k);
  }
  return canonical(n);
}

class Differ {
 public:
  std::vector<Difference> out;

  void diff(const Node* a, const Node* b, const std::string& pointer, const std::string& pattern) {
    if (a == nullptr && b == nullptr) return;
    if (a == nullptr || b == nullptr) {
      report(pointer, a, b);
      return;
    }
    if (a->is_object() && b->is_object()) {
      std::set<std::string> keys;
      for (const auto& [k, v] : a->members()) keys.insert(k);
      for (const auto& [k, v] : b->members()) keys.insert(k);
      for (const auto& k : keys) diff(a->find(k), b->find(k), pointer + "/" + io::escape_pointer_token(k), pattern + "/" + io::escape_pointer_token(k));
      return;
    }
    if (a->is_array() && b->is_array()) {
      if (const ListRule* rule = unordered_rule(pattern)) {
        diff_unordered(*a, *b, pointer, pattern, rule->key);
        return;
      }
      const std::size_t n = std::max(a->size(), b->size());
      for (std::size_t i = 0; i < n; ++i) {
        const Node* x = i < a->size() ? &a->items()[i] : nullptr;
        const Node* y = i < b->size() ? &b->items()[i] : nullptr;
        diff(x, y, pointer + "/" + (x != nullptr ? std::to_string(i) : std::string("-")), pattern + "/*");
      }
      return;
    }
    if (a->is_scalar() && b->is_scalar() && scalars_equal(*a, *b)) return;
    report(pointer, a, b);
  }

 private:
  void report(const std::string& pointer, const Node* a, const Node* b) {
    out.push_back({pointer.empty() ? "" : pointer, a != nullptr ? io::to_json(*a, -1) : "",
                   b != nullptr ? io::to_json(*b, -1) : "", ""});
  }

  void diff_unordered(const Node& a, const Node& b, const std::string& pointer, const std::string& pattern,
                      std::string_view key) {
    std::vector<bool> used(b.size(), false);
    for (std::size_t i = 0; i < a.size(); ++i) {
      const std::string k = element_key(a.items()[i], key);
      const Node* match = nullptr;
      for (std::size_t j = 0; j < b.size(); ++j) {
        if (!used[j] && element_key(b.items()[j], key) == k) {
          used[j] = true;
          match = &b.items()[j];
          break;
        }
      }
      diff(&a.items()[i], match, pointer + "/" + std::to_string(i), pattern + "/*");
    }
    for (std::size_t j = 0; j < b.size(); ++j) {
      if (!used[j]) diff(nullptr, &b.items()[j], pointer + "/-", pattern + "/*");
    }
  }
};

/// True when `diag_pointer` is `pointer` or one of its ancestors (segment-wise).
bool at_or_above(const std::string& diag_pointer, const std::string& pointer) {
  if (diag_pointer.empty()) return true;
  if (pointer.rfind(diag_pointer, 0) != 0) return false;
  return pointer.size() == diag_pointer.size() || pointer[diag_pointer.size()] == '/';
}

Comparison excuse(std::vector<Difference> diffs, const Diagnostics& first, const Origin& origin) {
  Comparison result;
  for (Difference& d : diffs) {
    for (const Diagnostic& diag : first.all()) {
      if (!is_lossy_code(diag.code) || diag.location.file != origin.file) continue;
      const std::string& p = diag.location.pointer;
      if (!at_or_above(origin.pointer, p)) continue;  // another document of the same file
      if (at_or_above(p.substr(origin.pointer.size()), d.pointer)) {
        d.accepted_by = diag.code;
        break;
      }
    }
    (d.accepted_by.empty() ? result.differences : result.accepted).push_back(std::move(d));
  }
  return result;
}

}  // namespace

const std::vector<LossyCode>& lossy_codes() { return kLossyCodes; }

bool is_lossy_code(std::string_view code) {
  return std::any_of(kLossyCodes.begin(), kLossyCodes.end(), [&](const LossyCode& c) { return c.code == code; });
}

std::vector<EcsDocument> ecs_documents(const io::Node& root) {
  std::vector<EcsDocument> out;
  if (root.is_array()) {
    for (std::size_t i = 0; i < root.items().size(); ++i) {
      for (auto& d : ecs_documents(root.items()[i])) {
        d.pointer = "/" + std::to_string(i) + d.pointer;
        out.push_back(std::move(d));
      }
    }
    return out;
  }
  if (!root.is_object()) return out;
  if (root.find("containerDefinitions") != nullptr || (root.find("family") != nullptr && root.find("taskDefinition") == nullptr)) {
    out.push_back({DocumentKind::kTaskDefinition, "", root});
    return out;
  }
  if (const Node* td = root.find("taskDefinition"); td != nullptr && td->is_object() && root.find("serviceName") == nullptr) {
    Node copy = *td;
    if (const Node* tags = root.find("tags"); tags != nullptr && tags->is_array() && tags->size() > 0) {
      Node* inner = copy.find("tags");
      if (inner == nullptr || !inner->is_array()) inner = &copy.set("tags", Node::array());
      for (const auto& t : tags->items()) inner->push(t);
    }
    out.push_back({DocumentKind::kTaskDefinition, "/taskDefinition", std::move(copy)});
    return out;
  }
  if (const Node* services = root.find("services"); services != nullptr && services->is_array() && root.find("serviceName") == nullptr) {
    for (std::size_t i = 0; i < services->items().size(); ++i) {
      out.push_back({DocumentKind::kService, "/services/" + std::to_string(i), services->items()[i]});
    }
    return out;
  }
  if (root.find("serviceName") != nullptr || root.find("desiredCount") != nullptr ||
      root.find("deploymentConfiguration") != nullptr || root.find("schedulingStrategy") != nullptr) {
    out.push_back({DocumentKind::kService, "", root});
  }
  return out;
}

io::Node normalize_task_definition(const io::Node& input) {
  Node td = input;
  if (!td.is_object()) return td;
  // Read-only fields of describe-task-definition output.
  drop_keys(td, {"taskDefinitionArn", "revision", "status", "requiresAttributes", "compatibilities", "registeredAt",
                 "registeredBy", "deregisteredAt"});
  drop_empty(td);
  default_to(td, "networkMode", io::str("bridge"));  // the RegisterTaskDefinition default (EC2 Linux)
  normalize_size(td, "cpu", true);
  normalize_size(td, "memory", false);
  const std::string mode = td.find("networkMode")->is_string() ? td.find("networkMode")->text() : "";
  each_object(td, "containerDefinitions", [&](Node& c) { normalize_container(c, mode); });
  each_object(td, "volumes", normalize_volume);
  if (Node* es = td.find("ephemeralStorage"); es != nullptr && es->is_object()) numeric(*es, "sizeInGiB");
  drop_empty(td);
  return td;
}

io::Node normalize_service(const io::Node& input) {
  Node s = input;
  if (!s.is_object()) return s;
  // Read-only fields of describe-services output.
  drop_keys(s, {"serviceArn", "clusterArn", "status", "runningCount", "pendingCount", "deployments", "events",
                "createdAt", "createdBy", "taskSets", "roleArn", "platformFamily", "clientToken"});
  drop_empty(s);
  if (const Node* td = s.find("taskDefinition"); td != nullptr && td->is_string()) {
    s.set("taskDefinition", io::str(family_of(td->text())));
  }
  if (const Node* c = s.find("cluster"); c != nullptr && c->is_string()) s.set("cluster", io::str(last_segment(c->text())));
  drop_if(s, "cluster", io::str("default"));
  default_to(s, "schedulingStrategy", io::str("REPLICA"));
  const bool daemon = s.find("schedulingStrategy")->is_string() && s.find("schedulingStrategy")->text() == "DAEMON";
  if (s.find("capacityProviderStrategy") == nullptr) default_to(s, "launchType", io::str("EC2"));
  numeric(s, "desiredCount");
  if (daemon) erase(s, "desiredCount");  // DAEMON services run one task per instance
  if (s.find("deploymentConfiguration") == nullptr) s.set("deploymentConfiguration", Node::object());
  Node& dc = *s.find("deploymentConfiguration");
  if (dc.is_object()) {
    numeric(dc, "maximumPercent");
    numeric(dc, "minimumHealthyPercent");
    default_to(dc, "maximumPercent", Node::integer(daemon ? 100 : 200));
    default_to(dc, "minimumHealthyPercent", Node::integer(daemon ? 0 : 100));
    if (Node* cb = dc.find("deploymentCircuitBreaker"); cb != nullptr && cb->is_object()) {
      Node off = Node::object();
      off.set("enable", Node::boolean(false));
      off.set("rollback", Node::boolean(false));
      drop_if(dc, "deploymentCircuitBreaker", off);
    }
  }
  if (Node* nc = s.find("networkConfiguration"); nc != nullptr && nc->is_object()) {
    if (Node* vpc = nc->find("awsvpcConfiguration"); vpc != nullptr && vpc->is_object()) {
      default_to(*vpc, "assignPublicIp", io::str("DISABLED"));
    }
  }
  drop_if(s, "propagateTags", io::str("NONE"));
  for (auto k : {"enableECSManagedTags", "enableExecuteCommand"}) drop_if(s, k, Node::boolean(false));
  {
    Node ecs = Node::object();
    ecs.set("type", io::str("ECS"));
    drop_if(s, "deploymentController", ecs);
  }
  drop_if(s, "platformVersion", io::str("LATEST"));
  numeric(s, "healthCheckGracePeriodSeconds");
  drop_if(s, "healthCheckGracePeriodSeconds", Node::integer(0));  // the API default
  each_object(s, "loadBalancers", [](Node& lb) { numeric(lb, "containerPort"); });
  drop_empty(s);
  return s;
}

Comparison compare_task_definitions(const io::Node& original, const io::Node& round_tripped, const Diagnostics& first,
                                    const Origin& origin) {
  const Node a = normalize_task_definition(original);
  const Node b = normalize_task_definition(round_tripped);
  Differ d;
  d.diff(&a, &b, "", "");
  return excuse(std::move(d.out), first, origin);
}

Comparison compare_services(const io::Node& original, const io::Node& round_tripped, const Diagnostics& first,
                            const Origin& origin) {
  const Node a = normalize_service(original);
  const Node b = normalize_service(round_tripped);
  Differ d;
  d.diff(&a, &b, "", "");
  return excuse(std::move(d.out), first, origin);
}

std::string describe(const std::vector<Difference>& diffs) {
  std::string out;
  for (const auto& d : diffs) {
    out += (d.pointer.empty() ? std::string("(document)") : d.pointer) + ": original " +
           (d.original.empty() ? "(absent)" : d.original) + ", round trip " +
           (d.round_tripped.empty() ? "(absent)" : d.round_tripped) +
           (d.accepted_by.empty() ? "" : " [accepted: " + d.accepted_by + "]") + "\n";
  }
  return out;
}

}  // namespace specconv::roundtrip
