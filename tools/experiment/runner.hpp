// Runs a scenario's replications in parallel (or several scenarios with common random
// numbers) and aggregates them in replication order.
#pragma once

#include <atomic>
#include <functional>
#include <vector>

#include "aggregate.hpp"
#include "replication_backend.hpp"
#include "zorgsim/model/care_model.hpp"
#include "zorgsim/model/scenario.hpp"
#include "zorgsim/model/trace.hpp"

namespace zorgsim::experiment {

struct RunOptions {
    std::size_t replications = 1;
    std::uint64_t seed = 1;
    unsigned threads = 1;
    const std::atomic<bool>* stop = nullptr;
    std::function<void(std::size_t done)> progress;
    /// Receives replication 0 of every scenario: one after another (compare runs a
    /// replication's scenarios in turn), each record naming its scenario.
    care::TraceSink* trace = nullptr;
    int period_waits_of = -1;              ///< a service whose waits are kept per period
    ReplicationBackend* backend = nullptr; ///< null: this process's threads (run_replications)
    /// Youths alive at once in one replication; more ends the run with care::ScenarioFault.
    std::uint64_t max_youths = care::RunLimits::default_max_youths;
    /// Events at one simulated instant; more is a loop in zero time (care::ScenarioFault).
    std::uint64_t max_events_per_instant = care::RunLimits{}.max_events_per_instant;
    /// run_scenario appends every replication's outcome here, in replication order (the studio
    /// keeps its base scenario's replications, docs/studio.md).
    std::vector<care::ReplicationOutcome>* keep_outcomes = nullptr;
    /// compare_scenarios takes replication r of scenario 0 from here when it holds r, instead of
    /// simulating it again: outcomes kept by run_scenario of the same scenario with the same seed
    /// and limits are the very numbers it would compute (a replication's random streams depend on
    /// the seed and its number only). Replication 0 of scenario 0 is then not traced.
    const std::vector<care::ReplicationOutcome>* base_outcomes = nullptr;
};

Aggregate run_scenario(const care::Scenario& scenario, const RunOptions& options);

/// Adds options.replications more replications, numbered from `first`, to `aggregate`: with
/// the same seed they extend a run_scenario of `first` replications exactly as a longer run
/// would (sizing adds replications to decisions that are close to the threshold).
void extend_scenario(Aggregate& aggregate, const care::Scenario& scenario,
                     const RunOptions& options, std::size_t first);

struct Comparison {
    std::vector<Aggregate> scenarios;           ///< per scenario, in input order
    std::vector<PairedDifferences> differences; ///< scenario i+1 minus scenario 0
};

/// Replication r of every scenario uses the same seed and replication number, so the same
/// named streams: the scenarios are compared under common random numbers.
Comparison compare_scenarios(const std::vector<care::Scenario>& scenarios,
                             const RunOptions& options);

} // namespace zorgsim::experiment
