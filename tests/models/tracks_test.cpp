// Parallel tracks (models/tracks.cpp): a child-protection measure with a guardian from a
// certified institution (GI), or a Veilig Thuis investigation, held alongside care.
#include <cmath>

#include "model_support.hpp"
#include "support/queueing_theory.hpp"

using namespace zorgsim;
using namespace zorgsim::care::testing;

namespace {

/// One guardian with a caseload of one; measures of 100 days; a protected youth every 10 days
/// (the first on day 10) who needs foster care (1000 days) or, from `ambulant`, care at home.
std::string guardian_scenario(std::string_view to, int horizon) {
    return std::string(R"(
format: 1
name: one-guardian
start: 2025-01-01
horizon_days: )") +
           std::to_string(horizon) +
           R"(
sources:
  - id: raad
    interarrival_days: {dist: deterministic, value: 10}
    protection_share: 1
    measure: gi
    to: )" +
           std::string(to) +
           R"(
services:
  - id: gi
    track: parallel
    holds_placements: true
    capacity: {guardians: 1, caseload: 1}
    duration_days: {dist: deterministic, value: 100}
  - id: pleegzorg
    kind: placement
    capacity: 10
    duration_days: {dist: deterministic, value: 1000}
  - id: ambulant
    capacity: 10
    duration_days: {dist: deterministic, value: 1000}
)";
}

double time_of(const std::vector<Event>& path, std::string_view event, std::string_view where) {
    for (const auto& e : path)
        if (e.event == event && e.where == where)
            return e.time;
    return -1.0;
}

} // namespace

TEST_CASE("A protected youth without a free guardian waits, and is not placed until a guardian "
          "frees up") {
    const auto scenario = load(guardian_scenario("pleegzorg", 150));
    Trace trace;
    const auto result = run(scenario, 1, 0, &trace);
    const auto youths = trace.youths();
    REQUIRE(youths.size() >= 3);

    // The first youth (day 10) has the guardian at once and is placed at once.
    const auto first = trace.of(youths[0]);
    INFO(path_text(first));
    CHECK(time_of(first, "track_admitted", "gi") == 10.0);
    CHECK(time_of(first, "admitted", "pleegzorg") == 10.0);

    // The second (day 20) waits for the guardian; its placement waits with it, until the first
    // youth's measure ends on day 110.
    const auto second = trace.of(youths[1]);
    INFO(path_text(second));
    CHECK(time_of(second, "track_waiting", "gi") == 20.0);
    CHECK(time_of(second, "waiting_for_guardian", "pleegzorg") == 20.0);
    CHECK(time_of(second, "track_admitted", "gi") == 110.0);
    CHECK(time_of(second, "admitted", "pleegzorg") == 110.0);

    // The third (day 30) is still waiting for the guardian at the end: not placed.
    const auto third = trace.of(youths[2]);
    INFO(path_text(third));
    CHECK(time_of(third, "waiting_for_guardian", "pleegzorg") == 30.0);
    CHECK(time_of(third, "admitted", "pleegzorg") < 0.0);

    // Placements: the first on day 10 and the second on day 110; nobody else had a guardian.
    CHECK(trace.count("admitted", "pleegzorg") == 2);
    CHECK(result.service("gi", "admissions") == 2.0);
    CHECK(result.service("gi", "capacity") == 1.0);
    // The wait for the guardian, as the GI's own wait: 0 days for the first, 90 for the second.
    CHECK(result.service("gi", "wait_days") == Approx(45.0));
    CHECK(result.service("gi", "waits_over_norm") == 1.0);
    // The second youth's wait to care (referral to placement) includes the wait for a guardian.
    CHECK(result.service("pleegzorg", "wait_to_care_days") == Approx(45.0)); // (0 + 90) / 2
    // Youths with a measure: one all the time from day 10.
    CHECK(result.system("with_measure") == Approx(140.0 / 150.0));
    CHECK(result.system("held_for_guardian") > 0.0);
    CHECK(result.system("waiting_for_guardian") == Approx(result.system("held_for_guardian")));
    // Youths waiting for a guardian are waiting for care, once each.
    CHECK(result.system("waiting") == Approx(result.system("held_for_guardian")));
    CHECK(result.system("arrivals") ==
          result.system("exits") + result.system("in_system_end") - result.system("census"));
}

TEST_CASE("The measure's duration ends the track, never the care") {
    const auto scenario = load(guardian_scenario("pleegzorg", 150));
    Trace trace;
    const auto result = run(scenario, 1, 0, &trace);
    const auto first = trace.of(trace.youths()[0]);
    INFO(path_text(first));
    CHECK(time_of(first, "track_ended", "gi") == 110.0);
    CHECK(time_of(first, "discharged", "pleegzorg") < 0.0);
    CHECK(time_of(first, "exit", "") < 0.0);
    // Nobody left care: every youth referred is in care or waiting at the end.
    CHECK(result.system("in_care_end") == result.system("arrivals"));
    CHECK(result.service("pleegzorg", "occupancy") > 0.0);
}

TEST_CASE("Waiting for a guardian holds back placements only: care at home starts at once") {
    const auto scenario = load(guardian_scenario("ambulant", 150));
    Trace trace;
    const auto result = run(scenario, 1, 0, &trace);
    const auto second = trace.of(trace.youths()[1]);
    INFO(path_text(second));
    CHECK(time_of(second, "track_waiting", "gi") == 20.0);
    CHECK(time_of(second, "admitted", "ambulant") == 20.0);
    CHECK(trace.count("waiting_for_guardian") == 0);
    CHECK(result.system("held_for_guardian") == 0.0);
    CHECK(result.system("waiting_for_guardian") > 0.0);
}

