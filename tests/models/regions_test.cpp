// Several regions in one landscape (e.g. Noord-Holland's youth-care regions): a youth belongs
// to the region of the channel that referred it, uses that region's services and the shared
// ones, and every figure of the system is also reported per region, adding up to the total.
#include <cmath>
#include <set>

#include "model_support.hpp"

using namespace zorgsim;
using namespace zorgsim::care;
using namespace zorgsim::care::testing;

namespace {

// Two regions with a local team and foster care each, sharing crisis beds and closed care.
// Routes out of the shared services name the north's foster care; south youths must go to
// the south's instead. South refers twice as many youths as north.
constexpr std::string_view two_regions = R"(
format: 1
name: two-regions
start: 2025-01-01
horizon_days: 1825
warmup_days: 365
regions:
  - {id: north, name: North}
  - {id: south, name: South}
sources:
  - id: north-referrals
    region: north
    rate_per_year: 300
    to: {north-team: 0.85, crisis: 0.15}
  - id: south-referrals
    region: south
    rate_per_year: 600
    to: {team: 0.85, crisis: 0.15}
services:
  - id: north-team
    region: north
    role: team
    capacity: 30
    duration_days: {dist: exponential, mean: 30}
    next: {foster: 0.1, closed-care: 0.02, exit: 0.88}
  - id: south-team
    region: south
    role: team
    capacity: 60
    duration_days: {dist: exponential, mean: 30}
    next: {foster: 0.1, closed-care: 0.02, exit: 0.88}
  - id: north-foster
    region: north
    role: foster
    kind: placement
    capacity: 20
    duration_days: {dist: exponential, mean: 200}
    cost_per_day: 80
    next: {exit: 1}
  - id: south-foster
    region: south
    role: foster
    kind: placement
    capacity: 30
    duration_days: {dist: exponential, mean: 200}
    cost_per_day: 80
    next: {exit: 1}
  - id: crisis
    kind: placement
    capacity: 12
    duration_days: {dist: exponential, mean: 21}
    cost_per_day: 600
    cost_per_admission: 1000
    waiting: {blocking: true}
    next: {north-foster: 0.6, exit: 0.4}
    census: {occupied: 12}
  - id: closed-care
    kind: placement
    closed: true
    capacity: 6
    duration_days: {dist: exponential, mean: 180}
    cost_per_day: 900
    next: {north-foster: 0.5, exit: 0.5}
    census: {occupied: 6, waiting: 2}
)";

double relative_difference(double a, double b) {
    return std::abs(a - b) / std::max(1.0, std::abs(b));
}

} // namespace

TEST_CASE("A youth uses only its own region's services and the shared ones") {
    const auto scenario = load(two_regions);
    Trace trace;
    run(scenario, 3, 0, &trace);

    const auto referred_by = trace.referred_by();
    std::size_t south_in_foster = 0;
    for (const auto& admission : trace.named("admitted")) {
        const auto source = referred_by.find(admission.youth);
        if (source == referred_by.end())
            continue; // a census youth
        INFO(path_text(trace.of(admission.youth)));
        if (source->second == "south-referrals") {
            CHECK(admission.where.rfind("north-", 0) == std::string::npos);
            south_in_foster += admission.where == "south-foster";
        } else {
            CHECK(admission.where.rfind("south-", 0) == std::string::npos);
        }
    }
    // The shared services route to "north-foster": south youths arrive at south-foster.
    CHECK(south_in_foster > 20);
}

TEST_CASE("Every region's figures add up to the system's") {
    const auto scenario = load(two_regions);
    for (std::uint64_t replication = 0; replication < 3; ++replication) {
        const auto r = run(scenario, 11, replication);
        auto sum = [&](std::string_view metric) {
            return r.region("north", metric) + r.region("south", metric);
        };
        for (const char* counted :
             {"arrivals", "new_referrals", "reentries", "exits", "closed_admissions",
              "replacements", "aged_out", "no_suitable_place", "care_starts",
              "wait_to_care_over_norm", "reneged_waits", "left_waiting", "still_waiting_end"})
            CHECK(sum(counted) == r.system(counted));
        for (const char* level : {"in_care", "waiting", "out_of_home", "closed", "cost"}) {
            INFO(level);
            CHECK(relative_difference(sum(level), r.system(level)) < 1e-9);
        }
        CHECK(sum("shared_admissions") ==
              r.service("crisis", "admissions") + r.service("closed-care", "admissions"));
        CHECK(sum("waits_over_norm") == [&] {
            double total = 0.0;
            for (const auto& id : r.layout.services)
                total += r.service(id, "waits_over_norm");
            return total;
        }());
        for (std::size_t p = 0; p < r.layout.periods.size(); ++p) {
            double in_care = 0.0;
            for (const auto& region : {"north", "south"}) {
                const auto index = static_cast<std::size_t>(
                    std::find(r.layout.regions.begin(), r.layout.regions.end(), region) -
                    r.layout.regions.begin());
                in_care += r.outcome.series_value(
                    r.layout,
                    r.layout.region_series(index, metric_index(region_series_metrics, "in_care")),
                    p);
            }
            CHECK(relative_difference(in_care, r.system_series("in_care", p)) < 1e-9);
        }
    }
}

