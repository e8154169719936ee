// Rules of the model's limits (RunLimits): a scenario that loops in zero time or whose inflow
// outgrows every service ends its replication with a ScenarioFault that names the services,
// sources and policies involved; a raised stop flag ends it with Interrupted; and limits that
// are not reached change no figure.
#include <atomic>
#include <cstring>

#include "model_support.hpp"

using namespace zorgsim::care;
using namespace zorgsim::care::testing;
using Catch::Matchers::Contains;

namespace {

// The loader rejects these loops (zero-time cycles are found statically), so the tests write
// valid scenarios and make them loop in code: the model's backstop must hold whatever the
// loader lets through.

/// Two full services that send waiting youths to each other (the moment they join the list,
/// once max_wait is set to 0 below).
constexpr std::string_view renege_loop = R"(
format: 1
name: renege-loop
start: 2025-01-01
horizon_days: 365
sources:
  - {id: referrals, rate_per_year: 365, to: house_a}
services:
  - id: bystander
    capacity: 5
    duration_days: {dist: exponential, mean: 10}
  - id: house_a
    capacity: 1
    duration_days: {dist: deterministic, value: 1000}
    queue: {max_wait_days: 1, renege_to: house_b}
    census: {occupied: 1}
  - id: house_b
    capacity: 1
    duration_days: {dist: deterministic, value: 1000}
    queue: {max_wait_days: 1, renege_to: house_a}
    census: {occupied: 1}
)";

/// Every leaver comes back (at once, and after a stay of zero days, once set below).
constexpr std::string_view reentry_loop = R"(
format: 1
name: reentry-loop
start: 2025-01-01
horizon_days: 365
sources:
  - {id: wijkteam, rate_per_year: 12, to: team}
services:
  - id: team
    capacity: 10
    duration_days: {dist: deterministic, value: 1}
reentry:
  probability: 1
  delay_days: {dist: deterministic, value: 1}
  via: wijkteam
)";

/// A flood of referrals, doubled by a policy, waiting for one slot.
constexpr std::string_view runaway = R"(
format: 1
name: runaway
start: 2025-01-01
horizon_days: 730
sources:
  - {id: trickle, rate_per_year: 1000, to: team}
  - {id: flood, rate_per_year: 100000, to: team}
services:
  - id: team
    capacity: 1
    duration_days: {dist: deterministic, value: 365}
policies:
  - id: double-the-flood
    date: 2025-02-01
    inflow: {multiplier: 2, sources: [flood]}
)";

Scenario renege_loop_scenario() {
    Scenario scenario = load(renege_loop);
    for (Service& service : scenario.services)
        if (service.id != "bystander")
            service.max_wait = 0.0;
    return scenario;
}

Scenario reentry_loop_scenario() {
    Scenario scenario = load(reentry_loop);
    scenario.services.front().stay = zorgsim::Distribution::deterministic(0.0);
    scenario.reentry.delay_days = zorgsim::Distribution::deterministic(0.0);
    return scenario;
}

std::string fault_of(const Scenario& scenario, const RunLimits& limits,
                     ScenarioFault::Limit expected) {
    try {
        simulate_replication(scenario, 1, 3, Observation{}, limits);
    } catch (const ScenarioFault& fault) {
        CHECK(fault.limit == expected);
        return fault.what();
    }
    FAIL("expected a ScenarioFault");
    return {};
}

} // namespace

TEST_CASE("Youths reneging round full services in zero time end the replication with the "
          "services named",
          "[limits]") {
    RunLimits limits;
    limits.max_events_per_instant = 5000;
    const std::string message =
        fault_of(renege_loop_scenario(), limits, ScenarioFault::Limit::events_per_instant);
    CHECK_THAT(message, Contains("replication 3 handled more than 5000 events on day 0 "
                                 "(2025-01-01)"));
    CHECK_THAT(message, Contains("services house_a and house_b in zero time"));
    CHECK_THAT(message, Contains("max_wait_days: 0"));
    CHECK_THAT(message, !Contains("bystander"));
}

