// How youths move between services: waiting, blocking, substitution, bridging care, capacity
// changes, priorities on a waiting list, admission rules and re-placements. Every scenario
// has deterministic arrivals and stays, so each youth's path is known to the day.
#include "model_support.hpp"

using namespace zorgsim;
using namespace zorgsim::care::testing;

namespace {

std::vector<std::pair<Days, std::string>> steps(const std::vector<Event>& path) {
    std::vector<std::pair<Days, std::string>> out;
    for (const auto& e : path)
        out.emplace_back(e.time, e.event + (e.where.empty() ? "" : " " + e.where));
    return out;
}

using Steps = std::vector<std::pair<Days, std::string>>;

// A crisis bed (no waiting list) followed by foster care that has no place until day 30.
// Referrals at days 10, 20, 30; crisis stays 5 days; foster stays 1000 days.
std::string crisis_then_full_foster_care(bool blocking) {
    return std::string(R"(
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
    waiting: {blocking: )") +
           (blocking ? "true" : "false") + R"(}
    next: {pleegzorg: 1}
  - id: pleegzorg
    kind: placement
    capacity: [{from: 2025-01-01, value: 0}, {from: 2025-01-31, value: 1}]
    duration_days: 1000
)";
}

} // namespace

TEST_CASE("With blocking, a youth keeps its crisis bed until the next service admits it") {
    const auto scenario = load(crisis_then_full_foster_care(true));
    Trace trace;
    const auto result = run(scenario, 1, 0, &trace);
    const auto youths = trace.youths();
    REQUIRE(youths.size() == 3);

    // The first youth's stay ends on day 15, but foster care opens its place on day 30: it
    // holds the crisis bed (blocked) from 15 to 30.
    CHECK(steps(trace.of(youths[0])) == Steps{{10, "referred crisisdienst"},
                                              {10, "admitted crisis"},
                                              {15, "discharged crisis"},
                                              {15, "waiting pleegzorg"},
                                              {30, "admitted pleegzorg"}});
    // The second finds the crisis bed still occupied and, with no waiting list, is turned away.
    CHECK(steps(trace.of(youths[1])) ==
          Steps{{20, "referred crisisdienst"}, {20, "rejected crisis"}, {20, "exit"}});
    // The third gets the bed freed on day 30, and blocks it from 35 (foster care is full).
    CHECK(steps(trace.of(youths[2])) == Steps{{30, "referred crisisdienst"},
                                              {30, "admitted crisis"},
                                              {35, "discharged crisis"},
                                              {35, "waiting pleegzorg"}});

    // Occupied 10-30 and 30-40 of 40 days; blocked 15-30 and 35-40.
    CHECK(result.service("crisis", "occupancy") == Approx(30.0 / 40.0).epsilon(1e-12));
    CHECK(result.service("crisis", "blocked") == Approx(20.0 / 40.0).epsilon(1e-12));
    CHECK(result.service("crisis", "rejected") == 1.0);
    CHECK(result.service("crisis", "length_of_stay_days") == Approx(20.0)); // slot held 10-30
}

TEST_CASE("Without blocking, the crisis bed is freed at the end of the stay") {
    const auto scenario = load(crisis_then_full_foster_care(false));
    Trace trace;
    const auto result = run(scenario, 1, 0, &trace);
    const auto youths = trace.youths();
    REQUIRE(youths.size() == 3);

    CHECK(steps(trace.of(youths[0])) == Steps{{10, "referred crisisdienst"},
                                              {10, "admitted crisis"},
                                              {15, "discharged crisis"},
                                              {15, "waiting pleegzorg"},
                                              {30, "admitted pleegzorg"}});
    CHECK(steps(trace.of(youths[1])) == Steps{{20, "referred crisisdienst"},
                                              {20, "admitted crisis"},
                                              {25, "discharged crisis"},
                                              {25, "waiting pleegzorg"}});
    CHECK(result.service("crisis", "occupancy") == Approx(15.0 / 40.0).epsilon(1e-12));
    CHECK(result.service("crisis", "blocked") == 0.0);
    CHECK(result.service("crisis", "rejected") == 0.0);
    CHECK(result.service("pleegzorg", "queue_length") ==
          Approx((15.0 + 15.0 + 5.0) / 40.0).epsilon(1e-12)); // 15-30, 25-40, 35-40
}

