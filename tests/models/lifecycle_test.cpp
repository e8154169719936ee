// Where youths come from and how they come back: the start census (who is in care on day 0,
// part-way through their stay) and re-entry after leaving care.
#include <algorithm>
#include <cmath>

#include "model_support.hpp"

using namespace zorgsim;
using namespace zorgsim::care::testing;

TEST_CASE("The start census puts occupants in their service and the waiting on its list at day 0") {
    // Stays of 100,000 days: nobody leaves in the 10 days of the horizon (a census occupant
    // has a uniform part of it left, under 10 days with chance 1e-4), and no referral
    // arrives before day 1000.
    const auto scenario = load(R"(
format: 1
name: census
start: 2025-01-01
horizon_days: 10
sources:
  - id: wijkteam
    interarrival_days: 1000
    to: residential
services:
  - id: residential
    kind: placement
    capacity: 10
    duration_days: 100000
    census: {occupied: 8}
  - id: pleegzorg
    kind: placement
    capacity: 5
    duration_days: 100000
    census: {occupied: 5, waiting: 3}
)");
    Trace trace;
    const auto result = run(scenario, 1, 0, &trace);

    CHECK(trace.count("census") == 16);
    for (const auto& e : trace.events)
        CHECK(e.time == 0.0);
    CHECK(trace.count("admitted", "residential") == 8);
    CHECK(trace.count("admitted", "pleegzorg") == 5);
    CHECK(trace.count("waiting", "pleegzorg") == 3);

    CHECK(result.service("residential", "occupancy") == 8.0);
    CHECK(result.service("pleegzorg", "occupancy") == 5.0);
    CHECK(result.service("pleegzorg", "queue_length") == 3.0);
    CHECK(result.service("residential", "queue_length") == 0.0);
    CHECK(result.system("census") == 16.0);
    CHECK(result.system("waiting") == 3.0);
    CHECK(result.system("in_care") == 16.0);
    CHECK(result.system("in_system_end") == 16.0);
    CHECK(result.system("arrivals") == 0.0);
}

TEST_CASE("Census occupants were admitted before day 0: no admission, wait or admission cost "
          "is counted for them; those waiting count when admitted") {
    const auto scenario = load(R"(
format: 1
name: census-admissions
start: 2025-01-01
horizon_days: 100
regions: [{id: north}]
sources:
  - {id: wijkteam, region: north, interarrival_days: 100000, to: jeugdzorgplus}
services:
  - id: jeugdzorgplus
    kind: placement
    closed: true
    capacity: 4
    duration_days: {dist: deterministic, value: 40}
    cost_per_day: 10
    cost_per_admission: 1000
    census: {occupied: 4, waiting: 2}
    next: {exit: 1}
)");
    const auto result = run(scenario);
    // The 4 occupants leave within 40 days, the 2 waiting are admitted then: 2 admissions.
    CHECK(result.service("jeugdzorgplus", "admissions") == 2.0);
    CHECK(result.system("closed_admissions") == 2.0);
    CHECK(result.region("north", "closed_admissions") == 2.0);
    CHECK(result.region("north", "shared_admissions") == 2.0);
    const double slot_days = result.service("jeugdzorgplus", "occupancy") * 100.0;
    CHECK(result.service("jeugdzorgplus", "cost") == Approx(10.0 * slot_days + 2 * 1000.0));
    CHECK(result.region("north", "cost") == Approx(result.service("jeugdzorgplus", "cost")));
    CHECK(result.service("jeugdzorgplus", "wait_days") > 0.0); // only the two who waited
}

