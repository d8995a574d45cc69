// Fn::Sub, both forms: "text ${Name} ${Resource.Attribute} ${!Literal}" and [text, {Name: value}].
#include "iac/functions.h"
#include "io/pointer.h"

namespace specconv::iac {
namespace {

/// The text of variable `name`: from the form's map, else a Ref or (with a dot) a Fn::GetAtt.
std::optional<std::string> variable(Evaluator& ev, const std::string& name, const io::Node* vars, const io::Node& at,
                                    const std::string& pointer) {
  if (vars != nullptr) {
    if (const io::Node* v = vars->find(name)) {
      std::optional<io::Node> value = ev.evaluate(*v, pointer + "/1/" + io::escape_pointer_token(name));
      if (!value) {
        if (!ev.failed()) ev.fail(at, pointer, "Fn::Sub variable \"" + name + "\" is AWS::NoValue");
        return std::nullopt;
      }
      return text_of(ev, *value, at, pointer, "Fn::Sub");
    }
  }
  const std::size_t dot = name.find('.');
  std::optional<io::Node> value = dot == std::string::npos || name.rfind("AWS::", 0) == 0
                                      ? ref_named(ev, name, at, pointer)
                                      : get_att_named(ev, name.substr(0, dot), name.substr(dot + 1), at, pointer);
  if (!value) {
    if (!ev.failed()) ev.fail(at, pointer, "Fn::Sub variable \"" + name + "\" is AWS::NoValue");
    return std::nullopt;
  }
  if (value->is_array()) {  // a list parameter reads as its items joined by commas
    std::string joined;
    for (const io::Node& item : value->items()) joined += (joined.empty() ? "" : ",") + item.text();
    return joined;
  }
  return text_of(ev, *value, at, pointer, "Fn::Sub");
}

}  // namespace

std::optional<io::Node> fn_sub(Evaluator& ev, const io::Node& arg, const io::Node& at, const std::string& pointer) {
  const io::Node* text = &arg;
  const io::Node* vars = nullptr;
  if (arg.is_array()) {
    if (arg.items().size() != 2 || !arg.items()[1].is_object()) {
      ev.fail(at, pointer, "Fn::Sub takes a string, or a list of a string and a map of variables");
      return std::nullopt;
    }
    text = &arg.items()[0];
    vars = &arg.items()[1];
  }
  if (!text->is_string()) {
    ev.fail(at, pointer, "Fn::Sub takes a string, or a list of a string and a map of variables");
    return std::nullopt;
  }
  const std::string& s = text->text();
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t open = s.find("${", i);
    if (open == std::string::npos) {
      out.append(s, i, std::string::npos);
      break;
    }
    out.append(s, i, open - i);
    const std::size_t close = s.find('}', open);
    if (close == std::string::npos) {
      ev.fail(at, pointer, "Fn::Sub: \"${\" without its closing \"}\"");
      return std::nullopt;
    }
    const std::string name = s.substr(open + 2, close - open - 2);
    if (!name.empty() && name[0] == '!') {
      out += "${" + name.substr(1) + "}";  // ${!Literal} is written as ${Literal}
    } else {
      const auto value = variable(ev, name, vars, at, pointer);
      if (!value || !ev.spend(at, pointer, value->size())) return std::nullopt;
      out += *value;
    }
    if (out.size() > ev.limits().max_string_bytes) {
      (void)ev.spend(at, pointer, out.size());  // reports the limit
      return std::nullopt;
    }
    i = close + 1;
  }
  return located(io::Node::string(std::move(out)), at);
}

}  // namespace specconv::iac
