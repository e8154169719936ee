// The care keys of docs/scenario-format.md, read from fixtures/valid/care.yaml: profiles,
// ages, referral channels, placements, waiting, policies and the start census.
#include <cmath>

#include "scenario_support.hpp"

using namespace zorgsim;
using namespace zorgsim::scenario::testing;
using Kind = care::PolicyChange::Kind;

namespace {

const care::Scenario& care_scenario() {
    static const care::Scenario scenario = [] {
        const auto result = load_fixture("valid/care.yaml");
        INFO(Catch::Detail::stringify(messages(result)));
        REQUIRE(result.ok());
        return *result.scenario;
    }();
    return scenario;
}

std::size_t service(const std::string& id) {
    const auto& services = care_scenario().services;
    for (std::size_t i = 0; i < services.size(); ++i)
        if (services[i].id == id)
            return i;
    FAIL("no service " << id);
    return 0;
}

} // namespace

TEST_CASE("Top-level care keys: title, description lines, profiles, municipalities") {
    const auto& s = care_scenario();
    CHECK(s.title == "A small region: every care feature");
    CHECK(s.description == std::vector<std::string>{"Two referral channels, five services.",
                                                    "Used by the scenario tests."});
    CHECK(s.horizon_days == 1826.0);
    CHECK(s.warmup_days == 30.0);
    CHECK(s.period == Period::quarter);
    CHECK(s.wait_norm_days == 42.0);
    CHECK(s.profiles == std::vector<std::string>{"A", "B", "C"});
    CHECK(s.municipalities == std::vector<std::string>{"Hoorn", "Enkhuizen"});
}

TEST_CASE("population sets the exit age, extended care and adult support") {
    const auto& p = care_scenario().population;
    CHECK(p.exit_age == 18.0);
    CHECK(p.extended_probability == 0.25);
    CHECK(p.extended_until == 21.0);
    CHECK(p.adult_support_probability == 0.4);
}

TEST_CASE("A population section without exit_age means aging out at 18") {
    const auto result = load_yaml("format: 1\nname: t\nstart: 2025-01-01\nhorizon_days: 10\n"
                                  "population: {adult_support_probability: 0.5}\n"
                                  "sources: [{id: r, rate_per_year: 1, to: team}]\n"
                                  "services: [{id: team, capacity: 1, duration_days: 1}]\n");
    REQUIRE(result.ok());
    CHECK(result.scenario->population.exit_age == 18.0);
}

TEST_CASE("reentry names its channel by source id") {
    const auto& r = care_scenario().reentry;
    CHECK(r.probability == 0.15);
    CHECK(r.delay_days.mean() == 365.0);
    CHECK(r.source == 0);
}

TEST_CASE("Profile and municipality mixes are indexed like the scenario's lists") {
    const auto& source = care_scenario().sources[0];
    CHECK(source.name == "Local teams");
    CHECK(source.profile_weights == std::vector{0.2, 0.5, 0.3});
    CHECK(source.municipality_weights == std::vector{0.4, 0.6});
    CHECK(source.protection_share == 0.1);
    CHECK(source.age_years.describe() == "uniform(4, 18)");
}

TEST_CASE("to_by_profile gives a profile its own first service; the others use to") {
    const auto& to = care_scenario().sources[0].to;
    const auto jzplus = care::Destination{static_cast<int>(service("jeugdzorgplus"))};
    const auto ambulant = care::Destination{static_cast<int>(service("ambulant"))};
    CHECK(to.for_profile(2).targets.front() == jzplus);
    CHECK(to.for_profile(0).targets.front() == ambulant);
    CHECK(to.for_profile(1).targets.front() == ambulant);
}

TEST_CASE("A crisis channel with empirical gaps keeps both") {
    const auto& source = care_scenario().sources[1];
    CHECK(source.crisis);
    REQUIRE(source.interarrival);
    CHECK(source.interarrival->mean() == 22.5);
}

