// The core keys of CONTRACT.md ("Scenario files: the core"): a plain queueing network,
// read exactly as written, with the documented defaults.
#include <cmath>
#include <limits>

#include "scenario_support.hpp"

using namespace zorgsim;
using namespace zorgsim::scenario::testing;
using Catch::Matchers::WithinAbs;

namespace {

/// A one-service network; `service` is appended to the service item, `top` to the top level.
std::string network(const std::string& service, const std::string& top = "") {
    return "format: 1\nname: t\nstart: 2025-01-01\nhorizon_days: 3650\n" + top +
           "sources:\n  - id: referrals\n    rate_per_year: 10\n    to: team\n"
           "services:\n  - id: team\n    duration_days: 5\n" +
           service;
}

care::Scenario load_ok(const std::string& yaml) {
    const auto result = load_yaml(yaml);
    INFO(Catch::Detail::stringify(messages(result)));
    REQUIRE(result.ok());
    return *result.scenario;
}

} // namespace

TEST_CASE("The contract's M/M/c example loads with every value as written") {
    const auto result = load_fixture("valid/mmc.yaml");
    INFO(Catch::Detail::stringify(messages(result)));
    REQUIRE(result.ok());
    const care::Scenario& s = *result.scenario;
    CHECK(s.name == "mmc-example");
    CHECK(s.start == std::chrono::year_month_day{std::chrono::year{2025}, std::chrono::January,
                                                 std::chrono::day{1}});
    CHECK(s.horizon_days == 36500.0);
    CHECK(s.warmup_days == 365.0);
    CHECK(s.period == Period::year);
    CHECK(s.replications == 20);
    CHECK(s.seed == 7);
    REQUIRE(s.sources.size() == 1);
    CHECK(s.sources[0].id == "referrals");
    CHECK(s.sources[0].rate_per_year == 365.0);
    CHECK_FALSE(s.sources[0].interarrival);
    CHECK(s.sources[0].to.fallback.targets == std::vector{care::Destination{0}});
    CHECK(s.sources[0].to.fallback.probabilities == std::vector{1.0});
    REQUIRE(s.services.size() == 1);
    const care::Service& team = s.services[0];
    CHECK(team.id == "team");
    REQUIRE(team.capacity.size() == 1);
    CHECK(team.capacity[0].from == 0.0);
    CHECK(team.capacity[0].value == 3);
    CHECK(team.stay.mean() == 2.7);
    CHECK(team.stay.describe() == "exponential(mean 2.7)");
    CHECK(team.max_queue == std::numeric_limits<std::size_t>::max());
    CHECK(team.overflow.is_exit());
    CHECK(team.next.fallback.targets == std::vector{care::Destination{}});
    CHECK(team.next.fallback.probabilities == std::vector{1.0});
}

TEST_CASE("Keys that are left out take the documented defaults") {
    const auto result = load_fixture("valid/defaults.yaml");
    INFO(Catch::Detail::stringify(messages(result)));
    REQUIRE(result.ok());
    const care::Scenario& s = *result.scenario;
    CHECK(s.title == "defaults");
    CHECK(s.warmup_days == 0.0);
    CHECK(s.period == Period::year);
    CHECK(s.replications == 20);
    CHECK(s.seed == 1);
    CHECK(s.wait_norm_days == 28.0);
    CHECK(s.profiles == std::vector<std::string>{"default"});
    CHECK(s.policies.empty());
    CHECK(std::isinf(s.population.exit_age));
    CHECK(s.reentry.source == -1);
    const care::Source& source = s.sources[0];
    REQUIRE(source.interarrival);
    CHECK(source.interarrival->mean() == 2.0);
    CHECK(source.profile_weights.empty());
    CHECK(source.age_years.mean() == 0.0);
    CHECK(source.protection_share == 0.0);
    CHECK_FALSE(source.crisis);
    const care::Service& team = s.services[0];
    CHECK(team.kind == care::ServiceKind::care_at_home);
    CHECK_FALSE(team.closed);
    CHECK(team.stay.describe() == "deterministic(1)");
    CHECK(team.min_age == 0.0);
    CHECK(std::isinf(team.max_age));
    CHECK(team.admits_profile.empty());
    CHECK(team.max_queue == std::numeric_limits<std::size_t>::max());
    CHECK(std::isinf(team.max_wait));
    CHECK(team.renege_to.is_exit());
    CHECK(team.overflow.is_exit());
    CHECK(team.bridging == -1);
    CHECK_FALSE(team.blocking);
    CHECK_FALSE(team.substitution);
    CHECK(team.next.fallback.targets == std::vector{care::Destination{}});
    CHECK_FALSE(team.reentry_probability);
    CHECK(team.cost_per_day == 0.0);
    CHECK(team.cost_per_admission == 0.0);
    CHECK_FALSE(team.opens);
    CHECK(team.census.occupied == 0);
    CHECK(team.census.waiting == 0);
}

