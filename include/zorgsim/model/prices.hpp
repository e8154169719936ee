// The price timeline of a scenario: every price of a service (per occupied day, per contracted
// place, per admission, per year) is multiplied by one factor that steps on each 1 January after
// the start (Prices::indexation_per_year) and on the dates of `prices` policies. The steps are
// known before a run starts, so the cost of a period can be integrated exactly.
#pragma once

#include <vector>

#include "zorgsim/engine/calendar.hpp"
#include "zorgsim/model/scenario.hpp"

namespace zorgsim::care {

/// From day `from` on (until the next step) the prices are multiplied by `factor`.
struct PriceStep {
    Days from = 0.0;
    double factor = 1.0;
};

/// Per service (in scenario order), its price steps: ascending `from`, the first at day 0, all
/// before the horizon. A service whose prices never change has the single step {0, 1}.
std::vector<std::vector<PriceStep>> price_schedules(const Scenario& scenario);

/// True if the schedule is the single step {0, 1}: the prices as written, throughout.
bool unindexed(const std::vector<PriceStep>& schedule);

/// The fixed cost (Service::fixed_cost_per_year) accrued over [from, to): each calendar year
/// accrues the yearly amount in proportion to its days (365 or 366), at the price factor of
/// each day, from the day the service opens. A span that covers a whole calendar year at one
/// factor accrues exactly the yearly amount times that factor.
double fixed_cost(const Scenario& scenario, const Service& service,
                  const std::vector<PriceStep>& schedule, Days from, Days to);

} // namespace zorgsim::care
