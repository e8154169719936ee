// The price timeline (prices.hpp): indexation on each 1 January, dated `prices` policies.
#include "zorgsim/model/prices.hpp"

#include <algorithm>
#include <chrono>

namespace zorgsim::care {

namespace {
struct Multiplier {
    Days at;
    double factor;
};

Days first_of_year(const Calendar& calendar, std::chrono::year year) {
    return calendar.day_of(
        std::chrono::year_month_day{year, std::chrono::January, std::chrono::day{1}});
}
} // namespace

std::vector<std::vector<PriceStep>> price_schedules(const Scenario& scenario) {
    const Calendar calendar(scenario.start);
    const Days horizon = scenario.horizon_days;
    std::vector<Multiplier> yearly;
    if (scenario.prices.indexation_per_year != 0.0)
        for (auto year = scenario.start.year() + std::chrono::years{1};; ++year) {
            const Days day = first_of_year(calendar, year);
            if (day >= horizon)
                break;
            yearly.push_back({day, 1.0 + scenario.prices.indexation_per_year});
        }
    std::vector<std::vector<PriceStep>> schedules(scenario.services.size());
    for (std::size_t s = 0; s < scenario.services.size(); ++s) {
        std::vector<Multiplier> changes = yearly;
        for (const PolicyChange& policy : scenario.policies) {
            if (policy.kind != PolicyChange::Kind::prices || policy.at >= horizon)
                continue;
            const bool named =
                policy.services.empty() || std::find(policy.services.begin(), policy.services.end(),
                                                     static_cast<int>(s)) != policy.services.end();
            if (named)
                changes.push_back({policy.at, 1.0 + policy.value});
        }
        std::stable_sort(changes.begin(), changes.end(),
                         [](const Multiplier& a, const Multiplier& b) { return a.at < b.at; });
        std::vector<PriceStep>& steps = schedules[s];
        steps.push_back({0.0, 1.0});
        for (const Multiplier& change : changes) {
            const double factor = steps.back().factor * change.factor;
            if (change.at <= steps.back().from)
                steps.back().factor = factor; // the same day: one step
            else
                steps.push_back({change.at, factor});
        }
    }
    return schedules;
}

bool unindexed(const std::vector<PriceStep>& schedule) {
    return schedule.size() == 1 && schedule.front().factor == 1.0;
}

double fixed_cost(const Scenario& scenario, const Service& service,
                  const std::vector<PriceStep>& schedule, Days from, Days to) {
    if (service.fixed_cost_per_year == 0.0)
        return 0.0;
    if (service.opens)
        from = std::max(from, *service.opens);
    if (to <= from)
        return 0.0;
    const Calendar calendar(scenario.start);
    double total = 0.0;
    auto year = calendar.date_of(from).year();
    Days t = from;
    std::size_t step = 0;
    while (t < to) {
        const Days year_start = first_of_year(calendar, year);
        const Days year_end = first_of_year(calendar, year + std::chrono::years{1});
        if (t >= year_end) {
            ++year;
            continue;
        }
        while (step + 1 < schedule.size() && schedule[step + 1].from <= t)
            ++step;
        Days end = std::min(to, year_end);
        if (step + 1 < schedule.size())
            end = std::min(end, schedule[step + 1].from);
        const Days span = end - t;
        const Days year_days = year_end - year_start;
        total += service.fixed_cost_per_year * schedule[step].factor * (span / year_days);
        t = end;
    }
    return total;
}

} // namespace zorgsim::care
