// The headline outcomes a policymaker asks about first: waits, out-of-home and closed placements,
// re-placements, re-entries and cost, each read from summary.json's system or service metrics.
#pragma once

#include "results.hpp"
#include "text.hpp"

#include <optional>
#include <string>
#include <vector>

namespace zorgsim::report {

/// One headline outcome: where its figure is, and how to say it.
struct Outcome {
    std::string id;         ///< unique, usable in HTML ids: "system-cost", "wait-pleegzorg"
    std::string label;      ///< "Out-of-home placements"
    std::string definition; ///< one line saying exactly what is counted
    std::string service;    ///< a service id, or empty for a system metric
    std::string metric;     ///< the metric's key in summary.json
    Unit unit = Unit::count;
    /// How a policymaker reads a difference: less is better (waits, cost), or neither (demand).
    bool lower_is_better = true;

    /// This outcome's estimate in METRICS' owner: SERVICES (by id) or SYSTEM.
    std::optional<Estimate> find(const Json& services, const Json& system) const;
};

/// A table cell with ESTIMATE's mean in OUTCOME's unit and its interval (and p90) below it.
std::string estimate_cell(const std::optional<Estimate>& estimate, const Outcome& outcome);

/// A table cell with the paired difference D, its interval and its size relative to BASE; bold
/// when the interval excludes zero, green or red when less is better.
std::string difference_cell(const std::optional<Estimate>& d, const std::optional<Estimate>& base,
                            const Outcome& outcome);

/// Whether anyone waited for SERVICE in any scenario: a mean wait of half a day or more, or a p90
/// of a day or more. Services where nobody waits get no headline row.
bool someone_waits(const Results& results, const std::string& service);

/// The headline outcomes present in RESULTS (those with a figure in at least one scenario), in
/// reading order: demand, waits, placements, moves and re-entries, cost.
std::vector<Outcome> headline_outcomes(const Results& results);

} // namespace zorgsim::report
