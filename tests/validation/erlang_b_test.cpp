// Loss systems (no waiting list, max_queue 0) against the Erlang B formula. Erlang B holds
// for any service distribution with the given mean (insensitivity), so the same figures must
// come out with exponential, deterministic and highly variable lognormal stays.
#include <catch2/catch.hpp>

#include "support/network_checks.hpp"
#include "support/queueing_theory.hpp"
#include "support/theory_check.hpp"

using namespace zorgsim::testing;
using zorgsim::Distribution;

namespace {

constexpr int servers = 5;
constexpr double lambda = 1.6;       // per day
constexpr double mean_service = 2.5; // days: offered load a = 4 Erlang

void check_loss_system(const std::string& name, const Distribution& service) {
    NetworkSpec spec;
    spec.nodes = {{"beds", servers, service, 0}};
    spec.sources = {{"arrivals", lambda, 0}};
    spec.warmup = 100.0; // a loss system forgets its start within a few stays
    spec.horizon = spec.warmup + 250000.0;
    const auto results = replicate(spec, 20, 3);

    const double a = lambda * mean_service;
    const double blocking = erlang_b(servers, a); // 0.1991
    check_against(
        {name + " blocking probability", "B(c, a) = (a^c / c!) / sum_k a^k / k!", blocking},
        across(results, [](const NetworkResult& r) {
            const auto& n = r.nodes[0];
            return static_cast<double>(n.rejections_after_warmup) /
                   static_cast<double>(n.arrivals_after_warmup);
        }));
    check_against({name + " mean occupancy", "carried load = a (1 - B(c, a))", a * (1 - blocking)},
                  across(results, [](const NetworkResult& r) { return r.nodes[0].in_service; }));
    for (const auto& r : results) // no waiting list: nobody ever waits
        CHECK(r.nodes[0].waiting == 0.0);
    check_every_replication(results);
}

} // namespace

TEST_CASE("M/M/5/5: blocking probability and occupancy match Erlang B", "[validation][erlang_b]") {
    REQUIRE(erlang_b(servers, lambda * mean_service) == Approx(0.19907).epsilon(1e-4));
    check_loss_system("M/M/5/5", Distribution::exponential(mean_service));
}

TEST_CASE("M/D/5/5 and M/G/5/5 (lognormal, cv 2): Erlang B is insensitive to the stay "
          "distribution",
          "[validation][erlang_b]") {
    check_loss_system("M/D/5/5", Distribution::deterministic(mean_service));
    check_loss_system("M/G/5/5 lognormal", Distribution::lognormal(mean_service, 2 * mean_service));
}
