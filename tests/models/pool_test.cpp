// A capacity that is a pool of places: recruitment brings places (Poisson), attrition takes
// each place at its rate (a free place at once, an occupied one when its youth leaves), and
// capacity policies move the pool by their difference.
#include <cmath>
#include <map>

#include "model_support.hpp"

using namespace zorgsim;
using namespace zorgsim::care::testing;

namespace {

std::string pool_scenario(std::string_view pool, std::string_view extra = {},
                          std::string_view rate = "0", std::string_view stay = "100") {
    return std::string(R"(
format: 1
name: pool
start: 2025-01-01
horizon_days: 3650
sources:
  - id: referrals
    rate_per_year: )") +
           std::string(rate) + R"(
    to: pleegzorg
services:
  - id: pleegzorg
    kind: placement
    capacity: {pool: )" +
           std::string(pool) + R"(}
    duration_days: )" +
           std::string(stay) + "\n" + std::string(extra);
}

/// The pool's figures of one replication: start + recruited - lost must be the end.
void check_conservation(const Run& run, double initial) {
    const double recruited = run.service("pleegzorg", "pool_recruited");
    const double lost = run.service("pleegzorg", "pool_lost");
    CHECK(initial + recruited - lost == run.service("pleegzorg", "capacity_end"));
    CHECK(run.system("pool_recruited") == recruited);
    CHECK(run.system("pool_lost") == lost);
}

} // namespace

TEST_CASE("A pool with recruitment only never shrinks and recruits rate x time places") {
    // 100 places a year for 3650 days (rate per 365 days): 1000 expected, Poisson sd 31.6 per
    // replication, 7.1 for the mean of 20; 4 sd of the mean is 28.
    const auto scenario = load(pool_scenario("{initial: 10, recruitment_per_year: 100}", {}, "50"));
    double total = 0.0;
    for (std::uint64_t r = 0; r < 20; ++r) {
        const auto result = run(scenario, 1, r);
        double previous = 10.0;
        for (std::size_t p = 0; p < result.layout.periods.size(); ++p) {
            const double capacity = result.service_series("pleegzorg", "capacity", p);
            CHECK(capacity >= previous);
            previous = capacity;
        }
        CHECK(result.service("pleegzorg", "pool_lost") == 0.0);
        check_conservation(result, 10.0);
        total += result.service("pleegzorg", "pool_recruited");
    }
    CHECK(total / 20.0 == Approx(1000.0).margin(28.0));
}

TEST_CASE("A pool with attrition only decays exponentially") {
    // 1000 free places, each leaving at 0.5 a year: after 730 days (two years of 365 days)
    // 1000 e^-1 = 367.9 remain, binomial sd 15.2 per replication, 6.8 for the mean of 5; the
    // margin is 4 sd of the mean.
    auto text = pool_scenario("{initial: 1000, attrition_per_year: 0.5}");
    text.replace(text.find("horizon_days: 3650"), 18, "horizon_days: 730");
    const auto scenario = load(text);
    double remaining = 0.0;
    for (std::uint64_t r = 0; r < 5; ++r) {
        const auto result = run(scenario, 7, r);
        CHECK(result.service("pleegzorg", "pool_recruited") == 0.0);
        check_conservation(result, 1000.0);
        remaining += result.service("pleegzorg", "capacity_end");
    }
    CHECK(remaining / 5.0 == Approx(1000.0 * std::exp(-1.0)).margin(28.0));
}

TEST_CASE("An occupied place that leaves the pool goes when its youth leaves: nobody is evicted") {
    // Places leave at 3 a year and every stay is exactly 100 days: every admitted youth must
    // stay its 100 days (or until the horizon), however many places leave meanwhile.
    const auto scenario =
        load(pool_scenario("{initial: 20, recruitment_per_year: 40, attrition_per_year: 3}", {},
                           "200", "{dist: deterministic, value: 100}"));
    Trace trace;
    const auto result = run(scenario, 3, 0, &trace);
    CHECK(result.service("pleegzorg", "pool_lost") > 50.0);
    std::map<std::uint64_t, Days> admitted;
    std::size_t stays = 0;
    for (const auto& e : trace.events) {
        if (e.where != "pleegzorg")
            continue;
        if (e.event == "admitted")
            admitted[e.youth] = e.time;
        if (e.event == "discharged") {
            REQUIRE(admitted.count(e.youth) == 1);
            CHECK(e.time - admitted[e.youth] == Approx(100.0).margin(1e-6));
            ++stays;
        }
    }
    CHECK(stays > 100);
    check_conservation(result, 20.0);
}

