// Every mistake is reported as FILE:LINE:COLUMN: error: MESSAGE at the offending node (for
// an unknown key: at the key), says what was expected, and all of them come in one pass.
// One fixture in fixtures/invalid per kind of mistake.
#include "scenario_support.hpp"

using namespace zorgsim::scenario::testing;

TEST_CASE("A YAML syntax error is reported at yaml-cpp's mark, and nothing is converted") {
    const auto result = load_fixture("invalid/syntax_error.yaml");
    CHECK_FALSE(result.ok());
    CHECK_FALSE(result.scenario);
    CHECK(messages(result) == std::vector<std::string>{"invalid/syntax_error.yaml:13:1: error: "
                                                       "YAML syntax: end of map flow not found"});
}

TEST_CASE("An unknown key is reported at the key, with the nearest known key") {
    const auto lines = messages(load_fixture("invalid/unknown_keys.yaml"));
    CHECK_THAT(lines, Reports("invalid/unknown_keys.yaml:5:1: error: ",
                              "unknown key 'replicatons' in the scenario (did you mean "
                              "'replications'?)"));
    CHECK_THAT(lines,
               Reports("invalid/unknown_keys.yaml:12:5: error: ",
                       "unknown key 'capacty' in service 'team' (did you mean 'capacity'?)"));
    CHECK_THAT(lines, Reports("invalid/unknown_keys.yaml:13:49: error: ",
                              "unknown key 'sd' in duration_days (exponential); expected one of: "
                              "dist, mean"));
}

TEST_CASE("An unknown key with no near match lists the keys that are allowed") {
    CHECK_THAT(messages(load_fixture("invalid/unknown_keys.yaml")),
               Reports("invalid/unknown_keys.yaml:14:5: error: ",
                       "unknown key 'colour' in service 'team'; expected one of: id, name,"));
}

TEST_CASE("A value of the wrong type is reported at the value with the expected type") {
    const auto lines = messages(load_fixture("invalid/wrong_types.yaml"));
    CHECK_THAT(lines, Reports("invalid/wrong_types.yaml:3:8: error: ",
                              "start must be a date YYYY-MM-DD, got '2025-13-01'"));
    CHECK_THAT(lines, Reports("invalid/wrong_types.yaml:5:15: error: ",
                              "replications must be a whole number >= 1, got 'many'"));
    CHECK_THAT(lines, Reports("invalid/wrong_types.yaml:6:7: error: ",
                              "seed must be a whole number between 0 and 18446744073709551615"));
    CHECK_THAT(lines, Reports("invalid/wrong_types.yaml:7:9: error: ",
                              "period must be year, quarter or month, got 'week'"));
    CHECK_THAT(lines, Reports("invalid/wrong_types.yaml:10:20: error: ",
                              "rate_per_year must be a number, got a list"));
    CHECK_THAT(lines, Reports("invalid/wrong_types.yaml:12:13: error: ",
                              "crisis must be true or false, got 'maybe'"));
    CHECK_THAT(lines, Reports("invalid/wrong_types.yaml:17:25: error: ",
                              "max_length must be a whole number >= 0 or unlimited, got 'lots'"));
    CHECK(lines.size() == 7);
}

TEST_CASE("A missing required key is reported at the map that lacks it") {
    const auto lines = messages(load_fixture("invalid/missing_keys.yaml"));
    CHECK_THAT(lines, Reports("invalid/missing_keys.yaml:1:1: error: ",
                              "missing required key 'start' in the scenario (expected a date"));
    CHECK_THAT(lines, Reports("invalid/missing_keys.yaml:5:5: error: ",
                              "missing required key 'rate_per_year' or 'interarrival_days' in "
                              "source 'referrals'"));
    CHECK_THAT(lines, Reports("invalid/missing_keys.yaml:8:5: error: ",
                              "missing required key 'duration_days' in service 'team'"));
    CHECK_THAT(lines, Reports("invalid/missing_keys.yaml:10:5: error: ",
                              "missing required key 'id' in service"));
}

TEST_CASE("A duplicate id is reported at the second one, naming the first") {
    const auto lines = messages(load_fixture("invalid/duplicate_ids.yaml"));
    CHECK_THAT(lines, Reports("invalid/duplicate_ids.yaml:9:9: error: ",
                              "duplicate source id 'referrals' (first defined at "));
    CHECK_THAT(lines, Reports("invalid/duplicate_ids.yaml:16:9: error: ",
                              "duplicate service id 'team' (first defined at "));
}

