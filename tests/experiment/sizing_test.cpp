// Specification of `zorgsim size`: on M/M/c networks the smallest capacity found is the
// smallest c for which Erlang C meets the target, even when the search starts from an
// unstable capacity; and a target no capacity up to the bound meets is reported as such.
//
// Erlang C, with offered load a = lambda / mu and c servers (c > a):
//   C(c, a) = [a^c / c! * c / (c - a)] / [sum_{k<c} a^k / k! + a^c / c! * c / (c - a)]
//   mean wait   Wq = C(c, a) / (c mu - lambda)
//   wait quantile: P(W > t) = C(c, a) exp(-(c mu - lambda) t)
// The targets below sit well between two consecutive c, so the 95% intervals of 10
// replications of two years cannot straddle them.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "experiment/sizing.hpp"
#include "scenario/load.hpp"

using namespace zorgsim;

namespace {

double erlang_c(int c, double a) {
    if (c <= a)
        return 1.0;
    double sum = 0.0;
    double term = 1.0; // a^k / k!
    for (int k = 0; k < c; ++k) {
        sum += term;
        term *= a / (k + 1);
    }
    const double top = term * c / (c - a); // term is a^c / c! here
    return top / (sum + top);
}

double erlang_mean_wait(int c, double lambda, double mu) {
    return erlang_c(c, lambda / mu) / (c * mu - lambda);
}

double erlang_wait_quantile(int c, double lambda, double mu, double p) {
    const double tail = erlang_c(c, lambda / mu);
    return tail <= 1.0 - p ? 0.0 : std::log(tail / (1.0 - p)) / (c * mu - lambda);
}

care::Scenario mmc(double lambda_per_day, double mean_service, int start_capacity) {
    const std::string yaml =
        "format: 1\nname: mmc\nstart: 2025-01-01\nhorizon_days: 730\n"
        "warmup_days: 30\nperiod: year\nreplications: 10\nseed: 3\n"
        "sources:\n  - {id: referrals, rate_per_year: " +
        std::to_string(lambda_per_day * 365.0) +
        ", to: team}\n"
        "services:\n  - id: team\n    capacity: " +
        std::to_string(start_capacity) +
        "\n    duration_days: {dist: exponential, mean: " + std::to_string(mean_service) + "}\n";
    auto loaded = scenario::load_text(yaml, "mmc.yaml", ".");
    REQUIRE(loaded.ok());
    return *loaded.scenario;
}

int smallest_erlang(double lambda, double mu, const std::function<bool(int)>& meets) {
    int c = static_cast<int>(std::floor(lambda / mu)) + 1;
    while (!meets(c))
        ++c;
    return c;
}

experiment::SizingResult size(const care::Scenario& s, const std::string& target_text,
                              int max_capacity = 100) {
    std::string error;
    const auto target = experiment::parse_target(target_text, error);
    REQUIRE(target);
    experiment::RunOptions run;
    run.replications = s.replications;
    run.seed = s.seed;
    run.threads = 2;
    experiment::SizingOptions options;
    options.max_capacity = max_capacity;
    return experiment::size_service(s, 0, *target, run, options);
}

} // namespace

TEST_CASE("The sized capacity for a mean wait is the smallest c that Erlang C says meets it") {
    const double lambda = 4.0, mu = 1.0;
    for (double limit : {0.3, 0.1}) {
        const int expected = smallest_erlang(
            lambda, mu, [&](int c) { return erlang_mean_wait(c, lambda, mu) <= limit; });
        INFO("wait_days.mean <= " << limit << ": Erlang C gives c = " << expected << " (Wq "
                                  << erlang_mean_wait(expected, lambda, mu) << ", and "
                                  << erlang_mean_wait(expected - 1, lambda, mu) << " at c - 1)");
        // Starting from one server: capacities 1 to 4 are unstable (a = 4).
        const auto result =
            size(mmc(lambda, 1.0 / mu, 1), "wait_days.mean <= " + std::to_string(limit));
        REQUIRE(result.feasible);
        CHECK(result.capacity == expected);
        for (int planned : result.plan)
            CHECK(std::abs(planned - expected) <= 1);
    }
}

TEST_CASE(
    "The sized capacity for a wait quantile is the smallest c whose Erlang C quantile meets it") {
    const double lambda = 6.0, mu = 1.0;
    const int expected = smallest_erlang(
        lambda, mu, [&](int c) { return erlang_wait_quantile(c, lambda, mu, 0.9) <= 1.0; });
    INFO("wait_days.p90 <= 1: Erlang C gives c = " << expected);
    CHECK(expected == 8);
    const auto result = size(mmc(lambda, 1.0 / mu, 20), "wait_days.p90 <= 1");
    REQUIRE(result.feasible);
    CHECK(result.capacity == expected);
}