TEST_CASE("Census occupants get the rest of a length-biased stay: uniform on (0, D) for fixed "
          "stays, the full mean for exponential ones") {
    // 20,000 occupants each; the horizon is long enough for all of them to leave.
    const auto scenario = load(R"(
format: 1
name: census-residual
start: 2025-01-01
horizon_days: 3000
sources:
  - id: wijkteam
    interarrival_days: 100000
    to: fixed
services:
  - id: fixed
    kind: placement
    capacity: 20000
    duration_days: 100
    census: {occupied: 20000}
  - id: exponential
    kind: placement
    capacity: 20000
    duration_days: {dist: exponential, mean: 100}
    census: {occupied: 20000}
  - id: gamma
    kind: placement
    capacity: 20000
    duration_days: {dist: gamma, mean: 100, sd: 50}
    census: {occupied: 20000}
)");
    Trace trace;
    const auto result = run(scenario, 1, 0, &trace);

    // Fixed stays of D = 100 days: what remains is uniform on (0, 100), mean 50 (sd of the
    // mean of 20,000: 0.2), always shorter than a full stay.
    CHECK(result.service("fixed", "discharges") == 20000.0);
    CHECK(result.service("fixed", "length_of_stay_days") == Approx(50.0).margin(1.0));
    const auto fixed = trace.named("discharged", "fixed");
    CHECK(std::all_of(fixed.begin(), fixed.end(), [](const Event& e) { return e.time < 100.0; }));
    std::size_t first_half = 0;
    for (const auto& e : fixed)
        first_half += e.time < 50.0 ? 1 : 0;
    CHECK(static_cast<double>(first_half) == Approx(10000.0).margin(300.0)); // 4 sd

    // Exponential stays are memoryless: what remains has the full mean 100 (sd 0.7).
    CHECK(result.service("exponential", "discharges") == 20000.0);
    CHECK(result.service("exponential", "length_of_stay_days") == Approx(100.0).margin(3.5));

    // Gamma(mean m, sd s): the remaining stay has mean (m^2 + s^2) / 2m = 62.5 (sd 0.35).
    CHECK(result.service("gamma", "discharges") == 20000.0);
    CHECK(result.service("gamma", "length_of_stay_days") == Approx(62.5).margin(1.4));
}

namespace {

// One referral channel into a 30-day placement; 30% of those who leave come back after a
// delay of 100 days on average, through the same channel.
constexpr std::string_view without_aftercare = R"(
format: 1
name: reentry-without-aftercare
start: 2025-01-01
horizon_days: 3650
reentry:
  probability: 0.3
  delay_days: {dist: exponential, mean: 100}
  via: wijkteam
sources:
  - id: wijkteam
    rate_per_year: 1000
    to: residential
services:
  - id: residential
    kind: placement
    capacity: 1000
    duration_days: 30
)";

// The same, but every discharge goes through aftercare (nazorg), after which only 10% come
// back.
constexpr std::string_view with_aftercare = R"(
format: 1
name: reentry-with-aftercare
start: 2025-01-01
horizon_days: 3650
reentry:
  probability: 0.3
  delay_days: {dist: exponential, mean: 100}
  via: wijkteam
sources:
  - id: wijkteam
    rate_per_year: 1000
    to: residential
services:
  - id: residential
    kind: placement
    capacity: 1000
    duration_days: 30
    next: {nazorg: 1}
  - id: nazorg
    capacity: 1000
    duration_days: 30
    reentry_probability: 0.1
)";

/// The share of exits before `before` after which the youth comes back.
double reentry_share(const Trace& trace, Days before) {
    std::map<std::uint64_t, std::vector<const Event*>> paths;
    for (const auto& e : trace.events)
        paths[e.youth].push_back(&e);
    std::size_t exits = 0, back = 0;
    for (const auto& [youth, path] : paths)
        for (std::size_t k = 0; k < path.size(); ++k)
            if (path[k]->event == "exit" && path[k]->time < before) {
                ++exits;
                back += k + 1 < path.size() && path[k + 1]->event == "reentry" ? 1 : 0;
            }
    return static_cast<double>(back) / static_cast<double>(exits);
}

} // namespace

