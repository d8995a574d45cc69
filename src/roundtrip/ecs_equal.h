// Round trips, ECS side: semantic equality of ECS task definitions and services at the io::Node
// level, so that ECS -> Kubernetes -> ECS can be checked field by field (docs/round-trip.md has
// the precise definition). A difference is excused only when the first conversion reported it:
// a diagnostic whose code is in the lossy-code table, at or above the difference's JSON pointer.
// Depends on io and the public diagnostics header only.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/tree.h"
#include "specconv/diagnostics.h"

namespace specconv::roundtrip {

/// A diagnostic code whose difference a round trip accepts, and why it cannot be exact.
struct LossyCode {
  std::string_view code;
  std::string_view reason;
};

/// The explicit table of lossy codes (listed, with the reasons, in docs/round-trip.md).
[[nodiscard]] const std::vector<LossyCode>& lossy_codes();
[[nodiscard]] bool is_lossy_code(std::string_view code);

/// One field that differs. `pointer` is an RFC 6901 pointer relative to the compared document
/// (the task definition or service object); indices are those of the original, and an element
/// only the round-tripped list has is addressed as `<list>/-`. Values are compact JSON, or
/// empty when absent on that side.
struct Difference {
  std::string pointer;
  std::string original;
  std::string round_tripped;
  std::string accepted_by;  // the lossy code that excuses it; empty: not excused
};

/// Where the original document was read from, to match the first conversion's diagnostics:
/// the input file and the JSON pointer of the document in it ("" at the root,
/// "/taskDefinition" for describe-task-definition output, "/services/0", "/3" in an array).
struct Origin {
  std::string file;
  std::string pointer;
};

struct Comparison {
  std::vector<Difference> differences;  // not excused: the round trip is not lossless
  std::vector<Difference> accepted;     // excused by a lossy diagnostic of the first conversion
  [[nodiscard]] bool equal() const { return differences.empty(); }
};

enum class DocumentKind { kTaskDefinition, kService };

/// The ECS documents of one parsed input file (RegisterTaskDefinition / CreateService inputs,
/// describe-task-definition and describe-services output, arrays of them), with their pointers.
/// describe-task-definition's outer `tags` are merged into the returned task definition.
struct EcsDocument {
  DocumentKind kind = DocumentKind::kTaskDefinition;
  std::string pointer;
  io::Node node;
};
[[nodiscard]] std::vector<EcsDocument> ecs_documents(const io::Node& root);

/// The canonical form: read-only describe fields dropped, empty lists/objects/nulls dropped,
/// defaults made explicit, task sizes in units/MiB, numbers given as strings read as numbers.
[[nodiscard]] io::Node normalize_task_definition(const io::Node& td);
[[nodiscard]] io::Node normalize_service(const io::Node& service);

/// Compares an original with its round-tripped counterpart; `first` are the diagnostics of the
/// ECS -> Kubernetes conversion of the original.
[[nodiscard]] Comparison compare_task_definitions(const io::Node& original, const io::Node& round_tripped,
                                                  const Diagnostics& first, const Origin& origin);
[[nodiscard]] Comparison compare_services(const io::Node& original, const io::Node& round_tripped,
                                          const Diagnostics& first, const Origin& origin);

/// "/a/b~1c: original X, round trip Y [accepted: code]" lines, for test failure messages.
[[nodiscard]] std::string describe(const std::vector<Difference>& diffs);

}  // namespace specconv::roundtrip
