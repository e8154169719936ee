#include "runner.hpp"

#include "zorgsim/engine/replications.hpp"
#include "zorgsim/model/care_model.hpp"

namespace zorgsim::experiment {

namespace {
ReplicationOptions replication_options(const RunOptions& options) {
    ReplicationOptions r;
    r.count = options.replications;
    r.threads = options.threads;
    r.stop = options.stop;
    r.progress = options.progress;
    return r;
}

/// Replications stop within a fraction of a second of `stop`, not only between replications.
care::RunLimits run_limits(const RunOptions& options) {
    care::RunLimits limits;
    limits.max_youths = options.max_youths;
    limits.max_events_per_instant = options.max_events_per_instant;
    limits.stop = options.stop;
    return limits;
}

/// Replications on the backend, or on this process's threads when there is none.
void run_outcomes(const RunOptions& options, const std::function<Outcomes(std::size_t)>& simulate,
                  const std::function<void(std::size_t, Outcomes&&)>& fold) {
    if (options.backend)
        options.backend->run(replication_options(options), simulate, fold);
    else
        run_replications<Outcomes>(replication_options(options), simulate, fold);
}
} // namespace

Aggregate run_scenario(const care::Scenario& scenario, const RunOptions& options) {
    Aggregate aggregate(care::outcome_layout(scenario));
    extend_scenario(aggregate, scenario, options, 0);
    return aggregate;
}

void extend_scenario(Aggregate& aggregate, const care::Scenario& scenario,
                     const RunOptions& options, std::size_t first) {
    run_outcomes(
        options,
        [&](std::size_t i) {
            const std::size_t r = first + i;
            Outcomes outcomes;
            outcomes.push_back(care::simulate_replication(
                scenario, options.seed, r,
                care::Observation{r == 0 ? options.trace : nullptr, options.period_waits_of},
                run_limits(options)));
            return outcomes;
        },
        [&](std::size_t, Outcomes&& outcomes) {
            aggregate.add(outcomes.front());
            if (options.keep_outcomes)
                options.keep_outcomes->push_back(std::move(outcomes.front()));
        });
}

Comparison compare_scenarios(const std::vector<care::Scenario>& scenarios,
                             const RunOptions& options) {
    Comparison comparison;
    for (const auto& scenario : scenarios)
        comparison.scenarios.emplace_back(care::outcome_layout(scenario));
    for (std::size_t i = 1; i < scenarios.size(); ++i)
        comparison.differences.emplace_back(comparison.scenarios[0].layout(),
                                            comparison.scenarios[i].layout(),
                                            scenarios[0].start == scenarios[i].start);
    run_outcomes(
        options,
        [&](std::size_t r) {
            Outcomes outcomes;
            for (std::size_t i = 0; i < scenarios.size(); ++i)
                if (i == 0 && options.base_outcomes && r < options.base_outcomes->size())
                    outcomes.push_back((*options.base_outcomes)[r]);
                else
                    outcomes.push_back(care::simulate_replication(
                        scenarios[i], options.seed, r,
                        care::Observation{r == 0 ? options.trace : nullptr, -1},
                        run_limits(options)));
            return outcomes;
        },
        [&](std::size_t, Outcomes&& outcomes) {
            for (std::size_t i = 0; i < outcomes.size(); ++i)
                comparison.scenarios[i].add(outcomes[i]);
            for (std::size_t i = 1; i < outcomes.size(); ++i)
                comparison.differences[i - 1].add(outcomes[0], outcomes[i]);
        });
    return comparison;
}

} // namespace zorgsim::experiment