TEST_CASE("A youth waiting too long for foster care moves to a free family home after after_days") {
    // Foster care has no place at all; a family home has one, for 35 days at a time.
    // Referrals on days 30, 60, 90; the family home is tried 28 days into the wait, and
    // again every 7 days while it is full.
    const auto scenario = load(R"(
format: 1
name: substitution
start: 2025-01-01
horizon_days: 100
sources:
  - id: gi
    interarrival_days: 30
    to: pleegzorg
services:
  - id: pleegzorg
    kind: placement
    capacity: 0
    duration_days: 500
    substitution: {after_days: 28, to: [gezinshuis], retry_days: 7}
  - id: gezinshuis
    kind: placement
    capacity: 1
    duration_days: 35
)");
    Trace trace;
    const auto result = run(scenario, 1, 0, &trace);
    const auto youths = trace.youths();
    REQUIRE(youths.size() == 3);

    // Day 30 + 28: the family home is free.
    CHECK(steps(trace.of(youths[0])) == Steps{{30, "referred gi"},
                                              {30, "waiting pleegzorg"},
                                              {58, "substituted pleegzorg"},
                                              {58, "admitted gezinshuis"},
                                              {93, "discharged gezinshuis"},
                                              {93, "exit"}});
    // Day 60 + 28 = 88: the home is full until day 93; the next look, 7 days later, finds
    // it free.
    CHECK(steps(trace.of(youths[1])) == Steps{{60, "referred gi"},
                                              {60, "waiting pleegzorg"},
                                              {95, "substituted pleegzorg"},
                                              {95, "admitted gezinshuis"}});
    // Day 90 + 28 is after the horizon.
    CHECK(steps(trace.of(youths[2])) == Steps{{90, "referred gi"}, {90, "waiting pleegzorg"}});

    CHECK(result.service("pleegzorg", "substituted") == 2.0);
    CHECK(result.system("substitutions") == 2.0);
    CHECK(result.service("gezinshuis", "admissions") == 2.0);
    CHECK(result.service("pleegzorg", "admissions") == 0.0);
    CHECK(result.service("pleegzorg", "queue_length") ==
          Approx((28.0 + 35.0 + 10.0) / 100.0).epsilon(1e-12));
}

TEST_CASE("A capacity drop evicts nobody, and arrivals wait until a capacity rise admits them") {
    // Two places, then none from day 10, then one from day 60. Referrals every 4 days, each
    // staying 30 days.
    const auto scenario = load(R"(
format: 1
name: capacity-drop
start: 2025-01-01
horizon_days: 70
sources:
  - id: wijkteam
    interarrival_days: 4
    to: residential
services:
  - id: residential
    kind: placement
    capacity:
      - {from: 2025-01-01, value: 2}
      - {from: 2025-01-11, value: 0}
      - {from: 2025-03-02, value: 1}
    duration_days: 30
)");
    Trace trace;
    const auto result = run(scenario, 1, 0, &trace);
    const auto youths = trace.youths();
    REQUIRE(youths.size() == 17); // days 4, 8, ..., 68

    // The two occupants stay their full 30 days although capacity is 0 from day 10.
    CHECK(steps(trace.of(youths[0])) == Steps{{4, "referred wijkteam"},
                                              {4, "admitted residential"},
                                              {34, "discharged residential"},
                                              {34, "exit"}});
    CHECK(steps(trace.of(youths[1])) == Steps{{8, "referred wijkteam"},
                                              {8, "admitted residential"},
                                              {38, "discharged residential"},
                                              {38, "exit"}});
    // Everyone else waits, also after places are vacated on days 34 and 38; on day 60 the
    // one new place goes to the first in line.
    const auto admitted = trace.named("admitted", "residential");
    REQUIRE(admitted.size() == 3);
    CHECK(admitted[2].youth == youths[2]);
    CHECK(admitted[2].time == 60.0);
    CHECK(trace.count("waiting", "residential") == 15);

    CHECK(result.service("residential", "occupancy") == Approx(70.0 / 70.0).epsilon(1e-12));
    CHECK(result.service("residential", "capacity") ==
          Approx((2.0 * 10 + 0.0 * 50 + 1.0 * 10) / 70.0).epsilon(1e-12));
    CHECK(result.service("residential", "wait_days") == Approx((0.0 + 0.0 + 48.0) / 3.0));
}

