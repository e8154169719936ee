// Specification of the exact sample quantiles of the fan charts (R's type 7): they agree with
// R on known samples, are ordered in p, stay within the observations, and a count's
// quantiles are counts some replication gave when they fall on an observation.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <limits>
#include <vector>

#include "zorgsim/engine/order_statistics.hpp"

using zorgsim::quantiles_of;
using zorgsim::sorted_quantile;

namespace {
constexpr std::array<double, 5> fan{0.05, 0.25, 0.50, 0.75, 0.95};
}

TEST_CASE("type 7 quantiles equal R's quantile() on a known sample") {
    // R: quantile(c(1, 2, 3, 4, 10), c(.05, .25, .5, .75, .95)) -> 1.2 2 3 4 8.8
    const std::vector<double> sample{4, 10, 1, 3, 2};
    const auto q = quantiles_of<5>(sample, fan);
    CHECK(q[0] == Approx(1.2));
    CHECK(q[1] == 2.0);
    CHECK(q[2] == 3.0);
    CHECK(q[3] == 4.0);
    CHECK(q[4] == Approx(8.8));
}

TEST_CASE("quantiles of one observation are that observation") {
    const std::vector<double> one{7.5};
    for (double q : quantiles_of<5>(one, fan))
        CHECK(q == 7.5);
}

TEST_CASE("quantiles leave NaN observations out and are NaN without any") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<double> some{nan, 2.0, nan, 4.0};
    CHECK(quantiles_of<5>(some, fan)[2] == 3.0);
    const std::vector<double> none{nan, nan};
    CHECK(std::isnan(quantiles_of<5>(none, fan)[2]));
    CHECK(std::isnan(sorted_quantile({}, 0.5)));
}

TEST_CASE("quantiles are ordered and within the sample, and counts stay counts") {
    // Mostly zeros with a rare count: the case where the streaming estimate gave 6.7e-12 and
    // out-of-order bands.
    std::vector<double> counts(100, 0.0);
    counts[17] = 1.0;
    counts[63] = 3.0;
    const auto q = quantiles_of<5>(counts, fan);
    for (std::size_t i = 0; i + 1 < q.size(); ++i)
        CHECK(q[i] <= q[i + 1]);
    CHECK(q[0] == 0.0);
    CHECK(q[2] == 0.0);
    CHECK(q[4] == 0.0); // 95% of the 100 replications gave 0 (h = 94.05 falls between zeros)
    std::vector<double> ramp;
    for (int i = 0; i < 101; ++i)
        ramp.push_back(static_cast<double>(100 - i));
    const auto r = quantiles_of<5>(ramp, fan);
    CHECK(r[0] == 5.0); // h = 5 lands on an order statistic: a value that occurred
    CHECK(r[4] == 95.0);
}

TEST_CASE("the quantile at p = 0 and p = 1 is the minimum and the maximum") {
    const std::vector<double> sorted{-3.0, 0.0, 2.5};
    CHECK(sorted_quantile(sorted, 0.0) == -3.0);
    CHECK(sorted_quantile(sorted, 1.0) == 2.5);
}