TEST_CASE("Zero-length stays with immediate re-entry end the replication with the service "
          "named",
          "[limits]") {
    // The default limit: far above what any shipped scenario does at one instant, still
    // reached in a fraction of a second.
    const std::string message =
        fault_of(reentry_loop_scenario(), RunLimits{}, ScenarioFault::Limit::events_per_instant);
    CHECK_THAT(message, Contains("more than 1000000 events"));
    CHECK_THAT(message, Contains("service team in zero time"));
    CHECK_THAT(message, Contains("stays of zero days"));
    CHECK_THAT(message, Contains("re-entry after a delay of zero days"));
}

TEST_CASE("Referrals that arrive all at once end the replication naming the channel, not a "
          "loop",
          "[limits]") {
    // A gamma time between arrivals with a huge spread draws 0 days almost always: a burst of
    // arrivals at one instant, which the loader cannot tell from a sensible distribution.
    const Scenario burst = load(R"(
format: 1
name: burst
start: 2025-01-01
horizon_days: 365
sources:
  - id: referrals
    interarrival_days: {dist: gamma, mean: 1, sd: 100000}
    to: team
services:
  - {id: team, capacity: 5, duration_days: 10}
)");
    RunLimits limits;
    limits.max_events_per_instant = 5000;
    const std::string message = fault_of(burst, limits, ScenarioFault::Limit::events_per_instant);
    CHECK_THAT(message, Contains("referrals through the channel referrals arrive all at once"));
    CHECK_THAT(message, !Contains("none identified"));
}

TEST_CASE("An inflow that outgrows the youth budget ends the replication naming the source "
          "with most arrivals and its inflow policy",
          "[limits]") {
    RunLimits limits;
    limits.max_youths = 20'000;
    const std::string message = fault_of(load(runaway), limits, ScenarioFault::Limit::youths);
    CHECK_THAT(message, Contains("reached the limit of 20000 youths alive at once"));
    CHECK_THAT(message, Contains("most arrivals come from source flood"));
    CHECK_THAT(message, Contains("rate_per_year 100000"));
    CHECK_THAT(message, Contains("under inflow policy double-the-flood (multiplier 2, from "
                                 "2025-02-01), which multiplies its referrals by 2 now"));

    // Before the policy: the source alone.
    limits.max_youths = 2'000;
    const std::string early = fault_of(load(runaway), limits, ScenarioFault::Limit::youths);
    CHECK_THAT(early, Contains("most arrivals come from source flood"));
    CHECK_THAT(early, !Contains("policy"));
}

TEST_CASE("A start census larger than the youth budget is refused at once", "[limits]") {
    Scenario scenario = load(runaway);
    scenario.services.front().census.occupied = 1;
    scenario.services.front().census.waiting = 50;
    RunLimits limits;
    limits.max_youths = 10;
    const std::string message = fault_of(scenario, limits, ScenarioFault::Limit::youths);
    CHECK_THAT(message, Contains("limit of 10 youths alive at once on day 0 (2025-01-01)"));
    CHECK_THAT(message, Contains("the start census alone"));
}

TEST_CASE("A raised stop flag ends a replication with Interrupted", "[limits]") {
    std::atomic<bool> stop{true};
    RunLimits limits;
    limits.stop = &stop;
    const Scenario scenario = load(runaway);
    CHECK_THROWS_AS(simulate_replication(scenario, 1, 0, Observation{}, limits),
                    zorgsim::Interrupted);
}

TEST_CASE("Limits that are not reached and a stop flag never raised change no figure", "[limits]") {
    const auto loaded = zorgsim::scenario::load_file(scenarios_dir / "westfriesland-baseline.yaml");
    REQUIRE(loaded.ok());
    const Scenario& scenario = *loaded.scenario;
    std::atomic<bool> stop{false};
    RunLimits limits;
    limits.stop = &stop;
    limits.max_youths = 100'000;
    for (std::uint64_t r : {0u, 1u}) {
        const ReplicationOutcome plain = simulate_replication(scenario, 9, r);
        const ReplicationOutcome limited =
            simulate_replication(scenario, 9, r, Observation{}, limits);
        // Bitwise, so that NaN ("no observation", e.g. nobody gave up waiting) equals NaN.
        auto same = [](const std::vector<double>& x, const std::vector<double>& y) {
            return x.size() == y.size() &&
                   (x.empty() || std::memcmp(x.data(), y.data(), x.size() * sizeof(double)) == 0);
        };
        CHECK(same(plain.summary, limited.summary));
        CHECK(same(plain.series, limited.series));
    }
}
