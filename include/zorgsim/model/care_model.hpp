// The youth-care landscape model: runs one replication of a scenario.
#pragma once

#include <atomic>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "zorgsim/engine/simulation.hpp"

#include "zorgsim/model/outcomes.hpp"
#include "zorgsim/model/scenario.hpp"
#include "zorgsim/model/trace.hpp"
#include "zorgsim/model/wait_episodes.hpp"

namespace zorgsim::care {

/// What to observe beyond the standard outcomes.
struct Observation {
    TraceSink* trace = nullptr; ///< receives every event of the replication
    int period_waits_of = -1;   ///< a service whose waits are also kept per period (sizing)
    WaitEpisodeSink* wait_episodes = nullptr; ///< receives every wait episode as it ends
};

/// Bounds on one replication, so that a scenario that cannot end, or grows without bound,
/// stops with a ScenarioFault instead of hanging or using up the machine's memory.
struct RunLimits {
    /// Youths alive at once (in care, waiting, or due to come back). A waiting youth costs
    /// about 170 bytes with its pending events (measured), so the default keeps a replication
    /// under about 300 MB; the shipped scenarios peak at about 52,000 (Noord-Holland).
    static constexpr std::uint64_t default_max_youths = 1'000'000;
    std::uint64_t max_youths = default_max_youths;
    std::uint64_t max_events_per_instant = SimulationLimits::default_events_per_instant;
    /// Raised (Ctrl-C): the replication throws Interrupted within a fraction of a second.
    const std::atomic<bool>* stop = nullptr;
};

/// A replication that the scenario makes impossible to finish: youths going round services
/// in zero time, or an inflow that outgrows RunLimits::max_youths. The message says which
/// services, sources and policies are involved; it is the scenario's fault, not the program's.
struct ScenarioFault : std::runtime_error {
    enum class Limit { events_per_instant, youths };
    explicit ScenarioFault(const std::string& message, Limit reached = Limit::events_per_instant)
        : std::runtime_error(message), limit(reached) {}
    Limit limit;
};

/// Runs replication `replication` of `scenario` with random streams derived from `seed`.
/// Deterministic: the same arguments always give the same outcome, on any thread.
ReplicationOutcome simulate_replication(const Scenario& scenario, std::uint64_t seed,
                                        std::uint64_t replication, TraceSink* trace = nullptr);
ReplicationOutcome simulate_replication(const Scenario& scenario, std::uint64_t seed,
                                        std::uint64_t replication, const Observation& observation,
                                        const RunLimits& limits = {});

} // namespace zorgsim::care
