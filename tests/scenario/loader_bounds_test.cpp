// What the loader refuses because a run could not use it: ids that break the output files,
// names too long for a folder, horizons beyond 100 years, inflow that would follow millions
// of youths, and moves that can repeat forever without simulated time passing.
#include <string>

#include "scenario_support.hpp"

using namespace zorgsim::scenario::testing;

namespace {

/// A scenario of one source and the given services (YAML list items), with `top` added.
std::string scenario_with(const std::string& services, const std::string& top = "",
                          const std::string& to = "a") {
    return "format: 1\nname: t\nstart: 2025-01-01\nhorizon_days: 365\n" + top +
           "sources:\n  - {id: referrals, rate_per_year: 10, to: " + to + "}\nservices:\n" +
           services;
}

} // namespace

TEST_CASE("An id that would break the output files is reported at the id") {
    const auto lines = messages(load_fixture("invalid/ids.yaml"));
    const std::string f = "invalid/ids.yaml:";
    CHECK(lines ==
          std::vector<std::string>{
              f + "5:15: error: profile id must be letters, digits, '-' and '_' (it names the "
                  "profile in the output files), got 'B C'",
              f + "7:9: error: source id must be letters, digits, '-' and '_' (it names the "
                  "source in the output files), got '=cmd'",
              f + "10:9: error: source id must be letters, digits, '-' and '_' (it names the "
                  "source in the output files), got 'wijk,team'",
              f + "17:9: error: service id 'exit' is reserved: a route to 'exit' means leaving "
                  "care",
              f + "20:9: error: service id 'system' is taken: the output files report the whole "
                  "system under that name",
              f + "23:9: error: service id must start with a letter (ids are cells of the output "
                  "CSV files, and a spreadsheet reads a leading '-' as a formula), got '-team'",
              f + "26:9: error: service id must be at most 64 characters, got 70 "
                  "('a23456789012345678901234567890123456789012345678901234567890...')",
              f + "30:9: error: policy id must start with a letter, got '2026-prevention'"});
}

TEST_CASE("An id with a newline is shown escaped") {
    CHECK_THAT(messages(load_yaml(scenario_with("  - {id: a, capacity: 1, duration_days: 1}\n"
                                                "  - {id: \"b\\nc\", capacity: 1, "
                                                "duration_days: 1}\n"))),
               Reports("inline.yaml:9:10: error: ", "got 'b\\nc'"));
}

TEST_CASE("An id of 64 characters is allowed, as are '-' and '_' after the first letter") {
    const std::string id(64, 'x');
    const auto result = load_yaml(scenario_with(
        "  - {id: a, capacity: 1, duration_days: 1, next: " + id + "}\n  - {id: " + id +
        ", capacity: 1, duration_days: 1}\n  - {id: b-c_d, capacity: 1, duration_days: 1}\n"));
    CHECK(messages(result).empty());
}

TEST_CASE("The scenario name is at most 100 characters: it names the results folder") {
    const std::string services = "  - {id: a, capacity: 1, duration_days: 1}\n";
    std::string yaml = scenario_with(services);
    yaml.replace(yaml.find("name: t"), 7, "name: " + std::string(101, 'n'));
    CHECK(messages(load_yaml(yaml)) ==
          std::vector<std::string>{"inline.yaml:2:7: error: name must be at most 100 characters "
                                   "(it names the results folder), got 101"});
    yaml = scenario_with(services);
    yaml.replace(yaml.find("name: t"), 7, "name: " + std::string(100, 'n'));
    CHECK(messages(load_yaml(yaml)).empty());
}

TEST_CASE("An end date beyond 100 years gives one error at end") {
    CHECK(messages(load_fixture("invalid/horizon_end.yaml")) ==
          std::vector<std::string>{
              "invalid/horizon_end.yaml:4:6: error: end 9999-12-31 is 2912807 days after start "
              "2025-01-01: the horizon can be at most 36525 days (100 years), so end at most "
              "2125-01-02"});
}

TEST_CASE("horizon_days is at most 36525 (100 years)") {
    std::string yaml = scenario_with("  - {id: a, capacity: 1, duration_days: 1}\n");
    yaml.replace(yaml.find("horizon_days: 365"), 17, "horizon_days: 36526");
    CHECK(messages(load_yaml(yaml)) ==
          std::vector<std::string>{"inline.yaml:4:15: error: horizon_days 36526 is longer than "
                                   "the longest horizon, 36525 days (100 years)"});
    yaml.replace(yaml.find("36526"), 5, "36525");
    CHECK(messages(load_yaml(yaml)).empty());
}

