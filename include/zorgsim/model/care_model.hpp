// The youth-care landscape model: runs one replication of a scenario.
#pragma once

#include <cstdint>

#include "zorgsim/model/outcomes.hpp"
#include "zorgsim/model/scenario.hpp"
#include "zorgsim/model/trace.hpp"

namespace zorgsim::care {

/// What to observe beyond the standard outcomes.
struct Observation {
    TraceSink* trace = nullptr; ///< receives every event of the replication
    int period_waits_of = -1;   ///< a service whose waits are also kept per period (sizing)
};

/// Runs replication `replication` of `scenario` with random streams derived from `seed`.
/// Deterministic: the same arguments always give the same outcome, on any thread.
ReplicationOutcome simulate_replication(const Scenario& scenario, std::uint64_t seed,
                                        std::uint64_t replication, TraceSink* trace = nullptr);
ReplicationOutcome simulate_replication(const Scenario& scenario, std::uint64_t seed,
                                        std::uint64_t replication, const Observation& observation);

} // namespace zorgsim::care
