// The policy timeline: dated changes to inflow, routing, stays, admissions and capacity, and
// new services that open on a date.
#include <algorithm>

#include "model_support.hpp"

using namespace zorgsim;
using namespace zorgsim::care::testing;

TEST_CASE("An inflow multiplier of 0.5 halves the referrals from its date") {
    // 100 referrals a day in 2025, 50 a day in 2026 (Poisson: sd 191 and 135).
    const auto scenario = load(R"(
format: 1
name: inflow-halved
start: 2025-01-01
end: 2027-01-01
sources:
  - id: wijkteam
    rate_per_year: 36500
    to: ambulant
services:
  - id: ambulant
    capacity: 10000
    duration_days: 1
policies:
  - id: prevention
    date: 2026-01-01
    inflow: {multiplier: 0.5}
)");
    const auto result = run(scenario);
    const double before = result.system_series("arrivals", 0);
    const double after = result.system_series("arrivals", 1);
    CHECK(before == Approx(36500.0).margin(800.0));
    CHECK(after == Approx(18250.0).margin(550.0));
    CHECK(after / before == Approx(0.5).margin(0.02));
}

namespace {

// A referral every day (a renewal source: a new rate applies from the next referral), with
// the given inflow change from 2026.
std::string daily_referrals_with(std::string_view inflow) {
    return std::string(R"(
format: 1
name: inflow-annual-change
start: 2025-01-01
end: 2029-01-01
sources:
  - id: wijkteam
    interarrival_days: 1
    to: ambulant
services:
  - id: ambulant
    capacity: 100
    duration_days: 0.5
policies:
  - id: prevention
    date: 2026-01-01
    inflow: )") +
           std::string(inflow) + "\n";
}

} // namespace

TEST_CASE("An annual change takes its first step on the policy's date and compounds at every "
          "anniversary, until `until`") {
    // -50% a year from 2026: 1/2 a day in 2026, 1/4 in 2027, 1/8 in 2028.
    const auto result = run(load(daily_referrals_with("{multiplier: 1, annual_change: -0.5}")));
    // 2025: days 1-364; 2026: every 2 days from 365; 2027: every 4 days from 731; 2028 (366
    // days): every 8 days from 1095.
    CHECK(result.system_series("arrivals", 0) == 364.0);
    CHECK(result.system_series("arrivals", 1) == 183.0);
    CHECK(result.system_series("arrivals", 2) == 91.0);
    CHECK(result.system_series("arrivals", 3) == 46.0);

    // With until 2028-01-01, the 2028 anniversary is not applied: 2028 keeps 1/4 a day.
    const auto until =
        run(load(daily_referrals_with("{multiplier: 1, annual_change: -0.5, until: 2028-01-01}")));
    CHECK(until.system_series("arrivals", 2) == 91.0);
    CHECK(until.system_series("arrivals", 3) == 92.0);

    // The multiplier applies on the date with the first step: 0.25 from 2026, then 0.125.
    const auto halved = run(load(daily_referrals_with("{multiplier: 0.5, annual_change: -0.5}")));
    CHECK(halved.system_series("arrivals", 1) == 92.0); // days 365, 369, ..., 729
    CHECK(halved.system_series("arrivals", 2) == 46.0); // days 737, 745, ..., 1093
}

