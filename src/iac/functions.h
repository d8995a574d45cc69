// The intrinsic functions, one each: `arg` is the function's unevaluated argument, `at` the
// {"Fn::X": arg} node (for positions), `pointer` where arg is. nullopt: AWS::NoValue or an error.
#pragma once

#include <optional>
#include <string>

#include "iac/evaluator.h"

namespace specconv::iac {

using Fn = std::optional<io::Node> (*)(Evaluator&, const io::Node& arg, const io::Node& at, const std::string& pointer);

/// The function named `name` ("Ref", "Fn::Join", ...), or nullptr when there is none.
[[nodiscard]] Fn function_named(const std::string& name);

// references.cc
std::optional<io::Node> fn_ref(Evaluator&, const io::Node&, const io::Node&, const std::string&);
std::optional<io::Node> fn_get_att(Evaluator&, const io::Node&, const io::Node&, const std::string&);
std::optional<io::Node> fn_import_value(Evaluator&, const io::Node&, const io::Node&, const std::string&);
std::optional<io::Node> fn_find_in_map(Evaluator&, const io::Node&, const io::Node&, const std::string&);
/// Ref of `name` (a pseudo parameter, a parameter or a resource), as in {"Ref": name} at `at`.
std::optional<io::Node> ref_named(Evaluator&, const std::string& name, const io::Node& at, const std::string& pointer);
/// Fn::GetAtt of `id`.`attribute`.
std::optional<io::Node> get_att_named(Evaluator&, const std::string& id, const std::string& attribute, const io::Node& at,
                                      const std::string& pointer);

// text.cc
std::optional<io::Node> fn_join(Evaluator&, const io::Node&, const io::Node&, const std::string&);
std::optional<io::Node> fn_select(Evaluator&, const io::Node&, const io::Node&, const std::string&);
std::optional<io::Node> fn_split(Evaluator&, const io::Node&, const io::Node&, const std::string&);
std::optional<io::Node> fn_base64(Evaluator&, const io::Node&, const io::Node&, const std::string&);
std::optional<io::Node> fn_get_azs(Evaluator&, const io::Node&, const io::Node&, const std::string&);
std::optional<io::Node> fn_cidr(Evaluator&, const io::Node&, const io::Node&, const std::string&);
std::optional<io::Node> fn_length(Evaluator&, const io::Node&, const io::Node&, const std::string&);

// sub.cc
std::optional<io::Node> fn_sub(Evaluator&, const io::Node&, const io::Node&, const std::string&);

// logic.cc
std::optional<io::Node> fn_if(Evaluator&, const io::Node&, const io::Node&, const std::string&);
std::optional<io::Node> fn_equals(Evaluator&, const io::Node&, const io::Node&, const std::string&);
std::optional<io::Node> fn_and(Evaluator&, const io::Node&, const io::Node&, const std::string&);
std::optional<io::Node> fn_or(Evaluator&, const io::Node&, const io::Node&, const std::string&);
std::optional<io::Node> fn_not(Evaluator&, const io::Node&, const io::Node&, const std::string&);
std::optional<io::Node> fn_contains(Evaluator&, const io::Node&, const io::Node&, const std::string&);
std::optional<io::Node> fn_condition(Evaluator&, const io::Node&, const io::Node&, const std::string&);

/// `arg` as an array of exactly `n` items (an error naming `fn` otherwise); nullptr on error.
const io::Node* arguments(Evaluator& ev, const io::Node& arg, std::size_t n, const io::Node& at, const std::string& pointer,
                          const char* fn);
/// `v` with the position of `at` (a value an intrinsic made is located where the intrinsic is).
io::Node located(io::Node v, const io::Node& at);

}  // namespace specconv::iac
