// Checks of the network as a whole: admission ages no youth can have, routing cycles with no
// way out, and the estimate for a service whose inflow exceeds its capacity for good.
#include "scenario_support.hpp"

using namespace zorgsim::scenario;
using namespace zorgsim::scenario::testing;

namespace {

/// One source sending 100 youths a year to service `a`; `services` is the services list.
std::string network(const std::string& services) {
    return "format: 1\nname: t\nstart: 2025-01-01\nhorizon_days: 3650\n"
           "sources: [{id: r, rate_per_year: 100, to: a}]\nservices:\n" +
           services;
}

} // namespace

TEST_CASE("An admission age range with min_age >= max_age is an error") {
    CHECK_THAT(messages(load_fixture("invalid/ages.yaml")),
               Reports("invalid/ages.yaml:19:16: error: ",
                       "no youth can be admitted to 'a': min_age 16 is not below max_age 12"));
}

TEST_CASE("min_age at or above the age at which youth care ends is an error") {
    CHECK_THAT(messages(load_fixture("invalid/ages.yaml")),
               Reports("invalid/ages.yaml:23:16: error: ",
                       "no youth can be admitted to 'b': min_age 18 is not below the age at "
                       "which youth care ends (exit_age 18)"));
}

TEST_CASE("Extended care moves the age at which youth care ends") {
    const auto result =
        load_yaml("format: 1\nname: t\nstart: 2025-01-01\nhorizon_days: 3650\n"
                  "population: {exit_age: 18, extended_care: {probability: 0.2, until_age: 21}}\n"
                  "sources: [{id: r, rate_per_year: 1, to: a, age_years: 17}]\n"
                  "services: [{id: a, capacity: 1, duration_days: 1, admission: {min_age: 18}}]\n");
    CHECK(result.ok());
}

TEST_CASE("A service whose max_age is below every referral's age that reaches it is an error") {
    CHECK_THAT(messages(load_fixture("invalid/ages.yaml")),
               Reports("invalid/ages.yaml:27:16: error: ",
                       "no youth can be admitted to 'c': the youngest referrals that reach it are "
                       "12 years old (source 'referrals'), max_age is 12"));
}

TEST_CASE("A source whose referrals are all past the exit age is an error") {
    CHECK_THAT(messages(load_fixture("invalid/ages.yaml")),
               Reports("invalid/ages.yaml:14:16: error: ",
                       "every referral from source 'adults' is at least 19 years old, when youth "
                       "care has ended (exit_age 18)"));
}

TEST_CASE("Services from which no route reaches exit are a routing cycle with no way out") {
    CHECK(messages(load_fixture("invalid/cycle.yaml")) ==
          std::vector<std::string>{
              "invalid/cycle.yaml:17:11: error: routing cycle with no way out: youths in "
              "'treatment', 'aftercare' never leave care (no next, overflow, renege_to or "
              "substitution route reaches exit)"});
}

TEST_CASE("Reneging, a bounded list's overflow and substitution are ways out of a cycle") {
    CHECK(load_yaml(network("  - {id: a, capacity: 1, duration_days: 1, next: {b: 1}}\n"
                            "  - {id: b, capacity: 1, duration_days: 1, next: {a: 1},\n"
                            "     queue: {max_wait_days: 10}}\n"))
              .ok());
    CHECK(load_yaml(network("  - {id: a, capacity: 1, duration_days: 1, next: {b: 1}}\n"
                            "  - {id: b, capacity: 1, duration_days: 1, next: {a: 1},\n"
                            "     queue: {max_length: 4}}\n"))
              .ok());
    CHECK(load_yaml(network("  - {id: a, capacity: 1, duration_days: 1, next: {b: 1},\n"
                            "     substitution: {after_days: 5, to: [c]}}\n"
                            "  - {id: b, capacity: 1, duration_days: 1, next: {a: 1}}\n"
                            "  - {id: c, capacity: 1, duration_days: 1}\n"))
              .ok());
}

TEST_CASE("The default overflow of a service that admits everyone is no way out") {
    CHECK_THAT(messages(load_yaml(network(
                   "  - {id: a, capacity: 1, duration_days: 1, next: {a: 1}, overflow: exit}\n"))),
               Reports("inline.yaml:", "routing cycle with no way out: youths in 'a'"));
}

TEST_CASE("Inflow above capacity for good is an estimate with the numbers, not a warning at load: "
          "the run decides") {
    const auto result = load_fixture("valid/overload.yaml");
    CHECK(result.ok());
    CHECK(result.scenario);
    CHECK(result.diagnostics.empty());
    CHECK(overloads(result) ==
          std::vector<std::string>{
              "valid/overload.yaml:12:15: inflow exceeds capacity for good: about 100 "
              "arrivals/year x 73 days mean stay = 20 places needed, capacity 10"});
}

