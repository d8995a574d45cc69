// The intrinsic functions of a CloudFormation template, evaluated where the template determines
// the value: Parameters (defaults, or --parameter), pseudo parameters (from TemplateInputs),
// Conditions with Fn::If and AWS::NoValue, Mappings, Fn::Sub, Fn::Join/Select/Split, ...
// (docs/iac-inputs.md). A Ref or Fn::GetAtt of a resource of the template evaluates to the name
// or ARN CloudFormation would give it, made from the template (physical.h), so that what refers
// to it links. Errors (an unknown intrinsic, a cycle, a result over the limits) are located and
// stop the evaluation; what cannot be known offline is a visible placeholder with a warning.
// Pure: a template tree in, values and diagnostics out.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/limits.h"
#include "io/tree.h"
#include "specconv/convert.h"
#include "specconv/diagnostics.h"

namespace specconv::iac {

/// The settings one template is evaluated with, defaults filled in.
struct Settings {
  std::string region = "us-east-1";
  std::string account_id = "123456789012";
  std::string stack_name = "stack";
  std::vector<std::pair<std::string, std::string>> parameters;  // in the order given; the last one wins
};

/// `in` with the documented defaults; the stack name defaults to the file name without its
/// extension (`web.template.json` -> `web`).
[[nodiscard]] Settings settings_for(const TemplateInputs& in, const std::string& file);

class Evaluator {
 public:
  Evaluator(const io::Node& root, std::string file, Settings settings, const io::Limits& limits, Diagnostics& diags);

  /// `n` (found at `pointer`) with every intrinsic function evaluated. nullopt: AWS::NoValue, or an
  /// error was reported (failed()).
  [[nodiscard]] std::optional<io::Node> evaluate(const io::Node& n, const std::string& pointer);
  /// Property `key` of resource `id`, evaluated; nullopt when absent. A resource whose properties
  /// are being evaluated already is a reference cycle (an error).
  [[nodiscard]] std::optional<io::Node> property(const std::string& id, std::string_view key);
  /// Every property of resource `id`, evaluated (an empty object when it has none).
  [[nodiscard]] std::optional<io::Node> properties(const std::string& id);
  /// The same as text ("" when absent or not a scalar).
  [[nodiscard]] std::string property_text(const std::string& id, std::string_view key);
  /// The value of condition `name` of the Conditions section (false after an error).
  [[nodiscard]] bool condition(const std::string& name, const io::Node& at, const std::string& pointer);

  [[nodiscard]] const io::Node* resource(const std::string& id) const;
  [[nodiscard]] std::string type_of(const std::string& id) const;
  [[nodiscard]] const io::Node& root() const { return root_; }
  [[nodiscard]] const Settings& settings() const { return settings_; }
  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] const io::Limits& limits() const { return limits_; }
  [[nodiscard]] std::string partition() const;
  /// The value given with --parameter NAME=VALUE (the last one), if any.
  [[nodiscard]] std::optional<std::string> given(const std::string& name) const;

  [[nodiscard]] bool failed() const { return failed_; }
  /// Reports a `template-intrinsic` error at `at` and stops the evaluation.
  void fail(const io::Node& at, const std::string& pointer, const std::string& message);
  /// Reports a `template-placeholder` warning (once per message).
  void placeholder(const io::Node& at, const std::string& pointer, const std::string& message);
  /// Counts `bytes` of produced text against the limits; false (after an error) when over them.
  bool spend(const io::Node& at, const std::string& pointer, std::size_t bytes);
  /// Inside a condition, {"Condition": "name"} is the value of that condition.
  [[nodiscard]] bool in_condition() const { return in_condition_ > 0; }

 private:
  std::optional<io::Node> call(const std::string& fn, const io::Node& arg, const io::Node& at, const std::string& pointer);
  std::optional<io::Node> container(const io::Node& n, const std::string& pointer);
  /// `n` of resource `id` evaluated, with `id` marked as being evaluated (cycle check).
  std::optional<io::Node> guarded(const std::string& id, const io::Node& n, const std::string& pointer);

  const io::Node& root_;
  std::string file_;
  Settings settings_;
  const io::Limits& limits_;
  Diagnostics& diags_;
  std::vector<std::string> active_;           // resources and conditions being evaluated (cycle check)
  std::map<std::string, bool> conditions_;    // evaluated conditions
  std::set<std::string> warned_;
  std::size_t depth_ = 0;
  std::size_t spent_ = 0;
  int in_condition_ = 0;
  bool failed_ = false;
};

/// A scalar as the text an intrinsic function joins or compares ("80" for 80, "true" for true);
/// nullopt (after an error naming `what`) for an array or object.
[[nodiscard]] std::optional<std::string> text_of(Evaluator& ev, const io::Node& v, const io::Node& at,
                                                 const std::string& pointer, std::string_view what);

}  // namespace specconv::iac
