// Specification of the reporting-period grid: which period a day belongs to.
#include <catch2/catch.hpp>

#include "zorgsim/engine/period_grid.hpp"

using zorgsim::PeriodGrid;

TEST_CASE("A day belongs to the period whose start is the last one at or before it",
          "[period_grid]") {
    const PeriodGrid grid({0.0, 10.0, 30.0}, 50.0, 5.0);
    REQUIRE(grid.size() == 3);
    CHECK(grid.period_of(0.0) == 0);
    CHECK(grid.period_of(9.999) == 0);
    CHECK(grid.period_of(10.0) == 1);
    CHECK(grid.period_of(29.5) == 1);
    CHECK(grid.period_of(30.0) == 2);
    CHECK(grid.period_of(50.0) == 2); // at the horizon: the last period
    CHECK(grid.period_of(80.0) == 2);
    CHECK(grid.period_of(-1.0) == 0); // before day 0: the first period
}

TEST_CASE("Periods end where the next begins, and the last ends at the horizon", "[period_grid]") {
    const PeriodGrid grid({0.0, 10.0, 30.0}, 50.0, 5.0);
    CHECK(grid.start(1) == 10.0);
    CHECK(grid.end(0) == 10.0);
    CHECK(grid.end(1) == 30.0);
    CHECK(grid.end(2) == 50.0);
    CHECK(grid.horizon() == 50.0);
    CHECK(grid.warmup() == 5.0);
}

TEST_CASE("The default grid is one period of one day without warm-up", "[period_grid]") {
    const PeriodGrid grid;
    CHECK(grid.size() == 1);
    CHECK(grid.end(0) == 1.0);
    CHECK(grid.warmup() == 0.0);
}
