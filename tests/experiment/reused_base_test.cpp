// Specification of RunOptions::keep_outcomes and RunOptions::base_outcomes (the studio's reuse of
// its base scenario's replications, docs/studio.md): a comparison that takes the base's
// replications from an earlier run_scenario of the base, with the same seed, gives exactly the
// comparison that simulates them again.
#include <catch2/catch.hpp>

#include <string>

#include "experiment/runner.hpp"
#include "scenario/load.hpp"

using namespace zorgsim;

namespace {

care::Scenario load(const std::string& name, int capacity) {
    const std::string yaml = "format: 1\nname: " + name + R"(
start: 2025-01-01
end: 2027-01-01
period: year
sources:
  - id: referrals
    rate_per_year: 300
    to: care
services:
  - id: care
    capacity: )" + std::to_string(capacity) +
                             R"(
    duration_days: {dist: exponential, mean: 10}
    next: {exit: 0.8, follow_up: 0.2}
  - id: follow_up
    capacity: 2
    duration_days: {dist: exponential, mean: 20}
)";
    auto loaded = scenario::load_text(yaml, name + ".yaml", ".");
    REQUIRE(loaded.ok());
    return std::move(*loaded.scenario);
}

} // namespace

TEST_CASE("A comparison that reuses the base's replications equals one that simulates them",
          "[experiment][compare]") {
    const std::vector<care::Scenario> scenarios{load("base", 9), load("more", 11)};
    experiment::RunOptions options;
    options.replications = 12;
    options.seed = 5;
    options.threads = 2;

    std::vector<care::ReplicationOutcome> kept;
    experiment::RunOptions keeping = options;
    keeping.keep_outcomes = &kept;
    const experiment::Aggregate alone = experiment::run_scenario(scenarios[0], keeping);
    REQUIRE(kept.size() == options.replications);

    const experiment::Comparison fresh = experiment::compare_scenarios(scenarios, options);
    experiment::RunOptions reusing = options;
    reusing.base_outcomes = &kept;
    const experiment::Comparison reused = experiment::compare_scenarios(scenarios, reusing);

    const auto& layout = fresh.scenarios[0].layout();
    for (std::size_t s = 0; s < 2; ++s)
        for (std::size_t i = 0; i < layout.summary_size(); ++i) {
            CHECK(reused.scenarios[s].summary(i).mean() == fresh.scenarios[s].summary(i).mean());
            CHECK(reused.scenarios[s].summary(i).variance() ==
                  fresh.scenarios[s].summary(i).variance());
        }
    for (std::size_t i = 0; i < layout.summary_size(); ++i)
        CHECK(alone.summary(i).mean() == fresh.scenarios[0].summary(i).mean());
    for (std::size_t cell = 0; cell < layout.series_cells(); ++cell)
        for (std::size_t p = 0; p < layout.periods.size(); ++p)
            CHECK(reused.scenarios[0].series(cell, p).values ==
                  fresh.scenarios[0].series(cell, p).values);
    fresh.differences[0].for_each_shared<true>([&](const care::LayoutCell&, std::size_t slot) {
        for (std::size_t p = 0; p < fresh.differences[0].shared_periods().size(); ++p) {
            CHECK(reused.differences[0].series_at(slot, p).mean() ==
                  fresh.differences[0].series_at(slot, p).mean());
            CHECK(reused.differences[0].series_at(slot, p).variance() ==
                  fresh.differences[0].series_at(slot, p).variance());
        }
    });
}
