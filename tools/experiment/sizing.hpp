// Capacity sizing: the smallest constant capacity of a service that meets a target over the
// whole horizon, and a plan per reporting period (each period on its own, a build-up that
// never steps down, or a phase-out that never steps up).
//
// Every candidate runs with the same seed and replications (common random numbers), so the
// comparison between candidates is not blurred by different random draws. The search relies
// on the target getting easier as capacity grows: it brackets by doubling, then bisects.
// A candidate whose interval straddles the target gets more replications (the same streams,
// numbered on) until the verdict is clear or the budget is spent ("too close to call", which
// the search treats as a miss). Plans reuse the whole-horizon runs of constant capacities:
// each of them gives every period's figure at once, so a period's smallest capacity is read
// off runs already made; the plan is then run once as a schedule and repaired where the
// queue it inherits from lower earlier capacities makes a period miss. No run is cut per
// period, so the cost does not grow with the square of the number of periods.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "runner.hpp"
#include "target.hpp"

namespace zorgsim::experiment {

enum class PlanKind { constant, per_period, build_up, phase_out };

/// "constant", "per-period", "build-up", "phase-out".
std::string_view plan_kind_text(PlanKind kind);
std::optional<PlanKind> parse_plan_kind(std::string_view text);

/// One evaluated constant capacity: a point of the trade-off curve.
struct CapacityPoint {
    int capacity = 0;
    TargetCheck check;     ///< the target over the whole horizon
    RunningStats wait;     ///< wait_days mean across replications
    double wait_p50 = 0.0; ///< pooled
    double wait_p90 = 0.0;
    RunningStats utilization;
    RunningStats cost;
};

/// One period of a plan.
struct PlanStep {
    int capacity = 0;
    bool measured = true;   ///< false in the warm-up (the capacity of the first measured period)
    double threshold = 0.0; ///< the target's value in this period (counts: their share)
    TargetCheck check;      ///< the period's figure when the plan runs as a schedule
};

struct SizingResult {
    std::size_t service = 0;
    Target target;
    bool feasible = false;
    int capacity = 0; ///< the smallest constant capacity that meets the target
    /// Capacities just below the answer whose verdict stayed unclear: the answer might be
    /// one of them with more replications.
    std::vector<int> too_close;
    PlanKind plan_kind = PlanKind::per_period;
    std::vector<int> plan; ///< the capacity per period (the constant one for PlanKind::constant)
    std::vector<PlanStep> steps;
    bool plan_feasible = true;
    TargetCheck plan_whole_horizon; ///< the plan run as a schedule, against the target as written
    bool count_target = false;      ///< the target is a total (count, euros): shared out per period
    std::vector<CapacityPoint> curve; ///< every constant capacity evaluated, ascending
    care::Scenario sized;             ///< the scenario at the sized constant capacity
    std::size_t runs = 0;             ///< scenario runs and extensions made
    /// The run of `sized` at the replications asked, when the search kept it (not extended).
    std::shared_ptr<const Aggregate> sized_run;
};

struct SizingOptions {
    int max_capacity = 1000; ///< no capacity above this is tried
    PlanKind plan = PlanKind::per_period;
    /// Replications a decision near the target may grow to (0: four times those asked).
    std::size_t max_replications = 0;
    std::function<void(const std::string&)> progress;
};

/// The scenario with `service` at a constant capacity (its schedule and capacity policies
/// replaced).
care::Scenario with_constant_capacity(const care::Scenario& scenario, std::size_t service,
                                      int capacity);

SizingResult size_service(const care::Scenario& scenario, std::size_t service, const Target& target,
                          const RunOptions& run, const SizingOptions& options);

} // namespace zorgsim::experiment