TEST_CASE("A duplicate key in one map is reported at the second key") {
    const auto lines = messages(load_yaml("format: 1\nname: a\nname: b\n"));
    CHECK_THAT(lines,
               Reports("inline.yaml:3:1: error: ", "duplicate key 'name' (first at line 2)"));
}

TEST_CASE("A route to an unknown service is reported with the nearest service id") {
    const auto lines = messages(load_fixture("invalid/unknown_routes.yaml"));
    CHECK_THAT(lines, Reports("invalid/unknown_routes.yaml:8:9: error: ",
                              "to: unknown service 'pleegzrog' (did you mean 'pleegzorg'?)"));
    CHECK_THAT(lines, Reports("invalid/unknown_routes.yaml:13:23: error: ",
                              "next: unknown service 'gezinhuis' (did you mean 'gezinshuis'?)"));
    CHECK_THAT(lines, Reports("invalid/unknown_routes.yaml:14:15: error: ",
                              "overflow: unknown service 'exlt' (did you mean 'exit'?)"));
    CHECK_THAT(lines, Reports("invalid/unknown_routes.yaml:18:52: error: ",
                              "substitution.to: unknown service 'kwv'"));
}

TEST_CASE("Probabilities and shares must each be in [0, 1] and sum to 1") {
    const auto lines = messages(load_fixture("invalid/probabilities.yaml"));
    CHECK_THAT(lines, Reports("invalid/probabilities.yaml:9:9: error: ",
                              "to: probabilities sum to 0.9, expected 1"));
    CHECK_THAT(lines, Reports("invalid/probabilities.yaml:10:15: error: ",
                              "profiles: shares sum to 1.1, expected 1"));
    CHECK_THAT(lines, Reports("invalid/probabilities.yaml:15:18: error: ",
                              "probability of 'exit' must be a number between 0 and 1, got 1.2"));
    CHECK_THAT(lines, Reports("invalid/probabilities.yaml:15:29: error: ",
                              "probability of 'team' must be a number between 0 and 1, got -0.2"));
}

TEST_CASE("Negative or non-numeric capacities, rates and durations are errors") {
    const auto lines = messages(load_fixture("invalid/capacities_durations.yaml"));
    CHECK_THAT(lines, Reports("invalid/capacities_durations.yaml:7:20: error: ",
                              "rate_per_year must be a number >= 0, got -10"));
    CHECK_THAT(lines, Reports("invalid/capacities_durations.yaml:11:15: error: ",
                              "capacity must not be negative, got -2"));
    CHECK_THAT(lines, Reports("invalid/capacities_durations.yaml:12:20: error: ",
                              "duration_days: deterministic: value must be a number >= 0"));
    CHECK_THAT(lines, Reports("invalid/capacities_durations.yaml:14:15: error: ",
                              "capacity must be a whole number >= 0, got 'lots'"));
    CHECK_THAT(lines, Reports("invalid/capacities_durations.yaml:15:46: error: ",
                              "mean must be a number, got 'soon'"));
    CHECK_THAT(lines, Reports("invalid/capacities_durations.yaml:16:28: error: ",
                              "max_wait_days must be a number >= 0, got -1"));
    CHECK_THAT(lines, Reports("invalid/capacities_durations.yaml:17:21: error: ",
                              "wait_norm_days must be a number >= 0, got -7"));
}

TEST_CASE("Unknown distributions and impossible parameters are reported at the parameter") {
    const auto lines = messages(load_fixture("invalid/distributions.yaml"));
    CHECK_THAT(lines, Reports("invalid/distributions.yaml:7:31: error: ",
                              "unknown distribution 'expo'; expected one of: exponential, "
                              "deterministic, gamma"));
    CHECK_THAT(lines, Reports("invalid/distributions.yaml:12:20: error: ",
                              "missing required key 'sd' in duration_days (gamma)"));
    CHECK_THAT(lines, Reports("invalid/distributions.yaml:15:51: error: ",
                              "duration_days: lognormal: sd must be a positive number"));
    CHECK_THAT(lines, Reports("invalid/distributions.yaml:18:49: error: ",
                              "duration_days: uniform: max must be greater than min"));
    CHECK_THAT(lines, Reports("invalid/distributions.yaml:21:20: error: ",
                              "missing required key 'dist' in duration_days"));
}

TEST_CASE("A misspelt distribution name is reported with the nearest one") {
    CHECK_THAT(messages(load_fixture("invalid/many_errors.yaml")),
               Reports("invalid/many_errors.yaml:12:27: error: ",
                       "unknown distribution 'gama' (did you mean 'gamma'?)"));
}

