// Time-weighted statistics of a piecewise-constant quantity (occupied slots, queue length,
// capacity): its integral over the whole run after warm-up, and per reporting period.
#pragma once

#include <vector>

#include "zorgsim/engine/period_grid.hpp"

namespace zorgsim {

class TimeWeighted {
  public:
    TimeWeighted() = default;
    explicit TimeWeighted(const PeriodGrid& grid, double initial = 0.0)
        : grid_(&grid), value_(initial), next_boundary_(grid.end(0)),
          period_area_(grid.size(), 0.0) {}

    double value() const { return value_; }
    void set(Days t, double value) {
        advance(t);
        value_ = value;
    }
    void add(Days t, double delta) {
        advance(t);
        value_ += delta;
    }

    /// Integrates up to t; call with the horizon before reading results.
    void advance(Days t) {
        while (t > next_boundary_ && period_ + 1 < period_area_.size()) {
            integrate(next_boundary_);
            ++period_;
            next_boundary_ = grid_->end(period_);
        }
        integrate(t);
    }

    /// Time average over [warm-up, horizon], once advanced to the horizon.
    double mean() const {
        const Days span = grid_->horizon() - grid_->warmup();
        return span > 0 ? area_after_warmup_ / span : 0.0;
    }
    double area_after_warmup() const { return area_after_warmup_; }
    /// Integral over one period (value x days).
    double period_area(std::size_t period) const { return period_area_[period]; }
    double period_mean(std::size_t period) const {
        const Days span = grid_->end(period) - grid_->start(period);
        return span > 0 ? period_area_[period] / span : 0.0;
    }

  private:
    void integrate(Days t) {
        if (t <= last_)
            return;
        period_area_[period_] += value_ * (t - last_);
        const Days from = last_ > grid_->warmup() ? last_ : grid_->warmup();
        if (t > from)
            area_after_warmup_ += value_ * (t - from);
        last_ = t;
    }

    const PeriodGrid* grid_ = nullptr;
    double value_ = 0.0;
    Days last_ = 0.0;
    std::size_t period_ = 0;
    Days next_boundary_ = 0.0;
    double area_after_warmup_ = 0.0;
    std::vector<double> period_area_;
};

} // namespace zorgsim
