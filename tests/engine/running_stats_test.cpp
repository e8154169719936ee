// Specification of RunningStats: the textbook two-pass mean and variance, computed in one
// pass without loss of precision, mergeable, with the Student-t 95% interval.
#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>
#include <vector>

#include "zorgsim/engine/distribution.hpp"
#include "zorgsim/engine/running_stats.hpp"

using zorgsim::RunningStats;

namespace {

struct TwoPass {
    double mean;
    double variance;
};

TwoPass two_pass(const std::vector<double>& values) {
    const double n = static_cast<double>(values.size());
    const double mean = std::accumulate(values.begin(), values.end(), 0.0) / n;
    double ss = 0.0;
    for (double x : values)
        ss += (x - mean) * (x - mean);
    return {mean, ss / (n - 1.0)};
}

RunningStats of(const std::vector<double>& values, std::size_t from, std::size_t to) {
    RunningStats stats;
    for (std::size_t i = from; i < to; ++i)
        stats.add(values[i]);
    return stats;
}

std::vector<double> data(double offset) {
    zorgsim::RandomStream stream(5, 0, "running-stats");
    const auto d = zorgsim::Distribution::gamma(3.0, 2.0);
    std::vector<double> values;
    for (int i = 0; i < 10000; ++i)
        values.push_back(offset + d.sample(stream));
    return values;
}

} // namespace

TEST_CASE("Mean and variance equal the two-pass formulas", "[running_stats]") {
    const auto values = data(0.0);
    const auto exact = two_pass(values);
    const auto stats = of(values, 0, values.size());
    CHECK(stats.count() == values.size());
    CHECK(stats.mean() == Approx(exact.mean).epsilon(1e-12));
    CHECK(stats.variance() == Approx(exact.variance).epsilon(1e-10));
    CHECK(stats.stddev() == Approx(std::sqrt(exact.variance)).epsilon(1e-10));
}

TEST_CASE("A large common offset does not destroy the variance (Welford, not sum of squares)",
          "[running_stats]") {
    const auto values = data(1e9);
    const auto exact = two_pass(values);
    const auto stats = of(values, 0, values.size());
    CHECK(stats.variance() == Approx(exact.variance).epsilon(1e-6));
}

TEST_CASE("Merging summaries equals summarising everything at once", "[running_stats]") {
    const auto values = data(100.0);
    const auto whole = of(values, 0, values.size());
    RunningStats merged = of(values, 0, 1);
    merged.merge(of(values, 1, 3000));
    merged.merge(RunningStats{}); // an empty summary changes nothing
    merged.merge(of(values, 3000, values.size()));
    CHECK(merged.count() == whole.count());
    CHECK(merged.mean() == Approx(whole.mean()).epsilon(1e-12));
    CHECK(merged.variance() == Approx(whole.variance()).epsilon(1e-9));

    RunningStats empty;
    empty.merge(whole);
    CHECK(empty.mean() == whole.mean());
    CHECK(empty.variance() == whole.variance());
}

TEST_CASE("Zero or one value: mean as far as it goes, variance and interval zero",
          "[running_stats]") {
    RunningStats stats;
    CHECK(stats.mean() == 0.0);
    CHECK(stats.variance() == 0.0);
    CHECK(stats.ci95_half_width() == 0.0);
    stats.add(4.0);
    CHECK(stats.mean() == 4.0);
    CHECK(stats.variance() == 0.0);
    CHECK(stats.ci95_half_width() == 0.0);
}

TEST_CASE("The 95% interval is mean +- t(0.975, n-1) s / sqrt(n)", "[running_stats]") {
    // Published t quantiles.
    CHECK(zorgsim::student_t_975(1) == Approx(12.7062).epsilon(1e-5));
    CHECK(zorgsim::student_t_975(9) == Approx(2.26216).epsilon(1e-5));
    CHECK(zorgsim::student_t_975(19) == Approx(2.09302).epsilon(1e-5));
    CHECK(zorgsim::student_t_975(1000000) == Approx(1.95996).epsilon(1e-5));

    RunningStats stats;
    for (double x : {1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0})
        stats.add(x);
    // s^2 = 55/6 for 1..10.
    const double half = 2.2621571627982 * std::sqrt(55.0 / 6.0) / std::sqrt(10.0);
    CHECK(stats.ci95_half_width() == Approx(half).epsilon(1e-9));
    CHECK(stats.ci95().first == Approx(5.5 - half));
    CHECK(stats.ci95().second == Approx(5.5 + half));
}
