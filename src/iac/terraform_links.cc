// link_unknown(): a reference of the configuration, else the only resource of the wanted type.
#include "iac/terraform_links.h"

#include <cctype>
#include <string_view>

#include "iac/terraform_translate.h"

namespace specconv::iac {
namespace {

const std::string* text_of(const TfResource& r, const char* key) {
  const io::Node* v = r.values->find(key);
  return v != nullptr && v->is_string() && !v->text().empty() ? &v->text() : nullptr;
}

/// `r`'s address without its module ("aws_lb_target_group.app[0]").
std::string local_address(const TfResource& r) {
  return r.module.empty() ? r.address : r.address.substr(std::min(r.address.size(), r.module.size() + 1));
}

/// The types an attribute's value names (a target group ARN names a target group, ...).
std::vector<std::string> wanted_types(const std::string& path) {
  const std::string last = path.substr(path.rfind('.') == std::string::npos ? 0 : path.rfind('.') + 1);
  if (last == "task_definition" || last == "task_definition_arn") return {"aws_ecs_task_definition"};
  if (last == "target_group_arn" || path.find("forward.") != std::string::npos) return {"aws_lb_target_group", "aws_alb_target_group"};
  if (last == "load_balancer_arn") return {"aws_lb", "aws_alb"};
  if (last == "listener_arn") return {"aws_lb_listener", "aws_alb_listener"};
  if (last == "resource_id") return {"aws_ecs_service"};
  if (last == "cluster") return {"aws_ecs_cluster"};
  if (last == "task_role_arn" || last == "execution_role_arn") return {"aws_iam_role"};
  return {};
}

bool of_type(const TfResource& r, const std::vector<std::string>& types) {
  for (const std::string& t : types) {
    if (r.type == t && r.managed) return true;
  }
  return false;
}

/// The reference strings of the expression of `path` ("load_balancer.0.target_group_arn").
std::vector<std::string> references(const TfResource& r, const std::string& path) {
  const io::Node* e = r.expressions;
  std::size_t pos = 0;
  while (e != nullptr && pos <= path.size()) {
    const std::size_t dot = path.find('.', pos);
    const std::string token = path.substr(pos, dot == std::string::npos ? std::string::npos : dot - pos);
    if (e->is_array()) {
      const bool digits = !token.empty() && token.find_first_not_of("0123456789") == std::string::npos;
      const std::size_t i = digits && token.size() < 6 ? std::stoul(token) : e->size();
      e = i < e->size() ? &e->items()[i] : nullptr;
    } else {
      e = e->is_object() ? e->find(token) : nullptr;
    }
    if (dot == std::string::npos) break;
    pos = dot + 1;
  }
  std::vector<std::string> out;
  const io::Node* refs = e != nullptr && e->is_object() ? e->find("references") : nullptr;
  for (const io::Node& ref : refs != nullptr && refs->is_array() ? refs->items() : std::vector<io::Node>{}) {
    if (ref.is_string()) out.push_back(ref.text());
  }
  return out;
}

/// The resource of the module that a reference names ("aws_lb_target_group.app.arn", "...this[0].id").
const TfResource* referenced(const TfDocument& doc, const TfResource& from, const std::string& ref) {
  for (const TfResource& r : doc.resources) {
    if (!r.managed || r.module != from.module || r.values == nullptr) continue;
    const std::string local = local_address(r);
    if (ref.compare(0, local.size(), local) == 0 && (ref.size() == local.size() || ref[local.size()] == '.')) return &r;
  }
  return nullptr;
}

/// The only resource of `types` in `r`'s module, else in the plan.
const TfResource* only_of(const TfDocument& doc, const TfResource& from, const std::vector<std::string>& types, bool& in_module) {
  for (const bool module : {true, false}) {
    const TfResource* found = nullptr;
    int count = 0;
    for (const TfResource& r : doc.resources) {
      if (r.values == nullptr || !of_type(r, types) || (module && r.module != from.module)) continue;
      found = &r;
      ++count;
    }
    if (count == 1) {
      in_module = module;
      return found;
    }
    if (count > 1) return nullptr;
  }
  return nullptr;
}

/// A load balancer's or listener's unknown ARN in the shape AWS gives it, its unknown parts
/// placeholders, so that what the conversion reads from the ARN (the IngressGroup is the load
/// balancer's name, a rule's listener is its ARN's prefix) still holds; "" when the name is unknown.
std::string shaped_arn(const TfDocument& doc, const TfResource& r) {
  const std::string id = "/" + placeholder(r.address, "arn");
  if (r.type == "aws_lb" || r.type == "aws_alb") {
    const std::string* name = text_of(r, "name");
    const std::string* type = text_of(r, "load_balancer_type");
    if (name == nullptr) return "";
    return "arn:aws:elasticloadbalancing:REPLACE_ME_REGION:REPLACE_ME_ACCOUNT:loadbalancer/" +
           std::string(type != nullptr && *type == "network" ? "net" : "app") + "/" + *name + id;
  }
  if (r.type == "aws_iam_role") {
    const std::string* name = text_of(r, "name");
    const std::string* path = text_of(r, "path");
    return name == nullptr ? "" : "arn:aws:iam::REPLACE_ME_ACCOUNT:role" + (path != nullptr ? *path : std::string("/")) + *name;
  }
  if (r.type == "aws_lb_listener" || r.type == "aws_alb_listener") {
    std::string lb;
    if (const std::string* known = text_of(r, "load_balancer_arn")) lb = *known;
    else {
      std::string why;
      lb = link_unknown(doc, r, "load_balancer_arn", why).value_or("");
    }
    const auto at = lb.find(":loadbalancer/");
    return at == std::string::npos ? "" : lb.substr(0, at) + ":listener/" + lb.substr(at + 14) + id;
  }
  return "";
}

/// The ARN of `r`, or what its unknown ARN is written as (shaped, else a placeholder).
std::string arn_of(const TfDocument& doc, const TfResource& r) {
  if (const std::string* arn = text_of(r, "arn")) return *arn;
  const std::string shaped = shaped_arn(doc, r);
  return shaped.empty() ? placeholder(r.address, "arn") : shaped;
}

/// What `target` is known by where `path` names it.
std::string value_for(const TfDocument& doc, const TfResource& target, const std::string& path) {
  if (target.type == "aws_ecs_task_definition") {
    const std::string* family = text_of(target, "family");
    return family != nullptr ? *family : arn_of(doc, target);
  }
  if (target.type == "aws_ecs_service") {  // a scaling target's service/CLUSTER/SERVICE
    const std::string* name = text_of(target, "name");
    std::string cluster;
    if (const std::string* c = text_of(target, "cluster")) cluster = *c;
    else {
      std::string why;
      cluster = link_unknown(doc, target, "cluster", why).value_or(placeholder(target.address, "cluster"));
    }
    if (const auto at = cluster.find(":cluster/"); at != std::string::npos) cluster = cluster.substr(at + 9);
    return "service/" + cluster + "/" + (name != nullptr ? *name : placeholder(target.address, "name"));
  }
  (void)path;
  return arn_of(doc, target);
}

}  // namespace

const TfResource* referenced_resource(const TfDocument& doc, const TfResource& r, const std::string& path,
                                      const std::vector<std::string>& types) {
  for (const std::string& ref : references(r, path)) {
    const TfResource* target = referenced(doc, r, ref);
    if (target != nullptr && of_type(*target, types)) return target;
  }
  return nullptr;
}

std::optional<std::string> link_unknown(const TfDocument& doc, const TfResource& r, const std::string& path, std::string& why) {
  if (path == "arn") {  // the resource's own ARN: shaped as AWS gives it where the conversion reads it
    const std::string shaped = shaped_arn(doc, r);
    if (shaped.empty()) return std::nullopt;
    why = "written as " + shaped;
    return shaped;
  }
  const std::vector<std::string> types = wanted_types(path);
  if (types.empty()) return std::nullopt;
  if (const TfResource* target = referenced_resource(doc, r, path, types)) {
    why = "linked to " + target->address + " by the configuration's reference";
    return value_for(doc, *target, path);
  }
  bool in_module = false;
  const TfResource* target = only_of(doc, r, types, in_module);
  if ((target == nullptr || target == &r) && types.front() == "aws_iam_role") {
    // A role ARN stays an ARN (an IRSA annotation, a TaskRoleArn written back): the role's name is the placeholder.
    std::string name = placeholder(r.address, path);
    for (char& c : name) {
      if (std::isalnum(static_cast<unsigned char>(c)) == 0 && std::string_view("+=,.@_-").find(c) == std::string_view::npos) c = '_';
    }
    why = "an IAM role ARN whose role the configuration does not name directly";
    return "arn:aws:iam::REPLACE_ME_ACCOUNT:role/" + name;
  }
  if (target == nullptr || target == &r) return std::nullopt;
  why = "linked to " + target->address + ", the only " + target->type + (in_module ? " of its module" : " of the plan") +
        ": the configuration passes it through a variable";
  return value_for(doc, *target, path);
}

}  // namespace specconv::iac
