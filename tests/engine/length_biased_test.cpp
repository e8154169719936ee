// Specification of length-biased distributions (the stay in progress at a random moment, used
// for the start census): the sample mean is E[X^2] / E[X] of the original distribution.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "zorgsim/engine/distribution.hpp"
#include "zorgsim/engine/running_stats.hpp"

using zorgsim::Distribution;
using zorgsim::RandomStream;

namespace {

struct Case {
    std::string name;
    Distribution distribution;
    double second_moment_over_mean; ///< E[X^2] / E[X], computed by hand
};

double sample_mean(const Distribution& d, int n) {
    RandomStream stream(11, 0, "length-biased");
    zorgsim::RunningStats stats;
    for (int i = 0; i < n; ++i)
        stats.add(d.sample(stream));
    return stats.mean();
}

} // namespace

TEST_CASE("A length-biased distribution has mean E[X^2]/E[X] for every kind that has one") {
    const std::vector<Case> cases{
        {"exponential mean 100: 2m", Distribution::exponential(100.0), 200.0},
        {"gamma mean 30 sd 12: m + s^2/m", Distribution::gamma(30.0, 12.0), 30.0 + 144.0 / 30.0},
        {"lognormal mean 50 sd 40: m + s^2/m", Distribution::lognormal(50.0, 40.0),
         50.0 + 1600.0 / 50.0},
        {"deterministic 7: itself", Distribution::deterministic(7.0), 7.0},
        {"uniform 2..10: (b^3-a^3)/(3/2 (b^2-a^2))", Distribution::uniform(2.0, 10.0),
         2.0 * (1000.0 - 8.0) / (3.0 * (100.0 - 4.0))},
        {"weibull shape 2 scale 10", Distribution::weibull(2.0, 10.0),
         10.0 * std::tgamma(2.0) / std::tgamma(1.5)},
        {"empirical 1 and 3, equal weights: (1+9)/(1+3)", Distribution::empirical({1.0, 3.0}, {}),
         10.0 / 4.0},
        {"exponential mean 10 scaled by 3: 2 x 30", Distribution::exponential(10.0).scaled(3.0),
         60.0},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        const auto biased = c.distribution.length_biased();
        REQUIRE(biased.has_value());
        CHECK(biased->mean() == Approx(c.second_moment_over_mean).epsilon(1e-9));
        CHECK(sample_mean(*biased, 200000) == Approx(c.second_moment_over_mean).epsilon(0.01));
    }
}

TEST_CASE("A triangular distribution has no closed length-biased form, so callers resample") {
    CHECK_FALSE(Distribution::triangular(1.0, 2.0, 5.0).length_biased().has_value());
}
