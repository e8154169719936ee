// What the model counts of wait episodes (wait_episodes.cpp): per service of first wait, for
// the system and per region. A wait episode runs from referral (or leaving the previous
// service) to the start of care, here or in an alternative (include/zorgsim/model/
// wait_episodes.hpp); these tallies give the wait_to_care_* outcomes of the catalogue.
#pragma once

#include <cstdint>

#include "zorgsim/engine/period_grid.hpp"
#include "zorgsim/engine/running_stats.hpp"
#include "zorgsim/engine/tally.hpp"

namespace zorgsim::care {

struct WaitTallies {
    explicit WaitTallies(const PeriodGrid& grid)
        : wait_to_care(grid), admitted_wait(grid), over_norm(grid), reneged(grid) {}

    Tally wait_to_care;             ///< the waits of care starts, by period of the start of care
    Tally admitted_wait;            ///< per service: the same, of those this service admitted
    Counter over_norm;              ///< care starts that waited longer than the first wait's norm
    Counter reneged;                ///< episodes ended by leaving care after the maximum wait
    RunningStats bridging_days;     ///< of care starts after bridging care (after warm-up)
    RunningStats reneged_days;      ///< what the reneged had waited (after warm-up)
    std::uint64_t left_waiting = 0; ///< left care while waiting otherwise (after warm-up)
    RunningStats left_waiting_days;
    std::uint64_t still_waiting = 0; ///< waiting at the horizon (censored)
    RunningStats still_waiting_days; ///< how long they had waited by then
};

} // namespace zorgsim::care
