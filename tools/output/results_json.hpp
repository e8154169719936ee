// summary.json and comparison.json (see docs/output-format.md).
#pragma once

#include <nlohmann/json.hpp>

#include "../experiment/runner.hpp"
#include "provenance.hpp"
#include "zorgsim/model/scenario.hpp"

namespace zorgsim::output {

/// What a results file says about the run besides the figures.
struct RunInfo {
    std::uint64_t seed = 1;
    std::size_t replications = 1;
    std::vector<ResolvedScenario> resolved; ///< what ran, for the provenance object
};

/// The top-level description of one scenario (name, dates, policies, services in words).
nlohmann::ordered_json scenario_info(const care::Scenario& scenario, const RunInfo& run);
/// `"services"` and `"system"` of summary.json.
nlohmann::ordered_json figures(const experiment::Aggregate& aggregate);
nlohmann::ordered_json summary_json(const care::Scenario& scenario, const RunInfo& run,
                                    const experiment::Aggregate& aggregate);
nlohmann::ordered_json comparison_json(const std::vector<care::Scenario>& scenarios,
                                       const RunInfo& run,
                                       const experiment::Comparison& comparison);

/// {"mean": m, "ci95": [lo, hi]}, with nulls when there was no observation.
nlohmann::ordered_json interval(const RunningStats& stats);

} // namespace zorgsim::output
