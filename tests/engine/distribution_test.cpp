// Specification of distributions: every kind is parameterised as users think of it (a mean
// and a standard deviation, never a rate), delivers that mean and standard deviation, and
// refuses impossible parameters with BadParameter.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "zorgsim/engine/distribution.hpp"
#include "zorgsim/engine/running_stats.hpp"

using zorgsim::BadParameter;
using zorgsim::DiscreteChoice;
using zorgsim::Distribution;
using zorgsim::RandomStream;

namespace {

struct Case {
    std::string name;
    Distribution distribution;
    double mean;
    double sd;
};

std::vector<Case> cases() {
    const double weibull_mean = 3.0 * std::tgamma(1.5);
    const double weibull_sd = 3.0 * std::sqrt(std::tgamma(2.0) - std::pow(std::tgamma(1.5), 2));
    return {
        {"exponential", Distribution::exponential(3.0), 3.0, 3.0},
        {"deterministic", Distribution::deterministic(2.5), 2.5, 0.0},
        {"gamma", Distribution::gamma(5.0, 2.0), 5.0, 2.0},
        {"gamma, sd above mean", Distribution::gamma(2.0, 3.0), 2.0, 3.0},
        {"lognormal", Distribution::lognormal(10.0, 5.0), 10.0, 5.0},
        {"uniform", Distribution::uniform(2.0, 6.0), 4.0, 4.0 / std::sqrt(12.0)},
        // Var = (a^2 + b^2 + c^2 - ab - ac - bc) / 18 = 21/18.
        {"triangular", Distribution::triangular(1.0, 2.0, 6.0), 3.0, std::sqrt(21.0 / 18.0)},
        {"weibull", Distribution::weibull(2.0, 3.0), weibull_mean, weibull_sd},
        // Values 1, 2, 5 with weights 1, 1, 2: E = 13/4, E[X^2] = 55/4.
        {"empirical", Distribution::empirical({1.0, 2.0, 5.0}, {1.0, 1.0, 2.0}), 3.25,
         std::sqrt(55.0 / 4.0 - 3.25 * 3.25)},
        {"exponential scaled x2", Distribution::exponential(3.0).scaled(2.0), 6.0, 6.0},
        {"lognormal scaled x0.5", Distribution::lognormal(10.0, 5.0).scaled(0.5), 5.0, 2.5},
    };
}

} // namespace

TEST_CASE("Every kind of distribution delivers its stated mean and standard deviation",
          "[distribution]") {
    // 200,000 draws. The sample mean must lie within 5 standard errors (sd / sqrt(n)) of the
    // stated mean; the sample sd within 1.5% of the stated sd, which is more than 4 standard
    // errors for every case here (kurtosis at most 9, the exponential's).
    const int n = 200000;
    for (const auto& c : cases()) {
        RandomStream stream(7, 0, "distribution/" + c.name);
        zorgsim::RunningStats stats;
        for (int i = 0; i < n; ++i) {
            const double x = c.distribution.sample(stream);
            REQUIRE(x >= 0.0);
            stats.add(x);
        }
        CAPTURE(c.name, c.distribution.describe(), c.mean, c.sd, stats.mean(), stats.stddev());
        CHECK(c.distribution.mean() == Approx(c.mean).epsilon(1e-12));
        CHECK(std::abs(stats.mean() - c.mean) <= 5.0 * c.sd / std::sqrt(n));
        if (c.sd == 0.0)
            CHECK(stats.stddev() == 0.0);
        else
            CHECK(stats.stddev() == Approx(c.sd).epsilon(0.015));
    }
}

TEST_CASE("Bounded distributions stay inside their bounds", "[distribution]") {
    RandomStream stream(7, 0, "bounds");
    const auto uniform = Distribution::uniform(2.0, 6.0);
    const auto triangular = Distribution::triangular(1.0, 2.0, 6.0);
    const auto empirical = Distribution::empirical({5.0, 7.0}, {0.0, 1.0});
    for (int i = 0; i < 10000; ++i) {
        const double u = uniform.sample(stream);
        REQUIRE((u >= 2.0 && u <= 6.0));
        const double t = triangular.sample(stream);
        REQUIRE((t >= 1.0 && t <= 6.0));
        REQUIRE(empirical.sample(stream) == 7.0); // a zero weight is never drawn
    }
}

TEST_CASE("Empirical weights default to equal", "[distribution]") {
    const auto d = Distribution::empirical({1.0, 2.0, 6.0}, {});
    CHECK(d.mean() == Approx(3.0));
}

TEST_CASE("The same stream state gives the same sample", "[distribution]") {
    const auto d = Distribution::gamma(4.0, 1.0);
    RandomStream a(1, 2, "same");
    RandomStream b(1, 2, "same");
    for (int i = 0; i < 1000; ++i)
        REQUIRE(d.sample(a) == d.sample(b));
}

