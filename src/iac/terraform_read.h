// What the readers of Terraform resource types share (terraform.cc, terraform_schedule.cc): the
// document being read, where diagnostics and the bundle go, and one resource translated by its
// table with what the translation could not do reported.
#pragma once

#include <optional>
#include <string>

#include "ecs/bundle.h"
#include "iac/terraform_translate.h"
#include "io/limits.h"
#include "specconv/diagnostics.h"

namespace specconv::iac {

struct TfReader {
  const TfDocument& doc;
  const std::string& file;
  const io::Limits& limits;
  ecs::Bundle& bundle;
  Diagnostics& diags;
};

/// Where `r`'s values are.
[[nodiscard]] SourceLocation tf_location(const std::string& file, const TfResource& r);

/// `r` translated by `fields` (the API document rooted at `api_root`): placeholders warned about,
/// attributes outside the table reported (`strict`: as unknown-key errors, else one note);
/// nullopt when the translation failed (reported).
[[nodiscard]] std::optional<Translation> tf_translated(TfReader& rd, const TfResource& r, const Fields& fields,
                                                       const std::string& api_root, bool strict);

}  // namespace specconv::iac