TEST_CASE("An arrival finding the waiting list full takes the overflow route, and a youth waiting "
          "longer than max_wait_days leaves the list for renege_to") {
    // One place, taken for good on day 10; a waiting list of at most 2 that families leave
    // after 25 days for the local team's own help. Referrals every 10 days.
    const auto scenario = load(R"(
format: 1
name: full-list-and-reneging
start: 2025-01-01
horizon_days: 100
sources:
  - id: huisarts
    interarrival_days: 10
    to: ambulant
services:
  - id: ambulant
    capacity: 1
    duration_days: 1000
    queue: {max_length: 2, max_wait_days: 25, renege_to: wijkteam_hulp}
    overflow: intensief
  - id: wijkteam_hulp
    capacity: 100
    duration_days: 1000
  - id: intensief
    capacity: 100
    duration_days: 1000
)");
    Trace trace;
    const auto result = run(scenario, 1, 0, &trace);
    const auto youths = trace.youths();
    REQUIRE(youths.size() == 9);

    CHECK(steps(trace.of(youths[1])) == Steps{{20, "referred huisarts"},
                                              {20, "waiting ambulant"},
                                              {45, "reneged ambulant"},
                                              {45, "admitted wijkteam_hulp"}});
    // Day 40: youths from days 20 and 30 are on the list.
    CHECK(steps(trace.of(youths[3])) ==
          Steps{{40, "referred huisarts"}, {40, "rejected ambulant"}, {40, "admitted intensief"}});
    // Full again on day 70 (days 50 and 60 waiting).
    CHECK(steps(trace.of(youths[6])) ==
          Steps{{70, "referred huisarts"}, {70, "rejected ambulant"}, {70, "admitted intensief"}});

    CHECK(result.service("ambulant", "rejected") == 2.0);
    CHECK(result.service("ambulant", "reneged") == 4.0); // days 45, 55, 75, 85
    CHECK(result.service("wijkteam_hulp", "admissions") == 4.0);
    CHECK(result.service("intensief", "admissions") == 2.0);
    CHECK(result.service("ambulant", "admissions") == 1.0);
}

TEST_CASE(
    "A youth waiting at home holds a bridging place while it waits, and frees it on admission") {
    // Ambulant care has one place (25 days a youth); bridging care (overbrugging) one place.
    // Referrals on days 10, 20, 30, 40, 50, 60.
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
    duration_days: 1   # not used: a bridging youth stays until admitted where it waits
)");
    Trace trace;
    const auto result = run(scenario, 1, 0, &trace);
    const auto youths = trace.youths();
    REQUIRE(youths.size() == 6);

    CHECK(steps(trace.of(youths[0])) == Steps{{10, "referred huisarts"},
                                              {10, "admitted ambulant"},
                                              {35, "discharged ambulant"},
                                              {35, "exit"}});
    // Waits from day 20 with bridging care, until the place frees on day 35.
    CHECK(steps(trace.of(youths[1])) == Steps{{20, "referred huisarts"},
                                              {20, "waiting ambulant"},
                                              {20, "bridging overbrugging"},
                                              {35, "admitted ambulant"},
                                              {60, "discharged ambulant"},
                                              {60, "exit"}});
    // The bridging place is taken on day 30: this youth waits without it.
    CHECK(steps(trace.of(youths[2])) ==
          Steps{{30, "referred huisarts"}, {30, "waiting ambulant"}, {60, "admitted ambulant"}});
    // Freed on day 35, the bridging place goes to the next youth to join the list.
    CHECK(steps(trace.of(youths[3])) == Steps{{40, "referred huisarts"},
                                              {40, "waiting ambulant"},
                                              {40, "bridging overbrugging"}});
    CHECK(steps(trace.of(youths[4])) == Steps{{50, "referred huisarts"}, {50, "waiting ambulant"}});

    // Bridging slots held 20-35 and 40-70.
    CHECK(result.service("overbrugging", "occupancy") == Approx(45.0 / 70.0).epsilon(1e-12));
    CHECK(result.service("overbrugging", "admissions") == 2.0);
    CHECK(result.service("overbrugging", "discharges") == 1.0);
    CHECK(result.service("ambulant", "admissions") == 3.0);
}

