// Strategic merge patches (the kustomize / kubectl form) between two versions of one Kubernetes
// object: the patch that turns `base` into `target`, and applying a patch, for the subset of the
// rules those patches use:
// - maps merge key by key; a key the target lacks is `null` in the patch (deleted);
// - lists of maps with a merge key (containers, initContainers, env, volumes, volumeMounts,
//   ports, imagePullSecrets, hostAliases, ...) merge item by item: a patch item names its key and
//   holds only what differs (or only its key, to place it); an item the target lacks is
//   `{<key>: ..., $patch: delete}`. As kustomize (kyaml) orders the result: the patch's items
//   first, in patch order, then the base items the patch does not name, in base order (checked
//   against `kubectl kustomize` by tests/kustomize_test.cc);
// - any other list is replaced whole.
// A diff is exact only when applying it gives the target back (list order included):
// `strategic_diff` returns nullopt otherwise, and the caller keeps the whole object instead.
// Pure functions on io::Node trees.
#pragma once

#include <optional>
#include <string_view>

#include "io/tree.h"

namespace specconv::app {

/// Equal as Kubernetes reads them: map members in any order, list items in order.
[[nodiscard]] bool same_tree(const io::Node& a, const io::Node& b);

/// The merge key of the list under `field` whose items look like `items`, or "" (replace whole).
[[nodiscard]] std::string_view merge_key(std::string_view field, const io::Node& items);

/// `patch` applied to `base`.
[[nodiscard]] io::Node strategic_apply(const io::Node& base, const io::Node& patch);

/// The patch that turns `base` (a map) into `target`: an empty map when they are equal, nullopt
/// when no patch of the rules above gives exactly `target`.
[[nodiscard]] std::optional<io::Node> strategic_diff(const io::Node& base, const io::Node& target);

}  // namespace specconv::app
