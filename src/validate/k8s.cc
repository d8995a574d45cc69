// Kubernetes objects: schema walk plus the API server's cheap rules (names, labels, ports,
// volume mounts, selectors) and removed API versions.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>

#include "io/pointer.h"
#include "validate/validator.h"
#include "validate/walk.h"

namespace specconv::validate {
namespace {

using detail::Walker;

bool lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// RFC 1123 label: lowercase alphanumerics and '-', alphanumeric at both ends, max 63.
bool dns_label(std::string_view s, std::size_t max = 63) {
  if (s.empty() || s.size() > max || !lower_alnum(s.front()) || !lower_alnum(s.back())) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return lower_alnum(c) || c == '-'; });
}
// RFC 1035 label: an RFC 1123 label that starts with a letter.
bool rfc1035_label(std::string_view s) { return dns_label(s) && s.front() >= 'a' && s.front() <= 'z'; }
// RFC 1123 subdomain: dot-separated labels, max 253.
bool dns_subdomain(std::string_view s) {
  if (s.empty() || s.size() > 253) return false;
  std::size_t start = 0;
  while (true) {
    std::size_t dot = s.find('.', start);
    if (!dns_label(s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start), 253)) return false;
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}
// Label value / qualified-name part: [A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?, max 63.
bool name_part(std::string_view s) {
  if (s.empty() || s.size() > 63 || !alnum(s.front()) || !alnum(s.back())) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return alnum(c) || c == '-' || c == '_' || c == '.'; });
}
bool qualified_name(std::string_view s) {
  std::size_t slash = s.find('/');
  if (slash == std::string_view::npos) return name_part(s);
  return dns_subdomain(s.substr(0, slash)) && name_part(s.substr(slash + 1));
}
// IANA service name: max 15, lowercase alphanumerics and '-', at least one letter, no '--'.
bool iana_service_name(std::string_view s) {
  if (s.empty() || s.size() > 15 || s.front() == '-' || s.back() == '-' || s.find("--") != std::string_view::npos) return false;
  bool letter = false;
  for (char c : s) {
    if (!lower_alnum(c) && c != '-') return false;
    letter = letter || (c >= 'a' && c <= 'z');
  }
  return letter;
}
// ConfigMap / Secret keys: [-._a-zA-Z0-9]+, max 253, not "." or "..".
// Kubernetes 1.34 (KEP-4369, RelaxedEnvironmentVariableValidation): any printable ASCII but '='.
bool env_var_name(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c <= 0x7e && c != '='; });
}

bool config_key(std::string_view s) {
  if (s.empty() || s.size() > 253 || s == "." || s == "..") return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return alnum(c) || c == '-' || c == '_' || c == '.'; });
}
bool base64(std::string_view s) {
  if (s.size() % 4 != 0) return false;
  std::size_t pad = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '=') {
      ++pad;
      continue;
    }
    if (pad > 0 || !(alnum(c) || c == '+' || c == '/')) return false;
  }
  return pad <= 2;
}

struct Removed {
  const char* api_version;
  const char* kind;  // nullptr: every kind of the group version
  const char* since;
};
const Removed kRemoved[] = {
    {"extensions/v1beta1", nullptr, "1.22"}, {"apps/v1beta1", nullptr, "1.16"},
    {"apps/v1beta2", nullptr, "1.16"}, {"batch/v1beta1", nullptr, "1.25"},
    {"batch/v2alpha1", nullptr, "1.21"}, {"autoscaling/v2beta1", nullptr, "1.25"},
    {"autoscaling/v2beta2", nullptr, "1.26"}, {"policy/v1beta1", nullptr, "1.25"},
    {"networking.k8s.io/v1beta1", nullptr, "1.22"},
    {"external-secrets.io/v1beta1", nullptr, "External Secrets Operator v0.17"},
};

const std::string* text_at(const io::Node& n, std::initializer_list<std::string_view> path) {
  const io::Node* cur = &n;
  for (auto key : path) {
    if (!cur->is_object() || (cur = cur->find(key)) == nullptr) return nullptr;
  }
  return cur->is_string() ? &cur->text() : nullptr;
}

class K8sRules {
 public:
  K8sRules(Walker& w, const std::string& kind) : w_(w), kind_(kind) {}

