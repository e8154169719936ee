// Command-line overrides (--set PATH=VALUE), applied to the merged tree before conversion so
// that an overridden value is checked exactly like one written in the file.
#pragma once

#include "document.hpp"

namespace zorgsim::scenario {

/// Applies override number `index` (1-based). Mistakes in the path are reported at
/// "<command line>:INDEX:COLUMN", COLUMN counting in "PATH=VALUE"; the value's nodes get
/// positions there too, so that conversion errors in it point at the command line. The value
/// spends `budget`, shared with the files and the other values of the load.
void apply_override(Node& root, const Override& change, int index, Diagnostics& diagnostics,
                    NodeBudget& budget);

} // namespace zorgsim::scenario
