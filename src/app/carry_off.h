// --carry none: outputs without the specconv.io/ annotations (to-k8s) and docker labels (to-ecs)
// that keep, for a conversion back, what the other side has no field for. What is then lost is
// reported instead, one diagnostic per value, so that nothing is dropped silently
// (docs/round-trip.md "Carry"). Pure functions on objects and diagnostics.
#pragma once

#include "app/k8s_carry.h"
#include "io/tree.h"
#include "specconv/diagnostics.h"

namespace specconv::app {

/// Removes every specconv.io/ annotation of a Kubernetes object (and of its pod template), with
/// one `not-kept` note at `at` that lists what they held (nothing when there were none).
void strip_carry_annotations(io::Node& object, const SourceLocation& at, Diagnostics& diags);

/// to-k8s: the diagnostics that say a value is kept in a specconv.io annotation say instead that
/// it is not kept; `kept-in-annotation` notes become `not-kept`.
[[nodiscard]] Diagnostics without_carry(const Diagnostics& diags);

/// to-ecs: a `not-kept` note for every field of `object` that the Kubernetes field table marks
/// as carried (and every annotation the reader does not convert), at its location.
void report_lost_fields(const RawObject& object, Diagnostics& diags);

}  // namespace specconv::app
