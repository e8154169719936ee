// Costs as contracts are written: the price of a contracted place paid whether it is used or
// not, a fixed cost per calendar year, and price indexation, each exact whatever the periods.
#include <string>

#include "model_support.hpp"
#include "zorgsim/model/prices.hpp"

using namespace zorgsim;
using namespace zorgsim::care::testing;

namespace {

// Six census youths who stay for good (a remaining stay of about U x 1e7 days) in 10
// contracted places that drop to 4 on 1 January 2026; nobody else is referred.
std::string six_youths_in(std::string_view extra_service_keys, std::string_view top = {},
                          std::string_view period = "year", std::string_view start = "2025-01-01",
                          std::string_view end = "2027-01-01") {
    return std::string(R"(
format: 1
name: costs
start: )") +
           std::string(start) + "\nend: " + std::string(end) + "\nperiod: " + std::string(period) +
           "\n" + std::string(top) + R"(
sources:
  - id: wijkteam
    rate_per_year: 0.001
    to: crisis
services:
  - id: crisis
    kind: placement
    capacity: [{from: )" +
           std::string(start) + R"(, value: 10}, {from: 2026-01-01, value: 4}]
    duration_days: {dist: deterministic, value: 10000000}
    census: {occupied: 6}
)" + std::string(extra_service_keys);
}

} // namespace

TEST_CASE("The price of empty contracted places is the place price times the empty place-days") {
    const auto scenario = load(six_youths_in("    cost_per_day: 100\n"
                                             "    cost_per_place_day: 50\n"
                                             "    cost_per_admission: 1000\n"));
    const auto result = run(scenario);
    REQUIRE(result.service("crisis", "discharges") == 0.0);
    REQUIRE(result.service("crisis", "admissions") == 0.0);
    // 2025: 10 contracted, 6 occupied: 4 empty places x 365 days. 2026: 4 contracted and 6
    // occupied (a drop evicts nobody): nothing empty.
    CHECK(result.service("crisis", "cost_vacant") == 50.0 * 4 * 365);
    CHECK(result.service_series("crisis", "cost_vacant", 0) == 50.0 * 4 * 365);
    CHECK(result.service_series("crisis", "cost_vacant", 1) == 0.0);
    // Occupied places pay their day tariff and their place price.
    CHECK(result.service("crisis", "cost_occupied") == 150.0 * 6 * 730);
    CHECK(result.service("crisis", "cost_fixed") == 0.0);
    CHECK(result.service("crisis", "cost") == 150.0 * 6 * 730 + 50.0 * 4 * 365);
    CHECK(result.system("cost_vacant") == 50.0 * 4 * 365);
    CHECK(result.system("cost") == result.service("crisis", "cost"));
    CHECK(result.system_series("cost", 1) == 150.0 * 6 * 365);
}

TEST_CASE("Without place prices, fixed costs or indexation the cost is the day tariff as before") {
    const auto scenario = load(six_youths_in("    cost_per_day: 123.45\n"));
    const auto result = run(scenario);
    const double occupied_days = result.service("crisis", "occupancy") * 730;
    CHECK(result.service("crisis", "cost") == result.service("crisis", "cost_occupied"));
    CHECK(result.service("crisis", "cost_vacant") == 0.0);
    CHECK(result.service("crisis", "cost") == Approx(123.45 * occupied_days).epsilon(1e-12));
}

TEST_CASE("A fixed cost per year is exact per calendar year, with monthly periods and a start "
          "that is not 1 January") {
    // From 1 July 2025 to 1 July 2027 in months: half of 2025, all of 2026, half of 2027.
    const auto scenario = load(six_youths_in("    fixed_cost_per_year: 365000\n", {}, "month",
                                             "2025-07-01", "2027-07-01"));
    const auto result = run(scenario);
    REQUIRE(result.layout.periods.size() == 24);
    double year_2026 = 0.0;
    for (std::size_t p = 6; p < 18; ++p) // January to December 2026
        year_2026 += result.service_series("crisis", "cost_fixed", p);
    CHECK(year_2026 == Approx(365000.0).epsilon(1e-13));
    // July 2025: 31 of 365 days.
    CHECK(result.service_series("crisis", "cost_fixed", 0) == Approx(365000.0 * 31 / 365));
    // The whole horizon: 184 days of 2025, 2026, 181 days of 2027.
    CHECK(result.service("crisis", "cost_fixed") ==
          Approx(365000.0 * 184 / 365 + 365000.0 + 365000.0 * 181 / 365).epsilon(1e-13));
    CHECK(result.system("cost_fixed") == result.service("crisis", "cost_fixed"));
}

TEST_CASE("A whole calendar year accrues exactly the yearly fixed cost") {
    const auto scenario = load(six_youths_in("    fixed_cost_per_year: 1234567.89\n"));
    const auto result = run(scenario);
    CHECK(result.service_series("crisis", "cost_fixed", 0) == 1234567.89);
    CHECK(result.service_series("crisis", "cost_fixed", 1) == 1234567.89);
}

TEST_CASE("Indexation steps on 1 January and multiplies every kind of price") {
    const auto scenario = load(six_youths_in("    cost_per_day: 100\n"
                                             "    cost_per_place_day: 50\n"
                                             "    fixed_cost_per_year: 10000\n",
                                             "prices: {indexation_per_year: 0.1}\n"));
    const auto result = run(scenario);
    CHECK(result.service_series("crisis", "cost_occupied", 0) ==
          Approx(150.0 * 6 * 365).epsilon(1e-12));
    CHECK(result.service_series("crisis", "cost_occupied", 1) ==
          Approx(1.1 * 150.0 * 6 * 365).epsilon(1e-12));
    CHECK(result.service_series("crisis", "cost_vacant", 0) ==
          Approx(50.0 * 4 * 365).epsilon(1e-12));
    CHECK(result.service_series("crisis", "cost_fixed", 0) == 10000.0);
    CHECK(result.service_series("crisis", "cost_fixed", 1) == Approx(11000.0).epsilon(1e-15));
}