TEST_CASE("A target that no capacity up to the bound meets is infeasible, with the best tried") {
    // a = 4: every capacity up to 4 is unstable and its mean wait grows with the horizon.
    const auto result = size(mmc(4.0, 1.0, 1), "wait_days.mean <= 0.3", 4);
    CHECK_FALSE(result.feasible);
    REQUIRE_FALSE(result.curve.empty());
    CHECK(result.curve.back().capacity == 4);
    CHECK_FALSE(result.curve.back().check.met);
}

TEST_CASE("The trade-off curve lists each evaluated capacity once, ascending, waits falling") {
    const auto result = size(mmc(4.0, 1.0, 1), "wait_days.mean <= 0.3");
    for (std::size_t i = 1; i < result.curve.size(); ++i) {
        CHECK(result.curve[i].capacity > result.curve[i - 1].capacity);
        if (result.curve[i - 1].capacity > 4) // stable on both sides
            CHECK(result.curve[i].wait.mean() <= result.curve[i - 1].wait.mean());
    }
}

namespace {

/// Erlang B: the share of arrivals an M/M/c/c loss system turns away.
double erlang_b(int c, double a) {
    double b = 1.0;
    for (int k = 1; k <= c; ++k)
        b = a * b / (k + a * b);
    return b;
}

care::Scenario mmcc(double lambda_per_day, double mean_service, int start_capacity) {
    const std::string yaml =
        "format: 1\nname: mmcc\nstart: 2025-01-01\nhorizon_days: 730\n"
        "warmup_days: 30\nperiod: year\nreplications: 10\nseed: 3\n"
        "sources:\n  - {id: referrals, rate_per_year: " +
        std::to_string(lambda_per_day * 365.0) +
        ", to: team}\n"
        "services:\n  - id: team\n    capacity: " +
        std::to_string(start_capacity) +
        "\n    duration_days: {dist: exponential, mean: " + std::to_string(mean_service) +
        "}\n    queue: {max_length: 0}\n    overflow: exit\n";
    auto loaded = scenario::load_text(yaml, "mmcc.yaml", ".");
    REQUIRE(loaded.ok());
    return *loaded.scenario;
}

} // namespace

TEST_CASE("The sized capacity for turn-aways is the smallest c that Erlang B says meets it") {
    // a = 4 on a loss system: the turn-aways over the 700 measured days are 2800 B(c, 4).
    const double lambda = 4.0, mu = 1.0, arrivals = lambda * 700.0;
    const double limit = 0.02 * arrivals; // B(8, 4) = 0.030, B(9, 4) = 0.013
    int expected = 1;
    while (erlang_b(expected, lambda / mu) * arrivals > limit)
        ++expected;
    INFO("rejected.mean <= " << limit << ": Erlang B gives c = " << expected);
    CHECK(expected == 9);
    const auto result =
        size(mmcc(lambda, 1.0 / mu, 2), "rejected.mean <= " + std::to_string(limit));
    REQUIRE(result.feasible);
    CHECK(result.capacity == expected);
    CHECK(result.count_target);
}

TEST_CASE("A build-up plan never steps down and a phase-out plan never steps up") {
    std::string error;
    const auto target = experiment::parse_target("wait_days.mean <= 0.3", error);
    REQUIRE(target);
    const care::Scenario s = mmc(4.0, 1.0, 6);
    experiment::RunOptions run;
    run.replications = s.replications;
    run.seed = s.seed;
    run.threads = 2;
    for (auto kind : {experiment::PlanKind::build_up, experiment::PlanKind::phase_out}) {
        experiment::SizingOptions options;
        options.max_capacity = 100;
        options.plan = kind;
        const auto result = experiment::size_service(s, 0, *target, run, options);
        REQUIRE(result.feasible);
        INFO(experiment::plan_kind_text(kind));
        for (std::size_t p = 1; p < result.plan.size(); ++p) {
            if (kind == experiment::PlanKind::build_up)
                CHECK(result.plan[p] >= result.plan[p - 1]);
            else
                CHECK(result.plan[p] <= result.plan[p - 1]);
        }
    }
}

TEST_CASE("More replications for a decision continue the same streams") {
    // Extending a run of n replications by n gives exactly a run of 2n replications.
    const care::Scenario s = mmc(4.0, 1.0, 6);
    experiment::RunOptions run;
    run.replications = 4;
    run.seed = 11;
    run.threads = 2;
    experiment::Aggregate extended = experiment::run_scenario(s, run);
    experiment::extend_scenario(extended, s, run, 4);
    run.replications = 8;
    const experiment::Aggregate direct = experiment::run_scenario(s, run);
    const auto wait = care::metric_index(care::service_summary_metrics, "wait_days");
    CHECK(extended.replications() == 8);
    CHECK(extended.service_summary(0, wait).mean() == direct.service_summary(0, wait).mean());
    CHECK(extended.service_summary(0, wait).ci95() == direct.service_summary(0, wait).ci95());
}
