// Aging out (18-/18+): youth care ends at the exit age, or later in extended care, and a share
// of those aging out moves on to adult support (Wmo).
#include "model_support.hpp"

using namespace zorgsim;
using namespace zorgsim::care::testing;

namespace {

// A referral every 100 days of a youth aged exactly 17, into a placement far longer than a
// year: nobody leaves before the exit age.
constexpr std::string_view seventeen_year_olds = R"(
format: 1
name: aging-out
start: 2025-01-01
horizon_days: 2000
population:
  exit_age: 18
  adult_support_probability: 1
sources:
  - id: gi
    interarrival_days: 100
    age_years: 17
    to: residential
services:
  - id: residential
    kind: placement
    capacity: 100
    duration_days: 5000
)";

constexpr double year = 365.25;

} // namespace

TEST_CASE("A youth referred at exactly 17 leaves care aged out 365.25 days later") {
    const auto scenario = load(seventeen_year_olds);
    Trace trace;
    const auto run_ = run(scenario, 1, 0, &trace);

    // Referrals at days 100, 200, ..., 1900; those before day 2000 - 365.25 reach 18 in the
    // horizon: 16 youths.
    const auto referred = trace.named("referred");
    REQUIRE(referred.size() == 19);
    std::size_t aged = 0;
    for (const auto& r : referred) {
        const auto path = trace.of(r.youth);
        INFO(path_text(path));
        REQUIRE(path.size() >= 2);
        CHECK(path[1].event == "admitted");
        CHECK(path[1].time == r.time);
        if (r.time + year < 2000.0) {
            REQUIRE(path.size() == 3);
            CHECK(path[2].event == "aged_out");
            CHECK(path[2].time == Approx(r.time + year).margin(1e-9));
            ++aged;
        } else {
            CHECK(path.size() == 2);
        }
    }
    CHECK(aged == 16);
    CHECK(run_.system("aged_out") == 16.0);
    CHECK(run_.system("adult_support") == 16.0);
    CHECK(run_.service("residential", "discharges") == 16.0);
    CHECK(run_.system("in_system_end") == 3.0);
}

TEST_CASE("Extended care with probability 1 until 21 keeps a youth referred at 17 four years") {
    const auto extended = load(R"(
format: 1
name: extended-care
start: 2025-01-01
horizon_days: 2000
population:
  exit_age: 18
  extended_care: {probability: 1, until_age: 21}
  adult_support_probability: 0
sources:
  - id: gi
    interarrival_days: 100
    age_years: 17
    to: residential
services:
  - id: residential
    kind: placement
    capacity: 100
    duration_days: 5000
)");
    Trace trace;
    const auto run_ = run(extended, 1, 0, &trace);

    // Referrals at 100 ... 500 leave before day 2000 (at referral + 4 x 365.25 = +1461).
    std::size_t aged = 0;
    for (const auto& r : trace.named("referred")) {
        const auto path = trace.of(r.youth);
        INFO(path_text(path));
        REQUIRE(path.size() >= 2);
        CHECK(path[1].event == "admitted");
        if (r.time + year < 2000.0) {
            REQUIRE(path.size() >= 3);
            CHECK(path[2].event == "extended_care");
            CHECK(path[2].time == Approx(r.time + year).margin(1e-9));
        }
        if (r.time + 4 * year < 2000.0) {
            REQUIRE(path.size() == 4);
            CHECK(path[3].event == "aged_out");
            CHECK(path[3].time == Approx(r.time + 4 * year).margin(1e-9));
            ++aged;
        } else {
            CHECK(path.back().event != "aged_out");
        }
    }
    CHECK(aged == 5);
    CHECK(run_.system("aged_out") == 5.0);
    CHECK(run_.system("adult_support") == 0.0);
}

TEST_CASE("Adult support is counted for the given share of those aging out") {
    // Many youths aged 17.5 with a 40% chance of adult support (Wmo) on aging out.
    const auto scenario = load(R"(
format: 1
name: adult-support
start: 2025-01-01
horizon_days: 3000
population:
  exit_age: 18
  adult_support_probability: 0.4
sources:
  - id: gi
    rate_per_year: 1000
    age_years: 17.5
    to: residential
services:
  - id: residential
    kind: placement
    capacity: 10000
    duration_days: 5000
)");
    const auto run_ = run(scenario);
    const double aged = run_.system("aged_out");
    CHECK(aged > 7000.0);
    // Binomial: sd of the share is sqrt(0.24 / 7000) = 0.006.
    CHECK(run_.system("adult_support") / aged == Approx(0.4).margin(0.025));
}
