// A service's pool of places (capacity: {pool: ...}), its aftercare (aftercare: ...) and the
// policies that change them (recruitment, aftercare): what loads to what, and every mistake at
// its place.
#include "scenario_support.hpp"

using namespace zorgsim;
using namespace zorgsim::scenario::testing;
using Kind = care::PolicyChange::Kind;

namespace {

// Line 13 is the pleegzorg capacity, line 15 its aftercare; policies from line 16.
std::string pool_yaml(std::string_view capacity, std::string_view aftercare = "~",
                      std::string_view policies = {}, std::string_view reentry = "via: wijkteam") {
    return std::string(R"(format: 1
name: pool
start: 2025-01-01
horizon_days: 3650
reentry:
  )") + std::string(reentry) +
           R"(
sources:
  - id: wijkteam
    rate_per_year: 20
    to: pleegzorg
services:
  - id: pleegzorg
    capacity: )" +
           std::string(capacity) + R"(
    duration_days: 100
    aftercare: )" +
           std::string(aftercare) + "\n" + std::string(policies);
}

} // namespace

TEST_CASE("A pool and aftercare load with their rates, probabilities and policies") {
    const auto result = load_yaml(pool_yaml(
        "{pool: {initial: 180, recruitment_per_year: 23.6, attrition_per_year: 0.184}}",
        "{share: 0.75, months: 4, reentry_probability: {without: 0.35, with: 0.2, per_month: "
        "-0.01, min: 0.1}}",
        R"(policies:
  - id: campaign
    date: 2027-01-01
    recruitment: {service: pleegzorg, multiplier: 1.5}
  - id: rate
    date: 2028-01-01
    recruitment: {service: pleegzorg, per_year: 40}
  - id: nazorg
    date: 2027-01-01
    aftercare: {service: pleegzorg, share: 1, months: 12}
)"));
    INFO(Catch::Detail::stringify(messages(result)));
    REQUIRE(result.ok());
    const auto& s = result.scenario->services[0];
    REQUIRE(s.pool);
    CHECK(s.capacity.size() == 1);
    CHECK(s.capacity[0].value == 180);
    CHECK(s.pool->recruitment_per_year == 23.6);
    CHECK(s.pool->attrition_per_year == 0.184);
    REQUIRE(s.aftercare);
    CHECK(s.aftercare->share == 0.75);
    CHECK(s.aftercare->months == 4);
    CHECK(s.aftercare->reentry_probability(0) == 0.35);
    CHECK(s.aftercare->reentry_probability(4) == Approx(0.2));
    CHECK(s.aftercare->reentry_probability(12) == Approx(0.12));
    CHECK(s.aftercare->reentry_probability(40) == Approx(0.1));
    const auto& p = result.scenario->policies;
    REQUIRE(p.size() == 3);
    CHECK(p[0].kind == Kind::recruitment);
    CHECK_FALSE(p[0].absolute);
    CHECK(p[0].value == 1.5);
    CHECK(p[1].kind == Kind::aftercare);
    CHECK(p[1].share == 1.0);
    CHECK(p[1].months == 12.0);
    CHECK(p[2].kind == Kind::recruitment);
    CHECK(p[2].absolute);
    CHECK(p[2].value == 40.0);
}

TEST_CASE("Pool mistakes are reported at their place") {
    auto lines = messages(
        load_yaml(pool_yaml("{pool: {initial: -1, recruitment_per_year: -2, attrition: 0.1}}")));
    CHECK_THAT(lines, Reports("inline.yaml:13:32: error: ", "initial must be a whole number"));
    CHECK_THAT(lines, Reports("inline.yaml:13:58: error: ", "recruitment_per_year must be"));
    CHECK_THAT(lines, Reports("inline.yaml:13:62: error: ",
                              "unknown key 'attrition' in capacity.pool; expected one of: "
                              "initial, recruitment_per_year, attrition_per_year"));
    lines = messages(load_yaml(pool_yaml("{pool: {recruitment_per_year: 2, attrition_per_year: "
                                         "500}}")));
    CHECK_THAT(lines, Reports("inline.yaml:13:22: error: ",
                              "missing required key 'initial' in capacity.pool"));
    CHECK_THAT(lines, Reports("inline.yaml:13:68: error: ", "attrition_per_year must be"));
    lines = messages(load_yaml(pool_yaml("{places: 3}")));
    CHECK_THAT(lines, Reports("inline.yaml:13:16: error: ", "unknown key 'places' in capacity"));
    CHECK_THAT(lines, Reports("inline.yaml:13:15: error: ", "missing required key 'pool'"));
}

TEST_CASE("Aftercare mistakes are reported at their place") {
    auto lines = messages(load_yaml(pool_yaml(
        "10",
        "{share: 1.5, months: 0, reentry_probability: {without: 0.3, with: 0.2, min: 0.25}}")));
    CHECK_THAT(lines, Reports("inline.yaml:15:24: error: ", "share must be"));
    CHECK_THAT(lines, Reports("inline.yaml:15:37: error: ", "months must be"));
    CHECK_THAT(lines, Reports("inline.yaml:15:92: error: ", "min 0.25 is above with 0.2"));
    lines = messages(load_yaml(pool_yaml("10", "{share: 1, months: 4}")));
    CHECK_THAT(lines, Reports("inline.yaml:15:16: error: ",
                              "missing required key 'reentry_probability' in aftercare"));
    lines = messages(load_yaml(pool_yaml(
        "10", "{share: 1, months: 4, reentry_probability: {without: 0.3, with: 0.2}}", {}, "")));
    CHECK_THAT(lines, Reports("inline.yaml:15:59: error: ",
                              "aftercare.reentry_probability needs reentry.via"));
    auto text = pool_yaml("10", "{share: 1, months: 4, reentry_probability: {without: 0.3, with: "
                                "0.2}}");
    text += "    reentry_probability: 0.3\n";
    CHECK_THAT(messages(load_yaml(text)), Reports("inline.yaml:15:5: error: ",
                                                  "give either reentry_probability or aftercare"));
}

TEST_CASE("Recruitment and aftercare policies need a pool and aftercare, and one value") {
    auto lines = messages(load_yaml(pool_yaml("10", "~", R"(policies:
  - id: campaign
    date: 2027-01-01
    recruitment: {service: pleegzorg, multiplier: 2}
  - id: nazorg
    date: 2027-01-01
    aftercare: {service: pleegzorg, months: 12}
)")));
    CHECK_THAT(lines, Reports("inline.yaml:19:28: error: ",
                              "recruitment: service 'pleegzorg' has no pool of places"));
    CHECK_THAT(lines, Reports("inline.yaml:22:26: error: ", "aftercare: service 'pleegzorg' has no "
                                                            "aftercare"));
    lines = messages(
        load_yaml(pool_yaml("{pool: {initial: 10}}",
                            "{share: 1, months: 4, reentry_probability: {without: 0.3, with: "
                            "0.2}}",
                            R"(policies:
  - id: campaign
    date: 2027-01-01
    recruitment: {service: pleegzorg, multiplier: 2, per_year: 3}
  - id: nothing
    date: 2027-01-01
    aftercare: {service: pleegzorg}
  - id: nobody
    date: 2027-01-01
    recruitment: {service: pleegzorg}
)")));
    CHECK_THAT(lines, Reports("inline.yaml:19:54: error: ",
                              "recruitment: give either multiplier (of the rate in effect) or "
                              "per_year"));
    CHECK_THAT(lines, Reports("inline.yaml:22:16: error: ", "aftercare: give share"));
    CHECK_THAT(lines, Reports("inline.yaml:25:18: error: ",
                              "missing required key 'multiplier' in the recruitment change"));
}
