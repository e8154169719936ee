// Waiting lists that keep growing in the simulation: the warning a planner can trust, because it
// is read off what the model did (aging out, admission rules, substitution, blocking, policies
// included) instead of a formula that leaves those out.
#pragma once

#include <vector>

#include "aggregate.hpp"

namespace zorgsim::experiment {

/// A service whose waiting list is still growing in the second half of the horizon, or drifts:
/// grows and spreads out over the replications without settling (capacity just equal to the
/// inflow: the list wanders like a random walk).
struct GrowingList {
    enum class Kind { growing, drifting };
    Kind kind = Kind::growing;
    std::size_t service = 0;     ///< in the aggregate's layout
    std::size_t from_period = 0; ///< growing: the middle period; drifting: the second
    std::size_t to_period = 0;   ///< the last period
    double from_mean = 0.0;      ///< mean time-average waiting list in from_period
    double to_mean = 0.0;        ///< and in to_period
    double growth_lo = 0.0;      ///< paired 95% interval of to - from, over the replications
    double growth_hi = 0.0;
    double to_p95 = 0.0; ///< the 95th percentile over the replications in to_period
};

/// The services whose time-average waiting list grows: from the middle period to the last
/// (growing), or from the second period (after the first year's settling in) to the last with
/// the spread between the 5th and 95th percentiles at least doubled (drifting). A growth counts
/// when the whole paired 95% interval is above 0 and it is at least 2 youths and 20% (smaller
/// changes are noise or settling, not a list that capacity cannot keep up with). Needs at
/// least 2 replications and 4 periods.
std::vector<GrowingList> growing_waiting_lists(const Aggregate& aggregate);

} // namespace zorgsim::experiment