TEST_CASE("Distributions describe themselves in the user's terms", "[distribution]") {
    CHECK(Distribution::exponential(30.0).describe() == "exponential(mean 30)");
    CHECK(Distribution::deterministic(2.5).describe() == "deterministic(2.5)");
    CHECK(Distribution::gamma(5.0, 2.0).describe() == "gamma(mean 5, sd 2)");
    CHECK(Distribution::exponential(30.0).scaled(2.0).describe() == "exponential(mean 30) x 2");
    CHECK(Distribution().describe() == "deterministic(0)");
    CHECK(Distribution().mean() == 0.0);
}

TEST_CASE("Impossible parameters throw BadParameter", "[distribution]") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    const std::vector<std::pair<std::string, std::function<void()>>> bad = {
        {"exponential mean 0", [] { Distribution::exponential(0.0); }},
        {"exponential mean < 0", [] { Distribution::exponential(-1.0); }},
        {"exponential mean NaN", [=] { Distribution::exponential(nan); }},
        {"exponential mean inf", [=] { Distribution::exponential(inf); }},
        {"deterministic < 0", [] { Distribution::deterministic(-0.5); }},
        {"deterministic inf", [=] { Distribution::deterministic(inf); }},
        {"gamma mean 0", [] { Distribution::gamma(0.0, 1.0); }},
        {"gamma sd 0", [] { Distribution::gamma(1.0, 0.0); }},
        {"gamma sd NaN", [=] { Distribution::gamma(1.0, nan); }},
        {"lognormal mean < 0", [] { Distribution::lognormal(-1.0, 1.0); }},
        {"lognormal sd < 0", [] { Distribution::lognormal(1.0, -1.0); }},
        {"uniform min < 0", [] { Distribution::uniform(-1.0, 2.0); }},
        {"uniform max = min", [] { Distribution::uniform(3.0, 3.0); }},
        {"uniform max < min", [] { Distribution::uniform(3.0, 2.0); }},
        {"triangular mode < min", [] { Distribution::triangular(2.0, 1.0, 3.0); }},
        {"triangular mode > max", [] { Distribution::triangular(1.0, 4.0, 3.0); }},
        {"triangular min = max", [] { Distribution::triangular(2.0, 2.0, 2.0); }},
        {"triangular min < 0", [] { Distribution::triangular(-1.0, 0.0, 1.0); }},
        {"weibull shape 0", [] { Distribution::weibull(0.0, 1.0); }},
        {"weibull scale < 0", [] { Distribution::weibull(1.0, -1.0); }},
        {"empirical no values", [] { Distribution::empirical({}, {}); }},
        {"empirical weight count",
         [] {
             Distribution::empirical({1.0, 2.0}, {1.0});
         }},
        {"empirical negative value", [] { Distribution::empirical({-1.0}, {1.0}); }},
        {"empirical negative weight",
         [] {
             Distribution::empirical({1.0, 2.0}, {2.0, -1.0});
         }},
        {"empirical zero weights",
         [] {
             Distribution::empirical({1.0, 2.0}, {0.0, 0.0});
         }},
        {"scaled by 0", [] { Distribution::exponential(1.0).scaled(0.0); }},
        {"scaled by < 0", [] { Distribution::exponential(1.0).scaled(-2.0); }},
        {"choice of nothing", [] { DiscreteChoice(std::vector<double>{}); }},
        {"choice zero weights",
         [] {
             DiscreteChoice({0.0, 0.0});
         }},
        {"choice negative weight",
         [] {
             DiscreteChoice({-1.0, 2.0});
         }},
        {"choice NaN weight",
         [=] {
             DiscreteChoice({1.0, nan});
         }},
    };
    for (const auto& [name, make] : bad) {
        CAPTURE(name);
        CHECK_THROWS_AS(make(), BadParameter);
    }
}

TEST_CASE("A discrete choice picks each outcome with its normalised weight", "[distribution]") {
    const DiscreteChoice choice({1.0, 2.0, 0.0, 7.0});
    REQUIRE(choice.size() == 4);
    CHECK(choice.probabilities() == std::vector<double>{0.1, 0.2, 0.0, 0.7});
    RandomStream stream(7, 0, "choice");
    const int n = 200000;
    std::vector<int> counts(4, 0);
    for (int i = 0; i < n; ++i)
        ++counts[choice.sample(stream)];
    CHECK(counts[2] == 0);
    for (std::size_t i = 0; i < 4; ++i) {
        const double p = choice.probabilities()[i];
        const double observed = counts[i] / static_cast<double>(n);
        CAPTURE(i, p, observed);
        CHECK(std::abs(observed - p) <= 5.0 * std::sqrt(p * (1.0 - p) / n) + 1e-12);
    }
}

TEST_CASE("A choice with one outcome always picks it without drawing", "[distribution]") {
    const DiscreteChoice only({3.0});
    RandomStream stream(7, 0, "single");
    RandomStream untouched(7, 0, "single");
    for (int i = 0; i < 10; ++i)
        CHECK(only.sample(stream) == 0);
    CHECK(stream.engine()() == untouched.engine()());
}