TEST_CASE("A shared waiting list admits crisis referrals before protection before voluntary ones") {
    // Three channels fill one waiting list while the service has no place; referrals stop
    // on day 20 and one place opens on day 30, for a day at a time.
    const auto scenario = load(R"(
format: 1
name: priorities
start: 2025-01-01
horizon_days: 50
sources:
  - id: wijkteam          # voluntary: days 3, 6, ..., 21
    interarrival_days: 3
    to: residential
  - id: gi                # under a protection measure: days 4, 8, ..., 20
    interarrival_days: 4
    protection_share: 1
    to: residential
  - id: crisisdienst      # crisis: days 5, 10, 15, 20
    interarrival_days: 5
    crisis: true
    to: residential
services:
  - id: residential
    kind: placement
    capacity: [{from: 2025-01-01, value: 0}, {from: 2025-01-31, value: 1}]
    duration_days: 1
policies:
  - id: referrals-stop    # a referral already on its way still arrives
    date: 2025-01-21
    inflow: {multiplier: 0}
)");
    Trace trace;
    const auto result = run(scenario, 1, 0, &trace);
    const auto from = trace.referred_by();
    REQUIRE(from.size() == 16);

    std::vector<std::string> order;
    std::vector<Days> referred_at;
    std::map<std::uint64_t, Days> referral_time;
    for (const auto& e : trace.named("referred"))
        referral_time[e.youth] = e.time;
    const auto admitted = trace.named("admitted", "residential");
    REQUIRE(admitted.size() == 16);
    for (std::size_t k = 0; k < admitted.size(); ++k) {
        CHECK(admitted[k].time == 30.0 + static_cast<double>(k));
        order.push_back(from.at(admitted[k].youth));
        referred_at.push_back(referral_time.at(admitted[k].youth));
    }
    CHECK(order == std::vector<std::string>{"crisisdienst", "crisisdienst", "crisisdienst",
                                            "crisisdienst", "gi", "gi", "gi", "gi", "gi",
                                            "wijkteam", "wijkteam", "wijkteam", "wijkteam",
                                            "wijkteam", "wijkteam", "wijkteam"});
    // First come, first served within a class.
    CHECK(referred_at ==
          std::vector<Days>{5, 10, 15, 20, 4, 8, 12, 16, 20, 3, 6, 9, 12, 15, 18, 21});
    CHECK(result.system("arrivals") == 16.0);
}

