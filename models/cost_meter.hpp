// The cost of one service as it accrues: its occupied and its empty contracted places at the
// price factor of the moment (prices.hpp). Both are levels that change when a slot is taken or
// released, when the contracted places change and at a price step, so their integrals are the
// exact cost whatever the periods are.
#pragma once

#include <algorithm>
#include <vector>

#include "zorgsim/engine/period_grid.hpp"
#include "zorgsim/engine/time_weighted.hpp"
#include "zorgsim/model/prices.hpp"

namespace zorgsim::care {

class CostMeter {
  public:
    /// `place_price`: whether the service has a price per contracted place (else the empty
    /// places cost nothing and are not followed).
    CostMeter(const PeriodGrid& grid, std::vector<PriceStep> schedule, bool place_price)
        : grid_(&grid), schedule_(std::move(schedule)),
          active_(place_price || !care::unindexed(schedule_)), occupied_(grid), vacant_(grid),
          admissions_(grid.size(), 0.0) {}

    /// The prices as written throughout: the cost is read off the station as it always was.
    bool unindexed() const { return care::unindexed(schedule_); }
    double factor() const { return schedule_[step_].factor; }
    const std::vector<PriceStep>& schedule() const { return schedule_; }

    /// Takes the price steps up to and including day t; call before any change at t.
    void step_to(Days t) {
        bool stepped = false;
        while (step_ + 1 < schedule_.size() && schedule_[step_ + 1].from <= t) {
            ++step_;
            stepped = true;
        }
        if (stepped)
            update(schedule_[step_].from);
    }
    void occupy(Days t, int delta) {
        occupied_slots_ += delta;
        update(t);
    }
    void contract(Days t, int places) {
        if (places == contracted_)
            return;
        contracted_ = places;
        update(t);
    }
    /// An admission priced `euros` at the prices as written.
    void admit(Days t, double euros) {
        const double priced = euros * factor();
        admissions_[grid_->period_of(t)] += priced;
        if (t >= grid_->warmup())
            admissions_after_warmup_ += priced;
    }
    void finish(Days horizon) {
        step_to(horizon);
        occupied_.advance(horizon);
        vacant_.advance(horizon);
    }

    /// Occupied place-days times the price factor (multiply by the day prices).
    const TimeWeighted& occupied() const { return occupied_; }
    /// Empty contracted place-days (contracted - occupied, at least 0) times the price factor.
    const TimeWeighted& vacant() const { return vacant_; }
    double admission_cost(std::size_t period) const { return admissions_[period]; }
    double admission_cost_after_warmup() const { return admissions_after_warmup_; }

  private:
    void update(Days t) {
        if (!active_)
            return;
        occupied_.set(t, factor() * occupied_slots_);
        vacant_.set(t, factor() * std::max(0, contracted_ - occupied_slots_));
    }

    const PeriodGrid* grid_;
    std::vector<PriceStep> schedule_;
    bool active_;
    std::size_t step_ = 0;
    int occupied_slots_ = 0;
    int contracted_ = 0;
    TimeWeighted occupied_;
    TimeWeighted vacant_;
    std::vector<double> admissions_;
    double admissions_after_warmup_ = 0.0;
};

} // namespace zorgsim::care
