// What the Python objects hold: a loaded scenario, and the results of a run, a comparison and a
// sizing, shared so that a Result taken out of a Comparison keeps its data alive.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "experiment/runner.hpp"
#include "experiment/sizing.hpp"
#include "zorgsim/model/scenario.hpp"

namespace zorgsim::python {

/// How the replications ran: what the provenance and results.xlsx report.
struct Settings {
    std::size_t replications = 1;
    std::uint64_t seed = 1;
    unsigned threads = 1;
    std::uint64_t max_youths = care::RunLimits::default_max_youths;

    experiment::RunOptions run_options() const {
        experiment::RunOptions options;
        options.replications = replications;
        options.seed = seed;
        options.threads = threads;
        options.max_youths = max_youths;
        return options;
    }
};

struct ScenarioHandle {
    std::shared_ptr<const care::Scenario> scenario;
};

struct RunHandle {
    std::shared_ptr<const care::Scenario> scenario;
    std::shared_ptr<const experiment::Aggregate> aggregate;
    Settings settings;
};

struct ComparisonHandle {
    std::shared_ptr<const std::vector<care::Scenario>> scenarios;
    std::shared_ptr<const experiment::Comparison> comparison;
    Settings settings;

    /// Scenario i's own results: what `zorgsim run` gives for it with the same seed and
    /// replications (common random numbers).
    RunHandle result(std::size_t i) const {
        return {
            std::shared_ptr<const care::Scenario>(scenarios, &scenarios->at(i)),
            std::shared_ptr<const experiment::Aggregate>(comparison, &comparison->scenarios.at(i)),
            settings};
    }
};

struct SizingHandle {
    std::shared_ptr<const care::Scenario> sized;
    std::shared_ptr<const std::vector<experiment::SizingResult>> results;
    std::shared_ptr<const experiment::Aggregate> achieved;
    Settings settings;

    RunHandle result() const { return {sized, achieved, settings}; }
};

} // namespace zorgsim::python