TEST_CASE("A youth the service may not admit goes to the substitution alternative, else the "
          "overflow route, else leaves with no suitable place") {
    // JeugdzorgPlus admits profile C from age 12. Its alternative, small-scale living, admits
    // from age 10; its overflow, intensive ambulant care, from age 6. One referral a channel.
    const auto scenario = load(R"(
format: 1
name: admission-rules
start: 2025-01-01
horizon_days: 10
profiles: [B, C]
sources:
  - id: fits              # 14 years, profile C: admitted
    interarrival_days: 1
    age_years: 14
    profiles: {C: 1}
    to: jeugdzorgplus
  - id: wrong_profile     # 14 years, profile B: the alternative
    interarrival_days: 2
    age_years: 14
    profiles: {B: 1}
    to: jeugdzorgplus
  - id: eight_years_old   # too young for both: the overflow route
    interarrival_days: 3
    age_years: 8
    profiles: {C: 1}
    to: jeugdzorgplus
  - id: four_years_old    # too young everywhere
    interarrival_days: 4
    age_years: 4
    profiles: {C: 1}
    to: jeugdzorgplus
services:
  - id: jeugdzorgplus
    kind: placement
    closed: true
    capacity: 10
    duration_days: 100
    admission: {min_age: 12, profiles: [C]}
    substitution: {after_days: 28, to: [kleinschalig]}
    overflow: intensief
  - id: kleinschalig
    kind: placement
    capacity: 10
    duration_days: 100
    admission: {min_age: 10}
  - id: intensief
    capacity: 10
    duration_days: 100
    admission: {min_age: 6}
)");
    Trace trace;
    const auto result = run(scenario, 1, 0, &trace);
    const auto from = trace.referred_by();
    std::map<std::string, Steps> first_path;
    for (const auto& [youth, source] : from)
        if (!first_path.count(source))
            first_path[source] = steps(trace.of(youth));

    CHECK(first_path["fits"] == Steps{{1, "referred fits"}, {1, "admitted jeugdzorgplus"}});
    CHECK(first_path["wrong_profile"] ==
          Steps{{2, "referred wrong_profile"}, {2, "admitted kleinschalig"}});
    CHECK(first_path["eight_years_old"] ==
          Steps{{3, "referred eight_years_old"}, {3, "admitted intensief"}});
    CHECK(first_path["four_years_old"] ==
          Steps{{4, "referred four_years_old"}, {4, "no_suitable_place intensief"}, {4, "exit"}});

    // Referrals before day 10: 9 fit, 4 of profile B, 3 of 8 years, 2 of 4 years.
    CHECK(result.service("jeugdzorgplus", "admissions") == 9.0);
    CHECK(result.service("kleinschalig", "admissions") == 4.0);
    CHECK(result.service("intensief", "admissions") == 3.0);
    CHECK(result.system("no_suitable_place") == 2.0);
    CHECK(result.system("closed_admissions") == 9.0);
}

TEST_CASE("A direct move from one placement to another is a re-placement, one via care at "
          "home is not") {
    // Two crisis beds: after the first a youth moves straight to foster care, after the
    // second it goes home with ambulant care first. Referrals on days 10, 20, ..., 90.
    const auto scenario = load(R"(
format: 1
name: replacements
start: 2025-01-01
horizon_days: 100
sources:
  - id: direct
    interarrival_days: 10
    to: crisis_a
  - id: via_home
    interarrival_days: 10
    to: crisis_b
services:
  - id: crisis_a
    kind: placement
    capacity: 10
    duration_days: 5
    next: {pleegzorg: 1}
  - id: crisis_b
    kind: placement
    capacity: 10
    duration_days: 5
    next: {ambulant: 1}
  - id: ambulant
    capacity: 10
    duration_days: 2
    next: {pleegzorg: 1}
  - id: pleegzorg
    kind: placement
    capacity: 100
    duration_days: 1000
)");
    Trace trace;
    const auto result = run(scenario, 1, 0, &trace);
    // Both channels bring 9 youths to foster care before day 100 (days 15, ... 95 and 17,
    // ..., 97); only those from the first crisis bed are re-placed.
    CHECK(result.service("pleegzorg", "admissions") == 18.0);
    CHECK(result.system("replacements") == 9.0);
    CHECK(result.system("youths") == 18.0);
    CHECK(result.system("replacements_per_youth") == Approx(0.5));
    CHECK(result.system_series("replacements", 0) == 9.0);
}
