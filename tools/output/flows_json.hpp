// The "flows" of summary.json and comparison.json: how youths moved over the horizon, the
// report's flow diagram (docs/output-format.md).
#pragma once

#include <nlohmann/json.hpp>

#include "../experiment/aggregate.hpp"

namespace zorgsim::output {

/// One entry per move that happened in some replication, {"from", "to", "mean", "ci95"}; from is
/// "source:ID", "service:ID" or "start", to is "service:ID" or "end:ID" (care::flow_ends).
nlohmann::ordered_json flows_json(const experiment::Aggregate& aggregate);

} // namespace zorgsim::output