TEST_CASE("A GI's places are its guardians times their caseload") {
    const auto scenario = load(R"(
format: 1
name: caseload
start: 2025-01-01
horizon_days: 10
sources:
  - {id: raad, interarrival_days: 1000, protection_share: 1, measure: gi, to: exit}
services:
  - id: gi
    track: parallel
    capacity: {guardians: 12, caseload: 15}
    duration_days: {dist: exponential, mean: 400}
    census: {occupied: 150}
)");
    REQUIRE(scenario.services[0].capacity.front().value == 180);
    const auto result = run(scenario);
    CHECK(result.service("gi", "capacity") == 180.0);
    // The census's measures run without care: counted with a measure, not in care.
    CHECK(result.system("with_measure") > 140.0);
    CHECK(result.system("in_care") == 0.0);
    CHECK(result.system("census") == 0.0);
}

TEST_CASE("Youths without a measure follow the same path with or without a GI in the scenario") {
    const std::string base = R"(
format: 1
name: unprotected
start: 2025-01-01
horizon_days: 2000
sources:
  - {id: wijkteam, rate_per_year: 60, to: pleegzorg}
services:
  - id: pleegzorg
    kind: placement
    capacity: 8
    duration_days: {dist: gamma, mean: 300, sd: 100}
)";
    const std::string with_gi = base + R"(
  - id: gi
    track: parallel
    holds_placements: true
    capacity: 1
    duration_days: {dist: deterministic, value: 100}
)";
    const auto a = run(load(base), 7, 3);
    const auto b = run(load(with_gi), 7, 3);
    for (std::string_view metric : {"admissions", "wait_days", "occupancy", "queue_length"})
        CHECK(a.service("pleegzorg", metric) == b.service("pleegzorg", metric));
    for (std::string_view metric : {"in_care", "waiting", "out_of_home", "exits"})
        CHECK(a.system(metric) == b.system(metric));
}

TEST_CASE("Veilig Thuis investigations wait as an M/M/c queue (Erlang C), alongside care",
          "[validation]") {
    // Three investigators, 0.25 reports a day, 10 days an investigation: a = 2.5, rho = 0.83.
    const zorgsim::testing::MMc theory{0.25, 10.0, 3};
    const auto scenario = load(R"(
format: 1
name: veilig-thuis
start: 2025-01-01
horizon_days: 36500
warmup_days: 1000
sources:
  - {id: vt, rate_per_year: 91.25, investigation: veilig_thuis, to: ambulant}
services:
  - id: veilig_thuis
    track: parallel
    capacity: 3
    duration_days: {dist: exponential, mean: 10}
    wait_norm_days: 10
  - id: ambulant
    capacity: 1000
    duration_days: {dist: exponential, mean: 30}
)");
    // rate_per_year is per 365 days: 91.25 / 365 = 0.25 a day.
    double waits = 0.0, queue = 0.0;
    constexpr int replications = 24;
    for (int r = 0; r < replications; ++r) {
        const auto result = run(scenario, 11, static_cast<std::uint64_t>(r));
        waits += result.service("veilig_thuis", "wait_days") / replications;
        queue += result.service("veilig_thuis", "queue_length") / replications;
        // Care starts at referral, whatever the investigation's wait.
        CHECK(result.service("ambulant", "wait_days") == 0.0);
    }
    CHECK(waits == Approx(theory.mean_wait()).epsilon(0.08));
    CHECK(queue == Approx(theory.mean_queue()).epsilon(0.08));
}

TEST_CASE("A youth who gives up waiting for a guardian is no longer held from its placement, and "
          "a measure ends at the exit age") {
    const auto scenario = load(R"(
format: 1
name: guardian-gives-up
start: 2025-01-01
horizon_days: 100
population: {exit_age: 18}
sources:
  - id: raad
    interarrival_days: {dist: deterministic, value: 10}
    protection_share: 1
    measure: gi
    to: pleegzorg
    age_years: {dist: deterministic, value: 17.9}
services:
  - id: gi
    track: parallel
    holds_placements: true
    capacity: 1
    duration_days: {dist: deterministic, value: 1000}
    queue: {max_wait_days: 5}
  - id: pleegzorg
    kind: placement
    capacity: 10
    duration_days: {dist: deterministic, value: 1000}
)");
    Trace trace;
    const auto result = run(scenario, 1, 0, &trace);
    const auto youths = trace.youths();
    REQUIRE(youths.size() >= 2);
    const auto second = trace.of(youths[1]);
    INFO(path_text(second));
    CHECK(time_of(second, "waiting_for_guardian", "pleegzorg") == 20.0);
    CHECK(time_of(second, "track_reneged", "gi") == 25.0);
    CHECK(time_of(second, "admitted", "pleegzorg") == 25.0);
    // The first youth turns 18 on day 10 + 0.1 years: its care and its measure end.
    const auto first = trace.of(youths[0]);
    INFO(path_text(first));
    const double eighteen = 10.0 + 0.1 * 365.25;
    CHECK(time_of(first, "track_ended", "gi") == Approx(eighteen));
    CHECK(time_of(first, "aged_out", "") == Approx(eighteen));
    CHECK(result.system("held_for_guardian") > 0.0);
}
