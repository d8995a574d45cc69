// `explain` of a wiring file (describe-target-groups, -listeners, -rules, -load-balancers,
// describe-scalable-targets, describe-scaling-policies output): one row per field of each entry,
// saying what the reader takes from it and where it lands in Kubernetes once the file is
// converted with the services it belongs to; every other field is a read-only describe-* field
// the conversion does not use. Data and a pure walk; never prints.
#pragma once

#include <vector>

#include "app/explain.h"
#include "io/tree.h"

namespace specconv::app {

/// Appends the rows of a wiring document (`root`: the describe-* output object).
void explain_wiring(const io::Node& root, std::vector<ExplainRow>& rows);

/// "2 target groups, 1 listener": what a wiring document holds, for the table's headline.
[[nodiscard]] std::string wiring_summary(const io::Node& root);

}  // namespace specconv::app
