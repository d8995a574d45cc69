// Conditions: Fn::If, Fn::Equals, Fn::And, Fn::Or, Fn::Not, Fn::Contains and {"Condition": name}.
#include "iac/functions.h"

namespace specconv::iac {
namespace {

std::optional<bool> truth(Evaluator& ev, const io::Node& arg, const io::Node& at, const std::string& pointer, const char* fn) {
  std::optional<io::Node> v = ev.evaluate(arg, pointer);
  if (!v) {
    if (!ev.failed()) ev.fail(at, pointer, std::string(fn) + " needs a condition here, got AWS::NoValue");
    return std::nullopt;
  }
  if (v->is_bool()) return v->as_bool();
  if (v->is_string() && (v->text() == "true" || v->text() == "false")) return v->text() == "true";
  ev.fail(at, pointer, std::string(fn) + " needs a condition (true or false) here");
  return std::nullopt;
}

std::optional<io::Node> fold(Evaluator& ev, const io::Node& arg, const io::Node& at, const std::string& pointer, bool any,
                             const char* fn) {
  if (!arg.is_array() || arg.items().size() < 2 || arg.items().size() > 10) {
    ev.fail(at, pointer, std::string(fn) + " takes a list of 2 to 10 conditions");
    return std::nullopt;
  }
  bool out = !any;
  for (std::size_t i = 0; i < arg.items().size(); ++i) {
    const io::Node& item = arg.items()[i];
    const std::string p = pointer + "/" + std::to_string(i);
    std::optional<bool> t = item.is_string() ? std::optional<bool>(ev.condition(item.text(), at, p)) : truth(ev, item, at, p, fn);
    if (!t || ev.failed()) return std::nullopt;
    out = any ? (out || *t) : (out && *t);
  }
  return located(io::Node::boolean(out), at);
}

}  // namespace

std::optional<io::Node> fn_if(Evaluator& ev, const io::Node& arg, const io::Node& at, const std::string& pointer) {
  const io::Node* a = arguments(ev, arg, 3, at, pointer, "Fn::If");
  if (a == nullptr) return std::nullopt;
  if (!a->items()[0].is_string()) {
    ev.fail(at, pointer + "/0", "Fn::If takes the name of a condition first");
    return std::nullopt;
  }
  const bool yes = ev.condition(a->items()[0].text(), at, pointer + "/0");
  if (ev.failed()) return std::nullopt;
  return ev.evaluate(a->items()[yes ? 1 : 2], pointer + (yes ? "/1" : "/2"));
}

std::optional<io::Node> fn_equals(Evaluator& ev, const io::Node& arg, const io::Node& at, const std::string& pointer) {
  const io::Node* a = arguments(ev, arg, 2, at, pointer, "Fn::Equals");
  if (a == nullptr) return std::nullopt;
  std::optional<std::string> sides[2];
  for (std::size_t i = 0; i < 2; ++i) {
    std::optional<io::Node> v = ev.evaluate(a->items()[i], pointer + "/" + std::to_string(i));
    if (ev.failed()) return std::nullopt;
    sides[i] = v ? (v->is_array() || v->is_object() ? std::optional<std::string>() : text_of(ev, *v, at, pointer, "Fn::Equals"))
                 : std::optional<std::string>("");
    if (!sides[i]) {
      if (!ev.failed()) ev.fail(at, pointer, "Fn::Equals compares strings");
      return std::nullopt;
    }
  }
  return located(io::Node::boolean(*sides[0] == *sides[1]), at);
}

std::optional<io::Node> fn_and(Evaluator& ev, const io::Node& arg, const io::Node& at, const std::string& pointer) {
  return fold(ev, arg, at, pointer, false, "Fn::And");
}

std::optional<io::Node> fn_or(Evaluator& ev, const io::Node& arg, const io::Node& at, const std::string& pointer) {
  return fold(ev, arg, at, pointer, true, "Fn::Or");
}

std::optional<io::Node> fn_not(Evaluator& ev, const io::Node& arg, const io::Node& at, const std::string& pointer) {
  const io::Node* a = arguments(ev, arg, 1, at, pointer, "Fn::Not");
  if (a == nullptr) return std::nullopt;
  const io::Node& item = a->items()[0];
  std::optional<bool> t = item.is_string() ? std::optional<bool>(ev.condition(item.text(), at, pointer + "/0"))
                                           : truth(ev, item, at, pointer + "/0", "Fn::Not");
  if (!t || ev.failed()) return std::nullopt;
  return located(io::Node::boolean(!*t), at);
}

std::optional<io::Node> fn_contains(Evaluator& ev, const io::Node& arg, const io::Node& at, const std::string& pointer) {
  const io::Node* a = arguments(ev, arg, 2, at, pointer, "Fn::Contains");
  if (a == nullptr) return std::nullopt;
  std::optional<io::Node> list = ev.evaluate(a->items()[0], pointer + "/0");
  std::optional<io::Node> value = ev.evaluate(a->items()[1], pointer + "/1");
  if (!list || !value || !list->is_array() || !value->is_scalar()) {
    if (!ev.failed()) ev.fail(at, pointer, "Fn::Contains takes a list and a string");
    return std::nullopt;
  }
  const auto wanted = text_of(ev, *value, at, pointer, "Fn::Contains");
  if (!wanted) return std::nullopt;
  bool found = false;
  for (const io::Node& item : list->items()) {
    if (item.is_scalar() && text_of(ev, item, at, pointer, "Fn::Contains") == wanted) found = true;
  }
  return located(io::Node::boolean(found), at);
}

std::optional<io::Node> fn_condition(Evaluator& ev, const io::Node& arg, const io::Node& at, const std::string& pointer) {
  if (!arg.is_string()) {
    ev.fail(at, pointer, "Condition takes the name of a condition");
    return std::nullopt;
  }
  const bool v = ev.condition(arg.text(), at, pointer);
  if (ev.failed()) return std::nullopt;
  return located(io::Node::boolean(v), at);
}

}  // namespace specconv::iac
