// ECS API inputs: the AWS model (botocore shapes) plus the service-side rules that
// validate-ecs calls "semantic" (Fargate sizes, memory, container references, ...).
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <set>
#include <string>

#include "input/kind.h"
#include "io/pointer.h"
#include "io/suggest.h"
#include "validate/validator.h"
#include "validate/walk.h"

namespace specconv::validate {
namespace {

using detail::Walker;

const io::Node* get(const io::Node& n, std::string_view key) { return n.is_object() ? n.find(key) : nullptr; }
const std::string* str(const io::Node& n, std::string_view key) {
  const io::Node* v = get(n, key);
  return v != nullptr && v->is_string() ? &v->text() : nullptr;
}
std::optional<int64_t> num(const io::Node& n, std::string_view key) {
  const io::Node* v = get(n, key);
  if (v != nullptr && v->is_int()) return v->as_int();
  return std::nullopt;
}
bool word(std::string_view s, std::size_t max) {
  return !s.empty() && s.size() <= max && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
  });
}
bool has_compat(const io::Node& td, std::string_view what) {
  const io::Node* rc = get(td, "requiresCompatibilities");
  if (rc == nullptr || !rc->is_array()) return false;
  return std::any_of(rc->items().begin(), rc->items().end(), [&](const io::Node& x) { return x.is_string() && x.text() == what; });
}

// "1024", "1 vCPU", "0.5 vcpu" -> cpu units; "2048", "2 GB", "2GB" -> MiB. A size beyond int64 sets
// `too_large` and returns nullopt (casting such a double to int64 is undefined behaviour).
std::optional<int64_t> parse_size(const std::string& s, bool cpu, bool& too_large) {
  too_large = false;
  std::size_t i = 0;
  while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) != 0 || s[i] == '.')) ++i;
  if (i == 0) return std::nullopt;
  double v = std::strtod(s.substr(0, i).c_str(), nullptr);
  std::string unit;
  for (std::size_t k = i; k < s.size(); ++k) {
    if (s[k] != ' ') unit += static_cast<char>(std::tolower(static_cast<unsigned char>(s[k])));
  }
  if ((cpu && unit == "vcpu") || (!cpu && unit == "gb")) v *= 1024;
  else if (!unit.empty() && !(!cpu && unit == "mb")) return std::nullopt;
  // 2^63 is exact as a double; every finite double below it converts.
  if (!(v < 9223372036854775808.0)) {
    too_large = true;
    return std::nullopt;
  }
  return static_cast<int64_t>(v);
}

// a + b without signed overflow: clamps at INT64_MAX / INT64_MIN.
int64_t saturating_add(int64_t a, int64_t b) {
  int64_t r = 0;
  if (__builtin_add_overflow(a, b, &r)) return b > 0 ? INT64_MAX : INT64_MIN;
  return r;
}

// Task-level cpu for EC2 and external instances: 128 to 196608 units (RegisterTaskDefinition).
constexpr int64_t kMaxEc2TaskCpuUnits = 196608;

bool fargate_size_ok(int64_t cpu, int64_t mem) {
  struct Row { int64_t cpu, lo, hi, step; };
  static constexpr Row kRows[] = {{256, 512, 2048, 0}, {512, 1024, 4096, 1024}, {1024, 2048, 8192, 1024},
                                  {2048, 4096, 16384, 1024}, {4096, 8192, 30720, 1024},
                                  {8192, 16384, 61440, 4096}, {16384, 32768, 122880, 8192}};
  for (const auto& r : kRows) {
    if (r.cpu != cpu) continue;
    if (r.step == 0) return mem == 512 || mem == 1024 || mem == 2048;
    return mem >= r.lo && mem <= r.hi && (mem - r.lo) % r.step == 0;
  }
  return false;
}

