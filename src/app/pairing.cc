// Service <-> task definition pairing and wiring attachment.
#include "app/pairing.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <set>

namespace specconv::app {
namespace {

/// "arn:aws:ecs:REGION:ACCT:task-definition/FAMILY:REV" -> "FAMILY:REV".
std::string strip_arn(const std::string& ref) {
  const auto pos = ref.find(":task-definition/");
  return pos == std::string::npos ? ref : ref.substr(pos + 17);
}

bool matches(const ecs::TaskDefinitionInput& td, const std::string& ref) {
  const std::string r = strip_arn(ref);
  if (!td.arn.empty() && ref == td.arn) return true;
  const auto colon = r.rfind(':');
  if (colon == std::string::npos) return r == td.family;
  const std::string family = r.substr(0, colon);
  const std::string rev = r.substr(colon + 1);
  if (family != td.family) return false;
  return !td.revision || rev == std::to_string(*td.revision);
}

/// The load balancer ARN of a listener: from the listeners given, else from the listener ARN
/// (arn:...:listener/app/NAME/LB-ID/LISTENER-ID names its load balancer).
std::string listener_load_balancer(const ecs::Bundle& b, const std::string& listener_arn) {
  for (const auto& l : b.listeners) {
    if (l.arn == listener_arn && !l.load_balancer_arn.empty()) return l.load_balancer_arn;
  }
  const auto at = listener_arn.find(":listener/");
  const auto last = listener_arn.rfind('/');
  if (at == std::string::npos || last == std::string::npos || last <= at + 10) return "";
  return listener_arn.substr(0, at) + ":loadbalancer/" + listener_arn.substr(at + 10, last - at - 10);
}

/// The input service registered in each target group a weighted rule splits traffic between.
void name_split_targets(const ecs::Bundle& b, model::HttpRoute& route) {
  for (auto& t : route.split) {
    for (const auto& s : b.services) {
      for (const auto& lb : s.service.load_balancers) {
        if (lb.target_group_arn != t.target_group_arn || !t.service.empty()) continue;
        t.service = s.service.service_name;
        t.container_port = lb.container_port;
      }
    }
  }
}

/// Every listener of the load balancer `arn`, as the input describes them (one Gateway each).
std::vector<model::Listener> balancer_listeners(const ecs::Bundle& b, const std::string& arn) {
  std::vector<model::Listener> out;
  for (const auto& l : b.listeners) {
    if (!arn.empty() && l.load_balancer_arn == arn) out.push_back(l.listener);
  }
  return out;
}

void attach_wiring(const ecs::Bundle& b, model::Workload& w) {
  for (auto& lb : w.load_balancers) {
    if (lb.target_group_arn.empty()) continue;
    for (const auto& tg : b.target_groups) {
      if (tg.arn != lb.target_group_arn) continue;
      lb.wiring_known = true;
      lb.target_group_name = tg.name;
      lb.health_check_path = tg.health_check_path;
      lb.health_check_protocol = tg.health_check_protocol;
      lb.healthy_threshold = tg.healthy_threshold;
      lb.unhealthy_threshold = tg.unhealthy_threshold;
      lb.health_check_interval_seconds = tg.interval_seconds;
      lb.health_check_timeout_seconds = tg.timeout_seconds;
      lb.target_type = tg.target_type;
      if (tg.protocol == "TCP" || tg.protocol == "UDP" || tg.protocol == "TLS" || tg.protocol == "TCP_UDP") {
        lb.type = model::LoadBalancerType::kNetwork;
      } else if (!tg.protocol.empty()) {
        lb.type = model::LoadBalancerType::kApplication;
      }
      for (const auto& lbi : b.load_balancers) {
        if (std::find(tg.load_balancer_arns.begin(), tg.load_balancer_arns.end(), lbi.arn) != tg.load_balancer_arns.end()) {
          if (lbi.type != model::LoadBalancerType::kUnknown) lb.type = lbi.type;
          lb.scheme = lbi.scheme;
          lb.load_balancer_arn = lbi.arn;
        }
      }
      if (lb.load_balancer_arn.empty() && tg.load_balancer_arns.size() == 1) lb.load_balancer_arn = tg.load_balancer_arns.front();
    }
    // Listeners that forward to this target group, by default action or by rule.
    std::set<std::string> listener_arns;
    for (const auto& l : b.listeners) {
      if (std::find(l.default_target_groups.begin(), l.default_target_groups.end(), lb.target_group_arn) !=
          l.default_target_groups.end()) {
        if (lb.load_balancer_arn.empty()) lb.load_balancer_arn = l.load_balancer_arn;
        listener_arns.insert(l.arn);
        lb.routes.push_back(model::catch_all_route());
      }
    }
    for (const auto& r : b.rules) {
      if (std::find(r.target_groups.begin(), r.target_groups.end(), lb.target_group_arn) == r.target_groups.end()) continue;
      listener_arns.insert(r.listener_arn);
      if (lb.load_balancer_arn.empty()) lb.load_balancer_arn = listener_load_balancer(b, r.listener_arn);
      model::HttpRoute route = r.route;
      if (r.is_default && route.paths.empty()) route.paths = {"/*"};
      name_split_targets(b, route);
      lb.routes.push_back(std::move(route));
    }
    for (const auto& l : b.listeners) {
      if (listener_arns.count(l.arn) != 0) {
        lb.listeners.push_back(l.listener);
        if (lb.scheme.empty()) {
          for (const auto& lbi : b.load_balancers) {
            if (lbi.arn == l.load_balancer_arn) lb.scheme = lbi.scheme;
          }
        }
      }
    }
    // Listeners with an HTTPS redirect on the same load balancer count too.
    for (const auto& l : b.listeners) {
      if (!l.listener.redirects_to_https) continue;
      for (const auto& used : b.listeners) {
        if (listener_arns.count(used.arn) != 0 && used.load_balancer_arn == l.load_balancer_arn &&
            listener_arns.count(l.arn) == 0) {
          lb.listeners.push_back(l.listener);
          listener_arns.insert(l.arn);
        }
      }
    }
    lb.balancer_listeners = balancer_listeners(b, lb.load_balancer_arn);
    if (!lb.routes.empty() || !lb.listeners.empty()) lb.wiring_known = true;
    // priority order, as the ALB evaluates them
    std::stable_sort(lb.routes.begin(), lb.routes.end(), [](const model::HttpRoute& a, const model::HttpRoute& c) {
      return a.priority.value_or(INT64_MAX) < c.priority.value_or(INT64_MAX);
    });
  }
}

void attach_scaling(const ecs::Bundle& b, model::Workload& w, const std::string& cluster) {
  auto matches_service = [&](const std::string& resource_id) {
    // service/CLUSTER/SERVICE
    const std::string suffix = "/" + w.service_name;
    if (resource_id.rfind("service/", 0) != 0) return false;
    if (resource_id.size() < suffix.size() || resource_id.compare(resource_id.size() - suffix.size(), suffix.size(), suffix) != 0) return false;
    if (cluster.empty()) return true;
    const std::string c = resource_id.substr(8, resource_id.size() - 8 - suffix.size());
    return c == cluster || cluster.find(":cluster/" + c) != std::string::npos;
  };
  model::Autoscaling as;
  bool found = false;
  for (const auto& t : b.scalable_targets) {
    if (matches_service(t.resource_id)) {
      as.min_replicas = t.min_capacity;
      as.max_replicas = t.max_capacity;
      found = true;
    }
  }
  for (const auto& p : b.scaling_policies) {
    if (matches_service(p.resource_id)) {
      as.targets.push_back(p.target);
      found = true;
    }
  }
  if (!found) return;
  if (as.max_replicas < as.min_replicas) as.max_replicas = as.min_replicas;
  if (as.max_replicas <= 1 && w.replicas) as.max_replicas = std::max<int64_t>(as.max_replicas, *w.replicas);
  w.autoscaling = as;
}

/// A scheduled run's container overrides, applied to the containers it starts: command replaces the
/// container's command (Kubernetes args), environment entries are added or replace a value.
void apply_overrides(const ecs::ScheduleInput& s, const std::string& family, model::Workload& w, Diagnostics& diags) {
  for (const ecs::ContainerOverride& o : s.overrides) {
    auto c = std::find_if(w.containers.begin(), w.containers.end(), [&](const model::Container& x) { return x.name == o.name; });
    if (c == w.containers.end()) {
      diags.error("dangling-reference", o.where,
                  "the schedule overrides container \"" + o.name + "\", which task definition \"" + family + "\" does not have");
      continue;
    }
    const std::size_t i = static_cast<std::size_t>(c - w.containers.begin());
    diags.note("schedule-override-applied", {w.source_file, w.source_pointer + "/containerDefinitions/" + std::to_string(i), 0, 0, -1},
               "container \"" + o.name + "\" runs with the schedule's override (" +
                   std::string(o.command ? "command" : "") + (o.command && !o.environment.empty() ? ", " : "") +
                   (o.environment.empty() ? "" : "environment") + ") in the CronJob's pod template");
    if (o.command) c->arguments = *o.command;
    for (const auto& entry : o.environment) {  // not a structured binding: clang 14 cannot capture one
      const std::string& name = entry.first;
      auto e = std::find_if(c->env.begin(), c->env.end(), [&](const model::EnvVar& v) { return v.name == name; });
      if (e != c->env.end()) e->value = entry.second;
      else c->env.push_back({name, entry.second});
    }
  }
}

/// Each schedule with its task definition, as a CronJob. It is named after the task family, unless
/// the task definition already has a workload (a service, another schedule): then after the schedule.
void pair_schedules(const ecs::Bundle& b, std::vector<bool>& used, std::vector<Paired>& out, Diagnostics& diags) {
  std::map<std::size_t, int> runs;  // schedules per task definition
  for (const ecs::ScheduleInput& s : b.schedules) {
    std::optional<std::size_t> found;
    for (std::size_t i = 0; i < b.task_definitions.size(); ++i) {
      if (matches(b.task_definitions[i], s.task_definition)) found = i;  // the last given wins
    }
    if (!found) {
      diags.error("dangling-reference", s.where,
                  "the schedule runs task definition \"" + s.task_definition + "\", which is not among the inputs: pass its file too");
      continue;
    }
    const ecs::TaskDefinitionInput& td = b.task_definitions[*found];
    const int n = ++runs[*found];
    Paired p;
    p.workload = td.workload;
    p.carry = td.carry;
    model::Workload& w = p.workload;
    w.kind = model::WorkloadKind::kCronJob;
    w.schedule = s.schedule;
    if (used[*found]) w.schedule->name = !s.name.empty() ? s.name : td.family + "-schedule" + (n > 1 ? "-" + std::to_string(n) : "");
    used[*found] = true;
    w.launch_type = s.launch_type;
    apply_overrides(s, td.family, w, diags);
    p.files = {td.workload.source_file};
    if (s.schedule.source_file != td.workload.source_file) p.files.push_back(s.schedule.source_file);
    out.push_back(std::move(p));
  }
}

}  // namespace

/// Services that share one NLB in ECS: each LoadBalancer Service gets an NLB of its own (the AWS
/// Load Balancer Controller has no NLB groups), so the output makes more load balancers than the
/// input had. (Services sharing an ALB keep one: their Ingresses share a group, see emit.)
void report_shared_nlbs(const std::vector<Paired>& workloads, Diagnostics& diags) {
  std::map<std::string, std::vector<const model::Workload*>> by_nlb;
  for (const Paired& p : workloads) {
    std::set<std::string> own;
    for (const auto& lb : p.workload.load_balancers) {
      if (lb.type == model::LoadBalancerType::kNetwork && !lb.load_balancer_arn.empty() && own.insert(lb.load_balancer_arn).second) {
        by_nlb[lb.load_balancer_arn].push_back(&p.workload);
      }
    }
  }
  for (const auto& [arn, users] : by_nlb) {
    for (std::size_t i = 1; i < users.size(); ++i) {
      const model::Workload& w = *users[i];
      diags.warning("extra-load-balancer", {w.service_file, w.service_pointer + "/loadBalancers", 0, 0, -1},
                    "service \"" + w.service_name + "\" shares Network Load Balancer " + arn + " with \"" +
                        users[0]->service_name + "\"; in Kubernetes each LoadBalancer Service gets its own NLB, so the "
                        "output creates " + std::to_string(users.size()) + " NLBs where the input had one");
    }
  }
}

std::vector<Paired> pair_ecs(const ecs::Bundle& b, Diagnostics& diags) {
  std::vector<Paired> out;
  std::vector<bool> used(b.task_definitions.size(), false);
  for (const auto& s : b.services) {
    std::optional<std::size_t> found;
    for (std::size_t i = 0; i < b.task_definitions.size(); ++i) {
      if (matches(b.task_definitions[i], s.task_definition)) found = i;  // the last given wins
    }
    if (!found) {
      const SourceLocation& where = s.where;
      if (s.task_definition.empty()) {
        diags.error("missing-field", where, "service \"" + s.service.service_name + "\" names no taskDefinition");
      } else {
        diags.error("dangling-reference", where,
                    "service \"" + s.service.service_name + "\" uses task definition \"" + s.task_definition +
                        "\", which is not among the inputs: pass its file too");
      }
      continue;
    }
    used[*found] = true;
    const auto& td = b.task_definitions[*found];
    Paired p;
    p.workload = td.workload;
    p.carry = td.carry;
    p.carry.service = s.carry;
    model::Workload& w = p.workload;
    const model::Workload& sv = s.service;
    w.has_service = true;
    w.service_name = sv.service_name;
    w.kind = sv.kind;
    w.replicas = sv.replicas;
    w.rollout = sv.rollout;
    w.launch_type = sv.launch_type;
    w.health_check_grace_seconds = sv.health_check_grace_seconds;
    w.load_balancers = sv.load_balancers;
    w.registries = sv.registries;
    w.service_file = sv.service_file;
    w.service_pointer = sv.service_pointer;
    for (const auto& t : sv.tags) w.tags.push_back(t);
    attach_wiring(b, w);
    attach_scaling(b, w, s.cluster);
    p.files = {td.workload.source_file};
    if (sv.service_file != td.workload.source_file) p.files.push_back(sv.service_file);
    out.push_back(std::move(p));
  }
  pair_schedules(b, used, out, diags);
  for (std::size_t i = 0; i < b.task_definitions.size(); ++i) {
    if (used[i]) continue;
    Paired p;
    p.workload = b.task_definitions[i].workload;
    p.carry = b.task_definitions[i].carry;
    p.files = {p.workload.source_file};
    out.push_back(std::move(p));
  }
  report_shared_nlbs(out, diags);
  return out;
}

}  // namespace specconv::app
