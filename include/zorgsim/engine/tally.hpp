// Observation-based statistics: a Tally of values such as waits or lengths of stay (mean and
// pooled histogram after warm-up, sum and count per period), and a Counter of events per
// period and after warm-up. An observation belongs to the period in which it is recorded.
#pragma once

#include <cstdint>
#include <vector>

#include "zorgsim/engine/histogram.hpp"
#include "zorgsim/engine/period_grid.hpp"
#include "zorgsim/engine/running_stats.hpp"

namespace zorgsim {

class Counter {
  public:
    Counter() = default;
    explicit Counter(const PeriodGrid& grid) : grid_(&grid), per_period_(grid.size(), 0) {}

    void add(Days t, std::uint64_t n = 1) {
        per_period_[grid_->period_of(t, period_hint_)] += n;
        if (t >= grid_->warmup())
            total_ += n;
    }
    std::uint64_t total() const { return total_; }
    std::uint64_t in_period(std::size_t period) const { return per_period_[period]; }

  private:
    const PeriodGrid* grid_ = nullptr;
    std::size_t period_hint_ = 0;
    std::uint64_t total_ = 0;
    std::vector<std::uint64_t> per_period_;
};

class Tally {
  public:
    Tally() = default;
    explicit Tally(const PeriodGrid& grid)
        : grid_(&grid), period_sum_(grid.size(), 0.0), period_count_(grid.size(), 0) {}

    void add(Days t, double value) {
        const auto period = grid_->period_of(t, period_hint_);
        period_sum_[period] += value;
        ++period_count_[period];
        if (t >= grid_->warmup()) {
            stats_.add(value);
            histogram_.add(value);
        }
    }
    /// Values recorded after warm-up.
    const RunningStats& stats() const { return stats_; }
    const Histogram& histogram() const { return histogram_; }
    double period_sum(std::size_t period) const { return period_sum_[period]; }
    std::uint64_t period_count(std::size_t period) const { return period_count_[period]; }
    double period_mean(std::size_t period) const {
        return period_count_[period]
                   ? period_sum_[period] / static_cast<double>(period_count_[period])
                   : 0.0;
    }

  private:
    const PeriodGrid* grid_ = nullptr;
    std::size_t period_hint_ = 0;
    RunningStats stats_;
    Histogram histogram_;
    std::vector<double> period_sum_;
    std::vector<std::uint64_t> period_count_;
};

} // namespace zorgsim
