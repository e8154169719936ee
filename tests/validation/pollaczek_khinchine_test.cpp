// Single-server queues with general service against the Pollaczek-Khinchine formula: the
// mean wait depends on the service time's second moment, which separates deterministic,
// exponential and highly variable stays.
#include <catch2/catch.hpp>

#include "support/network_checks.hpp"
#include "support/queueing_theory.hpp"
#include "support/theory_check.hpp"

using namespace zorgsim::testing;
using zorgsim::Distribution;

namespace {

std::vector<NetworkResult> mg1(double lambda, const Distribution& service, zorgsim::Days days,
                               std::size_t replications) {
    NetworkSpec spec;
    spec.nodes = {{"station", 1, service}};
    spec.sources = {{"arrivals", lambda, 0}};
    spec.warmup = 5000.0;
    spec.horizon = spec.warmup + days;
    return replicate(spec, replications, 4);
}

} // namespace

TEST_CASE("M/D/1 at 80% load: mean wait matches Pollaczek-Khinchine",
          "[validation][pollaczek_khinchine]") {
    const double lambda = 0.2;
    const double d = 4.0;                                         // E[S^2] = d^2
    const double wq = pollaczek_khinchine_wait(lambda, d, d * d); // 8 days, half of M/M/1's
    REQUIRE(wq == Approx(8.0));
    const auto results = mg1(lambda, Distribution::deterministic(d), 2e6, 20);
    check_against({"M/D/1 mean wait Wq (days)", "Wq = lambda E[S^2] / (2 (1 - rho))", wq},
                  across(results, [](const NetworkResult& r) { return r.nodes[0].mean_wait; }));
    check_against({"M/D/1 mean queue length Lq", "Lq = lambda Wq", lambda * wq},
                  across(results, [](const NetworkResult& r) { return r.nodes[0].waiting; }));
    check_every_replication(results);
}

TEST_CASE("M/G/1 with gamma service (cv 2) at 60% load: mean wait matches "
          "Pollaczek-Khinchine",
          "[validation][pollaczek_khinchine]") {
    const double lambda = 0.15;
    const double mean = 4.0;
    const double sd = 8.0;                                                           // E[S^2] = 80
    const double wq = pollaczek_khinchine_wait(lambda, mean, sd * sd + mean * mean); // 15
    REQUIRE(wq == Approx(15.0));
    const auto results = mg1(lambda, Distribution::gamma(mean, sd), 2e6, 20);
    check_against(
        {"M/G/1 (gamma, cv 2) mean wait Wq (days)", "Wq = lambda E[S^2] / (2 (1 - rho))", wq},
        across(results, [](const NetworkResult& r) { return r.nodes[0].mean_wait; }));
    check_every_replication(results);
}
