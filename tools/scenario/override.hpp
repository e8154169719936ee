// Command-line overrides (--set PATH=VALUE), applied to the merged tree before conversion so
// that an overridden value is checked exactly like one written in the file.
#pragma once

#include "document.hpp"

namespace zorgsim::scenario {

/// Applies override number `index` (1-based). Mistakes in the path are reported at
/// "<command line>:INDEX:COLUMN", COLUMN counting in "PATH=VALUE"; the value's nodes get
/// positions there too, so that conversion errors in it point at the command line.
void apply_override(Node& root, const Override& change, int index, Diagnostics& diagnostics);

} // namespace zorgsim::scenario
