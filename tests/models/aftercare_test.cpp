// Aftercare after a service: a share of the youths discharged out of care from it gets
// aftercare for some months; their re-entry chance follows from whether and how long, their
// re-entry delay counts from the end of aftercare, and a dated policy changes share and months.
#include <cmath>
#include <map>

#include "model_support.hpp"

using namespace zorgsim;
using namespace zorgsim::care::testing;

namespace {

constexpr double days_per_month = 365.25 / 12.0;

std::string aftercare_scenario(std::string_view aftercare, std::string_view policies = {}) {
    return std::string(R"(
format: 1
name: aftercare
start: 2025-01-01
horizon_days: 1095
reentry:
  probability: 0.9
  delay_days: {dist: deterministic, value: 10}
  via: referrals
sources:
  - id: referrals
    rate_per_year: 3000
    to: care
services:
  - id: care
    capacity: 10000
    duration_days: 5
    aftercare: )") +
           std::string(aftercare) + "\n" + std::string(policies);
}

/// Of the discharges from `care` in [from, to), the share whose youth came back, and for those
/// who came back, the days from discharge to re-entry (all equal, or -1 if they differ).
struct Returns {
    double trials = 0.0;
    double returned = 0.0;
    double share() const { return returned / trials; }
};

Returns returns(const Trace& trace, Days from, Days to) {
    Returns out;
    std::map<std::uint64_t, Days> discharged;
    for (const auto& e : trace.events) {
        if (e.event == "discharged" && e.where == "care") {
            if (e.time >= from && e.time < to) {
                discharged[e.youth] = e.time;
                out.trials += 1.0;
            } else {
                discharged.erase(e.youth);
            }
        } else if (e.event == "reentry" && discharged.count(e.youth)) {
            out.returned += 1.0;
            discharged.erase(e.youth);
        }
    }
    return out;
}

} // namespace

TEST_CASE("The re-entry chance after a service follows its aftercare share and probabilities") {
    // share 0.5 with 0.1, without 0.4: 0.25 of those discharged come back. About 7,000 trials
    // (discharges up to 100 days before the end, so that every re-entry falls in the horizon):
    // binomial sd 0.005; the margin is 4 sd.
    const auto scenario = load(aftercare_scenario(
        "{share: 0.5, months: 2, reentry_probability: {without: 0.4, with: 0.1}}"));
    Trace trace;
    const auto result = run(scenario, 1, 0, &trace);
    const Returns r = returns(trace, 0.0, 1095.0 - 100.0);
    REQUIRE(r.trials > 6000);
    CHECK(r.share() == Approx(0.25).margin(0.02));
    const double discharges = result.service("care", "discharges");
    CHECK(result.service("care", "aftercare_given") / discharges == Approx(0.5).margin(0.03));
    CHECK(result.system("aftercare_given") == result.service("care", "aftercare_given"));
    CHECK(result.service("care", "reentries") == result.system("reentries"));
}

TEST_CASE("Everyone with aftercare comes back after the aftercare and the delay, at the chance "
          "for its length") {
    // share 1, 6 months, with 0.2 at 3 months and -0.02 a month more: 0.14.
    const auto scenario = load(aftercare_scenario(
        "{share: 1, months: 3, reentry_probability: {without: 0.9, with: 0.2, per_month: "
        "-0.02}}",
        R"(policies:
  - id: longer
    date: 2025-01-01
    aftercare: {service: care, months: 6}
)"));
    Trace trace;
    run(scenario, 2, 0, &trace);
    const Days gap = 6 * days_per_month + 10.0;
    std::map<std::uint64_t, Days> discharged;
    std::size_t checked = 0;
    for (const auto& e : trace.events) {
        if (e.event == "discharged" && e.where == "care")
            discharged[e.youth] = e.time;
        else if (e.event == "reentry") {
            CHECK(e.time - discharged.at(e.youth) == Approx(gap).margin(1e-6));
            ++checked;
        }
    }
    CHECK(checked > 100);
    // About 4,700 trials up to 200 days before the end: sd 0.005.
    const Returns r = returns(trace, 0.0, 1095.0 - 200.0);
    CHECK(r.share() == Approx(0.14).margin(0.02));
}

TEST_CASE("An aftercare policy changes the re-entry chance from its date") {
    // Before 2026 nobody gets aftercare (0.4 come back); from 2026 everyone, for 12 months:
    // 0.1 - 0.005 x (12 - 2) = 0.05. About 3,000 trials each: sd 0.009 and 0.004.
    const auto scenario = load(aftercare_scenario(
        "{share: 0, months: 2, reentry_probability: {without: 0.4, with: 0.1, per_month: -0.005, "
        "min: 0.02}}",
        R"(policies:
  - id: nazorg
    date: 2026-01-01
    aftercare: {service: care, share: 1, months: 12}
)"));
    Trace trace;
    const auto result = run(scenario, 3, 0, &trace);
    CHECK(returns(trace, 0.0, 365.0).share() == Approx(0.4).margin(0.04));
    CHECK(returns(trace, 365.0, 1095.0 - 12 * days_per_month - 20.0).share() ==
          Approx(0.05).margin(0.016));
    CHECK(result.service_series("care", "aftercare_given", 0) == 0.0);
    CHECK(result.service_series("care", "aftercare_given", 1) > 2500.0);
}

TEST_CASE("The chance with aftercare never falls below its minimum") {
    const auto scenario = load(aftercare_scenario(
        "{share: 1, months: 1, reentry_probability: {without: 0.5, with: 0.3, per_month: -0.1, "
        "min: 0.2}}",
        R"(policies:
  - id: long
    date: 2025-01-01
    aftercare: {service: care, months: 10}
)"));
    Trace trace;
    run(scenario, 4, 0, &trace);
    // 0.3 - 0.1 x 9 is below 0: the minimum 0.2. About 3,600 trials: sd 0.007.
    CHECK(returns(trace, 0.0, 1095.0 - 330.0).share() == Approx(0.2).margin(0.03));
}
