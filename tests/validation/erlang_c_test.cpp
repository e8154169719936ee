// M/M/1 and M/M/c queues against the Erlang C formula: mean wait, mean queue length and mean
// number in the station.
#include <catch2/catch.hpp>

#include "support/network_checks.hpp"
#include "support/queueing_theory.hpp"
#include "support/theory_check.hpp"

using namespace zorgsim::testing;
using zorgsim::Distribution;

namespace {

/// One Poisson source feeding one station of c servers with exponential service.
NetworkSpec mmc(double lambda, double mean_service, int c, zorgsim::Days run_days) {
    NetworkSpec spec;
    spec.nodes = {{"station", c, Distribution::exponential(mean_service)}};
    spec.sources = {{"arrivals", lambda, 0}};
    // Warm-up: about 20 relaxation times of the queue, 1 / (mu (1 - sqrt(rho))^2) for M/M/1,
    // starting empty.
    spec.warmup = 5000.0;
    spec.horizon = spec.warmup + run_days;
    return spec;
}

void check_mmc(const MMc& theory, const std::vector<NetworkResult>& results,
               const std::string& name) {
    check_against(
        {name + " mean wait Wq (days)", "Wq = C(c, a) E[S] / (c - a)", theory.mean_wait()},
        across(results, [](const NetworkResult& r) { return r.nodes[0].mean_wait; }));
    check_against({name + " mean queue length Lq", "Lq = lambda Wq", theory.mean_queue()},
                  across(results, [](const NetworkResult& r) { return r.nodes[0].waiting; }));
    check_against(
        {name + " mean number in station L", "L = Lq + lambda E[S]", theory.mean_in_station()},
        across(results, [](const NetworkResult& r) { return r.nodes[0].in_station(); }));
    check_against(
        {name + " utilisation", "rho = lambda E[S] / c", theory.utilisation()},
        across(results, [&](const NetworkResult& r) { return r.nodes[0].in_service / theory.c; }));
}

} // namespace

TEST_CASE("M/M/1 at 80% load: mean wait and queue length match Erlang C", "[validation][mmc]") {
    // Rates and means are not 1, so that confusing a rate with a mean cannot go unnoticed.
    const MMc theory{0.2, 4.0, 1}; // Wq = rho E[S] / (1 - rho) = 16 days, Lq = 3.2
    REQUIRE(theory.mean_wait() == Approx(16.0));
    const auto results = replicate(mmc(theory.lambda, theory.mean_service, 1, 2e6), 20, 1);
    check_mmc(theory, results, "M/M/1");
    check_every_replication(results);
}

TEST_CASE("M/M/3 at 80% load: mean wait and queue length match Erlang C", "[validation][mmc]") {
    const MMc theory{0.48, 5.0, 3}; // a = 2.4, C(3, 2.4) = 0.6472, Wq = 5.393 days
    REQUIRE(theory.mean_wait() == Approx(5.3933).epsilon(1e-4));
    const auto results = replicate(mmc(theory.lambda, theory.mean_service, 3, 1e6), 20, 2);
    check_mmc(theory, results, "M/M/3");
    check_every_replication(results);
}
