// Costs as contracts are written: the price steps (prices.hpp) taken as the run passes them,
// and the contracted places of each service (its capacity schedule, from the day it opens).
#include <algorithm>

#include "care_network.hpp"

namespace zorgsim::care {

void CareNetwork::prepare_costs() {
    auto schedules = price_schedules(scenario_);
    costs_.reserve(scenario_.services.size());
    for (std::size_t s = 0; s < scenario_.services.size(); ++s) {
        for (const PriceStep& step : schedules[s])
            if (step.from > 0.0)
                price_step_days_.push_back(step.from);
        costs_.emplace_back(grid_, std::move(schedules[s]),
                            scenario_.services[s].cost_per_place_day > 0.0);
    }
    std::sort(price_step_days_.begin(), price_step_days_.end());
    price_step_days_.erase(std::unique(price_step_days_.begin(), price_step_days_.end()),
                           price_step_days_.end());
}

void CareNetwork::catch_up_prices(Days t) {
    while (next_price_step_ < price_step_days_.size() && price_step_days_[next_price_step_] <= t) {
        const Days day = price_step_days_[next_price_step_++];
        for (std::size_t s = 0; s < costs_.size(); ++s) {
            const double before = costs_[s].factor();
            costs_[s].step_to(day);
            const double after = costs_[s].factor();
            if (after == before)
                continue;
            const Service& spec = scenario_.services[s];
            const double day_price = spec.cost_per_day + spec.cost_per_place_day;
            for (std::size_t r = 0; r < regions_.size(); ++r)
                if (held_[r][s] != 0)
                    regions_[r].cost_per_day.add(day, day_price * (after - before) * held_[r][s]);
        }
    }
}

void CareNetwork::contracted_places(std::size_t service) {
    const ServiceState& state = services_[service];
    const Days now = simulation_.now();
    catch_up_prices(now);
    costs_[service].contract(now, state.opened ? state.nominal_capacity : 0);
}

} // namespace zorgsim::care