bool secret_ref_ok(const std::string& v) {
  if (v.rfind("arn:", 0) == 0) {
    // arn:PARTITION:(secretsmanager|ssm):REGION:ACCOUNT:RESOURCE
    std::size_t p[5];
    std::size_t at = 0;
    for (auto& x : p) {
      x = v.find(':', at);
      if (x == std::string::npos) return false;
      at = x + 1;
    }
    std::string service = v.substr(p[1] + 1, p[2] - p[1] - 1);
    std::string account = v.substr(p[3] + 1, p[4] - p[3] - 1);
    std::string resource = v.substr(p[4] + 1);
    if (service != "secretsmanager" && service != "ssm") return false;
    if (account.size() != 12 || !std::all_of(account.begin(), account.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
    return !resource.empty() && std::none_of(resource.begin(), resource.end(), [](char c) {
      return c == ' ' || c == '{' || c == '}' || c == '<' || c == '>' || c == '`';
    });
  }
  return !v.empty() && std::all_of(v.begin(), v.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.' || c == '-' || c == '/';
  });
}

void task_rules(Walker& w, const io::Node& td) {
  const std::string* family = str(td, "family");
  if (family != nullptr && !word(*family, 255)) w.error("schema-rule", "/family", *get(td, "family"), "family must be 1-255 letters, digits, \"-\" or \"_\"");
  const bool fargate = has_compat(td, "FARGATE");
  const std::string* mode = str(td, "networkMode");
  const std::string net = mode != nullptr ? *mode : "bridge";
  if (fargate && net != "awsvpc") {
    w.error("schema-rule", "/networkMode", get(td, "networkMode") != nullptr ? *get(td, "networkMode") : td,
            "FARGATE requires networkMode \"awsvpc\" (got '" + net + "')");
  }
  std::optional<int64_t> task_cpu, task_mem;
  for (const char* key : {"cpu", "memory"}) {
    const std::string* text = str(td, key);
    if (text == nullptr) continue;
    bool too_large = false;
    const bool is_cpu = std::string_view(key) == "cpu";
    (is_cpu ? task_cpu : task_mem) = parse_size(*text, is_cpu, too_large);
    if (too_large) {
      w.error("schema-range", std::string("/") + key, *get(td, key),
              std::string("task ") + key + " \"" + *text + "\" is too large");
    }
  }
  if (fargate) {
    if (get(td, "cpu") == nullptr || get(td, "memory") == nullptr) {
      w.error("schema-rule", "", td, "FARGATE task definitions need task-level cpu and memory");
    } else if (task_cpu && task_mem && !fargate_size_ok(*task_cpu, *task_mem)) {
      w.error("schema-rule", "/cpu", *get(td, "cpu"),
              "cpu " + std::to_string(*task_cpu) + " / memory " + std::to_string(*task_mem) + " is not a valid Fargate task size");
    }
  } else if (task_cpu && *task_cpu > kMaxEc2TaskCpuUnits) {
    w.error("schema-range", "/cpu", *get(td, "cpu"),
            "task cpu " + std::to_string(*task_cpu) + " units is more than ECS allows on EC2 or external instances (" +
                std::to_string(kMaxEc2TaskCpuUnits) + " units, 192 vCPU)");
  }
  if (const io::Node* es = get(td, "ephemeralStorage")) {
    if (auto g = num(*es, "sizeInGiB"); g && (*g < 21 || *g > 200)) {
      w.error("schema-rule", "/ephemeralStorage/sizeInGiB", *get(*es, "sizeInGiB"), "ephemeral storage must be 21-200 GiB");
    }
  }
  std::set<std::string> volumes;
  if (const io::Node* vols = get(td, "volumes"); vols != nullptr && vols->is_array()) {
    for (const auto& v : vols->items()) {
      if (const std::string* n = str(v, "name")) volumes.insert(*n);
    }
  }
  const io::Node* cds = get(td, "containerDefinitions");
  if (cds == nullptr || !cds->is_array()) return;
  std::set<std::string> names;
  for (const auto& c : cds->items()) {
    if (const std::string* n = str(c, "name")) names.insert(*n);
  }
  std::set<std::string> seen;
  bool any_essential = false;
  int64_t reserved = 0;
  for (std::size_t i = 0; i < cds->items().size(); ++i) {
    const io::Node& c = cds->items()[i];
    if (!c.is_object()) continue;
    const std::string cp = "/containerDefinitions/" + std::to_string(i);
    const io::Node* ess = get(c, "essential");
    any_essential = any_essential || ess == nullptr || !ess->is_bool() || ess->as_bool();
    if (const std::string* n = str(c, "name")) {
      if (!word(*n, 255)) w.error("schema-rule", cp + "/name", *get(c, "name"), "container name must be 1-255 letters, digits, \"-\" or \"_\"");
      if (!seen.insert(*n).second) w.error("schema-rule", cp + "/name", *get(c, "name"), "duplicate container name '" + *n + "'");
    } else {
      w.error("schema-rule", cp, c, "container needs name");
    }
    if (str(c, "image") == nullptr) w.error("schema-rule", cp, c, "container needs image");
    auto mem = num(c, "memory");
    auto res = num(c, "memoryReservation");
    if (mem && res && *res > *mem) {
      w.error("schema-rule", cp + "/memoryReservation", *get(c, "memoryReservation"),
              "memoryReservation (" + std::to_string(*res) + ") must not exceed memory (" + std::to_string(*mem) + ")");
    }
    if (mem && task_mem && *mem > *task_mem) {
      w.error("schema-rule", cp + "/memory", *get(c, "memory"),
              "container memory " + std::to_string(*mem) + " MiB exceeds task memory " + std::to_string(*task_mem) + " MiB");
    }
    if (!mem && !res && !task_mem) w.error("schema-rule", cp, c, "container needs memory or memoryReservation when the task has no memory");
    reserved = saturating_add(reserved, res ? *res : (mem ? *mem : 0));
    if (const io::Node* pms = get(c, "portMappings"); pms != nullptr && pms->is_array() && (net == "awsvpc" || net == "host")) {
      for (std::size_t j = 0; j < pms->items().size(); ++j) {
        auto cport = num(pms->items()[j], "containerPort");
        auto hport = num(pms->items()[j], "hostPort");
        if (cport && hport && *cport != *hport) {
          w.error("schema-rule", cp + "/portMappings/" + std::to_string(j) + "/hostPort", *get(pms->items()[j], "hostPort"),
                  "in " + net + " mode hostPort must be omitted or equal containerPort (" + std::to_string(*hport) + " != " + std::to_string(*cport) + ")");
        }
      }
    }
    if (net == "awsvpc" && get(c, "links") != nullptr && get(c, "links")->is_array() && !get(c, "links")->items().empty()) {
      w.error("schema-rule", cp + "/links", *get(c, "links"), "links are not supported in awsvpc network mode");
    }
    auto refs = [&](const char* list, const char* key, const std::set<std::string>& known, const char* what) {
      const io::Node* l = get(c, list);
      if (l == nullptr || !l->is_array()) return;
      for (std::size_t j = 0; j < l->items().size(); ++j) {
        const std::string* r = str(l->items()[j], key);
        if (r != nullptr && known.count(*r) == 0) {
          w.error("schema-rule", cp + "/" + list + "/" + std::to_string(j) + "/" + key, *get(l->items()[j], key),
                  std::string("no ") + what + " named '" + *r + "'");
        }
      }
    };
    refs("dependsOn", "containerName", names, "container");
    refs("volumesFrom", "sourceContainer", names, "container");
    refs("mountPoints", "sourceVolume", volumes, "volume");
    if (const io::Node* secrets = get(c, "secrets"); secrets != nullptr && secrets->is_array()) {
      for (std::size_t j = 0; j < secrets->items().size(); ++j) {
        const std::string* v = str(secrets->items()[j], "valueFrom");
        if (v != nullptr && !secret_ref_ok(*v)) {
          w.error("schema-rule", cp + "/secrets/" + std::to_string(j) + "/valueFrom", *get(secrets->items()[j], "valueFrom"),
                  "must be a Secrets Manager or SSM parameter ARN, or an SSM parameter name (got '" + *v + "')");
        }
      }
    }
    if (const io::Node* hc = get(c, "healthCheck")) {
      struct R { const char* key; int64_t lo, hi; };
      for (const R& r : {R{"interval", 5, 300}, R{"timeout", 2, 120}, R{"retries", 1, 10}, R{"startPeriod", 0, 300}}) {
        auto v = num(*hc, r.key);
        if (v && (*v < r.lo || *v > r.hi)) {
          w.error("schema-rule", cp + "/healthCheck/" + r.key, *get(*hc, r.key),
                  std::string(r.key) + " must be between " + std::to_string(r.lo) + " and " + std::to_string(r.hi) + " (got " + std::to_string(*v) + ")");
        }
      }
    }
  }
  if (!cds->items().empty() && !any_essential) w.error("schema-rule", "/containerDefinitions", *cds, "at least one container must be essential");
  if (task_mem && reserved > *task_mem) {
    w.error("schema-rule", "/containerDefinitions", *cds,
            "containers reserve " + std::to_string(reserved) + " MiB in total, more than the task memory " + std::to_string(*task_mem) + " MiB");
  }
}

bool task_def_ref_ok(const std::string& s) {
  if (s.rfind("arn:", 0) == 0) return s.find(":task-definition/") != std::string::npos;
  std::size_t colon = s.find(':');
  if (colon == std::string::npos) return word(s, 255);
  std::string rev = s.substr(colon + 1);
  return word(s.substr(0, colon), 255) && !rev.empty() &&
         std::all_of(rev.begin(), rev.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void service_rules(Walker& w, const io::Node& svc, const io::Node* td) {
  const io::Node* lt = get(svc, "launchType");
  const io::Node* cps = get(svc, "capacityProviderStrategy");
  if (lt != nullptr && cps != nullptr && cps->is_array() && !cps->items().empty()) {
    w.error("schema-rule", "", svc, "launchType and capacityProviderStrategy are mutually exclusive");
  }
  if (auto dc = num(svc, "desiredCount"); dc && *dc < 0) w.error("schema-rule", "/desiredCount", *get(svc, "desiredCount"), "desiredCount must not be negative");
  const std::string* launch = str(svc, "launchType");
  if (launch != nullptr && *launch == "FARGATE") {
    const io::Node* nc = get(svc, "networkConfiguration");
    if (nc == nullptr || get(*nc, "awsvpcConfiguration") == nullptr) {
      w.error("schema-rule", "/networkConfiguration", nc != nullptr ? *nc : svc, "FARGATE services need networkConfiguration.awsvpcConfiguration");
    }
  }
  const io::Node* lbs = get(svc, "loadBalancers");
  const bool has_lbs = lbs != nullptr && lbs->is_array() && !lbs->items().empty();
  if (get(svc, "healthCheckGracePeriodSeconds") != nullptr && !has_lbs) {
    w.error("schema-rule", "/healthCheckGracePeriodSeconds", *get(svc, "healthCheckGracePeriodSeconds"), "only valid for services with loadBalancers");
  }
  if (const std::string* ref = str(svc, "taskDefinition"); ref != nullptr && !task_def_ref_ok(*ref)) {
    w.error("schema-rule", "/taskDefinition", *get(svc, "taskDefinition"),
            "must be \"family\", \"family:revision\" or a task definition ARN (got '" + *ref + "')");
  }
  if (has_lbs) {
    for (std::size_t i = 0; i < lbs->items().size(); ++i) {
      const io::Node& lb = lbs->items()[i];
      const std::string lp = "/loadBalancers/" + std::to_string(i);
      if (get(lb, "targetGroupArn") == nullptr && get(lb, "loadBalancerName") == nullptr) {
        w.error("schema-rule", lp, lb, "a load balancer needs targetGroupArn or loadBalancerName");
      }
      if (get(lb, "containerName") == nullptr || get(lb, "containerPort") == nullptr) {
        w.error("schema-rule", lp, lb, "a load balancer needs containerName and containerPort");
      }
      const std::string* cn = str(lb, "containerName");
      auto port = num(lb, "containerPort");
      if (td == nullptr || cn == nullptr || !port) continue;
      const io::Node* cds = get(*td, "containerDefinitions");
      const io::Node* found = nullptr;
      if (cds != nullptr && cds->is_array()) {
        for (const auto& c : cds->items()) {
          if (const std::string* n = str(c, "name"); n != nullptr && *n == *cn) found = &c;
        }
      }
      if (found == nullptr) {
        w.error("schema-rule", lp + "/containerName", *get(lb, "containerName"), "no container '" + *cn + "' in the task definition");
        continue;
      }
      bool has_port = false;
      if (const io::Node* pms = get(*found, "portMappings"); pms != nullptr && pms->is_array()) {
        for (const auto& pm : pms->items()) has_port = has_port || num(pm, "containerPort") == port;
      }
      if (!has_port) {
        w.error("schema-rule", lp + "/containerPort", *get(lb, "containerPort"),
                "container '" + *cn + "' has no portMapping for containerPort " + std::to_string(*port));
      }
    }
  }
  if (td != nullptr && launch != nullptr && (*launch == "FARGATE" || *launch == "EC2") && !has_compat(*td, *launch)) {
    const io::Node* rc = get(*td, "requiresCompatibilities");
    if (*launch == "FARGATE" || (rc != nullptr && rc->is_array() && !rc->items().empty())) {
      w.error("schema-rule", "/launchType", *lt, "the task definition does not list " + *launch + " in requiresCompatibilities");
    }
  }
}

enum class Shape { kTask, kService, kEnvelope, kNone };
/// What the AWS models can check, by the input registry: camelCase API inputs only.
Shape shape_of(const io::Node& n) {
  if (!n.is_object()) return Shape::kNone;
  const input::Kind kind = input::classify(n);
  if (kind.keys != io::KeyStyle::kCamel) return Shape::kNone;
  switch (kind.shape) {
    case input::Shape::kEcsTaskDefinition: return Shape::kTask;
    case input::Shape::kEcsService: return Shape::kService;
    case input::Shape::kEcsApiCall: return Shape::kEnvelope;
    default: return Shape::kNone;
  }
}

using TaskDefinitions = std::vector<const io::Node*>;
void check_envelope(const Registry& registry, const io::Node& n, const TaskDefinitions& tds, const SourceLocation& at,
                    Diagnostics& diags);

/// The task definition of the same file that a service refers to (by family), if any.
const io::Node* task_definition_for(const TaskDefinitions& tds, const io::Node& service) {
  const std::string* ref = str(service, "taskDefinition");
  if (ref == nullptr) return tds.size() == 1 ? tds.front() : nullptr;
  std::string family = *ref;
  if (const std::size_t at = family.find(":task-definition/"); family.rfind("arn:", 0) == 0 && at != std::string::npos) {
    family = family.substr(at + 17);
  }
  family = family.substr(0, family.find(':'));
  for (const io::Node* td : tds) {
    if (const std::string* f = str(*td, "family"); f != nullptr && *f == family) return td;
  }
  return nullptr;
}

}  // namespace

void check_ecs_task_definition(const Registry& registry, const io::Node& td, const SourceLocation& where,
                               Diagnostics& diags) {
  Walker w(where, diags, false);
  std::string pointer;
  pointer.reserve(128);
  const Type* type = registry.ecs_operation("RegisterTaskDefinition");
  if (type == nullptr) return;  // a registry without the AWS part
  w.walk(*type, td, pointer);
  if (td.is_object()) task_rules(w, td);
}

void check_ecs_service(const Registry& registry, const io::Node& service, const io::Node* task_definition,
                       const SourceLocation& where, Diagnostics& diags) {
  Walker w(where, diags, false);
  std::string pointer;
  pointer.reserve(128);
  const Type* type = registry.ecs_operation("CreateService");
  if (type == nullptr) return;
  w.walk(*type, service, pointer);
  if (service.is_object()) service_rules(w, service, task_definition);
}

namespace {

void autoscaling_rules(Walker& w, std::string_view op, const io::Node& in) {
  const std::string* ns = str(in, "ServiceNamespace");
  if (ns != nullptr && *ns == "ecs") {
    const std::string* id = str(in, "ResourceId");
    if (id != nullptr) {
      const std::size_t a = id->find('/'), b = a == std::string::npos ? a : id->find('/', a + 1);
      if (id->rfind("service/", 0) != 0 || b == std::string::npos || b + 1 >= id->size() || id->find('/', b + 1) != std::string::npos) {
        w.error("schema-rule", "/ResourceId", *get(in, "ResourceId"), "for ECS must be \"service/<cluster>/<service>\" (got '" + *id + "')");
      }
    }
    const std::string* dim = str(in, "ScalableDimension");
    if (dim != nullptr && *dim != "ecs:service:DesiredCount") {
      w.error("schema-rule", "/ScalableDimension", *get(in, "ScalableDimension"), "for ECS must be \"ecs:service:DesiredCount\"");
    }
  }
  if (op == "RegisterScalableTarget") {
    auto lo = num(in, "MinCapacity");
    auto hi = num(in, "MaxCapacity");
    if (lo && hi && *lo > *hi) {
      w.error("schema-rule", "/MinCapacity", *get(in, "MinCapacity"),
              "MinCapacity (" + std::to_string(*lo) + ") is greater than MaxCapacity (" + std::to_string(*hi) + ")");
    }
  } else if (op == "PutScalingPolicy") {
    const std::string* type = str(in, "PolicyType");
    const char* needs = type == nullptr ? nullptr
                        : *type == "TargetTrackingScaling" ? "TargetTrackingScalingPolicyConfiguration"
                        : *type == "StepScaling"           ? "StepScalingPolicyConfiguration"
                        : *type == "PredictiveScaling"     ? "PredictiveScalingPolicyConfiguration"
                                                           : nullptr;
    if (needs != nullptr && get(in, needs) == nullptr) {
      w.error("schema-rule", "", in, "PolicyType " + *type + " needs " + needs);
    }
  }
}

void check_envelope(const Registry& registry, const io::Node& n, const TaskDefinitions& tds, const SourceLocation& at,
                    Diagnostics& diags) {
  Walker w(at, diags, false);
  const io::Node& api = *n.find("api");
  const io::Node& input = *n.find("input");
  if (n.members().size() != 2) {
    w.error("schema-unknown-field", "", n, "an envelope has only \"api\" and \"input\"");
  }
  const std::size_t colon = api.is_string() ? api.text().find(':') : std::string::npos;
  if (colon == std::string::npos) {
    w.error("schema-type", "/api", api, "must be a string \"service:Operation\" (got " + detail::describe(api) + ")");
    return;
  }
  const std::string service = api.text().substr(0, colon);
  const std::string op = api.text().substr(colon + 1);
  const std::vector<std::string>* names = registry.api_operation_names(service);
  if (names == nullptr) {
    w.warning("schema-not-validated", "/input", input, "no model shipped for the AWS service \"" + service + "\": not validated");
    return;
  }
  if (std::find(names->begin(), names->end(), op) == names->end()) {
    std::vector<std::string_view> known(names->begin(), names->end());
    std::string msg = "unknown operation \"" + api.text() + "\"";
    if (auto hint = io::did_you_mean(op, known)) msg += " (did you mean \"" + *hint + "\"?)";
    w.error("schema-unrecognized", "/api", api, std::move(msg));
    return;
  }
  const Type* type = registry.api_operation(api.text());
  if (type == nullptr) {
    w.warning("schema-not-validated", "/input", input, "the model of " + api.text() + " is not shipped: not validated");
    return;
  }
  SourceLocation in = at;
  in.pointer += "/input";
  if (api.text() == "ecs:RegisterTaskDefinition") return check_ecs_task_definition(registry, input, in, diags);
  if (api.text() == "ecs:CreateService") return check_ecs_service(registry, input, task_definition_for(tds, input), in, diags);
  Walker iw(in, diags, false);
  std::string pointer;
  iw.walk(*type, input, pointer);
  if (service == "application-autoscaling" && input.is_object()) autoscaling_rules(iw, op, input);
}

}  // namespace

void check_ecs_document(const Registry& registry, const io::Node& doc, const SourceLocation& where,
                        Diagnostics& diags) {
  Walker w(where, diags, false);
  // The members to check, with their pointer suffixes; the first task definition is the one a
  // service in the same file is cross-checked against.
  std::vector<std::pair<std::string, const io::Node*>> parts;
  if (shape_of(doc) != Shape::kNone) {
    parts.emplace_back("", &doc);
  } else if (doc.is_array() && !doc.items().empty()) {
    for (std::size_t i = 0; i < doc.items().size(); ++i) parts.emplace_back("/" + std::to_string(i), &doc.items()[i]);
  } else if (doc.is_object() && !doc.members().empty() &&
             std::all_of(doc.members().begin(), doc.members().end(),
                         [](const io::Node::Member& m) { return shape_of(m.second) != Shape::kNone; })) {
    for (const auto& m : doc.members()) {
      std::string p;
      io::append_pointer_token(p, m.first);
      parts.emplace_back(p, &m.second);
    }
  } else {
    w.error("schema-unrecognized", "", doc,
            "unrecognized document: expected a RegisterTaskDefinition input (has \"containerDefinitions\"), a CreateService "
            "input (has \"serviceName\"), an {\"api\", \"input\"} envelope, an array or a wrapper object of those");
    return;
  }
  TaskDefinitions tds;
  for (const auto& part : parts) {
    if (shape_of(*part.second) == Shape::kTask) tds.push_back(part.second);
    const io::Node* api = part.second->find("api");
    if (shape_of(*part.second) == Shape::kEnvelope && api->is_string() && api->text() == "ecs:RegisterTaskDefinition") {
      tds.push_back(part.second->find("input"));
    }
  }
  for (const auto& part : parts) {
    SourceLocation at = where;
    at.pointer += part.first;
    const io::Node& n = *part.second;
    switch (shape_of(n)) {
      case Shape::kTask: check_ecs_task_definition(registry, n, at, diags); break;
      case Shape::kService: check_ecs_service(registry, n, task_definition_for(tds, n), at, diags); break;
      case Shape::kEnvelope: check_envelope(registry, n, tds, at, diags); break;
      case Shape::kNone:
        Walker(at, diags, false).error("schema-unrecognized", "", n, "unrecognized document inside the array/wrapper");
        break;
    }
  }
}

}  // namespace specconv::validate
