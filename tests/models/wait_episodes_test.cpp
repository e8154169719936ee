// Waits as a youth lives them (models/wait_episodes.cpp): one wait episode from referral, or
// leaving the previous service, to the start of care here or in an alternative, across
// substitution, reneging, bridging and blocking, with youths still waiting at the horizon
// counted apart. Most scenarios have deterministic arrivals and stays, so every wait is known to
// the day; the last cases check, over random scenarios with every feature, that the waits of a
// youth's episodes add up to the time it spent on waiting lists.
#include <cmath>
#include <map>

#include "model_support.hpp"

using namespace zorgsim;
using namespace zorgsim::care;
using namespace zorgsim::care::testing;

namespace {

/// Keeps every wait episode of a replication.
class Episodes final : public WaitEpisodeSink {
  public:
    void record(const WaitEpisode& episode) override { all.push_back(episode); }
    std::vector<WaitEpisode> all;
};

Run run_observed(const Scenario& scenario, Episodes& episodes, Trace* trace = nullptr,
                 std::uint64_t seed = 1, std::uint64_t replication = 0) {
    Observation observation;
    observation.trace = trace;
    observation.wait_episodes = &episodes;
    return Run{outcome_layout(scenario),
               simulate_replication(scenario, seed, replication, observation)};
}

// Every youth waits for closed care (no place at all) and is placed in the alternative after
// exactly 14 days. Referrals on days 30, 60 and 90; the horizon is day 100.
constexpr std::string_view substituted_after_14_days = R"(
format: 1
name: substituted
start: 2025-01-01
horizon_days: 100
sources:
  - id: jeugdbescherming
    interarrival_days: 30
    to: jeugdzorgplus
services:
  - id: jeugdzorgplus
    kind: placement
    closed: true
    capacity: 0
    duration_days: 200
    wait_norm_days: 10
    substitution: {after_days: 14, to: [kleinschalig], retry_days: 7}
  - id: kleinschalig
    kind: placement
    capacity: 5
    duration_days: 500
)";

} // namespace

TEST_CASE("A youth substituted after waiting 14 days waited 14 days for care: for the service it "
          "waited for and the one that admitted it, while that one's queue wait is 0") {
    const auto scenario = load(substituted_after_14_days);
    Episodes episodes;
    const auto r = run_observed(scenario, episodes);

    // The old figure: nobody was admitted to closed care, and the alternative admitted at once.
    CHECK(std::isnan(r.service("jeugdzorgplus", "wait_days")));
    CHECK(r.service("kleinschalig", "wait_days") == 0.0);
    CHECK(r.service("kleinschalig", "waits_over_norm") == 0.0);

    // What the families lived: two youths (days 30 and 60) waited 14 days for care.
    CHECK(r.service("jeugdzorgplus", "care_starts") == 2.0);
    CHECK(r.service("jeugdzorgplus", "wait_to_care_days") == 14.0);
    CHECK(r.service("jeugdzorgplus", "wait_to_care_p50_days") == Approx(14.0).epsilon(0.01));
    CHECK(r.service("jeugdzorgplus", "wait_to_care_p90_days") == Approx(14.0).epsilon(0.01));
    CHECK(r.service("kleinschalig", "admitted_wait_to_care_days") == 14.0);
    CHECK(r.service("kleinschalig", "care_starts") == 0.0); // nobody first waited there
    CHECK(std::isnan(r.service("kleinschalig", "wait_to_care_days")));
    CHECK(r.system("wait_to_care_days") == 14.0);
    CHECK(r.system("care_starts") == 2.0);

    // Closed care's own norm (10 days), not the scenario's 28, decides what is over the norm.
    CHECK(r.service("jeugdzorgplus", "wait_to_care_over_norm") == 2.0);
    CHECK(r.service("jeugdzorgplus", "wait_to_care_over_norm_share") == 1.0);
    CHECK(r.system("wait_to_care_over_norm") == 2.0);
    CHECK(r.service_series("jeugdzorgplus", "wait_to_care_days", 0) == 14.0);
    CHECK(r.service_series("jeugdzorgplus", "care_starts", 0) == 2.0);

    // The youth referred on day 90 is still waiting at the horizon, 10 days on: reported apart.
    CHECK(r.service("jeugdzorgplus", "still_waiting_end") == 1.0);
    CHECK(r.service("jeugdzorgplus", "still_waiting_days") == 10.0);
    CHECK(r.system("still_waiting_end") == 1.0);

    REQUIRE(episodes.all.size() == 3);
    CHECK(episodes.all[0].how == WaitEnd::care_started);
    CHECK(episodes.all[0].start == 30.0);
    CHECK(episodes.all[0].end == 44.0);
    CHECK(episodes.all[0].first_wait == 0);
    CHECK(episodes.all[0].admitted_to == 1);
    CHECK(episodes.all[2].how == WaitEnd::still_waiting);
    CHECK(episodes.all[2].wait() == 10.0);
}

