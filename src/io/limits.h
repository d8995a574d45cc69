// The readers' limits (include/specconv/limits.h), under the name the readers use.
#pragma once

#include "specconv/limits.h"

namespace specconv::io {

using Limits = ReadLimits;

}  // namespace specconv::io