  void object(const io::Node& obj) {
    std::string ptr;
    const io::Node* meta = obj.find("metadata");
    metadata(meta, obj, "/metadata", true);
    if (kind_ == "ConfigMap" || kind_ == "Secret") {
      for (const char* field : {"data", "binaryData", "stringData"}) {
        const io::Node* d = obj.find(field);
        if (d == nullptr || !d->is_object()) continue;
        for (const auto& [key, value] : d->members()) {
          ptr = std::string("/") + field;
          io::append_pointer_token(ptr, key);
          if (!config_key(key)) {
            w_.error("schema-rule", ptr, value, "key \"" + key + "\" may only contain letters, digits, '-', '_' and '.'");
          }
          if (kind_ == "Secret" && std::string_view(field) == "data" && value.is_string() && !base64(value.text())) {
            w_.error("schema-format", ptr, value, "must be base64-encoded (Secret.data); use stringData for plain text");
          }
        }
      }
    }
    const io::Node* spec = obj.find("spec");
    const bool runs_pods = kind_ == "Pod" || kind_ == "Deployment" || kind_ == "StatefulSet" || kind_ == "DaemonSet" ||
                           kind_ == "ReplicaSet" || kind_ == "Job" || kind_ == "CronJob";
    if (spec == nullptr || !spec->is_object()) {
      // The API server: "spec.template.spec.containers: Required value" and its kin.
      if (runs_pods) w_.error("schema-rule", "/spec", spec != nullptr ? *spec : obj, "a " + kind_ + " needs a spec with its pod's containers");
      return;
    }
    if (kind_ == "Pod") {
      pod_spec(*spec, "/spec", nullptr);
    } else if (kind_ == "Service") {
      service_ports(*spec);
    } else if (kind_ == "CronJob") {
      const io::Node* jt = spec->find("jobTemplate");
      const io::Node* js = jt != nullptr ? jt->find("spec") : nullptr;
      if (js != nullptr) workload(*js, "/spec/jobTemplate/spec");
    } else if (kind_ == "Deployment" || kind_ == "StatefulSet" || kind_ == "DaemonSet" ||
               kind_ == "ReplicaSet" || kind_ == "Job") {
      workload(*spec, "/spec");
    }
  }

 private:
  void metadata(const io::Node* meta, const io::Node& obj, const std::string& ptr, bool top) {
    if (meta == nullptr || !meta->is_object()) {
      if (top) w_.error("schema-rule", "/metadata", obj, "metadata.name is required");
      return;
    }
    const io::Node* name = meta->find("name");
    if (top) {
      if ((name == nullptr || !name->is_string() || name->text().empty()) && meta->find("generateName") == nullptr) {
        w_.error("schema-rule", ptr, *meta, "metadata.name is required");
      } else if (name != nullptr && name->is_string()) {
        const std::string& n = name->text();
        bool ok = true;
        std::string rule = "an RFC 1123 subdomain (lowercase letters, digits, '-', '.', max 253)";
        if (kind_ == "Service") {
          ok = rfc1035_label(n);
          rule = "an RFC 1035 label (lowercase letters, digits, '-', starting with a letter, max 63)";
        } else if (kind_ == "Namespace") {
          ok = dns_label(n);
          rule = "an RFC 1123 label (lowercase letters, digits, '-', max 63)";
        } else if (kind_ == "CronJob") {
          ok = dns_subdomain(n) && n.size() <= 52;
          rule = "an RFC 1123 subdomain of at most 52 characters";
        } else {
          ok = dns_subdomain(n);
        }
        if (!ok) w_.error("schema-rule", ptr + "/name", *name, "\"" + n + "\" must be " + rule);
      }
    }
    if (const io::Node* labels = meta->find("labels"); labels != nullptr && labels->is_object()) {
      for (const auto& [key, value] : labels->members()) {
        std::string p = ptr + "/labels";
        io::append_pointer_token(p, key);
        if (!qualified_name(key)) w_.error("schema-rule", p, value, "label key \"" + key + "\" is not a valid qualified name");
        if (value.is_string() && !value.text().empty() && !name_part(value.text())) {
          w_.error("schema-rule", p, value, "label value \"" + value.text() + "\" must be at most 63 letters, digits, '-', '_', '.', alphanumeric at both ends");
        }
      }
    }
    if (const io::Node* ann = meta->find("annotations"); ann != nullptr && ann->is_object()) {
      for (const auto& [key, value] : ann->members()) {
        if (qualified_name(key)) continue;
        std::string p = ptr + "/annotations";
        io::append_pointer_token(p, key);
        w_.error("schema-rule", p, value, "annotation key \"" + key + "\" is not a valid qualified name");
      }
    }
  }