TEST_CASE("Places recruited, lost and left add up in every replication") {
    const auto scenario = load(pool_scenario(
        "{initial: 30, recruitment_per_year: 8, attrition_per_year: 0.3}", R"(policies:
  - id: campaign
    date: 2027-01-01
    capacity: {service: pleegzorg, change: +15}
  - id: cut
    date: 2030-01-01
    capacity: {service: pleegzorg, change: -20}
)",
        "40", "{dist: exponential, mean: 300}"));
    for (std::uint64_t r = 0; r < 20; ++r)
        check_conservation(run(scenario, 11, r), 30.0);
}

TEST_CASE("A capacity policy moves a pool by its difference to the capacity before") {
    // No recruitment or attrition: the pool is 50, +20 from 2026 (70), value 30 from 2028: the
    // schedule goes 70 -> 30, so 40 places leave; all are free (no youths), so at once.
    const auto scenario = load(pool_scenario("{initial: 50}", R"(policies:
  - id: more
    date: 2026-01-01
    capacity: {service: pleegzorg, change: +20}
  - id: fewer
    date: 2028-01-01
    capacity: {service: pleegzorg, value: 30}
)"));
    const auto result = run(scenario);
    CHECK(result.service_series("pleegzorg", "capacity", 0) == 50.0);
    CHECK(result.service_series("pleegzorg", "capacity", 2) == 70.0);
    CHECK(result.service_series("pleegzorg", "capacity", 4) == 30.0);
    CHECK(result.service("pleegzorg", "pool_recruited") == 20.0);
    CHECK(result.service("pleegzorg", "pool_lost") == 40.0);
    CHECK(result.service("pleegzorg", "capacity_end") == 30.0);
}

TEST_CASE("A recruitment policy changes the rate from its date") {
    // 100 a year in 2025-2026, none from 2027 (multiplier 0), then 300 a year from 2030.
    const auto scenario =
        load(pool_scenario("{initial: 10, recruitment_per_year: 100}", R"(policies:
  - id: stop
    date: 2027-01-01
    recruitment: {service: pleegzorg, multiplier: 0}
  - id: campaign
    date: 2030-01-01
    recruitment: {service: pleegzorg, per_year: 300}
)"));
    double early = 0.0, stopped = 0.0, late = 0.0;
    for (std::uint64_t r = 0; r < 10; ++r) {
        const auto result = run(scenario, 5, r);
        early += result.service_series("pleegzorg", "pool_recruited", 1);
        for (std::size_t p = 2; p < 5; ++p)
            stopped += result.service_series("pleegzorg", "pool_recruited", p);
        late += result.service_series("pleegzorg", "pool_recruited", 6);
    }
    // Means of 10 Poisson years: sd 3.2 at 100 and 5.5 at 300; margins of 4 sd.
    CHECK(early / 10.0 == Approx(100.0).margin(13.0));
    CHECK(stopped == 0.0);
    CHECK(late / 10.0 == Approx(300.0).margin(22.0));
}

TEST_CASE("A pool leaves the draws of the other services unchanged") {
    const std::string other = R"(  - id: ambulant
    capacity: 5
    duration_days: {dist: exponential, mean: 30}
)";
    const std::string pool = "{initial: 10, recruitment_per_year: 5, attrition_per_year: 0.2}";
    auto with_pool = pool_scenario(pool, other, "20");
    const std::string route = "to: pleegzorg";
    with_pool.replace(with_pool.find(route), route.size(), "to: {pleegzorg: 0.5, ambulant: 0.5}");
    auto fixed = with_pool;
    const std::string capacity = "{pool: " + pool + "}";
    fixed.replace(fixed.find(capacity), capacity.size(), "10");
    const auto a = run(load(with_pool));
    const auto b = run(load(fixed));
    CHECK(a.service("pleegzorg", "pool_recruited") + a.service("pleegzorg", "pool_lost") > 0.0);
    CHECK(b.service("pleegzorg", "pool_recruited") == 0.0);
    CHECK(a.service("ambulant", "admissions") == b.service("ambulant", "admissions"));
    CHECK(a.service("ambulant", "occupancy") == b.service("ambulant", "occupancy"));
    CHECK(a.service("ambulant", "wait_days") == b.service("ambulant", "wait_days"));
}

TEST_CASE("An admission stop closes a pool's places without stopping its attrition") {
    // From 2026 no admissions: the usable capacity is 0, while the pool's places keep leaving
    // (all free once their youths have left) and start + recruited - lost stays the end.
    const auto scenario = load(pool_scenario("{initial: 40, attrition_per_year: 0.5}", R"(policies:
  - id: stop
    date: 2026-01-01
    admission_stop: {service: pleegzorg}
)",
                                             "30"));
    for (std::uint64_t r = 0; r < 5; ++r) {
        const auto result = run(scenario, 13, r);
        CHECK(result.service_series("pleegzorg", "capacity", 3) == 0.0);
        CHECK(result.service_series("pleegzorg", "admissions", 3) == 0.0);
        CHECK(result.service("pleegzorg", "pool_lost") > 20.0);
        check_conservation(result, 40.0);
    }
}
