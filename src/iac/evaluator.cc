// Evaluator: the walk over a template value, the settings, errors and limits.
#include "iac/evaluator.h"

#include <array>

#include "iac/functions.h"
#include "io/pointer.h"

namespace specconv::iac {
namespace {

constexpr std::size_t kMaxDepth = 400;  // nested values and references together

std::string stem(const std::string& file) {
  std::string name = file.substr(file.find_last_of('/') == std::string::npos ? 0 : file.find_last_of('/') + 1);
  for (std::string_view ext : {".template.json", ".template.yaml", ".template.yml", ".template", ".json", ".yaml", ".yml"}) {
    if (name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0) {
      return name.substr(0, name.size() - ext.size());
    }
  }
  return name;
}

}  // namespace

Settings settings_for(const TemplateInputs& in, const std::string& file) {
  Settings s;
  if (!in.region.empty()) s.region = in.region;
  if (!in.account_id.empty()) s.account_id = in.account_id;
  s.stack_name = in.stack_name.empty() ? stem(file) : in.stack_name;
  if (s.stack_name.empty() || s.stack_name == "-") s.stack_name = "stack";
  s.parameters = in.parameters;
  return s;
}

Evaluator::Evaluator(const io::Node& root, std::string file, Settings settings, const io::Limits& limits, Diagnostics& diags)
    : root_(root), file_(std::move(file)), settings_(std::move(settings)), limits_(limits), diags_(diags) {}

std::optional<io::Node> Evaluator::evaluate(const io::Node& n, const std::string& pointer) {
  if (failed_) return std::nullopt;
  if (depth_ >= kMaxDepth) {
    fail(n, pointer, "intrinsic functions and references nested deeper than " + std::to_string(kMaxDepth) + " levels");
    return std::nullopt;
  }
  ++depth_;
  std::optional<io::Node> out;
  if (n.is_object() && n.size() == 1 && (n.members()[0].first == "Ref" || n.members()[0].first.rfind("Fn::", 0) == 0 ||
                                         (n.members()[0].first == "Condition" && in_condition()))) {
    const auto& [fn, arg] = n.members()[0];
    out = call(fn, arg, n, pointer + "/" + io::escape_pointer_token(fn));
  } else if (n.is_object() || n.is_array()) {
    out = container(n, pointer);
  } else if (spend(n, pointer, n.text().size() + 1)) {
    out = n;
  }
  --depth_;
  if (failed_) return std::nullopt;
  return out;
}

std::optional<io::Node> Evaluator::call(const std::string& fn, const io::Node& arg, const io::Node& at,
                                        const std::string& pointer) {
  const Fn f = function_named(fn);
  if (f == nullptr) {
    fail(at, pointer, "unknown intrinsic function \"" + fn +
                          "\" (specconv evaluates Ref, Condition, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Select, Fn::Split, "
                          "Fn::If, Fn::Equals, Fn::And, Fn::Or, Fn::Not, Fn::Contains, Fn::FindInMap, Fn::ImportValue, "
                          "Fn::GetAZs, Fn::Base64, Fn::Cidr, Fn::Length)");
    return std::nullopt;
  }
  return f(*this, arg, at, pointer);
}

std::optional<io::Node> Evaluator::container(const io::Node& n, const std::string& pointer) {
  io::Node out = n.is_object() ? io::Node::object() : io::Node::array();
  out.set_position(n.line(), n.column());
  if (n.is_object()) {
    for (const auto& [key, value] : n.members()) {
      std::optional<io::Node> v = evaluate(value, pointer + "/" + io::escape_pointer_token(key));
      if (failed_) return std::nullopt;
      if (v) out.members().emplace_back(key, std::move(*v));  // AWS::NoValue removes the member
    }
  } else {
    for (std::size_t i = 0; i < n.items().size(); ++i) {
      std::optional<io::Node> v = evaluate(n.items()[i], pointer + "/" + std::to_string(i));
      if (failed_) return std::nullopt;
      if (v) out.items().push_back(std::move(*v));
    }
  }
  return out;
}

std::optional<io::Node> Evaluator::property(const std::string& id, std::string_view key) {
  const io::Node* r = resource(id);
  const io::Node* props = r != nullptr ? r->find("Properties") : nullptr;
  const io::Node* p = props != nullptr && props->is_object() ? props->find(key) : nullptr;
  if (p == nullptr || failed_) return std::nullopt;
  return guarded(id, *p, "/Resources/" + io::escape_pointer_token(id) + "/Properties/" + io::escape_pointer_token(key));
}

std::optional<io::Node> Evaluator::properties(const std::string& id) {
  const io::Node* r = resource(id);
  const io::Node* props = r != nullptr ? r->find("Properties") : nullptr;
  if (props == nullptr || props->is_null()) {
    io::Node empty = io::Node::object();
    if (r != nullptr) empty.set_position(r->line(), r->column());
    return empty;
  }
  const std::string pointer = "/Resources/" + io::escape_pointer_token(id) + "/Properties";
  if (!props->is_object()) {
    fail(*props, pointer, "Properties must be an object");
    return std::nullopt;
  }
  return guarded(id, *props, pointer);
}

std::optional<io::Node> Evaluator::guarded(const std::string& id, const io::Node& n, const std::string& pointer) {
  for (const std::string& a : active_) {
    if (a == id) {
      std::string chain;
      for (const std::string& b : active_) chain += b + " -> ";
      fail(n, pointer, "reference cycle: " + chain + id);
      return std::nullopt;
    }
  }
  active_.push_back(id);
  std::optional<io::Node> v = evaluate(n, pointer);
  active_.pop_back();
  return v;
}

std::string Evaluator::property_text(const std::string& id, std::string_view key) {
  std::optional<io::Node> v = property(id, key);
  if (!v || !v->is_scalar() || v->is_null()) return "";
  if (v->is_bool()) return v->as_bool() ? "true" : "false";
  if (v->is_int()) return std::to_string(v->as_int());
  return v->text();
}

bool Evaluator::condition(const std::string& name, const io::Node& at, const std::string& pointer) {
  if (auto it = conditions_.find(name); it != conditions_.end()) return it->second;
  const io::Node* all = root_.find("Conditions");
  const io::Node* c = all != nullptr && all->is_object() ? all->find(name) : nullptr;
  if (c == nullptr) {
    fail(at, pointer, "condition \"" + name + "\" is not in the Conditions section");
    return false;
  }
  const std::string key = "Conditions/" + name;
  for (const std::string& a : active_) {
    if (a == key) {
      fail(at, pointer, "condition \"" + name + "\" depends on itself");
      return false;
    }
  }
  active_.push_back(key);
  ++in_condition_;
  std::optional<io::Node> v = evaluate(*c, "/Conditions/" + io::escape_pointer_token(name));
  --in_condition_;
  active_.pop_back();
  if (failed_) return false;
  if (!v || !v->is_bool()) {
    fail(*c, "/Conditions/" + io::escape_pointer_token(name), "condition \"" + name + "\" is not true or false");
    return false;
  }
  conditions_[name] = v->as_bool();
  return v->as_bool();
}

const io::Node* Evaluator::resource(const std::string& id) const {
  const io::Node* all = root_.find("Resources");
  const io::Node* r = all != nullptr && all->is_object() ? all->find(id) : nullptr;
  return r != nullptr && r->is_object() ? r : nullptr;
}

std::string Evaluator::type_of(const std::string& id) const {
  const io::Node* r = resource(id);
  const io::Node* t = r != nullptr ? r->find("Type") : nullptr;
  return t != nullptr && t->is_string() ? t->text() : "";
}

std::string Evaluator::partition() const {
  if (settings_.region.rfind("cn-", 0) == 0) return "aws-cn";
  if (settings_.region.rfind("us-gov-", 0) == 0) return "aws-us-gov";
  return "aws";
}

std::optional<std::string> Evaluator::given(const std::string& name) const {
  std::optional<std::string> out;
  for (const auto& [k, v] : settings_.parameters) {
    if (k == name) out = v;
  }
  return out;
}

void Evaluator::fail(const io::Node& at, const std::string& pointer, const std::string& message) {
  if (failed_) return;
  failed_ = true;
  diags_.error("template-intrinsic", {file_, pointer, at.line(), at.column(), -1}, message);
}

void Evaluator::placeholder(const io::Node& at, const std::string& pointer, const std::string& message) {
  if (!warned_.insert(message).second) return;
  diags_.warning("template-placeholder", {file_, pointer, at.line(), at.column(), -1}, message);
}

bool Evaluator::spend(const io::Node& at, const std::string& pointer, std::size_t bytes) {
  if (bytes > limits_.max_string_bytes) {
    fail(at, pointer, "an intrinsic function makes a string of more than " + std::to_string(limits_.max_string_bytes) +
                          " bytes (raise with --max-string-length)");
    return false;
  }
  spent_ += bytes;
  if (spent_ > 4 * limits_.max_string_bytes + limits_.max_file_bytes) {
    fail(at, pointer, "evaluating the template makes more than " + std::to_string(spent_ >> 20) +
                          " MB of values: a Fn::Sub or Fn::Join bomb? (raise with --max-string-length)");
    return false;
  }
  return true;
}

std::optional<std::string> text_of(Evaluator& ev, const io::Node& v, const io::Node& at, const std::string& pointer,
                                   std::string_view what) {
  if (v.is_string() || v.is_float()) return v.text();
  if (v.is_int()) return std::to_string(v.as_int());
  if (v.is_bool()) return std::string(v.as_bool() ? "true" : "false");
  ev.fail(at, pointer, std::string(what) + " needs a string here, got " + (v.is_null() ? "null" : io::kind_name(v.kind())));
  return std::nullopt;
}

}  // namespace specconv::iac
