// Specification of time-weighted statistics: exact integrals of a step function, split at
// period boundaries, and a whole-run mean that ignores the warm-up.
#include <catch2/catch.hpp>

#include "zorgsim/engine/time_weighted.hpp"

using zorgsim::PeriodGrid;
using zorgsim::TimeWeighted;

TEST_CASE("The integral of a step function is split exactly at period boundaries",
          "[time_weighted]") {
    const PeriodGrid grid({0.0, 10.0, 20.0}, 30.0, 0.0);
    TimeWeighted stat(grid);
    stat.set(5.0, 2.0);  // 0 on [0, 5), 2 on [5, 12)
    stat.set(12.0, 1.0); // 1 on [12, 25)
    stat.add(25.0, 3.0); // 4 on [25, 30]
    stat.advance(30.0);
    CHECK(stat.value() == 4.0);
    CHECK(stat.period_area(0) == Approx(10.0));        // 2 x 5
    CHECK(stat.period_area(1) == Approx(2.0 * 2 + 8)); // 2 x 2 + 1 x 8
    CHECK(stat.period_area(2) == Approx(5.0 + 20.0));  // 1 x 5 + 4 x 5
    CHECK(stat.period_mean(1) == Approx(1.2));
    CHECK(stat.mean() == Approx((10.0 + 12.0 + 25.0) / 30.0));
}

TEST_CASE("A change that jumps several periods fills each with the held value", "[time_weighted]") {
    const PeriodGrid grid({0.0, 10.0, 20.0, 30.0}, 40.0, 0.0);
    TimeWeighted stat(grid, 3.0); // starts at 3
    stat.set(35.0, 0.0);
    stat.advance(40.0);
    CHECK(stat.period_area(0) == Approx(30.0));
    CHECK(stat.period_area(1) == Approx(30.0));
    CHECK(stat.period_area(2) == Approx(30.0));
    CHECK(stat.period_area(3) == Approx(15.0));
}

TEST_CASE("The whole-run mean covers the time from warm-up to horizon only", "[time_weighted]") {
    const PeriodGrid grid({0.0}, 20.0, 10.0);
    TimeWeighted stat(grid);
    stat.set(0.0, 100.0); // 100 during the warm-up: ignored by mean()
    stat.set(8.0, 1.0);   // 1 on [8, 15): counts on [10, 15)
    stat.set(15.0, 3.0);  // 3 on [15, 20]
    stat.advance(20.0);
    CHECK(stat.area_after_warmup() == Approx(5.0 + 15.0));
    CHECK(stat.mean() == Approx(2.0));
    CHECK(stat.period_area(0) == Approx(800.0 + 7.0 + 15.0)); // periods include the warm-up
}

TEST_CASE("Advancing twice to the same time, or back in time, adds nothing", "[time_weighted]") {
    const PeriodGrid grid({0.0}, 10.0, 0.0);
    TimeWeighted stat(grid, 1.0);
    stat.advance(4.0);
    stat.advance(4.0);
    stat.advance(2.0);
    CHECK(stat.period_area(0) == Approx(4.0));
}
