// Specification of Tally and Counter: observations are booked in the period in which they
// are recorded, and whole-run figures count only what is recorded after the warm-up.
#include <catch2/catch.hpp>

#include "zorgsim/engine/tally.hpp"

using zorgsim::Counter;
using zorgsim::PeriodGrid;
using zorgsim::Tally;

TEST_CASE("A counter books events per period and totals those after the warm-up", "[tally]") {
    const PeriodGrid grid({0.0, 10.0}, 20.0, 5.0);
    Counter counter(grid);
    counter.add(1.0);     // warm-up: period 0 only
    counter.add(5.0, 2);  // at the end of the warm-up: counts
    counter.add(12.0, 4); // period 1
    CHECK(counter.in_period(0) == 3);
    CHECK(counter.in_period(1) == 4);
    CHECK(counter.total() == 6);
}

TEST_CASE("A tally keeps per-period sums and counts, and whole-run statistics after warm-up",
          "[tally]") {
    const PeriodGrid grid({0.0, 10.0}, 20.0, 5.0);
    Tally tally(grid);
    tally.add(1.0, 100.0); // warm-up
    tally.add(6.0, 2.0);
    tally.add(11.0, 4.0);
    tally.add(19.0, 8.0);
    CHECK(tally.period_count(0) == 2);
    CHECK(tally.period_sum(0) == 102.0);
    CHECK(tally.period_mean(0) == 51.0);
    CHECK(tally.period_count(1) == 2);
    CHECK(tally.period_mean(1) == 6.0);
    CHECK(tally.stats().count() == 3);
    CHECK(tally.stats().mean() == Approx(14.0 / 3.0));
    CHECK(tally.histogram().count() == 3);
}

TEST_CASE("A period without observations has mean 0", "[tally]") {
    const PeriodGrid grid({0.0, 10.0}, 20.0, 0.0);
    Tally tally(grid);
    tally.add(15.0, 1.0);
    CHECK(tally.period_mean(0) == 0.0);
    CHECK(tally.period_count(0) == 0);
}