TEST_CASE("A price step inside a period is integrated exactly") {
    // Start 1 April 2025: the periods are April-December 2025, 2026 and January-March 2027. A
    // price policy on 1 July 2025 falls inside the first; indexation steps on each 1 January.
    const auto scenario = load(six_youths_in("    cost_per_day: 100\n"
                                             "    cost_per_place_day: 50\n",
                                             "prices: {indexation_per_year: 0.04}\n", "year",
                                             "2025-04-01", "2027-04-01") +
                               R"(policies:
  - id: new-contract
    date: 2025-07-01
    prices: {change: 0.1, services: [crisis]}
)");
    const auto result = run(scenario);
    REQUIRE(result.layout.periods.size() == 3);
    // 1 April - 1 July 2025: 91 days at 1; 1 July - 1 January: 184 days at 1.1. 10 places
    // contracted (4 empty) until 1 January 2026, then 4 (none empty).
    const double factor_days_0 = 91 * 1.0 + 184 * 1.1;
    CHECK(result.service_series("crisis", "cost_occupied", 0) ==
          Approx(150.0 * 6 * factor_days_0).epsilon(1e-12));
    CHECK(result.service_series("crisis", "cost_vacant", 0) ==
          Approx(50.0 * 4 * factor_days_0).epsilon(1e-12));
    CHECK(result.service_series("crisis", "cost_occupied", 1) ==
          Approx(150.0 * 6 * 365 * 1.1 * 1.04).epsilon(1e-12));
    CHECK(result.service_series("crisis", "cost_vacant", 1) == 0.0);
    CHECK(result.service_series("crisis", "cost_occupied", 2) ==
          Approx(150.0 * 6 * 90 * 1.1 * 1.04 * 1.04).epsilon(1e-12));
    CHECK(result.service("crisis", "cost") ==
          Approx(150.0 * 6 * (factor_days_0 + 365 * 1.1 * 1.04 + 90 * 1.1 * 1.04 * 1.04) +
                 50.0 * 4 * factor_days_0)
              .epsilon(1e-12));
}

TEST_CASE("Indexation steps inside a period of a run with a warm-up are integrated exactly") {
    // The whole-horizon figure starts after the warm-up (1 October 2025): 92 days at 1, then
    // 2026 at 1.04.
    auto yaml = six_youths_in("    cost_per_day: 100\n", "prices: {indexation_per_year: 0.04}\n");
    yaml.replace(yaml.find("period: year"), 12, "period: year\nwarmup_days: 273");
    const auto result = run(load(yaml));
    CHECK(result.service("crisis", "cost") == Approx(100.0 * 6 * (92 + 365 * 1.04)).epsilon(1e-12));
}

TEST_CASE("The price schedule: a step on each 1 January after the start and at price policies") {
    const auto scenario = load(six_youths_in("", "prices: {indexation_per_year: 0.02}\n", "year",
                                             "2025-03-01", "2027-06-01") +
                               R"(policies:
  - id: all-prices
    date: 2026-01-01
    prices: {change: -0.5}
)");
    const auto schedules = care::price_schedules(scenario);
    REQUIRE(schedules.size() == 1);
    const auto& steps = schedules[0];
    REQUIRE(steps.size() == 3);
    CHECK(steps[0].from == 0.0);
    CHECK(steps[0].factor == 1.0);
    CHECK(steps[1].from == 306.0); // 1 January 2026: indexation and the policy on one day
    CHECK(steps[1].factor == Approx(1.02 * 0.5));
    CHECK(steps[2].from == 671.0); // 1 January 2027
    CHECK(steps[2].factor == Approx(1.02 * 0.5 * 1.02));
}

TEST_CASE("Empty places and fixed costs of a shared service go to the regions by their "
          "referrals; occupied places follow the youth") {
    const auto scenario = load(R"(
format: 1
name: costs-regions
start: 2025-01-01
end: 2026-01-01
regions:
  - id: north
  - id: south
sources:
  - id: north-team
    region: north
    rate_per_year: 0.003
    to: crisis
  - id: south-team
    region: south
    rate_per_year: 0.001
    to: crisis
services:
  - id: crisis
    kind: placement
    capacity: 10
    duration_days: {dist: deterministic, value: 10000000}
    cost_per_day: 100
    cost_per_place_day: 50
    fixed_cost_per_year: 40000
    census: {occupied: 6, region_weights: {north: 0.5, south: 0.5}}
)");
    const auto result = run(scenario);
    const double vacant = result.service("crisis", "cost_vacant");
    CHECK(vacant == 50.0 * 4 * 365);
    CHECK(result.region("north", "cost_vacant") == Approx(0.75 * vacant));
    CHECK(result.region("south", "cost_vacant") == Approx(0.25 * vacant));
    CHECK(result.region("north", "cost_fixed") == Approx(30000.0));
    CHECK(result.region("south", "cost_fixed") == Approx(10000.0));
    CHECK(result.region("north", "cost_occupied") + result.region("south", "cost_occupied") ==
          Approx(result.service("crisis", "cost_occupied")));
    CHECK(result.region("north", "cost") + result.region("south", "cost") ==
          Approx(result.system("cost")));
}