TEST_CASE("Schedule and policy dates must be in order and inside the horizon") {
    const auto lines = messages(load_fixture("invalid/dates.yaml"));
    CHECK_THAT(lines, Reports("invalid/dates.yaml:11:83: error: ",
                              "capacity steps must be in date order: 2027-01-01 is not after "
                              "2028-01-01"));
    CHECK_THAT(lines, Reports("invalid/dates.yaml:14:23: error: ",
                              "capacity step from 2024-06-01 is before the start 2025-01-01"));
    CHECK_THAT(lines, Reports("invalid/dates.yaml:14:53: error: ",
                              "capacity step from 2031-01-01 is outside the horizon 2025-01-01 .. "
                              "2030-01-01"));
    CHECK_THAT(lines, Reports("invalid/dates.yaml:18:11: error: ",
                              "policy date 2030-01-01 is outside the horizon"));
    CHECK_THAT(lines, Reports("invalid/dates.yaml:21:11: error: ",
                              "policy date 2024-12-31 is outside the horizon"));
}

TEST_CASE("A capacity schedule must start on the start date") {
    const auto lines = messages(load_yaml(
        "format: 1\nname: t\nstart: 2025-01-01\nhorizon_days: 3650\n"
        "sources: [{id: r, rate_per_year: 1, to: team}]\n"
        "services: [{id: team, duration_days: 1, capacity: [{from: 2026-01-01, value: 2}]}]\n"));
    CHECK_THAT(lines, Reports("inline.yaml:6:59: error: ",
                              "the first capacity step must be from the start date 2025-01-01"));
}

TEST_CASE("Unknown profile, municipality and source names get the nearest name") {
    const auto lines = messages(load_fixture("invalid/names.yaml"));
    CHECK_THAT(lines, Reports("invalid/names.yaml:7:34: error: ",
                              "via: unknown source 'wijkteem' (did you mean 'wijkteam'?)"));
    CHECK_THAT(lines, Reports("invalid/names.yaml:12:28: error: ",
                              "profiles: unknown profile 'zwaaar' (did you mean 'zwaar'?)"));
    CHECK_THAT(lines, Reports("invalid/names.yaml:13:34: error: ",
                              "municipalities: unknown municipality 'Enkhuzen' (did you mean "
                              "'Enkhuizen'?)"));
    CHECK_THAT(lines,
               Reports("invalid/names.yaml:18:28: error: ",
                       "admission.profiles: unknown profile 'zwar' (did you mean 'zwaar'?)"));
    CHECK_THAT(lines, Reports("invalid/names.yaml:22:41: error: ",
                              "sources: unknown source 'wijteam' (did you mean 'wijkteam'?)"));
}

TEST_CASE("Every mistake in a file is reported in one pass, in file order") {
    const auto result = load_fixture("invalid/many_errors.yaml");
    CHECK_FALSE(result.scenario);
    const std::string f = "invalid/many_errors.yaml:";
    CHECK(messages(result) ==
          std::vector<std::string>{
              f + "2:7: error: name must be letters, digits, '-' and '_' (it names output "
                  "files), got 'many errors'",
              f + "8:9: error: to: probabilities sum to 0.9, expected 1",
              f + "11:15: error: capacity must not be negative, got -1",
              f + "12:27: error: unknown distribution 'gama' (did you mean 'gamma'?)",
              f + "13:5: error: unknown key 'nxt' in service 'team' (did you mean 'next'?)",
              f + "14:5: error: missing required key 'duration_days' in service 'pleegzorg' "
                  "(expected a distribution like {dist: exponential, mean: 30})",
              f + "16:16: error: no youth can be admitted to 'pleegzorg': min_age 12 is not "
                  "below max_age 12 (max_age is exclusive)",
              f + "17:23: error: next: unknown service 'tem' (did you mean 'team'?)",
              f + "20:11: error: policy date 2027-01-01 is outside the horizon 2025-01-01 .. "
                  "2026-01-01"});
}

TEST_CASE("An unreadable scenario file is one error at its first line") {
    const auto result = load_fixture("invalid/no-such-file.yaml");
    CHECK(messages(result) == std::vector<std::string>{"invalid/no-such-file.yaml:1:1: error: "
                                                       "cannot read the scenario file"});
}

TEST_CASE("A scenario that is not a map of keys is an error") {
    CHECK_THAT(messages(load_yaml("- just\n- a list\n")),
               Reports("inline.yaml:1:1: error: ", "a scenario file must be a map of keys"));
}

TEST_CASE("format must be 1") {
    CHECK_THAT(
        messages(load_yaml("format: 2\n")),
        Reports("inline.yaml:1:9: error: ", "unsupported format 2: this zorgsim reads format 1"));
}
