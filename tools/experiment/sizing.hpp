// Capacity sizing: the smallest constant capacity of a service that meets a target over the
// whole horizon, and the smallest capacity per reporting period (a plan that follows demand).
//
// Every candidate runs with the same seed and replications (common random numbers), so the
// comparison between candidates is not blurred by different random draws. The search relies
// on the target getting easier as capacity grows (waits fall): it brackets by doubling, then
// bisects, so it needs about 2 log2(capacity) evaluations.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "runner.hpp"
#include "target.hpp"

namespace zorgsim::experiment {

/// One evaluated constant capacity: a point of the trade-off curve.
struct CapacityPoint {
    int capacity = 0;
    TargetCheck check;
    RunningStats wait;     ///< wait_days mean across replications
    double wait_p50 = 0.0; ///< pooled
    double wait_p90 = 0.0;
    RunningStats utilization;
    RunningStats cost;
};

struct SizingResult {
    std::size_t service = 0;
    Target target;
    bool feasible = false;
    int capacity = 0;      ///< the smallest constant capacity that meets the target
    std::vector<int> plan; ///< the smallest capacity per period
    bool plan_feasible = true;
    std::vector<CapacityPoint> curve; ///< every constant capacity evaluated, ascending
    care::Scenario sized;             ///< the scenario at the sized constant capacity
};

struct SizingOptions {
    int max_capacity = 1000; ///< no capacity above this is tried
    std::function<void(const std::string&)> progress;
};

/// The scenario with `service` at a constant capacity (its schedule and capacity policies
/// replaced).
care::Scenario with_constant_capacity(const care::Scenario& scenario, std::size_t service,
                                      int capacity);

SizingResult size_service(const care::Scenario& scenario, std::size_t service, const Target& target,
                          const RunOptions& run, const SizingOptions& options);

} // namespace zorgsim::experiment