  void workload(const io::Node& spec, const std::string& ptr) {
    const io::Node* tmpl = spec.find("template");
    if (tmpl == nullptr || !tmpl->is_object()) {
      w_.error("schema-rule", ptr + "/template", tmpl != nullptr ? *tmpl : spec, "a " + kind_ + " needs a pod template (template.spec.containers)");
      return;
    }
    const io::Node* tmeta = tmpl->find("metadata");
    metadata(tmeta, *tmpl, ptr + "/template/metadata", false);
    // selector.matchLabels must match the template labels.
    const io::Node* sel = spec.find("selector");
    const io::Node* ml = sel != nullptr && sel->is_object() ? sel->find("matchLabels") : nullptr;
    if (ml != nullptr && ml->is_object()) {
      const io::Node* labels = tmeta != nullptr && tmeta->is_object() ? tmeta->find("labels") : nullptr;
      for (const auto& [key, value] : ml->members()) {
        const io::Node* have = labels != nullptr && labels->is_object() ? labels->find(key) : nullptr;
        if (have == nullptr || !(*have == value)) {
          std::string p = ptr + "/selector/matchLabels";
          io::append_pointer_token(p, key);
          w_.error("schema-rule", p, value,
                   "selector " + key + "=" + (value.is_string() ? value.text() : detail::describe(value)) +
                       " does not match the pod template labels");
        }
      }
    }
    const io::Node* pspec = tmpl->find("spec");
    if (pspec != nullptr && pspec->is_object()) {
      pod_spec(*pspec, ptr + "/template/spec", spec.find("volumeClaimTemplates"));
    } else {
      w_.error("schema-rule", ptr + "/template/spec", pspec != nullptr ? *pspec : *tmpl, "the pod template needs a spec with containers");
    }
  }

  void pod_spec(const io::Node& spec, const std::string& ptr, const io::Node* claim_templates) {
    std::set<std::string> volumes;
    if (const io::Node* vols = spec.find("volumes"); vols != nullptr && vols->is_array()) {
      for (const auto& v : vols->items()) {
        if (const std::string* n = text_at(v, {"name"})) volumes.insert(*n);
      }
    }
    if (claim_templates != nullptr && claim_templates->is_array()) {
      for (const auto& v : claim_templates->items()) {
        if (const std::string* n = text_at(v, {"metadata", "name"})) volumes.insert(*n);
      }
    }
    if (const io::Node* cs = spec.find("containers"); cs == nullptr || !cs->is_array() || cs->items().empty()) {
      w_.error("schema-rule", ptr + "/containers", cs != nullptr ? *cs : spec, "a pod needs at least one container");
    }
    std::set<std::string> names;
    for (const char* list : {"initContainers", "containers"}) {
      const io::Node* cs = spec.find(list);
      if (cs == nullptr || !cs->is_array()) continue;
      for (std::size_t i = 0; i < cs->items().size(); ++i) {
        const io::Node& c = cs->items()[i];
        std::string cp = ptr + "/" + list + "/" + std::to_string(i);
        if (const io::Node* n = c.find("name"); n != nullptr && n->is_string()) {
          if (!dns_label(n->text())) {
            w_.error("schema-rule", cp + "/name", *n, "container name \"" + n->text() + "\" must be an RFC 1123 label (lowercase letters, digits, '-', max 63)");
          } else if (!names.insert(n->text()).second) {
            w_.error("schema-rule", cp + "/name", *n, "duplicate container name \"" + n->text() + "\"");
          }
        }
        if (const io::Node* ports = c.find("ports"); ports != nullptr && ports->is_array()) {
          for (std::size_t j = 0; j < ports->items().size(); ++j) {
            const io::Node& p = ports->items()[j];
            std::string pp = cp + "/ports/" + std::to_string(j);
            port_range(p.find("containerPort"), pp + "/containerPort", false);
            port_range(p.find("hostPort"), pp + "/hostPort", false);
            if (const io::Node* pn = p.find("name"); pn != nullptr && pn->is_string() && !iana_service_name(pn->text())) {
              w_.error("schema-rule", pp + "/name", *pn, "port name \"" + pn->text() + "\" must be an IANA service name (max 15 lowercase letters, digits, '-')");
            }
          }
        }
        if (const io::Node* env = c.find("env"); env != nullptr && env->is_array()) {
          for (std::size_t j = 0; j < env->items().size(); ++j) {
            const io::Node* en = env->items()[j].find("name");
            if (en != nullptr && en->is_string() && !env_var_name(en->text())) {
              w_.error("schema-rule", cp + "/env/" + std::to_string(j) + "/name", *en,
                       "environment variable name \"" + en->text() + "\" must be printable ASCII characters other than '=', at least one");
            }
          }
        }
        if (const io::Node* mounts = c.find("volumeMounts"); mounts != nullptr && mounts->is_array()) {
          for (std::size_t j = 0; j < mounts->items().size(); ++j) {
            const io::Node* mn = mounts->items()[j].find("name");
            if (mn != nullptr && mn->is_string() && volumes.count(mn->text()) == 0) {
              w_.error("schema-rule", cp + "/volumeMounts/" + std::to_string(j) + "/name", *mn,
                       "volumeMount \"" + mn->text() + "\" does not match any volume (or volumeClaimTemplate)");
            }
          }
        }
      }
    }
  }