TEST_CASE("Inflow beyond a million a year from one source is refused at the rate or policy") {
    const auto lines = messages(load_fixture("invalid/inflow.yaml"));
    const std::string f = "invalid/inflow.yaml:";
    CHECK(lines ==
          std::vector<std::string>{
              f + "7:20: error: source 'huisarts' refers about 1000000000 youths a year, more "
                  "than the 1000000 a year one source may refer",
              f + "10:24: error: source 'wijkteam' refers about 3.65e+302 youths a year, more "
                  "than the 1000000 a year one source may refer",
              f + "25:29: error: annual_change must be a number > -1 and <= 1 (a relative "
                  "change: 0.02 is +2% a year), got 2; 2 means +200% a year; for 2% write 0.02 "
                  "(or -0.02 for a 2% decrease)",
              f + "28:29: error: annual_change must be a number > -1 and <= 1 (a relative "
                  "change: 0.02 is +2% a year), got -2; -2 means -200% a year; for 2% write "
                  "0.02 (or -0.02 for a 2% decrease)",
              f + "31:26: error: policy 'campaign' makes source 'veilig_thuis' refer about "
                  "100000000 youths a year by 2027-01-01 (100 a year x 1000000), more than the "
                  "1000000 a year one source may refer"});
}

TEST_CASE("Growth that passes the bound in a later year names the policy and the year") {
    std::string yaml = scenario_with("  - {id: a, capacity: 1, duration_days: 1}\n");
    yaml.replace(yaml.find("horizon_days: 365"), 17, "end: 2125-01-01");
    yaml.replace(yaml.find("rate_per_year: 10"), 17, "rate_per_year: 1000");
    yaml += "policies:\n  - {id: boom, date: 2026-01-01, inflow: {annual_change: 0.5}}\n";
    // 1000 x 1.5^k passes a million after 18 anniversaries.
    CHECK(messages(load_yaml(yaml)) ==
          std::vector<std::string>{
              "inline.yaml:10:58: error: policy 'boom' makes source 'referrals' refer about "
              "1477892 youths a year by 2043-01-01 (1000 a year x 1478), more than the 1000000 a "
              "year one source may refer"});
}

TEST_CASE("More than ten million arrivals over the run are refused at the sources") {
    std::string yaml = scenario_with("  - {id: a, capacity: 1, duration_days: 1}\n");
    yaml.replace(yaml.find("horizon_days: 365"), 17, "horizon_days: 36525");
    yaml.replace(yaml.find("rate_per_year: 10"), 17, "rate_per_year: 900000");
    CHECK(messages(load_yaml(yaml)) ==
          std::vector<std::string>{
              "inline.yaml:6:3: error: the sources refer about 90061644 youths over the horizon "
              "of 36525 days (policies included), more than the 10000000 one run may follow; "
              "the most come from source 'referrals' (about 90061644)"});
}

TEST_CASE("Shrinking inflow and growth within the bounds are accepted") {
    std::string yaml = scenario_with("  - {id: a, capacity: 100, duration_days: 1}\n");
    yaml += "policies:\n  - {id: p, date: 2025-02-01, inflow: {multiplier: 0.5, "
            "annual_change: -0.02}}\n  - {id: q, date: 2025-03-01, inflow: {multiplier: 1000, "
            "annual_change: 1, confirm: true}}\n";
    CHECK(messages(load_yaml(yaml)).empty());
}

TEST_CASE("Routing loops that take no simulated time are reported with their services") {
    const auto lines = messages(load_fixture("invalid/zero_time_loops.yaml"));
    const std::string f = "invalid/zero_time_loops.yaml:";
    REQUIRE(lines.size() == 3);
    CHECK_THAT(lines, Reports(f + "14:28: error: ",
                              "zero-time loop: youths can go round 'crisis_a', 'crisis_b' "
                              "forever without simulated time passing ('crisis_a' sends those "
                              "who wait to 'crisis_b' after 0 days (max_wait_days); 'crisis_b' "
                              "sends those who wait to 'crisis_a' after 0 days (max_wait_days))"));
    CHECK_THAT(lines, Reports(f + "23:11: error: ",
                              "zero-time loop: youths can go round 'intake', 'treatment' forever "
                              "without simulated time passing (a stay in 'intake' can take no "
                              "time (duration_days) and then leads to 'treatment'; a stay in "
                              "'treatment' can take no time (duration_days) and then leads to "
                              "'intake')"));
    CHECK_THAT(lines, Reports(f + "37:28: error: ",
                              "zero-time loop: youths can go round 'open_a', 'open_b' forever "
                              "without simulated time passing ('open_a' sends arrivals that "
                              "find its list full to 'open_b' (overflow); 'open_b' sends those "
                              "who wait to 'open_a' after 0 days (max_wait_days))"));
}

TEST_CASE("Re-entry without delay after a zero-length stay is a zero-time loop") {
    const auto lines = messages(load_yaml(
        scenario_with("  - {id: a, capacity: 1, duration_days: {dist: empirical, values: [0]}}\n",
                      "reentry: {probability: 1, delay_days: 0, via: referrals}\n")));
    CHECK(lines == std::vector<std::string>{
                       "inline.yaml:9:5: error: zero-time loop: youths can go round 'a' forever "
                       "without simulated time passing (a stay in 'a' can take no time "
                       "(duration_days) and then leads to out of care; those who leave come "
                       "back to 'a' without delay (reentry.delay_days, via 'referrals')); give "
                       "one of these moves time (a stay, max_wait_days, after_days or "
                       "reentry.delay_days above 0) or break the cycle"});
}

