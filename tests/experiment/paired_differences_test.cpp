// Specification of PairedDifferences: ALT - BASE per replication, for the whole horizon and per
// period, matched by service id, region id and period, so that scenarios may differ in shape.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "experiment/aggregate.hpp"

using zorgsim::PeriodGrid;
using zorgsim::care::OutcomeLayout;
using zorgsim::care::ReplicationOutcome;
using zorgsim::care::service_series_metrics;
using zorgsim::care::system_series_metrics;
using zorgsim::experiment::PairedDifferences;

namespace {

constexpr double no_observation = std::numeric_limits<double>::quiet_NaN();

OutcomeLayout layout(std::vector<std::string> services, std::vector<std::string> regions,
                     std::vector<double> starts, double horizon) {
    return OutcomeLayout{std::move(services),
                         std::move(regions),
                         {},
                         PeriodGrid(std::move(starts), horizon, 0.0),
                         {}};
}

// A replication whose every per-period figure is VALUE (and the summary all zero).
ReplicationOutcome filled(const OutcomeLayout& shape, double value) {
    ReplicationOutcome outcome;
    outcome.summary.assign(shape.summary_size(), 0.0);
    outcome.series.assign(shape.series_cells() * shape.periods.size(), value);
    return outcome;
}

void set(ReplicationOutcome& outcome, const OutcomeLayout& shape, std::size_t cell,
         std::size_t period, double value) {
    outcome.series[cell * shape.periods.size() + period] = value;
}

} // namespace

TEST_CASE("per-period differences are paired by replication", "[experiment][compare]") {
    const auto shape = layout({"team"}, {}, {0, 365, 730}, 1095);
    PairedDifferences differences(shape, shape);
    REQUIRE(differences.shared_periods().size() == 3);
    const std::size_t waiting = zorgsim::care::metric_index(system_series_metrics, "waiting");
    // Replications that differ a lot from each other but by exactly 2 between the scenarios:
    // the paired difference is 2 with an interval of width 0.
    for (double level : {10.0, 50.0, 90.0}) {
        auto base = filled(shape, level);
        auto alternative = filled(shape, level + 2.0);
        differences.add(base, alternative);
    }
    for (std::size_t p = 0; p < 3; ++p) {
        const auto& stats = differences.system_series(waiting, p);
        CHECK(stats.count() == 3);
        CHECK(stats.mean() == Approx(2.0));
        CHECK(stats.ci95_half_width() == Approx(0.0).margin(1e-12));
        CHECK(differences.service_series(0, 0, p).mean() == Approx(2.0));
    }
}

TEST_CASE("a period or service with no observation in one scenario is left out of the pair",
          "[experiment][compare]") {
    const auto shape = layout({"team"}, {}, {0, 365}, 730);
    PairedDifferences differences(shape, shape);
    const std::size_t wait = zorgsim::care::metric_index(service_series_metrics, "wait_days");
    auto base = filled(shape, 5.0);
    auto alternative = filled(shape, 7.0);
    set(alternative, shape, shape.service_series(0, wait), 1, no_observation); // nobody admitted
    differences.add(base, alternative);
    differences.add(filled(shape, 5.0), filled(shape, 8.0));
    CHECK(differences.service_series(0, wait, 0).count() == 2);
    CHECK(differences.service_series(0, wait, 0).mean() == Approx(2.5));
    CHECK(differences.service_series(0, wait, 1).count() == 1);
    CHECK(differences.service_series(0, wait, 1).mean() == Approx(3.0));
}

TEST_CASE("services, regions and periods are matched, not taken by position",
          "[experiment][compare]") {
    // The alternative adds a service in front and runs a year longer.
    const auto base_shape = layout({"team", "pleegzorg"}, {"west", "kop"}, {0, 365}, 730);
    const auto alt_shape =
        layout({"new_unit", "pleegzorg", "team"}, {"kop", "west"}, {0, 365, 730}, 1095);
    PairedDifferences differences(base_shape, alt_shape);
    REQUIRE(differences.shared_services().size() == 2);
    REQUIRE(differences.shared_regions().size() == 2);
    REQUIRE(differences.shared_periods().size() == 2);

    auto base = filled(base_shape, 0.0);
    auto alternative = filled(alt_shape, 0.0);
    const std::size_t occupancy = 0;
    set(base, base_shape, base_shape.service_series(0, occupancy), 1, 10.0); // team, 2nd year
    set(alternative, alt_shape, alt_shape.service_series(2, occupancy), 1, 14.0);
    set(base, base_shape, base_shape.region_series(1, 0), 0, 3.0); // kop, 1st year
    set(alternative, alt_shape, alt_shape.region_series(0, 0), 0, 4.0);
    differences.add(base, alternative);

    for (std::size_t i = 0; i < differences.shared_services().size(); ++i) {
        const auto [b, a] = differences.shared_services()[i];
        if (base_shape.services[b] == "team") {
            CHECK(alt_shape.services[a] == "team");
            CHECK(differences.service_series(i, occupancy, 1).mean() == Approx(4.0));
            CHECK(differences.service_series(i, occupancy, 0).mean() == Approx(0.0));
        }
    }
    for (std::size_t i = 0; i < differences.shared_regions().size(); ++i) {
        const auto [b, a] = differences.shared_regions()[i];
        CHECK(base_shape.regions[b] == alt_shape.regions[a]);
        if (base_shape.regions[b] == "kop") {
            CHECK(differences.region_series(i, 0, 0).mean() == Approx(1.0));
        }
    }
}

TEST_CASE("scenarios on different calendars pair no periods", "[experiment][compare]") {
    const auto shape = layout({"team"}, {}, {0, 365}, 730);
    PairedDifferences differences(shape, shape, false);
    CHECK(differences.shared_periods().empty());
    differences.add(filled(shape, 1.0), filled(shape, 2.0));
    CHECK(differences.system(0).mean() == Approx(0.0)); // the summary is still paired
}