TEST_CASE("The overload estimate solves the traffic equations, feedback included") {
    // lambda_a = 100 + lambda_b / 2 and lambda_b = lambda_a / 2: 133 and 67 a year.
    const auto result = load_yaml(
        network("  - {id: a, capacity: 100, duration_days: 365, next: {b: 0.5, exit: 0.5}}\n"
                "  - {id: b, capacity: 100, duration_days: 365, next: {a: 0.5, exit: 0.5}}\n"));
    CHECK(overloads(result) ==
          std::vector<std::string>{
              "inline.yaml:7:23: inflow exceeds capacity for good: about 133 "
              "arrivals/year x 365 days mean stay = 133 places needed, capacity 100"});
}

TEST_CASE("The overload estimate uses the final capacity of a schedule") {
    const auto result = load_yaml(
        network("  - id: a\n    duration_days: 73\n"
                "    capacity: [{from: 2025-01-01, value: 30}, {from: 2030-01-01, value: 10}]\n"));
    CHECK_THAT(overloads(result), Reports("inline.yaml:9:73: ", "capacity 10"));
}

TEST_CASE("A capacity policy is part of the final capacity the estimate uses") {
    const auto result =
        load_yaml(network("  - {id: a, capacity: 30, duration_days: 73}\n") +
                  "policies: [{id: cut, date: 2030-01-01, capacity: {service: a, value: 10}}]\n");
    CHECK_THAT(overloads(result), Reports("inline.yaml:8:70: ", "capacity 10"));
}

TEST_CASE("With a population, the overload estimate ends stays at the exit age") {
    // Referred at 17, staying two years, aging out at 18: one year in care each.
    const std::string scenario =
        "format: 1\nname: t\nstart: 2025-01-01\nhorizon_days: 3650\npopulation: {exit_age: 18}\n"
        "sources: [{id: r, rate_per_year: 100, to: a, age_years: 17}]\n"
        "services: [{id: a, capacity: 90, duration_days: 730}]\n";
    CHECK(overloads(load_yaml(scenario)) ==
          std::vector<std::string>{
              "inline.yaml:7:30: inflow exceeds capacity for good: about 100 "
              "arrivals/year x 365 days mean stay = 100 places needed, capacity 90"});
    CHECK(load_yaml(scenario, {{"services.a.capacity", "100"}}).services.at(0).overload.empty());
}

TEST_CASE("The overload estimate counts only the ages and profiles a service admits") {
    const std::string scenario =
        "format: 1\nname: t\nstart: 2025-01-01\nhorizon_days: 3650\npopulation: {}\n"
        "profiles: [A, B]\n"
        "sources: [{id: r, rate_per_year: 100, to: a, age_years: 10, profiles: {A: 0.5, B: 0.5}}]\n"
        "services: [{id: a, capacity: 1, duration_days: 73, admission: {min_age: 12}}]\n";
    CHECK(load_yaml(scenario).services.at(0).overload.empty());
    CHECK(load_yaml(scenario, {{"services.a.admission", "{profiles: [B]}"}})
              .services.at(0)
              .overload.empty() == false);
    CHECK(load_yaml(scenario,
                    {{"services.a.admission", "{profiles: [B]}"}, {"sources.r.profiles", "{A: 1}"}})
              .services.at(0)
              .overload.empty());
}

TEST_CASE("No overload estimate for a bounded waiting list: it cannot grow without bound") {
    CHECK(
        load_yaml(network("  - {id: a, capacity: 1, duration_days: 73, queue: {max_length: 5}}\n"))
            .services.at(0)
            .overload.empty());
    CHECK(load_yaml(
              network("  - {id: a, capacity: 1, duration_days: 73, queue: {max_wait_days: 9}}\n"))
              .services.at(0)
              .overload.empty());
}

TEST_CASE("No overload estimate while the scenario has errors") {
    const auto result = load_yaml(network("  - {id: a, capacity: 1, duration_days: 73, nxt: 1}\n"));
    CHECK(result.diagnostics.size() == 1);
    CHECK(result.services.empty());
}

TEST_CASE("substitution.retry_days below 0.01 days is refused: the run would never end") {
    for (const char* tiny : {"0.001", "1e-5", "1e-9", "1e-300"})
        CHECK_THAT(
            messages(load_yaml(
                network(std::string("  - {id: a, capacity: 1, duration_days: 100,\n"
                                    "     substitution: {after_days: 1, to: [b], retry_days: ") +
                        tiny + "}}\n  - {id: b, capacity: 0, duration_days: 100}\n"))),
            Reports("inline.yaml:8:57: error: ", "retry_days must be a number >= 0.01, got "));
    CHECK(load_yaml(network("  - {id: a, capacity: 1, duration_days: 100,\n"
                            "     substitution: {after_days: 1, to: [b], retry_days: 0.01}}\n"
                            "  - {id: b, capacity: 0, duration_days: 100}\n"))
              .ok());
}
