// Terraform attributes -> the API's JSON, by a table per resource type: snake_case attributes
// become the camelCase (ECS) or PascalCase (describe-*) members the ECS reader reads, Terraform's
// one-item block lists become objects, maps of tags become key/value lists, a JSON string
// (container_definitions) is parsed. What the table does not name is reported by the caller
// (Translation::unread). In a plan, a value known only after apply is left out, or written as a
// REPLACE_ME_ placeholder where the conversion needs a string (Translation::placeholders).
// Every member written is recorded with the source pointer it came from, so that the ECS
// reader's diagnostics point into the Terraform JSON as written. Pure.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "iac/terraform_resources.h"
#include "io/limits.h"
#include "io/tree.h"
#include "specconv/diagnostics.h"

namespace specconv::iac {

enum class As {
  kValue,        // copied as it is (unknown in a plan: left out)
  kText,         // a string (unknown in a plan: a placeholder, or what the link resolver gives)
  kTextList,     // a list of strings the API requires (unknown in a plan: a list of one placeholder)
  kBlock,        // a block list of at most one item -> an object
  kBlocks,       // a block list -> an array of objects
  kTags,         // {"k": "v"} -> [{"key": "k", "value": "v"}]
  kPairs,        // {"k": "v"} -> [{"name": "k", "value": "v"}]
  kEnabled,      // true / false -> "ENABLED" / "DISABLED"
  kNumberText,   // 10 -> "10" (a rule's priority)
  kJson,         // a string holding JSON, parsed (positions: the attribute's)
  kIgnore,       // Terraform's own (ids, tags_all, timeouts, lifecycle switches): not an AWS setting
};

struct Field {
  std::string_view tf;
  std::string_view api;  // "a/b": member b of object a; "" for a kBlock: its attributes are the parent's
  As as = As::kValue;
  const std::vector<Field>* sub = nullptr;  // the block's fields (kBlock, kBlocks)
  std::string_view unset = {};              // a value Terraform writes for "not set" (the API's default)
};
using Fields = std::vector<Field>;

struct Translation {
  io::Node doc = io::Node::object();
  std::vector<std::pair<std::string, std::string>> pointers;  // API pointer -> source pointer
  std::vector<std::string> placeholders;  // attribute paths written as placeholders or linked (a plan's)
  struct Unread {
    std::string path;     // "volume.0.host_path"
    std::string pointer;  // its source pointer
    const io::Node* value;
  };
  std::vector<Unread> unread;  // attributes with a value the table does not name
  bool failed = false;
};

/// Gives the value of a string attribute known only after apply (`path`: "load_balancer.0.target_group_arn"),
/// or nullopt for a placeholder. `why` says how it was found (for the warning).
using LinkResolver = std::function<std::optional<std::string>(const std::string& path, std::string& why)>;

struct TranslateContext {
  const std::string& file;
  const io::Limits& limits;
  const LinkResolver& resolve;
  Diagnostics& diags;
};

/// Translates the values of `r` by `fields`; the API document is rooted at `api_root`.
[[nodiscard]] Translation translate(const TfResource& r, const Fields& fields, const std::string& api_root,
                                    const TranslateContext& ctx);

/// "REPLACE_ME_<address>.<path>": the placeholder of a value known only after apply.
[[nodiscard]] std::string placeholder(const std::string& address, const std::string& path);

/// The source pointer of `api_pointer` (a pointer of the API document); itself when the
/// translation wrote nothing it is under.
[[nodiscard]] std::string source_pointer(const Translation& t, const std::string& api_pointer);

/// Rewrites the pointers of `diags` (reported against the API document) to the source pointers, into `out`.
void report_translated(const Diagnostics& diags, const Translation& t, Diagnostics& out);

/// A value Terraform writes for an attribute that is not set: null, "", [] or {}.
[[nodiscard]] bool unset_value(const io::Node& n);

}  // namespace specconv::iac