  void port_range(const io::Node* p, const std::string& ptr, bool allow_zero) {
    if (p == nullptr || !p->is_int()) return;
    int64_t v = p->as_int();
    if (v < (allow_zero ? 0 : 1) || v > 65535) w_.error("schema-range", ptr, *p, "port " + std::to_string(v) + " must be between 1 and 65535");
  }

  void service_ports(const io::Node& spec) {
    const io::Node* ports = spec.find("ports");
    if (ports == nullptr || !ports->is_array()) return;
    for (std::size_t j = 0; j < ports->items().size(); ++j) {
      const io::Node& p = ports->items()[j];
      std::string pp = "/spec/ports/" + std::to_string(j);
      port_range(p.find("port"), pp + "/port", false);
      port_range(p.find("targetPort"), pp + "/targetPort", false);
      port_range(p.find("nodePort"), pp + "/nodePort", true);
    }
  }

  Walker& w_;
  const std::string& kind_;
};

}  // namespace

bool is_quantity(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  auto digits = [&]() {
    std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i - start;
  };
  auto number = [&]() {
    std::size_t a = digits();
    std::size_t b = 0;
    if (i < s.size() && s[i] == '.') {
      ++i;
      b = digits();
    }
    return a + b > 0;
  };
  if (!number()) return false;
  if (i == s.size()) return true;
  std::string_view rest = s.substr(i);
  static constexpr std::string_view kSuffixes[] = {"Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "n", "u", "m", "k", "M", "G", "T", "P", "E"};
  for (auto suf : kSuffixes) {
    if (rest == suf) return true;
  }
  if (rest[0] == 'e' || rest[0] == 'E') {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    return number() && i == s.size();
  }
  return false;
}

void check_k8s_object(const Registry& registry, const io::Node& object, const SourceLocation& where,
                      Diagnostics& diags) {
  Walker w(where, diags, true);
  if (const io::Node* kd = object.is_object() ? object.find("kind") : nullptr; kd != nullptr && kd->is_string()) {
    // Secret values are never printed (ConfigMap binaryData is kept quiet too).
    if (kd->text() == "Secret") {
      w.hide_values_under("/data");
      w.hide_values_under("/stringData");
    } else if (kd->text() == "ConfigMap") {
      w.hide_values_under("/binaryData");
    }
  }
  if (!object.is_object()) {
    w.error("schema-type", "", object, "a Kubernetes object must be a mapping (got " + detail::describe(object) + ")");
    return;
  }
  const io::Node* av = object.find("apiVersion");
  const io::Node* kd = object.find("kind");
  if (av == nullptr || !av->is_string() || kd == nullptr || !kd->is_string()) {
    w.error("schema-missing-field", "", object, "a Kubernetes object needs string apiVersion and kind");
    return;
  }
  if (kd->text() == "List" && av->text() == "v1") {
    const io::Node* items = object.find("items");
    if (items == nullptr || !items->is_array()) {
      w.error("schema-missing-field", "", object, "a List needs an items array");
      return;
    }
    for (std::size_t i = 0; i < items->items().size(); ++i) {
      SourceLocation item = where;
      item.pointer += "/items/" + std::to_string(i);
      check_k8s_object(registry, items->items()[i], item, diags);
    }
    return;
  }
  for (const auto& r : kRemoved) {
    if (av->text() == r.api_version && (r.kind == nullptr || kd->text() == r.kind)) {
      w.error("schema-removed-api", "/apiVersion", *av,
              av->text() + " " + kd->text() + " is no longer served (removed in " + r.since + ")");
      return;
    }
  }
  const Type* type = registry.k8s_kind(av->text(), kd->text());
  if (type == nullptr) {
    w.warning("schema-unknown-kind", "/kind", *kd, "no schema shipped for " + av->text() + " " + kd->text() + ": not validated");
    return;
  }
  std::string pointer;
  pointer.reserve(128);
  w.walk(*type, object, pointer);
  K8sRules(w, kd->text()).object(object);
}

}  // namespace specconv::validate
