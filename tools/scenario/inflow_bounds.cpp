// Inflow that would make a run follow more youths than a machine holds is refused here, where
// it can be named, instead of as std::bad_alloc hours into the run. The expected arrivals of a
// source follow its rate and the inflow policies as the model applies them: a policy
// multiplies the rate of its sources from its date on, and its annual_change again at every
// anniversary of that date before `until` and the end of the horizon.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "convert.hpp"

namespace zorgsim::scenario {

namespace {

/// A change of a source's rate: from `day` on it is multiplied by `factor`.
struct Step {
    Days day = 0.0;
    double factor = 1.0;
    std::size_t policy = 0;
    bool anniversary = false;
};

/// The day of the k-th anniversary of `day` (29 February: the last day of February), as
/// CareNetwork::schedule_anniversary computes it.
Days anniversary(const Calendar& calendar, Days day, int k) {
    const auto date = calendar.date_of(day);
    std::chrono::year_month_day next{date.year() + std::chrono::years{k}, date.month(), date.day()};
    if (!next.ok())
        next = std::chrono::year_month_day_last{next.year(),
                                                std::chrono::month_day_last{date.month()}};
    return calendar.day_of(next);
}

std::vector<Step> steps_of(const care::Scenario& s, std::size_t source, const Calendar& calendar,
                           Days horizon) {
    std::vector<Step> steps;
    for (std::size_t i = 0; i < s.policies.size(); ++i) {
        const care::PolicyChange& change = s.policies[i];
        if (change.kind != care::PolicyChange::Kind::inflow)
            continue;
        if (!change.sources.empty() && std::find(change.sources.begin(), change.sources.end(),
                                                 static_cast<int>(source)) == change.sources.end())
            continue;
        // The model's order: the multiplier and the first annual step on the date.
        steps.push_back({change.at, change.value, i, false});
        if (change.annual_change != 0.0)
            steps.push_back({change.at, 1.0 + change.annual_change, i, true});
        if (change.annual_change == 0.0)
            continue;
        // At most one anniversary a year of a horizon of at most max_horizon_days.
        for (int k = 1;; ++k) {
            const Days day = anniversary(calendar, change.at, k);
            if (day >= horizon || (change.until && day >= *change.until))
                break;
            steps.push_back({day, 1.0 + change.annual_change, i, true});
        }
    }
    std::stable_sort(steps.begin(), steps.end(),
                     [](const Step& a, const Step& b) { return a.day < b.day; });
    return steps;
}

std::string count_text(double x) {
    return std::abs(x) < 1e12 ? fmt::format("{:.0f}", x) : fmt::format("{:.3g}", x);
}

} // namespace

void check_inflow(Context& context) {
    const care::Scenario& s = context.scenario;
    if (!context.calendar || !context.horizon)
        return;
    const Days horizon = *context.horizon;
    Diagnostics& diagnostics = context.read.diagnostics();
    double total = 0.0;
    double largest = -1.0;
    std::size_t largest_source = 0;
    for (std::size_t src = 0; src < s.sources.size() && src < context.source_places.size(); ++src) {
        const care::Source& source = s.sources[src];
        if (source.interarrival && source.interarrival->mean() <= 0)
            continue; // reported where it is written
        const double base =
            source.interarrival ? 365.0 / source.interarrival->mean() : source.rate_per_year;
        if (!(base <= max_arrivals_per_year)) {
            diagnostics.error(context.source_places[src].rate,
                              fmt::format("source '{}' refers about {} youths a year, more than "
                                          "the {} a year one source may refer",
                                          source.id, count_text(base),
                                          count_text(max_arrivals_per_year)));
            total = std::numeric_limits<double>::infinity();
            continue;
        }
        double multiplier = 1.0;
        double expected = 0.0;
        Days since = 0.0;
        bool exceeded = false;
        for (const Step& step : steps_of(s, src, *context.calendar, horizon)) {
            expected += base * multiplier * (step.day - since) / 365.0;
            since = step.day;
            multiplier *= step.factor;
            if (base * multiplier <= max_arrivals_per_year)
                continue;
            const care::PolicyChange& change = s.policies[step.policy];
            const PolicyPlaces& at = context.policy_places[step.policy];
            diagnostics.error(
                step.anniversary ? at.annual_change : at.multiplier,
                fmt::format("policy '{}' makes source '{}' refer about {} youths a year by {} "
                            "({} a year x {}), more than the {} a year one source may refer",
                            change.id, source.id, count_text(base * multiplier),
                            context.calendar->iso(step.day), count_text(base),
                            count_text(multiplier), count_text(max_arrivals_per_year)));
            exceeded = true;
            break;
        }
        if (exceeded) {
            total = std::numeric_limits<double>::infinity();
            continue;
        }
        expected += base * multiplier * (horizon - since) / 365.0;
        total += expected;
        if (expected > largest) {
            largest = expected;
            largest_source = src;
        }
    }
    if (std::isfinite(total) && total > max_arrivals_per_run)
        diagnostics.error(context.sources_at,
                          fmt::format("the sources refer about {} youths over the horizon of {} "
                                      "days (policies included), more than the {} one run may "
                                      "follow; the most come from source '{}' (about {})",
                                      count_text(total), horizon, count_text(max_arrivals_per_run),
                                      s.sources[largest_source].id, count_text(largest)));
}

} // namespace zorgsim::scenario
