// What the model counts of wait episodes (wait_episodes.cpp): per service of first wait, for
// the system and per region. A wait episode runs from referral (or leaving the previous
// service) to the start of care, here or in an alternative (include/zorgsim/model/
// wait_episodes.hpp); these tallies give the wait_to_care_* outcomes of the catalogue. They
// are updated at every start of care, so they are kept lean: the period of the moment is found
// once, and only the waits to care keep a histogram (for their quantiles).
#pragma once

#include <cstdint>
#include <vector>

#include "zorgsim/engine/histogram.hpp"
#include "zorgsim/engine/running_stats.hpp"

namespace zorgsim::care {

/// Values per period (all periods) and after warm-up, as zorgsim::Tally without a histogram,
/// and with their sum instead of a running mean.
struct WaitSum {
    explicit WaitSum(std::size_t periods) : sum(periods, 0.0), count(periods, 0) {}
    void add(std::size_t period, bool after_warmup, double value) {
        sum[period] += value;
        ++count[period];
        if (after_warmup) {
            total += value;
            ++n;
        }
    }
    void merge(const WaitSum& other) {
        for (std::size_t p = 0; p < sum.size(); ++p) {
            sum[p] += other.sum[p];
            count[p] += other.count[p];
        }
        total += other.total;
        n += other.n;
    }
    std::vector<double> sum;
    std::vector<std::uint64_t> count;
    double total = 0.0;  ///< after warm-up
    std::uint64_t n = 0; ///< after warm-up
};

/// Events per period (all periods) and after warm-up, as zorgsim::Counter.
struct WaitCount {
    explicit WaitCount(std::size_t periods) : per_period(periods, 0) {}
    void add(std::size_t period, bool after_warmup) {
        ++per_period[period];
        total += after_warmup ? 1 : 0;
    }
    void merge(const WaitCount& other) {
        for (std::size_t p = 0; p < per_period.size(); ++p)
            per_period[p] += other.per_period[p];
        total += other.total;
    }
    std::vector<std::uint64_t> per_period;
    std::uint64_t total = 0;
};

struct WaitTallies {
    explicit WaitTallies(std::size_t periods)
        : wait_to_care(periods), admitted_wait(periods), over_norm(periods), reneged(periods) {}

    WaitSum wait_to_care;           ///< the waits of care starts, by period of the start of care
    Histogram quantiles;            ///< the same waits after warm-up, for p50 and p90
    WaitSum admitted_wait;          ///< per service: the same, of those this service admitted
    WaitCount over_norm;            ///< care starts that waited longer than the first wait's norm
    WaitCount reneged;              ///< episodes ended by leaving care after the maximum wait
    RunningStats bridging_days;     ///< of care starts after bridging care (after warm-up)
    RunningStats reneged_days;      ///< what the reneged had waited (after warm-up)
    std::uint64_t left_waiting = 0; ///< left care while waiting otherwise (after warm-up)
    RunningStats left_waiting_days;
    std::uint64_t still_waiting = 0; ///< waiting at the horizon (censored)
    RunningStats still_waiting_days; ///< how long they had waited by then

    /// Adds another owner's episodes (not its admitted_wait): the system is the sum of the
    /// services of first wait.
    void merge(const WaitTallies& other) {
        wait_to_care.merge(other.wait_to_care);
        quantiles.merge(other.quantiles);
        over_norm.merge(other.over_norm);
        reneged.merge(other.reneged);
        bridging_days.merge(other.bridging_days);
        reneged_days.merge(other.reneged_days);
        left_waiting += other.left_waiting;
        left_waiting_days.merge(other.left_waiting_days);
        still_waiting += other.still_waiting;
        still_waiting_days.merge(other.still_waiting_days);
    }
};

} // namespace zorgsim::care