TEST_CASE("A youth who gives up after the maximum wait is in the reneged figures with its wait; "
          "one sent on to another service keeps waiting until that one admits it") {
    // Ambulant care has no place; youths leave its list after 20 days. Referrals on days 30 and
    // 60; the horizon is day 70.
    const std::string base = R"(
format: 1
name: reneging
start: 2025-01-01
horizon_days: 70
sources:
  - id: huisarts
    interarrival_days: 30
    to: ambulant
services:
  - id: ambulant
    capacity: 0
    duration_days: 100
)";
    SECTION("to exit") {
        const auto r = run(load(base + "    queue: {max_wait_days: 20, renege_to: exit}\n"));
        CHECK(r.service("ambulant", "reneged") == 1.0);
        CHECK(r.service("ambulant", "reneged_waits") == 1.0);
        CHECK(r.service("ambulant", "reneged_wait_days") == 20.0);
        CHECK(r.system("reneged_waits") == 1.0);
        CHECK(r.system("reneged_wait_days") == 20.0);
        CHECK(r.system("care_starts") == 0.0);
        CHECK(std::isnan(r.system("wait_to_care_days")));
        CHECK(r.system("still_waiting_end") == 1.0);
        CHECK(r.system("still_waiting_days") == 10.0);
    }
    SECTION("to another service") {
        const auto r = run(load(base + R"(    queue: {max_wait_days: 20, renege_to: wijkteam}
  - id: wijkteam
    capacity: 5
    duration_days: 100
)"));
        // The station's renege, but no episode ended without care: the youth waited 20 days
        // for ambulant care and then started care at the local team.
        CHECK(r.service("ambulant", "reneged") == 1.0);
        CHECK(r.service("ambulant", "reneged_waits") == 0.0);
        CHECK(r.service("ambulant", "care_starts") == 1.0);
        CHECK(r.service("ambulant", "wait_to_care_days") == 20.0);
        CHECK(r.service("wijkteam", "wait_days") == 0.0);
        CHECK(r.service("wijkteam", "admitted_wait_to_care_days") == 20.0);
    }
}

TEST_CASE("A youth in bridging care is still waiting for the care it was referred to: its wait "
          "runs on, and the time in bridging care is counted") {
    // As in flow_test.cpp: ambulant care has one place (25 days a youth), bridging care one.
    // Referrals on days 10, 20, ..., 60; the horizon is day 70.
    const auto scenario = load(R"(
format: 1
name: bridging
start: 2025-01-01
horizon_days: 70
sources:
  - id: huisarts
    interarrival_days: 10
    to: ambulant
services:
  - id: ambulant
    capacity: 1
    duration_days: 25
    waiting: {bridging: overbrugging}
  - id: overbrugging
    capacity: 1
    duration_days: 1
)");
    Episodes episodes;
    const auto r = run_observed(scenario, episodes);
    // Care started on days 10 (no wait), 35 (waited 15, bridged 15) and 60 (waited 30).
    CHECK(r.service("ambulant", "care_starts") == 3.0);
    CHECK(r.service("ambulant", "wait_to_care_days") == Approx(15.0).epsilon(1e-12));
    CHECK(r.service("ambulant", "bridging_days") == 15.0);
    CHECK(r.system("bridging_days") == 15.0);
    // Bridging care is no start of care.
    CHECK(r.service("overbrugging", "admissions") == 2.0);
    CHECK(r.service("overbrugging", "care_starts") == 0.0);
    CHECK(r.system("care_starts") == 3.0);
    // Still waiting on day 70: since days 40 (in bridging care), 50 and 60.
    CHECK(r.service("ambulant", "still_waiting_end") == 3.0);
    CHECK(r.service("ambulant", "still_waiting_days") == Approx(20.0).epsilon(1e-12));
    REQUIRE(episodes.all.size() == 6);
    const WaitEpisode& bridged_at_end = episodes.all[3];
    CHECK(bridged_at_end.how == WaitEnd::still_waiting);
    CHECK(bridged_at_end.start == 40.0);
    CHECK(bridged_at_end.bridging_days == 30.0);
}

