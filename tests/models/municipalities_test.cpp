// Municipalities (gemeenten): every youth belongs to one, for its whole path; every system
// figure is also counted per municipality, and each service's cost is split over them by their
// youths' use and, for a solidarity share, by youth population. The municipalities add up to
// the system and to their region in every replication and every period.
#include <cmath>
#include <string>

#include "../../models/cost_split.hpp"
#include "model_support.hpp"

using namespace zorgsim;
using namespace zorgsim::care;
using namespace zorgsim::care::testing;

namespace {

// Two regions of two municipalities each. North's channel has no origin mix (its referrals are
// split by youth population, 3:1); south's has one. Closed care is shared, with a census.
constexpr std::string_view two_regions = R"(
format: 1
name: municipalities
start: 2025-01-01
horizon_days: 1461
regions: [{id: north}, {id: south}]
municipalities:
  - {name: Aland, youths_0_17: 3000, year: 2024, region: north}
  - {name: Bdorp, youths_0_17: 1000, year: 2024, region: north}
  - {name: Cstad, youths_0_17: 2000, year: 2024, region: south}
  - {name: Dveen, youths_0_17: 2000, year: 2024, region: south}
sources:
  - {id: north-referrals, region: north, rate_per_year: 400, to: {north-team: 0.9, closed-care: 0.1}}
  - id: south-referrals
    region: south
    rate_per_year: 300
    to: {south-team: 0.9, closed-care: 0.1}
    municipalities: {Cstad: 0.7, Dveen: 0.3}
services:
  - {id: north-team, region: north, role: team, capacity: 20, duration_days: 40,
     cost_per_day: 50, cost_per_admission: 200, next: {north-foster: 0.2, exit: 0.8},
     census: {occupied: 15, waiting: 3}}
  - {id: south-team, region: south, role: team, capacity: 15, duration_days: 40,
     cost_per_day: 50, next: {south-foster: 0.2, exit: 0.8}}
  - {id: north-foster, region: north, role: foster, kind: placement, capacity: 10,
     duration_days: {dist: exponential, mean: 150}, cost_per_day: 80, next: {exit: 1}}
  - {id: south-foster, region: south, role: foster, kind: placement, capacity: 10,
     duration_days: {dist: exponential, mean: 150}, cost_per_day: 80, next: {exit: 1}}
  - id: closed-care
    kind: placement
    closed: true
    capacity: 6
    duration_days: {dist: exponential, mean: 120}
    cost_per_day: 900
    cost_per_admission: 5000
    cost_sharing: {solidarity_share: SHARE}
    next: {north-foster: 0.5, exit: 0.5}
    census: {occupied: 6, waiting: 2}
)";

std::string with_share(std::string_view share) {
    std::string yaml(two_regions);
    yaml.replace(yaml.find("SHARE"), 5, share);
    return yaml;
}

const std::vector<std::string> north{"Aland", "Bdorp"};
const std::vector<std::string> south{"Cstad", "Dveen"};

bool close(double a, double b) {
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

} // namespace

// Costs add up to the system exactly; to a region only the counts do: a region pays a shared
// service's empty places by its share of the referrals and follows its youths' admissions
// (regions.cpp), a municipality pays every kind of a service's cost by its youths' place-days
// there (municipalities.cpp, docs/model.md).
TEST_CASE("Municipalities add up to the system and to their region in every replication and "
          "period, counts and costs, whatever the solidarity share") {
    for (const char* share : {"0", "0.5", "1"}) {
        const auto scenario = load(with_share(share));
        for (std::uint64_t replication = 0; replication < 4; ++replication) {
            INFO("solidarity share " << share << ", replication " << replication);
            const auto r = run(scenario, 3, replication);
            REQUIRE(r.layout.municipalities.size() == 4);
            auto sum = [&](const std::vector<std::string>& names, std::string_view metric) {
                double total = 0.0;
                for (const auto& name : names)
                    total += r.municipality(name, metric);
                return total;
            };
            auto all = [&](std::string_view metric) {
                return sum(north, metric) + sum(south, metric);
            };
            for (const char* metric :
                 {"arrivals", "in_care", "waiting", "out_of_home", "closed", "closed_admissions",
                  "cost", "cost_occupied", "cost_vacant", "cost_fixed"}) {
                INFO(metric);
                CHECK(close(all(metric), r.system(metric)));
                if (!std::string_view(metric).starts_with("cost")) {
                    CHECK(close(sum(north, metric), r.region("north", metric)));
                    CHECK(close(sum(south, metric), r.region("south", metric)));
                }
            }
            for (std::size_t p = 0; p < r.layout.periods.size(); ++p) {
                INFO("period " << p);
                for (const char* metric :
                     {"arrivals", "in_care", "waiting", "out_of_home", "closed",
                      "closed_admissions", "cost", "cost_occupied", "cost_vacant", "cost_fixed"}) {
                    INFO(metric);
                    double total = 0.0, in_north = 0.0;
                    for (const auto& name : north)
                        in_north += r.municipality_series(name, metric, p);
                    total = in_north;
                    for (const auto& name : south)
                        total += r.municipality_series(name, metric, p);
                    CHECK(close(total, r.system_series(metric, p)));
                    if (!std::string_view(metric).starts_with("cost"))
                        CHECK(close(in_north, r.region_series("north", metric, p)));
                }
            }
        }
    }
}

