// Specification of the small steps the command line and the Python module share: the points of a
// sweep grid, the refusal of two scenarios with one name, and the memory refusal.
#include <catch2/catch.hpp>

#include "experiment/distinct_names.hpp"
#include "experiment/result_memory.hpp"
#include "experiment/sweep_grid.hpp"

using zorgsim::experiment::grid_points;
using zorgsim::experiment::SweepParameter;

TEST_CASE("grid points vary the first parameter slowest") {
    const std::vector<SweepParameter> grid{{"a", {"1", "2"}}, {"b", {"x", "y", "z"}}};
    const std::vector<std::vector<std::string>> expected{{"1", "x"}, {"1", "y"}, {"1", "z"},
                                                         {"2", "x"}, {"2", "y"}, {"2", "z"}};
    CHECK(grid_points(grid) == expected);
    CHECK(grid_points({{"a", {"7"}}}) == std::vector<std::vector<std::string>>{{"7"}});
}

TEST_CASE("two scenarios with one name cannot be compared") {
    std::vector<zorgsim::care::Scenario> scenarios(3);
    scenarios[0].name = "base";
    scenarios[1].name = "alt";
    scenarios[2].name = "other";
    CHECK_FALSE(zorgsim::experiment::duplicate_name_refusal(scenarios));
    scenarios[2].name = "base";
    const auto refusal = zorgsim::experiment::duplicate_name_refusal(scenarios);
    REQUIRE(refusal);
    CHECK(*refusal == "two scenarios are both named 'base'; names tell them apart in the results");
}

TEST_CASE("replications whose figures would not fit in memory are refused") {
    zorgsim::care::Scenario scenario;
    scenario.services.resize(1);
    scenario.services[0].id = "s";
    CHECK_FALSE(zorgsim::experiment::result_memory_refusal(scenario, 1000));
    const auto refusal = zorgsim::experiment::result_memory_refusal(scenario, 1'000'000'000);
    REQUIRE(refusal);
    CHECK_THAT(*refusal, Catch::Contains("1000000000 replications would keep") &&
                             Catch::Contains("GiB zorgsim allows"));
    // Two scenarios together keep twice as much: fewer replications fit.
    const auto two = zorgsim::experiment::result_memory_refusal(scenario, 1'000'000'000, 2);
    REQUIRE(two);
    CHECK_THAT(*two, Catch::Contains(" x 2 scenarios"));
}