TEST_CASE("A youth waiting between two placements (in a blocked crisis bed) waits from the end "
          "of its stay there; a youth turned away left care while waiting") {
    // A crisis bed without a waiting list, then foster care that has no place until day 30.
    // Referrals on days 10, 20, 30; crisis stays 5 days.
    const auto scenario = load(R"(
format: 1
name: blocking
start: 2025-01-01
horizon_days: 40
sources:
  - id: crisisdienst
    interarrival_days: 10
    to: crisis
services:
  - id: crisis
    kind: placement
    capacity: 1
    duration_days: 5
    queue: {max_length: 0}
    waiting: {blocking: true}
    next: {pleegzorg: 1}
  - id: pleegzorg
    kind: placement
    capacity: [{from: 2025-01-01, value: 0}, {from: 2025-01-31, value: 1}]
    duration_days: 1000
)");
    const auto r = run(scenario);
    // The first youth's crisis stay ends on day 15; it keeps the bed until foster care admits
    // it on day 30: a 15-day wait for foster care.
    CHECK(r.service("pleegzorg", "care_starts") == 1.0);
    CHECK(r.service("pleegzorg", "wait_to_care_days") == 15.0);
    CHECK(r.service("crisis", "care_starts") == 2.0);
    CHECK(r.service("crisis", "wait_to_care_days") == 0.0);
    // The second is turned away on day 20, having waited for nothing.
    CHECK(r.system("left_waiting") == 1.0);
    CHECK(r.system("left_waiting_days") == 0.0);
    // The third waits for foster care from day 35.
    CHECK(r.service("pleegzorg", "still_waiting_end") == 1.0);
    CHECK(r.service("pleegzorg", "still_waiting_days") == 5.0);
    CHECK(r.system("care_starts") == 3.0);
}

