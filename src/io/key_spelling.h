// Key spelling conventions of the documents specconv reads: the AWS APIs' camelCase
// (`containerDefinitions`), CloudFormation's PascalCase (`ContainerDefinitions`, with a few
// irregular names such as `EFSVolumeConfiguration`) and Terraform's snake_case
// (`container_definitions`). Readers name keys in camelCase; a Cursor whose ReadContext says the
// document is spelled otherwise finds a key in any of these spellings by its folded form, and
// reports it as written. Pure.
#pragma once

#include <string>
#include <string_view>

#include "io/tree.h"

namespace specconv::io {

enum class KeyStyle { kCamel, kPascal, kSnake };

[[nodiscard]] const char* to_string(KeyStyle style);

/// The spelling-independent form of a key: ASCII lowercase without underscores
/// ("ContainerDefinitions", "containerDefinitions", "container_definitions" -> "containerdefinitions").
[[nodiscard]] std::string fold_key(std::string_view key);

/// True when two keys are the same key in different spellings.
[[nodiscard]] bool same_key(std::string_view a, std::string_view b);

/// The style a key is written in: '_' -> snake, an uppercase first letter -> Pascal, else camel.
[[nodiscard]] KeyStyle style_of(std::string_view key);

/// A copy of `node` (the value of member `key`, camelCase) with every object key re-spelled in
/// camelCase (the spelling the readers and the carry annotations use); keys of free-form maps
/// (dockerLabels, logConfiguration options, driverOpts, labels) are user data and kept as written.
[[nodiscard]] Node to_camel_keys(const Node& node, KeyStyle from, std::string_view key = {});

/// CloudFormation's spelling of API JSON (the value of member `key`): every object key with its
/// first letter raised, with CloudFormation's exceptions (`efsVolumeConfiguration` ->
/// `EFSVolumeConfiguration`, its `fileSystemId` -> `FilesystemId`, `iam` -> `IAM`, ...); keys of
/// free-form maps kept. The inverse of to_camel_keys(..., KeyStyle::kPascal).
[[nodiscard]] Node to_pascal_keys(const Node& node, std::string_view key = {});

/// `pointer` with each object member token spelled as `root` writes it: a token with no exact
/// match takes the member whose key is the same in another spelling (a diagnostic raised with
/// "/containerDefinitions/0/name" points at "/ContainerDefinitions/0/Name" in a PascalCase
/// document). Tokens past the first that does not resolve are kept as they are.
[[nodiscard]] std::string respell_pointer(const Node& root, std::string_view pointer);

}  // namespace specconv::io