TEST_CASE("Aftercare with a lower re-entry probability lowers re-entry to that probability") {
    Trace plain_trace, aftercare_trace;
    const auto plain = run(load(without_aftercare), 1, 0, &plain_trace);
    const auto aftercare = run(load(with_aftercare), 1, 0, &aftercare_trace);

    // About 10,000 referrals each. Exits more than 1500 days before the end (the delay exceeds
    // 1500 days with chance e^-15) come back with the stated probability (sd 0.005 and 0.004).
    CHECK(reentry_share(plain_trace, 3650.0 - 1500.0) == Approx(0.3).margin(0.02));
    CHECK(reentry_share(aftercare_trace, 3650.0 - 1500.0) == Approx(0.1).margin(0.015));
    CHECK(aftercare.system("reentries") < 0.5 * plain.system("reentries"));
}

TEST_CASE("A youth who comes back is the same youth, counted in reentries and in arrivals") {
    Trace trace;
    const auto result = run(load(without_aftercare), 1, 0, &trace);
    const auto reentries = trace.named("reentry");
    REQUIRE(!reentries.empty());
    CHECK(result.system("reentries") == static_cast<double>(reentries.size()));
    CHECK(result.system("new_referrals") == static_cast<double>(trace.count("referred")));
    CHECK(result.system("arrivals") == result.system("new_referrals") + result.system("reentries"));
    CHECK(result.system("youths") == result.system("new_referrals"));

    // Each re-entry follows an exit of the same youth, and leads to a new admission.
    for (const auto& r : std::vector<Event>(reentries.begin(), reentries.begin() + 20)) {
        const auto path = trace.of(r.youth);
        INFO(path_text(path));
        const auto at = std::find_if(path.begin(), path.end(), [&r](const Event& e) {
            return e.event == "reentry" && e.time == r.time;
        });
        REQUIRE(at != path.begin());
        REQUIRE(at != path.end());
        CHECK(std::prev(at)->event == "exit");
        CHECK(std::prev(at)->time < r.time);
        CHECK(at->where == "wijkteam");
        if (std::next(at) != path.end())
            CHECK(std::next(at)->event == "admitted");
    }
}

TEST_CASE("A youth who comes back is referred anew through the re-entry channel, with that "
          "channel's urgency") {
    // Crisis referrals on days 10, 20, ..., 50 stay a day in a crisis bed and come back 5 days
    // later through the local team, whose own referrals arrive on days 3, 6, ..., 57.
    // Ambulant care opens its one place on day 60.
    const auto scenario = load(R"(
format: 1
name: reentry-urgency
start: 2025-01-01
horizon_days: 62
reentry:
  probability: 1
  delay_days: 5
  via: wijkteam
sources:
  - id: crisisdienst
    interarrival_days: 10
    crisis: true
    to: crisis
  - id: wijkteam
    interarrival_days: 3
    to: ambulant
services:
  - id: crisis
    kind: placement
    capacity: 10
    duration_days: 1
  - id: ambulant
    capacity: [{from: 2025-01-01, value: 0}, {from: 2025-03-02, value: 1}]
    duration_days: 1
)");
    Trace trace;
    run(scenario, 1, 0, &trace);
    const auto from = trace.referred_by();
    const auto first_crisis = trace.named("referred", "crisisdienst").at(0).youth;
    const auto path = trace.of(first_crisis);
    INFO(path_text(path));
    REQUIRE(path.size() >= 6);
    CHECK(path[3].event == "exit");
    CHECK(path[4].event == "reentry");
    CHECK(path[4].where == "wijkteam");
    CHECK(path[4].time == 16.0);
    CHECK(path[5].event == "waiting");
    CHECK(path[5].where == "ambulant");

    // Back through the local team, it is no crisis referral any more: it waits its turn
    // behind the local team's referrals of days 3 and 6 (and 9, 12 and 15).
    const auto admitted = trace.named("admitted", "ambulant");
    REQUIRE(admitted.size() == 2);
    std::map<std::uint64_t, Days> referred_at;
    for (const auto& e : trace.named("referred"))
        referred_at[e.youth] = e.time;
    CHECK(from.at(admitted[0].youth) == "wijkteam");
    CHECK(referred_at.at(admitted[0].youth) == 3.0);
    CHECK(from.at(admitted[1].youth) == "wijkteam");
    CHECK(referred_at.at(admitted[1].youth) == 6.0);
}