TEST_CASE("A youth that ages out on a waiting list left care while waiting, with its wait") {
    // One youth of 17.5 is on the (placeless) waiting list on the start day: it turns 18 on
    // day 182.625.
    const auto r = run(load(R"(
format: 1
name: aging-on-the-list
start: 2025-01-01
horizon_days: 400
population: {exit_age: 18}
sources:
  - id: wijkteam
    interarrival_days: 1000
    to: ambulant
services:
  - id: ambulant
    capacity: 0
    duration_days: 100
    census: {waiting: 1, age_years: 17.5}
)"));
    CHECK(r.system("aged_out") == 1.0);
    CHECK(r.system("care_starts") == 0.0);
    CHECK(r.system("left_waiting") == 1.0);
    CHECK(r.system("left_waiting_days") == Approx(182.625).epsilon(1e-12));
    CHECK(r.system("still_waiting_end") == 0.0);
}

TEST_CASE("Youths already waiting on the start day wait from day 0; those already in care are no "
          "wait episode") {
    const auto r = run(load(R"(
format: 1
name: census
start: 2025-01-01
horizon_days: 100
sources:
  - id: wijkteam
    interarrival_days: 1000
    to: ambulant
services:
  - id: ambulant
    capacity: 2
    duration_days: 30
    census: {occupied: 2, waiting: 1}
)"));
    // The two occupants leave within 30 days; the waiting youth then starts care.
    CHECK(r.service("ambulant", "care_starts") == 1.0);
    CHECK(r.service("ambulant", "admissions") == 1.0);
    CHECK(r.service("ambulant", "wait_to_care_days") == r.service("ambulant", "wait_days"));
    CHECK(r.service("ambulant", "wait_to_care_days") > 0.0);
}

namespace {

// Every feature at once, as in invariants_test.cpp, with per-service norms.
constexpr std::string_view rich = R"(
format: 1
name: rich-waits
start: 2025-01-01
horizon_days: 1461
period: quarter
profiles: [A, B, C]
population:
  exit_age: 18
  extended_care: {probability: 0.3, until_age: 21}
reentry:
  probability: 0.2
  delay_days: {dist: exponential, mean: 200}
  via: wijkteam
sources:
  - id: wijkteam
    rate_per_year: 300
    profiles: {A: 0.5, B: 0.3, C: 0.2}
    age_years: {dist: uniform, min: 0, max: 18}
    protection_share: 0.1
    to: {ambulant: 0.8, pleegzorg: 0.2}
  - id: crisisdienst
    rate_per_year: 40
    crisis: true
    profiles: {A: 0.2, B: 0.4, C: 0.4}
    age_years: {dist: uniform, min: 4, max: 18}
    to: crisis
services:
  - id: ambulant
    capacity: 38
    duration_days: {dist: lognormal, mean: 120, sd: 80}
    queue: {max_wait_days: 120, renege_to: exit}
    waiting: {bridging: overbrugging}
    wait_norm_days: 42
    next: {exit: 0.8, pleegzorg: 0.1, residential: 0.1}
    census: {occupied: 35, waiting: 10}
  - id: overbrugging
    capacity: 5
    duration_days: 1
  - id: crisis
    kind: placement
    capacity: 3
    duration_days: {dist: exponential, mean: 20}
    queue: {max_length: 0}
    overflow: residential
    waiting: {blocking: true}
    wait_norm_days: 0
    next: {exit: 0.3, pleegzorg: 0.4, residential: 0.3}
  - id: pleegzorg
    kind: placement
    capacity: 28
    duration_days: {dist: gamma, mean: 500, sd: 300}
    admission: {max_age: 18}
    substitution: {after_days: 28, to: [gezinshuis], retry_days: 7}
    queue: {max_wait_days: 300, renege_to: ambulant}
    next: {exit: 0.7, nazorg: 0.3}
    census: {occupied: 28, waiting: 5}
  - id: gezinshuis
    kind: placement
    capacity: 8
    duration_days: {dist: weibull, shape: 1.5, scale: 400}
    next: {exit: 0.5, nazorg: 0.5}
  - id: residential
    kind: placement
    capacity: 10
    duration_days: {dist: triangular, min: 30, mode: 120, max: 400}
    admission: {min_age: 6, profiles: [B, C]}
    substitution: {after_days: 60, to: [gezinshuis]}
    queue: {max_length: 15}
    overflow: ambulant
    next: {exit: 0.5, nazorg: 0.5}
  - id: nazorg
    capacity: 20
    duration_days: {dist: uniform, min: 60, max: 120}
    reentry_probability: 0.05
)";

/// Per youth, the days it spent on waiting lists, read off the event log: from joining a list
/// to leaving it (admitted to care, substituted, reneged, left care), or to the horizon.
std::map<std::uint64_t, Days> days_on_lists(const Trace& trace, Days horizon,
                                            std::string_view bridging_service) {
    std::map<std::uint64_t, Days> total;
    std::map<std::uint64_t, Days> since;
    for (const auto& e : trace.events) {
        const bool on = since.count(e.youth) != 0;
        if (e.event == "waiting") {
            if (!on)
                since[e.youth] = e.time;
            continue;
        }
        const bool leaves_list = e.event == "substituted" || e.event == "reneged" ||
                                 e.event == "exit" || e.event == "aged_out" ||
                                 (e.event == "admitted" && e.where != bridging_service);
        if (on && leaves_list) {
            total[e.youth] += e.time - since[e.youth];
            since.erase(e.youth);
        }
    }
    for (const auto& [youth, from] : since)
        total[youth] += horizon - from;
    return total;
}

double relative_difference(double a, double b) {
    return std::abs(a - b) / std::max(1.0, std::abs(b));
}

} // namespace

TEST_CASE("The waits of a youth's episodes add up to the time it spent on waiting lists, and "
          "every episode is counted once: started care, gave up, left, or still waiting") {
    const auto scenario = load(rich);
    for (std::uint64_t replication = 0; replication < 3; ++replication) {
        INFO("replication " << replication);
        Trace trace;
        Episodes episodes;
        const auto r = run_observed(scenario, episodes, &trace, 5, replication);

        std::map<std::uint64_t, Days> episode_waits;
        std::map<WaitEnd, std::size_t> ended;
        for (const WaitEpisode& e : episodes.all) {
            CHECK(e.end >= e.start);
            CHECK(e.bridging_days <= e.wait() + 1e-9);
            episode_waits[e.youth] += e.wait();
            ++ended[e.how];
        }
        const auto on_lists = days_on_lists(trace, scenario.horizon_days, "overbrugging");
        std::size_t mismatches = 0;
        for (const auto& [youth, days] : on_lists)
            if (std::abs(days - episode_waits[youth]) > 1e-6) {
                ++mismatches;
                UNSCOPED_INFO(path_text(trace.of(youth)) << " => " << episode_waits[youth]);
            }
        for (const auto& [youth, days] : episode_waits)
            if (days > 0.0 && on_lists.count(youth) == 0)
                ++mismatches;
        CHECK(mismatches == 0);

        // Every episode is in exactly one figure.
        CHECK(r.system("care_starts") == static_cast<double>(ended[WaitEnd::care_started]));
        CHECK(r.system("reneged_waits") == static_cast<double>(ended[WaitEnd::reneged]));
        CHECK(r.system("left_waiting") == static_cast<double>(ended[WaitEnd::left_waiting]));
        CHECK(r.system("still_waiting_end") == static_cast<double>(ended[WaitEnd::still_waiting]));
        // Each start of care is an admission, bridging care excepted.
        double admissions = 0.0;
        for (const auto& id : r.layout.services)
            if (id != "overbrugging")
                admissions += r.service(id, "admissions");
        CHECK(r.system("care_starts") == admissions);
        // Little's law on the sample path: the area under the number waiting is the sum of all
        // waits, finished and unfinished.
        auto total = [&](const char* count, const char* days) {
            const double n = r.system(count);
            return n > 0.0 ? n * r.system(days) : 0.0;
        };
        const double waited = total("care_starts", "wait_to_care_days") +
                              total("reneged_waits", "reneged_wait_days") +
                              total("left_waiting", "left_waiting_days") +
                              total("still_waiting_end", "still_waiting_days");
        CHECK(relative_difference(waited, r.system("waiting") * scenario.horizon_days) < 1e-9);
        // Per service of first wait, the figures add up to the system's.
        double starts = 0.0, over = 0.0, still = 0.0;
        for (const auto& id : r.layout.services) {
            starts += r.service(id, "care_starts");
            over += r.service(id, "wait_to_care_over_norm");
            still += r.service(id, "still_waiting_end");
        }
        CHECK(starts == r.system("care_starts"));
        CHECK(over == r.system("wait_to_care_over_norm"));
        CHECK(still == r.system("still_waiting_end"));
        // The features were exercised.
        CHECK(r.system("substitutions") > 0.0);
        CHECK(r.system("bridging_days") > 0.0);
        CHECK(r.system("reneged_waits") > 0.0);
        CHECK(r.system("still_waiting_end") > 0.0);
        CHECK(r.service("pleegzorg", "reneged") > 0.0);
        // Substituted youths waited: the lived wait for foster care is longer than the queue
        // wait of those foster care admitted (who waited less than after_days, or for a place).
        CHECK(r.service("pleegzorg", "wait_to_care_days") > 0.0);
    }
}

TEST_CASE("Without substitution, reneging elsewhere or chains, the wait to care is the queue "
          "wait (an M/M/c queue)") {
    const auto r = run(load(R"(
format: 1
name: mmc
start: 2025-01-01
horizon_days: 3000
warmup_days: 300
sources:
  - id: arrivals
    rate_per_year: 3285
    to: station
services:
  - id: station
    capacity: 10
    duration_days: {dist: exponential, mean: 1}
)"));
    // The same waits; the means differ only in rounding (a sum here, a running mean there).
    const double wait = r.service("station", "wait_days");
    CHECK(r.service("station", "wait_to_care_days") == Approx(wait).epsilon(1e-12));
    CHECK(r.service("station", "admitted_wait_to_care_days") == Approx(wait).epsilon(1e-12));
    CHECK(r.service("station", "care_starts") == r.service("station", "admissions"));
    CHECK(r.service("station", "wait_to_care_over_norm") ==
          r.service("station", "waits_over_norm"));
    for (std::size_t p = 0; p < r.layout.periods.size(); ++p)
        if (!std::isnan(r.service_series("station", "wait_days", p)))
            CHECK(r.service_series("station", "wait_to_care_days", p) ==
                  r.service_series("station", "wait_days", p));
}
