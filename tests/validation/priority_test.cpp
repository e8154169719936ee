// A two-class non-preemptive priority M/M/1 queue against Cobham's formula: the urgent class
// waits little, the other class pays for it, and the total work is conserved.
#include <catch2/catch.hpp>

#include "support/network_checks.hpp"
#include "support/queueing_theory.hpp"
#include "support/theory_check.hpp"

using namespace zorgsim::testing;
using zorgsim::Distribution;

TEST_CASE("Two-class priority M/M/1 at 80% load: mean wait per class matches Cobham",
          "[validation][priority]") {
    const double mean_service = 4.0;
    const double second_moment = 2.0 * mean_service * mean_service; // exponential
    const std::vector<PriorityClass> classes = {
        {0.075, mean_service, second_moment}, // urgent: 30% load
        {0.125, mean_service, second_moment}, // regular: 50% load
    };
    const double urgent = cobham_wait(classes, 0);  // W0 / (1 - rho1) = 4.571 days
    const double regular = cobham_wait(classes, 1); // W0 / ((1 - rho1)(1 - rho)) = 22.86 days
    REQUIRE(urgent == Approx(3.2 / 0.7));
    REQUIRE(regular == Approx(3.2 / (0.7 * 0.2)));

    NetworkSpec spec;
    spec.nodes = {{"clinic", 1, Distribution::exponential(mean_service), NodeSpec{}.max_queue, 2}};
    spec.sources = {{"urgent", classes[0].lambda, 0, 0}, {"regular", classes[1].lambda, 0, 1}};
    spec.warmup = 5000.0;
    spec.horizon = spec.warmup + 3e6;
    const auto results = replicate(spec, 20, 5);

    const std::string formula = "Wq_k = W0 / ((1 - sigma_{k-1}) (1 - sigma_k)), "
                                "W0 = sum lambda_i E[S_i^2] / 2";
    check_against(
        {"class 0 (urgent) mean wait (days)", formula, urgent},
        across(results, [](const NetworkResult& r) { return r.nodes[0].wait_by_class[0].mean(); }));
    check_against(
        {"class 1 (regular) mean wait (days)", formula, regular},
        across(results, [](const NetworkResult& r) { return r.nodes[0].wait_by_class[1].mean(); }));
    // Work conservation: the load-weighted mean wait is that of FCFS M/M/1 (Kleinrock's
    // conservation law), whatever the priority order.
    const double fcfs = MMc{0.2, mean_service, 1}.mean_wait();
    check_against({"load-weighted mean wait (days)",
                   "sum_k rho_k Wq_k / rho = Wq(FCFS M/M/1) = rho E[S] / (1 - rho)", fcfs},
                  across(results, [](const NetworkResult& r) {
                      const auto& n = r.nodes[0];
                      return (0.3 * n.wait_by_class[0].mean() + 0.5 * n.wait_by_class[1].mean()) /
                             0.8;
                  }));
    check_every_replication(results);
}
