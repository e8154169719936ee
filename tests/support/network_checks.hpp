// Replicating an OpenNetwork and the checks every validation test makes on every replication:
// exact conservation of entities and both forms of Little's law.
#pragma once

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <functional>
#include <vector>

#include "support/open_network.hpp"
#include "zorgsim/engine/replications.hpp"
#include "zorgsim/engine/running_stats.hpp"

namespace zorgsim::testing {

/// Runs `count` replications of the network (in replication order, one thread: the suite's
/// tests run side by side under ctest -j).
inline std::vector<NetworkResult> replicate(const NetworkSpec& spec, std::size_t count,
                                            std::uint64_t seed) {
    std::vector<NetworkResult> results;
    ReplicationOptions options;
    options.count = count;
    options.threads = 1;
    run_replications<NetworkResult>(
        options, [&](std::size_t r) { return simulate(spec, seed, r); },
        [&](std::size_t, NetworkResult&& result) { results.push_back(std::move(result)); });
    return results;
}

/// One figure per replication, summarised across replications.
inline RunningStats across(const std::vector<NetworkResult>& results,
                           const std::function<double(const NetworkResult&)>& figure) {
    RunningStats stats;
    for (const auto& r : results)
        stats.add(figure(r));
    return stats;
}

/// Nobody is created or lost: at every station, everyone who arrived has left, reneged, been
/// rejected or is still there; in the network, everyone created has left or is still inside.
inline void check_conservation(const NetworkResult& result) {
    for (std::size_t i = 0; i < result.nodes.size(); ++i) {
        const NodeResult& n = result.nodes[i];
        INFO("station " << i << ": arrived " << n.arrivals << ", admitted " << n.admissions
                        << ", departed " << n.departures << ", reneged " << n.reneges
                        << ", rejected " << n.rejections << ", waiting at end " << n.waiting_at_end
                        << ", in service at end " << n.in_service_at_end);
        CHECK(n.arrivals ==
              n.departures + n.reneges + n.rejections + n.waiting_at_end + n.in_service_at_end);
        CHECK(n.admissions == n.departures + n.in_service_at_end);
    }
    INFO("network: created " << result.created << ", exited " << result.exited << ", inside at end "
                             << result.in_system_at_end);
    CHECK(result.created == result.exited + result.in_system_at_end);
}

/// Little's law at every station, in two forms.
///  - On the sample path, exactly: the integral over [warm-up, horizon] of the number in the
///    station (as the Station's time-weighted statistics measure it) equals the sum of the
///    times entities spent there in that window (as the network's own clock-keeping measures
///    it). Only rounding separates them.
///  - As L = lambda W, with lambda the rate of entries after warm-up and W the mean sojourn of
///    visits begun after warm-up. Visits cut by the window's ends make the two differ by about
///    2 W / span in relative terms (under 0.1% here); 1% allows for that and nothing more.
inline void check_little(const NetworkResult& result) {
    for (std::size_t i = 0; i < result.nodes.size(); ++i) {
        const NodeResult& n = result.nodes[i];
        const double l = n.in_station();
        const double lambda =
            static_cast<double>(n.arrivals_after_warmup - n.rejections_after_warmup) / result.span;
        const double w = n.sojourn.mean();
        INFO("station " << i << ": integral of number present " << n.station_area
                        << ", sum of times present " << n.entity_time << "; L " << l << ", lambda "
                        << lambda << ", W " << w << ", lambda W " << lambda * w);
        CHECK(std::abs(n.station_area - n.entity_time) <= 1e-9 * std::max(1.0, n.station_area));
        CHECK(std::abs(l - lambda * w) <= 0.01 * l);
    }
}

inline void check_every_replication(const std::vector<NetworkResult>& results) {
    for (std::size_t r = 0; r < results.size(); ++r) {
        INFO("replication " << r);
        INFO("the network grew past max_in_system entities: it is unstable, so every figure "
             "above is meaningless (a rate passed where a mean is expected?)");
        CHECK_FALSE(results[r].overflowed);
        check_conservation(results[r]);
        check_little(results[r]);
    }
}

} // namespace zorgsim::testing