TEST_CASE("A service's solidarity share is paid by youth population, the rest by use") {
    // Only closed care costs anything; all of it is shared by every municipality's youths.
    std::string yaml = with_share("1");
    for (std::size_t at = yaml.find("cost_per_day: 50"); at != std::string::npos;
         at = yaml.find("cost_per_day: 50"))
        yaml.replace(at, 16, "cost_per_day: 0");
    for (std::size_t at = yaml.find("cost_per_day: 80"); at != std::string::npos;
         at = yaml.find("cost_per_day: 80"))
        yaml.replace(at, 16, "cost_per_day: 0");
    yaml.replace(yaml.find("cost_per_admission: 200"), 23, "cost_per_admission: 0");
    const auto r = run(load(yaml), 5);
    const double total = r.system("cost");
    REQUIRE(total > 0.0);
    CHECK(r.municipality("Aland", "cost") == Approx(total * 3000.0 / 8000.0));
    CHECK(r.municipality("Bdorp", "cost") == Approx(total * 1000.0 / 8000.0));
    CHECK(r.municipality("Dveen", "cost") == Approx(total * 2000.0 / 8000.0));
    // Shared in solidarity, a municipality pays even in a year its youths were not there.
    CHECK(r.municipality_series("Bdorp", "cost", 0) ==
          Approx(r.system_series("cost", 0) * 1000.0 / 8000.0));
}

TEST_CASE("Referrals without an origin mix are split by youth population") {
    const auto scenario = load(with_share("0"));
    double aland = 0.0, bdorp = 0.0, cstad = 0.0, dveen = 0.0;
    for (std::uint64_t replication = 0; replication < 6; ++replication) {
        const auto r = run(scenario, 9, replication);
        aland += r.municipality("Aland", "arrivals");
        bdorp += r.municipality("Bdorp", "arrivals");
        cstad += r.municipality("Cstad", "arrivals");
        dveen += r.municipality("Dveen", "arrivals");
    }
    CHECK(aland / (aland + bdorp) == Approx(0.75).margin(0.03)); // 3000 : 1000 youths
    CHECK(cstad / (cstad + dveen) == Approx(0.7).margin(0.03));  // the channel's own mix
}

TEST_CASE("Giving municipalities their youths changes no other figure") {
    std::string plain = with_share("0");
    const std::size_t sharing = plain.find("    cost_sharing:");
    plain.erase(sharing, plain.find('\n', sharing) + 1 - sharing);
    const std::string populated = plain;
    const std::size_t from = plain.find("municipalities:\n");
    const std::size_t to = plain.find("sources:");
    plain.replace(from, to - from, "municipalities: [Aland, Bdorp, Cstad, Dveen]\n");
    const auto with = run(load(populated), 4, 1);
    const auto without = run(load(plain), 4, 1);
    REQUIRE(without.layout.municipalities.empty());
    REQUIRE(with.outcome.summary.size() > without.outcome.summary.size());
    // Services, the system and regions come first in the layout, in the same places.
    for (std::size_t i = 0; i < without.outcome.summary.size(); ++i) {
        const double a = without.outcome.summary[i], b = with.outcome.summary[i];
        CHECK(((std::isnan(a) && std::isnan(b)) || a == b));
    }
}

TEST_CASE("split_cost: by use, by population for the solidarity share, and by population when "
          "nobody used the service") {
    const std::vector<double> population{0.5, 0.25, 0.25};
    std::vector<double> paid(3, 0.0);
    split_cost(100.0, std::vector<double>{30.0, 10.0, 0.0}, population, 0.0, paid);
    CHECK(paid[0] == Approx(75.0));
    CHECK(paid[1] == Approx(25.0));
    CHECK(paid[2] == 0.0);
    std::fill(paid.begin(), paid.end(), 0.0);
    split_cost(100.0, std::vector<double>{30.0, 10.0, 0.0}, population, 0.5, paid);
    CHECK(paid[0] == Approx(37.5 + 25.0));
    CHECK(paid[1] == Approx(12.5 + 12.5));
    CHECK(paid[2] == Approx(12.5));
    std::fill(paid.begin(), paid.end(), 0.0);
    split_cost(100.0, std::vector<double>{0.0, 0.0, 0.0}, population, 0.0, paid);
    CHECK(paid[0] == Approx(50.0));
    CHECK(paid[1] == Approx(25.0));
    CHECK(paid[2] == Approx(25.0));
}
