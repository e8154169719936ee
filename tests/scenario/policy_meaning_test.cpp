// Policies that say what they mean: a capacity step relative (change: +20) or absolute (value:
// 200, never "+20"), duplicate policy ids an error at both even in a file that extends another,
// and an annual change beyond 50% a year only when confirmed.
#include <fstream>

#include "scenario_support.hpp"

using namespace zorgsim;
using namespace zorgsim::scenario;
using namespace zorgsim::scenario::testing;

namespace {

const std::string base = "format: 1\nname: t\nstart: 2025-01-01\nhorizon_days: 3650\n"
                         "sources: [{id: r, rate_per_year: 10, to: pleegzorg}]\n"
                         "services:\n"
                         "  - id: pleegzorg\n"
                         "    duration_days: 100\n"
                         "    capacity: [{from: 2025-01-01, value: 180}, {from: 2028-01-01, "
                         "value: 200}]\n";

} // namespace

TEST_CASE("change: +20 is twenty places more than the capacity in effect on the policy's date") {
    const auto result =
        load_yaml(base + "policies:\n"
                         "  - {id: more, date: 2026-01-01, capacity: {service: pleegzorg, "
                         "change: +20}}\n"
                         "  - {id: fewer, date: 2029-01-01, capacity: {service: pleegzorg, "
                         "change: -15}}\n");
    INFO(Catch::Detail::stringify(messages(result)));
    REQUIRE(result.ok());
    const auto& capacity = result.scenario->services[0].capacity;
    REQUIRE(capacity.size() == 4);
    CHECK(capacity[1].value == 200); // 180 + 20 from 2026
    CHECK(capacity[2].value == 200); // the schedule's own step in 2028
    CHECK(capacity[3].value == 185); // 200 - 15 from 2029
    CHECK(result.scenario->policies[0].value == 200.0);
}

TEST_CASE("Relative steps build on each other in date order, whatever their order in the file") {
    const auto result = load_yaml(
        base + "policies:\n"
               "  - {id: b, date: 2027-01-01, capacity: {service: pleegzorg, change: 5}}\n"
               "  - {id: a, date: 2026-01-01, capacity: {service: pleegzorg, change: 10}}\n");
    REQUIRE(result.ok());
    const auto& capacity = result.scenario->services[0].capacity;
    CHECK(capacity[1].value == 190);
    CHECK(capacity[2].value == 195);
}

TEST_CASE("value: +20 is refused: it would set the capacity to 20, not add twenty") {
    CHECK_THAT(messages(load_yaml(base + "policies:\n  - {id: more, date: 2026-01-01, capacity: "
                                         "{service: pleegzorg, value: +20}}\n")),
               Reports("inline.yaml:11:72: error: ",
                       "value +20 would set the capacity to 20 places: for 20 places more write "
                       "change: +20"));
}

TEST_CASE("A relative step below zero places, or with an absolute value too, is refused") {
    CHECK_THAT(messages(load_yaml(base + "policies:\n  - {id: cut, date: 2026-01-01, capacity: "
                                         "{service: pleegzorg, change: -181}}\n")),
               Reports("inline.yaml:11:", "change -181 takes the capacity of 'pleegzorg' below "
                                          "0: it is 180 on that date"));
    CHECK_THAT(messages(load_yaml(base + "policies:\n  - {id: both, date: 2026-01-01, capacity: "
                                         "{service: pleegzorg, value: 5, change: 5}}\n")),
               Reports("inline.yaml:11:", "give either value (the number of places) or change"));
}

TEST_CASE("Two policies with one id are an error at the second, naming the first, also in a "
          "file that extends another") {
    const auto dir = std::filesystem::temp_directory_path() / "zorgsim-policy-ids";
    std::filesystem::create_directories(dir);
    // The base has policies of its own, so that the file's list is merged into them by id.
    std::ofstream(dir / "base.yaml")
        << base
        << "policies:\n  - {id: q, date: 2030-01-01, capacity: {service: pleegzorg, "
           "value: 210}}\n";
    std::ofstream(dir / "alt.yaml")
        << "extends: base.yaml\nname: alt\npolicies:\n"
           "  - {id: p, date: 2026-01-01, capacity: {service: pleegzorg, value: 190}}\n"
           "  - {id: p, date: 2027-01-01, capacity: {service: pleegzorg, value: 200}}\n";
    const auto result = load_file(dir / "alt.yaml");
    REQUIRE(result.diagnostics.size() == 1);
    const std::string message = result.diagnostics[0].format();
    CHECK_THAT(message, Catch::Contains("alt.yaml:5:10: error: duplicate id 'p' in this list "
                                        "(first defined at "));
    CHECK_THAT(message, Catch::Contains("alt.yaml:4:5)"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("An annual change beyond 50% a year needs confirm: true, with the hint for percent") {
    const std::string policy = "policies:\n  - {id: g, date: 2026-01-01, inflow: "
                               "{annual_change: 0.6";
    CHECK_THAT(messages(load_yaml(base + policy + "}}\n")),
               Reports("inline.yaml:11:55: error: ",
                       "annual_change 0.6 is +60% a year, every year: write -0.02 for -2% (0.02 "
                       "for +2%); if you mean +60%, add confirm: true"));
    CHECK(load_yaml(base + policy + ", confirm: true}}\n").ok());
    CHECK(load_yaml(base + "policies:\n  - {id: g, date: 2026-01-01, inflow: "
                           "{annual_change: -0.5}}\n")
              .ok());
}