TEST_CASE("Service care keys: kind, closed, admission, waiting list, routing, costs") {
    const auto& s = care_scenario();
    const auto& jzplus = s.services[service("jeugdzorgplus")];
    CHECK(jzplus.kind == care::ServiceKind::placement);
    CHECK(jzplus.closed);
    CHECK(jzplus.min_age == 12.0);
    CHECK(jzplus.admits_profile == std::vector{false, false, true});
    CHECK(jzplus.max_queue == 3);
    CHECK(jzplus.overflow == care::Destination{static_cast<int>(service("pleegzorg"))});
    CHECK(jzplus.opens == 365.0);

    const auto& ambulant = s.services[service("ambulant")];
    CHECK(ambulant.name == "Ambulant care");
    CHECK(ambulant.dutch == "ambulante jeugdhulp");
    CHECK(ambulant.max_wait == 180.0);
    CHECK(ambulant.bridging == static_cast<int>(service("overbrugging")));
    CHECK(ambulant.stay_for(0).describe() == "lognormal(mean 200, sd 150)");
    CHECK(ambulant.stay_for(2).describe() == "weibull(shape 1.5, scale 300)");
    CHECK(ambulant.next.for_profile(2).probabilities == std::vector{0.8, 0.2});
    CHECK(ambulant.cost_per_day == 30.0);

    const auto& pleegzorg = s.services[service("pleegzorg")];
    CHECK(pleegzorg.max_age == 18.0);
    REQUIRE(pleegzorg.substitution);
    CHECK(pleegzorg.substitution->after_days == 28.0);
    CHECK(pleegzorg.substitution->alternatives == std::vector{static_cast<int>(service("crisis"))});
    CHECK(pleegzorg.substitution->retry_days == 7.0);
    CHECK(pleegzorg.reentry_probability == 0.2);
    CHECK(pleegzorg.cost_per_admission == 500.0);
    CHECK(pleegzorg.wait_norm_days == 56.0);
    CHECK(s.wait_norm(pleegzorg) == 56.0);
    CHECK_FALSE(ambulant.wait_norm_days);
    CHECK(s.wait_norm(ambulant) == s.wait_norm_days);

    CHECK(s.services[service("crisis")].blocking);
}

TEST_CASE("The census says who is in a service and waiting on day 0") {
    const auto& census = care_scenario().services[service("ambulant")].census;
    CHECK(census.occupied == 30);
    CHECK(census.waiting == 5);
    CHECK(census.profile_weights == std::vector{0.5, 0.5, 0.0});
    REQUIRE(census.age_years);
    CHECK(census.age_years->describe() == "uniform(4, 17.9)");
}

TEST_CASE("Policies are sorted by date, stably, with their days from the start") {
    const auto& policies = care_scenario().policies;
    std::vector<std::string> ids;
    for (const auto& p : policies)
        ids.push_back(p.id);
    CHECK(ids == std::vector<std::string>{"staff-shortage", "prevention", "shorter-stays",
                                          "more-foster-care", "channel-shift", "jzplus-stop",
                                          "jzplus-phase-out"});
    CHECK(policies[0].at == 151.0);
    CHECK(policies[0].kind == Kind::staff_available);
    CHECK(policies[0].value == 0.9);
}

TEST_CASE("Each kind of policy change is read with its parameters") {
    const auto& p = care_scenario().policies;
    CHECK(p[1].kind == Kind::inflow);
    CHECK(p[1].description == "Prevention lowers inflow by 2% a year");
    CHECK(p[1].value == 1.0);
    CHECK(p[1].annual_change == -0.02);
    CHECK(p[1].sources == std::vector{0});
    CHECK(p[1].until == 1461.0);
    CHECK(p[2].kind == Kind::stay_multiplier);
    CHECK(p[2].value == 0.8);
    CHECK(p[3].kind == Kind::routing_shift);
    CHECK(p[3].service == static_cast<int>(service("crisis")));
    CHECK(p[3].from.is_exit());
    CHECK(p[3].to == care::Destination{static_cast<int>(service("pleegzorg"))});
    CHECK(p[3].value == 0.3);
    CHECK(p[4].kind == Kind::routing_shift);
    CHECK(p[4].service == -1);
    CHECK(p[4].source == 0);
    CHECK(p[5].kind == Kind::admission_stop);
    CHECK(p[5].stop);
}

TEST_CASE("A capacity policy is folded into the capacity schedule and kept on the timeline") {
    const auto& s = care_scenario();
    const auto& capacity = s.services[service("jeugdzorgplus")].capacity;
    REQUIRE(capacity.size() == 2);
    CHECK(capacity[1].from == 1095.0);
    CHECK(capacity[1].value == 0);
    CHECK(s.policies.back().kind == Kind::capacity);
    CHECK(s.policies.back().value == 0.0);
}

TEST_CASE("A capacity policy on a schedule's date replaces that step") {
    const auto result = load_yaml(
        "format: 1\nname: t\nstart: 2025-01-01\nhorizon_days: 3650\n"
        "sources: [{id: r, rate_per_year: 1, to: team}]\n"
        "services: [{id: team, duration_days: 1, capacity: [{from: 2025-01-01, value: 2}, "
        "{from: 2027-01-01, value: 4}, {from: 2029-01-01, value: 6}]}]\n"
        "policies:\n  - {id: a, date: 2027-01-01, capacity: {service: team, value: 5}}\n"
        "  - {id: b, date: 2028-01-01, capacity: {service: team, value: 1}}\n");
    REQUIRE(result.ok());
    const auto& capacity = result.scenario->services[0].capacity;
    REQUIRE(capacity.size() == 4);
    CHECK(capacity[1].value == 5);
    CHECK(capacity[2].from == 1095.0);
    CHECK(capacity[2].value == 1);
    CHECK(capacity[3].value == 6);
}