TEST_CASE("Substitution after 0 days into a zero-length stay that leads back is a loop") {
    CHECK_THAT(
        messages(load_yaml(scenario_with("  - id: a\n    capacity: 1\n    duration_days: 5\n"
                                         "    substitution: {after_days: 0, to: [b]}\n"
                                         "  - {id: b, capacity: 1, duration_days: 0, next: a}\n"))),
        Reports("inline.yaml:11:32: error: ",
                "'a' places those who wait in 'b' after 0 days (substitution)"));
}

TEST_CASE("Stays shortened to nothing by a policy count as taking no time") {
    std::string yaml =
        scenario_with("  - {id: a, capacity: 1, duration_days: 1, next: {a: 0.5, exit: 0.5}}\n");
    CHECK(messages(load_yaml(yaml)).empty());
    yaml += "policies:\n  - {id: p, date: 2025-02-01, length_of_stay: {service: a, multiplier: "
            "1e-9}}\n";
    CHECK_THAT(messages(load_yaml(yaml)),
               Reports("inline.yaml:8:", "zero-time loop: youths can go round 'a' forever"));
}

TEST_CASE("Moves that take no time but cannot repeat are accepted") {
    // Zero waits and stays without a cycle back; a cycle with stays that take time; and a cycle
    // of overflows alone, which the model ends (it turns the youth away after a bounded chain).
    const auto result = load_yaml(scenario_with(
        "  - {id: a, capacity: 1, duration_days: 0, next: b, queue: {max_wait_days: 0, "
        "renege_to: b}}\n"
        "  - {id: b, capacity: 1, duration_days: 30, next: {a: 0.5, exit: 0.5}}\n"
        "  - {id: c, capacity: 1, duration_days: 5, queue: {max_length: 0}, overflow: d}\n"
        "  - {id: d, capacity: 1, duration_days: 5, queue: {max_length: 0}, overflow: c}\n",
        "reentry: {probability: 1, delay_days: 0, via: referrals}\n", "{a: 0.5, c: 0.5}"));
    CHECK(messages(result).empty());
}

TEST_CASE("A zero-time loop in every region's own services is reported once per loop") {
    const std::string yaml =
        "format: 1\nname: t\nstart: 2025-01-01\nhorizon_days: 365\n"
        "regions: [{id: west}, {id: east}]\nsources:\n"
        "  - {id: w, region: west, rate_per_year: 10, to: crisis}\n"
        "  - {id: e, region: east, rate_per_year: 10, to: crisis}\nservices:\n"
        "  - {id: crisis_w, region: west, role: crisis, capacity: 1, duration_days: 3, queue: "
        "{max_wait_days: 0, renege_to: shared}}\n"
        "  - {id: crisis_e, region: east, role: crisis, capacity: 1, duration_days: 3}\n"
        "  - {id: shared, capacity: 1, duration_days: 3, queue: {max_wait_days: 0, renege_to: "
        "crisis}}\n";
    const auto lines = messages(load_yaml(yaml));
    // West's youths go round crisis_w and shared; east's leave shared for crisis_e, which waits.
    REQUIRE(lines.size() == 1);
    CHECK_THAT(lines, Reports("inline.yaml:10:", "go round 'crisis_w', 'shared' forever"));
}

TEST_CASE("The annual_change hint suggests a rounded number, not the exact double") {
    const auto lines = messages(load_yaml(
        scenario_with("  - {id: a, capacity: 1, duration_days: 3}\n") +
        "policies:\n  - {id: g, date: 2026-01-01, inflow: {annual_change: 1.0000001}}\n"));
    CHECK_THAT(lines, Reports("inline.yaml:10:", "1.0000001 means +100.00001% a year; for "
                                                 "1.0000001% write 0.010000001 (or -0.010000001 "
                                                 "for a 1.0000001% decrease)"));
}

TEST_CASE("Empirical weights whose sum overflows are an error at the weights, not a nan mean") {
    const auto lines = messages(load_yaml(
        scenario_with("  - {id: a, capacity: 1, duration_days: {dist: empirical, values: [1, 2],\n"
                      "     weights: [1e308, 1e308]}}\n")));
    INFO(Catch::Detail::stringify(lines));
    CHECK_THAT(lines, Reports("inline.yaml:9:15: error: ",
                              "empirical: weights (times values) add up to more than the "
                              "largest number"));
    CHECK(std::none_of(lines.begin(), lines.end(), [](const std::string& line) {
        return line.find("nan") != std::string::npos;
    }));
    CHECK_THAT(messages(load_yaml(scenario_with(
                   "  - {id: a, capacity: 1, duration_days: {dist: empirical, values: [1e300],\n"
                   "     weights: [1e300]}}\n"))),
               Reports("inline.yaml:9:", "add up to more than the largest number"));
    CHECK(
        load_yaml(scenario_with(
                      "  - {id: a, capacity: 1, duration_days: {dist: empirical, values: [1, 2],\n"
                      "     weights: [1e300, 1e300]}}\n"))
            .ok());
}
