// The "warnings" of summary.json and comparison.json: waiting lists that kept growing in the
// run (experiment/growing_lists.hpp), for the report (docs/output-format.md).
#pragma once

#include <nlohmann/json.hpp>

#include "../experiment/aggregate.hpp"
#include "zorgsim/model/scenario.hpp"

namespace zorgsim::output {

/// [{"service", "kind": "growing" | "drifting", "from", "to" (period starts), "from_mean",
/// "to_mean", "growth_ci95": [lo, hi], "to_p95"}, ...]
nlohmann::ordered_json warnings_json(const care::Scenario& scenario,
                                     const experiment::Aggregate& aggregate);

} // namespace zorgsim::output