TEST_CASE("Regions compete for shared places: the region that refers more uses more of them") {
    const auto scenario = load(two_regions);
    double north = 0.0, south = 0.0;
    for (std::uint64_t replication = 0; replication < 10; ++replication) {
        const auto r = run(scenario, 5, replication);
        north += r.region("north", "shared_admissions");
        south += r.region("south", "shared_admissions");
        CHECK(std::isfinite(r.region("south", "shared_wait_days")));
    }
    // South refers twice as many youths: its share of shared admissions is close to 2/3.
    CHECK(south / (north + south) == Approx(2.0 / 3.0).margin(0.05));
}

TEST_CASE("A shared service's census youths come from the regions by referral rate, unless "
          "the scenario splits them") {
    // One day: who is in care is the census (3,000 youths) and a couple of referrals.
    constexpr std::string_view census = R"(
format: 1
name: census-split
start: 2025-01-01
horizon_days: 1
regions: [{id: north}, {id: south}]
sources:
  - {id: north-referrals, region: north, rate_per_year: 100, to: shared}
  - {id: south-referrals, region: south, rate_per_year: 200, to: shared}
services:
  - id: shared
    kind: placement
    capacity: 4000
    duration_days: 1000
    next: {exit: 1}
    census: {occupied: 3000}
)";
    const auto by_rate = run(load(census), 2);
    const double north = by_rate.region("north", "in_care");
    const double south = by_rate.region("south", "in_care");
    CHECK(north + south == Approx(by_rate.system("in_care")));
    CHECK(south / (north + south) == Approx(2.0 / 3.0).margin(0.03));

    std::string split(census);
    split.replace(split.find("{occupied: 3000}"), 16,
                  "{occupied: 3000, region_weights: {north: 1}}");
    const auto all_north = run(load(split), 2);
    CHECK(all_north.region("south", "in_care") < 5.0); // referrals only
    CHECK(all_north.region("north", "in_care") > 2990.0);
}

TEST_CASE("A scenario without regions reports no region figures") {
    const auto scenario = load(R"(
format: 1
name: no-regions
start: 2025-01-01
horizon_days: 100
sources:
  - {id: s, rate_per_year: 100, to: team}
services:
  - {id: team, capacity: 2, duration_days: 1, next: {exit: 1}}
)");
    const auto r = run(scenario);
    CHECK(r.layout.regions.empty());
    CHECK(r.outcome.summary.size() ==
          service_summary_metrics.size() + system_summary_metrics.size());
}

TEST_CASE("Bridging care, substitution and overflow named by role also lead to the youth's own "
          "region") {
    // Shared closed care with a short list: bridging in "team", substitution to "pleegzorg" and
    // overflow to the shared crisis beds; only kop's youth protection refers to it directly.
    const auto result = scenario::load_file(scenarios_dir.parent_path() /
                                            "tests/scenario/fixtures/valid/regions.yaml");
    INFO(Catch::Detail::stringify(messages(result)));
    REQUIRE(result.ok());
    const auto& scenario = *result.scenario;
    std::size_t bridged = 0, substituted_kop = 0;
    for (std::uint64_t replication = 0; replication < 5; ++replication) {
        Trace trace;
        run(scenario, 4, replication, &trace);
        const auto referred_by = trace.referred_by();
        for (const auto& event : trace.events) {
            const auto source = referred_by.find(event.youth);
            if (source == referred_by.end() || source->second == "wijkteam_wf")
                continue;
            INFO(path_text(trace.of(event.youth)));
            // Kop's youths never wait for or use Westfriesland's local services (they may come
            // back through Westfriesland's channel, the scenario's re-entry channel).
            if (event.event == "admitted" || event.event == "waiting" || event.event == "bridging")
                CHECK(event.where.find("_wf") == std::string::npos);
            bridged += event.event == "bridging";
            substituted_kop += event.event == "admitted" && event.where == "pleegzorg_kop";
        }
    }
    CHECK(bridged > 0);
    CHECK(substituted_kop > 0);
}
