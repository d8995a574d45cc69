// Ref, Fn::GetAtt, Fn::ImportValue, Fn::FindInMap, and the table of every function.
#include <array>
#include <utility>

#include "iac/functions.h"
#include "iac/physical.h"
#include "io/pointer.h"

namespace specconv::iac {
namespace {

std::optional<io::Node> pseudo(Evaluator& ev, const std::string& name) {
  const Settings& s = ev.settings();
  if (name == "AWS::Region") return io::Node::string(s.region);
  if (name == "AWS::AccountId") return io::Node::string(s.account_id);
  if (name == "AWS::Partition") return io::Node::string(ev.partition());
  if (name == "AWS::URLSuffix") return io::Node::string(ev.partition() == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com");
  if (name == "AWS::StackName") return io::Node::string(s.stack_name);
  if (name == "AWS::StackId") {
    return io::Node::string("arn:" + ev.partition() + ":cloudformation:" + s.region + ":" + s.account_id + ":stack/" +
                            s.stack_name + "/00000000-0000-0000-0000-000000000000");
  }
  if (name == "AWS::NotificationARNs") return io::Node::array();
  return std::nullopt;
}

/// A parameter's value as its Type says: a list type splits at commas, a Number stays a number.
io::Node typed(const io::Node& decl, const std::string& text) {
  const io::Node* type = decl.find("Type");
  const std::string t = type != nullptr && type->is_string() ? type->text() : "String";
  if (t.rfind("List<", 0) == 0 || t == "CommaDelimitedList") {
    io::Node list = io::Node::array();
    std::size_t start = 0;
    while (true) {
      const std::size_t comma = text.find(',', start);
      list.push(io::Node::string(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    return list;
  }
  if (t == "Number" && !text.empty() && text.size() < 18 && text.find_first_not_of("0123456789") == std::string::npos) {
    return io::Node::integer(std::stoll(text));
  }
  return io::Node::string(text);
}

std::optional<io::Node> parameter(Evaluator& ev, const std::string& name, const io::Node& decl, const io::Node& at,
                                  const std::string& pointer) {
  if (auto v = ev.given(name)) return located(typed(decl, *v), at);
  const io::Node* type = decl.find("Type");
  if (type != nullptr && type->is_string() && type->text().rfind("AWS::SSM::Parameter::Value<", 0) == 0) {
    const io::Node* d = decl.find("Default");
    ev.placeholder(at, pointer, "parameter \"" + name + "\" is the value of SSM parameter " +
                                    (d != nullptr && d->is_string() ? d->text() : std::string("(no Default)")) +
                                    ", unknown offline: REPLACE_ME_" + name + " is written in its place; pass --parameter " +
                                    name + "=VALUE");
    return located(typed(decl, "REPLACE_ME_" + name), at);
  }
  if (const io::Node* d = decl.find("Default"); d != nullptr && !d->is_null()) {
    if (d->is_string()) return located(typed(decl, d->text()), at);
    return located(*d, at);
  }
  ev.placeholder(at, pointer, "parameter \"" + name + "\" has no Default: REPLACE_ME_" + name +
                                  " is written in its place; pass --parameter " + name + "=VALUE");
  const io::Node placeholder = typed(decl, "REPLACE_ME_" + name);
  if (placeholder.is_array()) {  // a list of three, as for subnets in three zones
    return located(typed(decl, "REPLACE_ME_" + name + "_1,REPLACE_ME_" + name + "_2,REPLACE_ME_" + name + "_3"), at);
  }
  return located(placeholder, at);
}

}  // namespace

io::Node located(io::Node v, const io::Node& at) {
  if (v.line() == 0 || v.is_scalar()) v.set_position(at.line(), at.column());
  return v;
}

const io::Node* arguments(Evaluator& ev, const io::Node& arg, std::size_t n, const io::Node& at, const std::string& pointer,
                          const char* fn) {
  if (!arg.is_array() || arg.items().size() != n) {
    ev.fail(at, pointer, std::string(fn) + " takes a list of " + std::to_string(n) + " arguments");
    return nullptr;
  }
  return &arg;
}

std::optional<io::Node> ref_named(Evaluator& ev, const std::string& name, const io::Node& at, const std::string& pointer) {
  if (name == "AWS::NoValue") return std::nullopt;
  if (auto p = pseudo(ev, name)) return located(std::move(*p), at);
  const io::Node* params = ev.root().find("Parameters");
  if (const io::Node* decl = params != nullptr && params->is_object() ? params->find(name) : nullptr; decl != nullptr) {
    return parameter(ev, name, decl->is_object() ? *decl : io::Node::object(), at, pointer);
  }
  if (ev.resource(name) != nullptr) {
    if (auto v = ev.given(name)) return located(io::Node::string(*v), at);
    return resource_ref(ev, name, at, pointer);
  }
  ev.fail(at, pointer, "Ref to \"" + name + "\", which is neither a parameter, a pseudo parameter nor a resource of the template");
  return std::nullopt;
}

std::optional<io::Node> get_att_named(Evaluator& ev, const std::string& id, const std::string& attribute, const io::Node& at,
                                      const std::string& pointer) {
  if (ev.resource(id) == nullptr) {
    ev.fail(at, pointer, "Fn::GetAtt of \"" + id + "\", which is not a resource of the template");
    return std::nullopt;
  }
  if (auto v = ev.given(id + "." + attribute)) return located(io::Node::string(*v), at);
  return resource_att(ev, id, attribute, at, pointer);
}

std::optional<io::Node> fn_ref(Evaluator& ev, const io::Node& arg, const io::Node& at, const std::string& pointer) {
  if (!arg.is_string()) {
    ev.fail(at, pointer, "Ref takes the name of a parameter or resource (a string)");
    return std::nullopt;
  }
  return ref_named(ev, arg.text(), at, pointer);
}

std::optional<io::Node> fn_get_att(Evaluator& ev, const io::Node& arg, const io::Node& at, const std::string& pointer) {
  if (arg.is_string()) {  // the short form's "Resource.Attribute"
    const std::size_t dot = arg.text().find('.');
    if (dot == std::string::npos || dot == 0) {
      ev.fail(at, pointer, "Fn::GetAtt takes \"Resource.Attribute\" or [Resource, Attribute]");
      return std::nullopt;
    }
    return get_att_named(ev, arg.text().substr(0, dot), arg.text().substr(dot + 1), at, pointer);
  }
  const io::Node* a = arguments(ev, arg, 2, at, pointer, "Fn::GetAtt");
  if (a == nullptr) return std::nullopt;
  std::optional<io::Node> attribute = ev.evaluate(a->items()[1], pointer + "/1");
  if (!attribute || !a->items()[0].is_string()) {
    ev.fail(at, pointer, "Fn::GetAtt takes a resource name and an attribute name (strings)");
    return std::nullopt;
  }
  const auto name = text_of(ev, *attribute, at, pointer + "/1", "Fn::GetAtt");
  if (!name) return std::nullopt;
  return get_att_named(ev, a->items()[0].text(), *name, at, pointer);
}

std::optional<io::Node> fn_import_value(Evaluator& ev, const io::Node& arg, const io::Node& at, const std::string& pointer) {
  std::optional<io::Node> v = ev.evaluate(arg, pointer);
  if (!v) {
    ev.fail(at, pointer, "Fn::ImportValue takes the name of an export");
    return std::nullopt;
  }
  const auto name = text_of(ev, *v, at, pointer, "Fn::ImportValue");
  if (!name) return std::nullopt;
  if (auto given = ev.given(*name)) return located(io::Node::string(*given), at);
  ev.placeholder(at, pointer, "Fn::ImportValue \"" + *name + "\" is another stack's export, unknown offline: REPLACE_ME_" + *name +
                                  " is written in its place; pass --parameter " + *name + "=VALUE");
  return located(io::Node::string("REPLACE_ME_" + *name), at);
}

std::optional<io::Node> fn_find_in_map(Evaluator& ev, const io::Node& arg, const io::Node& at, const std::string& pointer) {
  const io::Node* a = arguments(ev, arg, 3, at, pointer, "Fn::FindInMap");
  if (a == nullptr) return std::nullopt;
  const io::Node* node = ev.root().find("Mappings");
  std::string path = "Mappings";
  for (std::size_t i = 0; i < 3; ++i) {
    std::optional<io::Node> key = ev.evaluate(a->items()[i], pointer + "/" + std::to_string(i));
    if (!key) return std::nullopt;
    const auto k = text_of(ev, *key, at, pointer, "Fn::FindInMap");
    if (!k) return std::nullopt;
    path += "/" + *k;
    node = node != nullptr && node->is_object() ? node->find(*k) : nullptr;
    if (node == nullptr) {
      ev.fail(at, pointer, "Fn::FindInMap: " + path + " is not in the template");
      return std::nullopt;
    }
  }
  return located(*node, at);
}

Fn function_named(const std::string& name) {
  static const std::array<std::pair<std::string_view, Fn>, 19> kFunctions = {{
      {"Ref", fn_ref},
      {"Condition", fn_condition},
      {"Fn::GetAtt", fn_get_att},
      {"Fn::Sub", fn_sub},
      {"Fn::Join", fn_join},
      {"Fn::Select", fn_select},
      {"Fn::Split", fn_split},
      {"Fn::If", fn_if},
      {"Fn::Equals", fn_equals},
      {"Fn::And", fn_and},
      {"Fn::Or", fn_or},
      {"Fn::Not", fn_not},
      {"Fn::Contains", fn_contains},
      {"Fn::FindInMap", fn_find_in_map},
      {"Fn::ImportValue", fn_import_value},
      {"Fn::GetAZs", fn_get_azs},
      {"Fn::Base64", fn_base64},
      {"Fn::Cidr", fn_cidr},
      {"Fn::Length", fn_length},
  }};
  for (const auto& [n, f] : kFunctions) {
    if (n == name) return f;
  }
  return nullptr;
}

}  // namespace specconv::iac