TEST_CASE("A routing shift moves the given fraction of a next route to another service") {
    // After a crisis bed, 80% go to residential care and 20% to foster care; from 2026 half of
    // the residential share goes to foster care instead: 40% / 60%.
    const auto scenario = load(R"(
format: 1
name: routing-shift
start: 2025-01-01
end: 2027-01-01
sources:
  - id: crisisdienst
    rate_per_year: 20000
    to: crisis
services:
  - id: crisis
    kind: placement
    capacity: 10000
    duration_days: 1
    next: {residential: 0.8, pleegzorg: 0.2}
  - id: residential
    kind: placement
    capacity: 10000
    duration_days: 1
  - id: pleegzorg
    kind: placement
    capacity: 10000
    duration_days: 1
policies:
  - id: more-foster-care
    date: 2026-01-01
    routing_shift: {service: crisis, from: residential, to: pleegzorg, fraction: 0.5}
)");
    const auto result = run(scenario);
    auto residential_share = [&result](std::size_t year) {
        const double r = result.service_series("residential", "admissions", year);
        const double p = result.service_series("pleegzorg", "admissions", year);
        return r / (r + p);
    };
    // About 20,000 moves a year: sd of a share 0.003-0.0035.
    CHECK(residential_share(0) == Approx(0.8).margin(0.015));
    CHECK(residential_share(1) == Approx(0.4).margin(0.015));
}

TEST_CASE("A length-of-stay multiplier applies to admissions from its date, not to those already "
          "admitted") {
    // Stays of 10 days, halved from day 100. Referrals every 7 days.
    const auto scenario = load(R"(
format: 1
name: shorter-stays
start: 2025-01-01
horizon_days: 200
sources:
  - id: wijkteam
    interarrival_days: 7
    to: residential
services:
  - id: residential
    kind: placement
    capacity: 100
    duration_days: 10
policies:
  - id: shorter-stays
    date: 2025-04-11
    length_of_stay: {service: residential, multiplier: 0.5}
)");
    Trace trace;
    run(scenario, 1, 0, &trace);
    std::size_t checked = 0;
    for (const auto& a : trace.named("admitted", "residential")) {
        const auto path = trace.of(a.youth);
        INFO(path_text(path));
        if (path.size() < 3)
            continue; // still there at the horizon
        REQUIRE(path[2].event == "discharged");
        // The youth admitted on day 98 leaves on day 108, at the full length.
        CHECK(path[2].time - a.time == (a.time < 100.0 ? 10.0 : 5.0));
        ++checked;
    }
    CHECK(checked == 27); // admitted on days 7 ... 189
}

TEST_CASE(
    "An admission stop turns new referrals to the alternative and evicts nobody, and lifting it "
    "admits the waiting") {
    // JeugdzorgPlus: two places of 50 days; referrals every 8 days. Admissions stop on day 25
    // and start again on day 80. Youths that cannot be admitted go to small-scale living.
    const auto scenario = load(R"(
format: 1
name: admission-stop
start: 2025-01-01
horizon_days: 100
sources:
  - id: gi
    interarrival_days: 8
    to: jeugdzorgplus
services:
  - id: jeugdzorgplus
    kind: placement
    closed: true
    capacity: 2
    duration_days: 50
    substitution: {after_days: 365, to: [kleinschalig]}
  - id: kleinschalig
    kind: placement
    capacity: 100
    duration_days: 50
policies:
  - id: jzplus-stop
    date: 2025-01-26
    admission_stop: {service: jeugdzorgplus}
  - id: jzplus-reopens
    date: 2025-03-22
    admission_stop: {service: jeugdzorgplus, stop: false}
)");
    Trace trace;
    const auto result = run(scenario, 1, 0, &trace);
    const auto youths = trace.youths();
    REQUIRE(youths.size() == 12); // days 8, 16, ..., 96

    // Those in care stay their 50 days.
    CHECK(trace.of(youths[0]).at(2).event == "discharged");
    CHECK(trace.of(youths[0]).at(2).time == 58.0);
    CHECK(trace.of(youths[1]).at(2).time == 66.0);
    // Waiting when admissions stopped: still waiting when places free up, admitted on day 80.
    const auto waiting = trace.of(youths[2]);
    INFO(path_text(waiting));
    REQUIRE(waiting.size() == 3);
    CHECK(waiting[1].event == "waiting");
    CHECK(waiting[2].event == "admitted");
    CHECK(waiting[2].where == "jeugdzorgplus");
    CHECK(waiting[2].time == 80.0);
    // Referred during the stop (days 32 ... 72): small-scale living at once.
    for (std::size_t k = 3; k < 9; ++k) {
        const auto path = trace.of(youths[k]);
        INFO(path_text(path));
        CHECK(path.at(1).event == "admitted");
        CHECK(path.at(1).where == "kleinschalig");
        CHECK(path.at(1).time == path.at(0).time);
    }
    // No admission to JeugdzorgPlus between the stop and the reopening.
    for (const auto& a : trace.named("admitted", "jeugdzorgplus"))
        CHECK((a.time < 25.0 || a.time >= 80.0));
    CHECK(result.service("jeugdzorgplus", "admissions") == 4.0); // days 8, 16, 80, 80
    CHECK(result.service("kleinschalig", "admissions") == 6.0);
    CHECK(result.system("closed_admissions") == 4.0);
}