TEST_CASE("end gives the horizon as the days from start to end") {
    const auto s = load_ok("format: 1\nname: t\nstart: 2025-01-01\nend: 2035-01-01\n"
                           "sources: [{id: r, rate_per_year: 1, to: team}]\n"
                           "services: [{id: team, capacity: 1, duration_days: 1}]\n");
    CHECK(s.horizon_days == 3652.0);
}

TEST_CASE("A capacity schedule becomes steps in days from the start") {
    const auto s = load_ok(
        network("    capacity: [{from: 2025-01-01, value: 3}, {from: 2030-01-01, value: 0}]\n"));
    const auto& capacity = s.services[0].capacity;
    REQUIRE(capacity.size() == 2);
    CHECK(capacity[0].from == 0.0);
    CHECK(capacity[0].value == 3);
    CHECK(capacity[1].from == 1826.0);
    CHECK(capacity[1].value == 0);
}

TEST_CASE("A routing table keeps its targets and probabilities in the written order") {
    const auto s = load_ok(network("    capacity: 1\n    next: {team: 0.25, exit: 0.75}\n"));
    const auto& next = s.services[0].next.fallback;
    CHECK(next.targets == std::vector{care::Destination{0}, care::Destination{}});
    CHECK(next.probabilities == std::vector{0.25, 0.75});
}

TEST_CASE("queue.max_length is a bound on the list, 0 means no list, unlimited none") {
    CHECK(load_ok(network("    capacity: 1\n    queue: {max_length: 0}\n")).services[0].max_queue ==
          0);
    CHECK(
        load_ok(network("    capacity: 1\n    queue: {max_length: 12}\n")).services[0].max_queue ==
        12);
    CHECK(load_ok(network("    capacity: 1\n    queue: {max_length: unlimited}\n"))
              .services[0]
              .max_queue == std::numeric_limits<std::size_t>::max());
}

TEST_CASE("overflow names a service or exit") {
    const auto s = load_ok(network("    capacity: 1\n    queue: {max_length: 0}\n"
                                   "    overflow: team\n"));
    CHECK(s.services[0].overflow == care::Destination{0});
}

TEST_CASE("Each distribution of the contract is made with its parameters") {
    auto stay = [](const std::string& dist) {
        return load_ok("format: 1\nname: t\nstart: 2025-01-01\nhorizon_days: 10\n"
                       "sources: [{id: r, rate_per_year: 1, to: team}]\n"
                       "services: [{id: team, capacity: 100, duration_days: " +
                       dist + "}]\n")
            .services[0]
            .stay;
    };
    CHECK(stay("{dist: exponential, mean: 3}").describe() == "exponential(mean 3)");
    CHECK(stay("{dist: deterministic, value: 4}").describe() == "deterministic(4)");
    CHECK(stay("{dist: gamma, mean: 3, sd: 1}").describe() == "gamma(mean 3, sd 1)");
    CHECK(stay("{dist: lognormal, mean: 3, sd: 1}").describe() == "lognormal(mean 3, sd 1)");
    CHECK(stay("{dist: uniform, min: 1, max: 2}").describe() == "uniform(1, 2)");
    CHECK(stay("{dist: triangular, min: 1, mode: 2, max: 4}").describe() == "triangular(1, 2, 4)");
    CHECK(stay("{dist: weibull, shape: 2, scale: 3}").describe() == "weibull(shape 2, scale 3)");
    CHECK_THAT(stay("{dist: empirical, values: [1, 3], weights: [3, 1]}").mean(),
               WithinAbs(1.5, 1e-12));
    CHECK(stay("{dist: empirical, values: [1, 3]}").mean() == 2.0);
    CHECK(stay("6.5").describe() == "deterministic(6.5)");
}

TEST_CASE("period is year, quarter or month") {
    CHECK(load_ok(network("    capacity: 1\n", "period: quarter\n")).period == Period::quarter);
    CHECK(load_ok(network("    capacity: 1\n", "period: month\n")).period == Period::month);
}

TEST_CASE("seed takes any 64-bit unsigned value exactly") {
    CHECK(load_ok(network("    capacity: 1\n", "seed: 18446744073709551615\n")).seed ==
          18446744073709551615ull);
}

TEST_CASE("interarrival_days replaces rate_per_year by a distribution of gaps") {
    const auto s = load_ok("format: 1\nname: t\nstart: 2025-01-01\nhorizon_days: 10\n"
                           "sources: [{id: r, interarrival_days: {dist: exponential, mean: 2}, "
                           "to: team}]\n"
                           "services: [{id: team, capacity: 100, duration_days: 1}]\n");
    REQUIRE(s.sources[0].interarrival);
    CHECK(s.sources[0].interarrival->describe() == "exponential(mean 2)");
}
