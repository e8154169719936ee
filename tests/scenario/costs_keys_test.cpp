// The keys of costs as contracts are written: prices per contracted place and per year,
// indexation, and dated price changes; what they mean and how mistakes are reported.
#include "scenario_support.hpp"

using namespace zorgsim::scenario::testing;

TEST_CASE("Place prices, fixed costs, indexation and price policies are read") {
    const auto result = load_yaml(R"(
format: 1
name: costs
start: 2025-01-01
end: 2028-01-01
prices: {indexation_per_year: 0.04}
sources:
  - {id: team, rate_per_year: 10, to: crisis}
services:
  - id: crisis
    kind: placement
    capacity: 4
    duration_days: 30
    cost_per_day: 100
    cost_per_place_day: 550
    fixed_cost_per_year: 25000
  - {id: other, capacity: 4, duration_days: 30}
policies:
  - {id: new-contract, date: 2026-07-01, prices: {change: 0.05, services: [crisis]}}
  - {id: all, date: 2027-01-01, prices: {change: -0.6, confirm: true}}
)");
    INFO(Catch::Detail::stringify(messages(result)));
    REQUIRE(result.ok());
    const auto& s = *result.scenario;
    CHECK(s.prices.indexation_per_year == 0.04);
    CHECK(s.services[0].cost_per_place_day == 550.0);
    CHECK(s.services[0].fixed_cost_per_year == 25000.0);
    REQUIRE(s.policies.size() == 2);
    CHECK(s.policies[0].kind == zorgsim::care::PolicyChange::Kind::prices);
    CHECK(s.policies[0].value == 0.05);
    CHECK(s.policies[0].services == std::vector<int>{0});
    CHECK(s.policies[1].services.empty());
    CHECK(s.policies[1].value == -0.6);

    // The resolved scenario reads back the same.
    const std::string yaml = zorgsim::scenario::emit_yaml(s);
    CHECK(yaml.find("indexation_per_year: 0.04") != std::string::npos);
    CHECK(yaml.find("prices: {change: -0.6, confirm: true}") != std::string::npos);
    const auto again = load_yaml(yaml);
    INFO(Catch::Detail::stringify(messages(again)));
    REQUIRE(again.ok());
    CHECK(again.scenario->prices.indexation_per_year == 0.04);
    CHECK(again.scenario->services[0].cost_per_place_day == 550.0);
    CHECK(again.scenario->services[0].fixed_cost_per_year == 25000.0);
    CHECK(again.scenario->policies[0].services == std::vector<int>{0});
    CHECK(zorgsim::scenario::emit_yaml(*again.scenario) == yaml);
}

TEST_CASE("A scenario without the cost keys resolves without them") {
    const auto result = load_yaml(R"(
format: 1
name: plain
start: 2025-01-01
end: 2026-01-01
sources:
  - {id: team, rate_per_year: 10, to: a}
services:
  - {id: a, capacity: 4, duration_days: 30, cost_per_day: 10}
)");
    REQUIRE(result.ok());
    const std::string yaml = zorgsim::scenario::emit_yaml(*result.scenario);
    CHECK(yaml.find("prices") == std::string::npos);
    CHECK(yaml.find("cost_per_place_day") == std::string::npos);
    CHECK(yaml.find("fixed_cost_per_year") == std::string::npos);
}

TEST_CASE("Mistakes in the cost keys are reported at their values") {
    const std::string f = "invalid/costs.yaml:";
    const auto lines = messages(load_fixture("invalid/costs.yaml"));
    CHECK_THAT(lines,
               Reports(f + "5:31: error: ",
                       "indexation_per_year 0.8 is +80% a year: write 0.04 for +4% (-0.04 for "
                       "-4%); if you mean +80%, add confirm: true to this prices section"));
    CHECK_THAT(lines, Reports(f + "15:25: error: ", "cost_per_place_day must be"));
    CHECK_THAT(lines, Reports(f + "16:26: error: ", "fixed_cost_per_year must be a number"));
    CHECK_THAT(lines, Reports(f + "20:47: error: ", "unknown service 'cirsis'"));
    CHECK_THAT(lines, Reports(f + "23:22: error: ",
                              "change must be a number > -1 and <= 1 (a relative change: 0.04 "
                              "is +4%), got 5"));
    CHECK_THAT(lines, Reports(f + "26:34: error: ", "unknown key 'amount' in the prices change"));
    CHECK_THAT(lines, Reports(f + "26:13: error: ", "missing required key 'change'"));
}
