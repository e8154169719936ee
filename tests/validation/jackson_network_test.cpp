// An open Jackson network with feedback against Jackson's theorem: solve the traffic
// equations lambda = gamma + P^T lambda, then each station behaves as an M/M/c queue with its
// own arrival rate.
#include <catch2/catch.hpp>

#include <Eigen/Dense>

#include "support/network_checks.hpp"
#include "support/queueing_theory.hpp"
#include "support/theory_check.hpp"

using namespace zorgsim::testing;
using zorgsim::Distribution;

TEST_CASE("A three-station Jackson network with feedback: throughput and mean number at each "
          "station match the traffic equations and M/M/c",
          "[validation][jackson]") {
    // intake -> ambulant (0.5) / residential (0.3) / exit (0.2); ambulant -> residential
    // (0.2) / exit; residential -> back to intake (0.25) / exit. Loads 75-77%.
    NetworkSpec spec;
    spec.nodes = {{"intake", 2, Distribution::exponential(2.2)},
                  {"ambulant", 1, Distribution::exponential(1.2)},
                  {"residential", 4, Distribution::exponential(9.0)}};
    spec.sources = {{"referrals", 0.6, 0}, {"self-referrals", 0.3, 1}};
    spec.routing = {{0.0, 0.5, 0.3}, {0.0, 0.0, 0.2}, {0.25, 0.0, 0.0}};
    spec.warmup = 5000.0;
    spec.horizon = spec.warmup + 400000.0;

    Eigen::Matrix3d routing;
    routing << 0.0, 0.5, 0.3, 0.0, 0.0, 0.2, 0.25, 0.0, 0.0;
    const Eigen::Vector3d gamma(0.6, 0.3, 0.0);
    const Eigen::Vector3d lambda =
        (Eigen::Matrix3d::Identity() - routing.transpose()).partialPivLu().solve(gamma);
    REQUIRE(lambda(0) == Approx(0.615 / 0.9)); // by hand: lambda_0 = 0.6 + 0.25 lambda_2, ...

    const auto results = replicate(spec, 20, 6);
    for (std::size_t i = 0; i < 3; ++i) {
        const auto& node = spec.nodes[i];
        const MMc theory{lambda(static_cast<Eigen::Index>(i)), node.service.mean(), node.servers};
        INFO("station " << node.name << ": lambda " << theory.lambda << ", utilisation "
                        << theory.utilisation());
        check_against(
            {node.name + " arrival rate (per day)", "lambda = gamma + P^T lambda", theory.lambda},
            across(results, [i](const NetworkResult& r) {
                return static_cast<double>(r.nodes[i].arrivals_after_warmup) / r.span;
            }));
        check_against(
            {node.name + " mean number in station L",
             "Jackson: L_i of M/M/c_i with lambda_i = Lq + lambda E[S]", theory.mean_in_station()},
            across(results, [i](const NetworkResult& r) { return r.nodes[i].in_station(); }));
        check_against(
            {node.name + " mean wait per visit Wq (days)", "Jackson: C(c, a) E[S] / (c - a)",
             theory.mean_wait()},
            across(results, [i](const NetworkResult& r) { return r.nodes[i].mean_wait; }),
            // Waits are the noisiest figure (residential, 9-day stays: a 1.4% half-width).
            0.025);
    }
    check_every_replication(results);
}
