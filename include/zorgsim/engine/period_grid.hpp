// The reporting periods of a run: their first days and the horizon, plus the warm-up before
// which whole-horizon statistics ignore what happens.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

#include "zorgsim/engine/calendar.hpp"

namespace zorgsim {

class PeriodGrid {
  public:
    PeriodGrid() : PeriodGrid({0.0}, 1.0, 0.0) {}
    /// starts: first days of the periods, ascending, starting at 0; horizon: end of the run.
    PeriodGrid(std::vector<Days> starts, Days horizon, Days warmup)
        : starts_(std::move(starts)), horizon_(horizon), warmup_(warmup) {}

    std::size_t size() const { return starts_.size(); }
    Days start(std::size_t period) const { return starts_[period]; }
    Days end(std::size_t period) const {
        return period + 1 < starts_.size() ? starts_[period + 1] : horizon_;
    }
    Days horizon() const { return horizon_; }
    Days warmup() const { return warmup_; }
    const std::vector<Days>& starts() const { return starts_; }

    /// The period that contains day t (the last one for t at or past the horizon).
    std::size_t period_of(Days t) const {
        auto it = std::upper_bound(starts_.begin(), starts_.end(), t);
        return it == starts_.begin() ? 0 : static_cast<std::size_t>(it - starts_.begin()) - 1;
    }
    /// period_of(t), first trying `hint` (the answer of the caller's previous call, which it
    /// keeps and this updates): simulation time moves forward, so the answer is almost always
    /// the same period, and the search is left out of the statistics' hot path.
    std::size_t period_of(Days t, std::size_t& hint) const {
        if (hint < starts_.size() && starts_[hint] <= t &&
            (hint + 1 == starts_.size() || t < starts_[hint + 1]))
            return hint;
        hint = period_of(t);
        return hint;
    }

  private:
    std::vector<Days> starts_;
    Days horizon_;
    Days warmup_;
};

} // namespace zorgsim