TEST_CASE("Staff shortage makes only that fraction of the places usable, rounded down, evicting "
          "nobody") {
    // From day 100: half the staff of a 5-place family home (2.5: 2 places) and 90% of a
    // 10-place one (9 places). A referral a day to each, stays of 10 days: both are always full.
    const auto scenario = load(R"(
format: 1
name: staff-shortage
start: 2025-01-01
horizon_days: 200
sources:
  - id: wijkteam
    interarrival_days: 1
    to: gezinshuis
  - id: gi
    interarrival_days: 1
    to: gezinshuis_groot
services:
  - id: gezinshuis
    kind: placement
    capacity: 5
    duration_days: 10
  - id: gezinshuis_groot
    kind: placement
    capacity: 10
    duration_days: 10
policies:
  - id: staff-shortage
    date: 2025-04-11
    staff_available: {service: gezinshuis, fraction: 0.5}
  - id: staff-shortage-groot
    date: 2025-04-11
    staff_available: {service: gezinshuis_groot, fraction: 0.9}
)");
    Trace trace;
    const auto result = run(scenario, 1, 0, &trace);
    CHECK(result.service("gezinshuis", "capacity") == Approx((5.0 * 100 + 2.0 * 100) / 200));
    CHECK(result.service("gezinshuis_groot", "capacity") == Approx((10.0 * 100 + 9.0 * 100) / 200));
    // Full on day 99.5; the five occupants leave at the end of their stays (within 10 days);
    // from then on two places are in use.
    CHECK(trace.occupied_after("gezinshuis", 99.5) == 5);
    int most = 0, after_drain_lowest = 5, after_drain_most = 0;
    for (Days t = 0.5; t < 200.0; t += 1.0) {
        const int occupied = trace.occupied_after("gezinshuis", t);
        most = std::max(most, occupied);
        if (t > 110.0) {
            after_drain_lowest = std::min(after_drain_lowest, occupied);
            after_drain_most = std::max(after_drain_most, occupied);
        }
    }
    CHECK(most == 5);
    CHECK(after_drain_lowest == 2);
    CHECK(after_drain_most == 2);
}

TEST_CASE("A new service admits nobody before it opens: referrals take its overflow route") {
    const auto scenario = load(R"(
format: 1
name: new-service
start: 2025-01-01
horizon_days: 200
sources:
  - id: wijkteam
    interarrival_days: 10
    to: thuis_opgroeien
services:
  - id: thuis_opgroeien
    kind: placement
    capacity: 100
    duration_days: 30
    opens: 2025-04-11
    overflow: residential
  - id: residential
    kind: placement
    capacity: 100
    duration_days: 30
)");
    Trace trace;
    const auto result = run(scenario, 1, 0, &trace);
    for (const auto& a : trace.named("admitted"))
        CHECK(a.where == (a.time < 100.0 ? "residential" : "thuis_opgroeien"));
    CHECK(result.service("residential", "admissions") == 9.0);      // days 10 ... 90
    CHECK(result.service("thuis_opgroeien", "admissions") == 10.0); // days 100 ... 190
    CHECK(result.service("thuis_opgroeien", "capacity") == Approx(100.0 * 100 / 200));
}
