// Specification of the pooled-quantile histogram: quantiles within 1% of the exact ones,
// exact zeros for those admitted at once, and merging that loses nothing.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "zorgsim/engine/distribution.hpp"
#include "zorgsim/engine/histogram.hpp"

using zorgsim::Distribution;
using zorgsim::Histogram;
using zorgsim::RandomStream;

namespace {

/// The exact p-quantile of a sample as the histogram defines it: the smallest value with at
/// least a fraction p of the observations at or below it.
double exact_quantile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    const auto n = static_cast<double>(values.size());
    const auto rank = static_cast<std::size_t>(std::max(1.0, std::ceil(p * n)));
    return values[rank - 1];
}

std::vector<double> sample(const Distribution& distribution, int n, const char* name) {
    RandomStream stream(3, 0, name);
    std::vector<double> values;
    for (int i = 0; i < n; ++i)
        values.push_back(distribution.sample(stream));
    return values;
}

} // namespace

TEST_CASE("Quantiles are within 1% of the exact sample quantiles", "[histogram]") {
    const std::vector<std::pair<const char*, Distribution>> sources = {
        {"exponential(mean 20)", Distribution::exponential(20.0)},
        {"lognormal(mean 200, sd 400)", Distribution::lognormal(200.0, 400.0)},
        {"uniform(0.5, 1.5)", Distribution::uniform(0.5, 1.5)},
    };
    for (const auto& [name, distribution] : sources) {
        const auto values = sample(distribution, 100000, name);
        Histogram histogram;
        for (double x : values)
            histogram.add(x);
        REQUIRE(histogram.count() == values.size());
        for (double p : {0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999}) {
            const double exact = exact_quantile(values, p);
            CAPTURE(name, p, exact, histogram.quantile(p));
            CHECK(histogram.quantile(p) == Approx(exact).epsilon(0.01));
        }
    }
}

TEST_CASE("Zero waits (admitted at once) are reported as exactly zero", "[histogram]") {
    Histogram histogram;
    for (int i = 0; i < 600; ++i)
        histogram.add(0.0);
    for (int i = 1; i <= 400; ++i)
        histogram.add(static_cast<double>(i));
    CHECK(histogram.quantile(0.5) == 0.0);
    CHECK(histogram.quantile(0.6) == 0.0);
    CHECK(histogram.quantile(0.8) == Approx(200.0).epsilon(0.01));
    CHECK(histogram.quantile(1.0) == Approx(400.0).epsilon(0.01));
}

TEST_CASE("An empty histogram reports 0, and p outside 0..1 is clamped", "[histogram]") {
    Histogram histogram;
    CHECK(histogram.quantile(0.5) == 0.0);
    histogram.add(10.0);
    CHECK(histogram.quantile(-1.0) == histogram.quantile(0.0));
    CHECK(histogram.quantile(2.0) == histogram.quantile(1.0));
    CHECK(histogram.quantile(1.0) == Approx(10.0).epsilon(0.01));
}

TEST_CASE("Merging histograms is the same as adding every value to one", "[histogram]") {
    const auto values = sample(Distribution::gamma(30.0, 50.0), 30000, "merge");
    Histogram whole;
    Histogram first;
    Histogram second;
    for (std::size_t i = 0; i < values.size(); ++i) {
        whole.add(values[i]);
        (i % 3 == 0 ? first : second).add(values[i]);
    }
    first.merge(second);
    CHECK(first.count() == whole.count());
    for (double p : {0.0, 0.05, 0.5, 0.9, 0.95, 1.0})
        CHECK(first.quantile(p) == whole.quantile(p));
}

TEST_CASE("Histograms of different resolutions do not merge", "[histogram]") {
    Histogram fine(1.0 / 64.0);
    const Histogram coarse(1.0);
    CHECK_THROWS_AS(fine.merge(coarse), std::invalid_argument);
}

TEST_CASE("Values beyond the covered range are kept, in the last bucket", "[histogram]") {
    Histogram histogram(1.0);
    histogram.add(1e12);
    histogram.add(-5.0); // negative values count as zero
    CHECK(histogram.count() == 2);
    CHECK(histogram.quantile(0.25) == 0.0);
    CHECK(histogram.quantile(1.0) >= std::ldexp(1.0, 29));
}

TEST_CASE("A histogram rebuilt from its non-empty buckets answers like the original",
          "[histogram]") {
    const auto values = sample(Distribution::lognormal(25.0, 40.0), 20000, "copy");
    Histogram original(1.0 / 32.0);
    for (double x : values)
        original.add(x);
    original.add(0.0);
    Histogram copy(original.resolution());
    std::size_t non_empty = 0;
    for (std::size_t i = 0; i < original.bucket_count(); ++i)
        if (original.bucket(i) != 0) {
            copy.add_to_bucket(i, original.bucket(i));
            ++non_empty;
        }
    CHECK(non_empty < original.bucket_count() / 2); // sparse: worth sending only these
    CHECK(copy.count() == original.count());
    for (double p : {0.0, 0.01, 0.25, 0.5, 0.9, 0.99, 1.0})
        CHECK(copy.quantile(p) == original.quantile(p));
    CHECK_THROWS_AS(copy.add_to_bucket(copy.bucket_count(), 1), std::out_of_range);
}
