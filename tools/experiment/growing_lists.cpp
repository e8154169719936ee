#include "growing_lists.hpp"

#include <cmath>

namespace zorgsim::experiment {

namespace {

constexpr double smallest_growth = 2.0;   // youths
constexpr double smallest_relative = 0.2; // of the earlier period's list
constexpr double spread_factor = 2.0;     // a drifting list spreads out at least this much

struct Growth {
    RunningStats paired;
    double from_mean = 0.0;
};

Growth growth_of(const SeriesCell& early, const SeriesCell& late) {
    Growth g;
    for (std::size_t r = 0; r < early.values.size() && r < late.values.size(); ++r)
        if (std::isfinite(early.values[r]) && std::isfinite(late.values[r]))
            g.paired.add(late.values[r] - early.values[r]);
    g.from_mean = early.stats.mean();
    return g;
}

bool material(const Growth& g) {
    return g.paired.count() >= 2 && g.paired.ci95().first > 0.0 &&
           g.paired.mean() >= smallest_growth && g.paired.mean() >= smallest_relative * g.from_mean;
}

} // namespace

std::vector<GrowingList> growing_waiting_lists(const Aggregate& aggregate) {
    const care::OutcomeLayout& layout = aggregate.layout();
    const std::size_t periods = layout.periods.size();
    std::vector<GrowingList> out;
    if (aggregate.replications() < 2 || periods < 4)
        return out;
    constexpr std::size_t queue =
        care::MetricOf<care::service_series_metrics>("queue_length").index;
    const std::size_t last = periods - 1;
    for (std::size_t s = 0; s < layout.services.size(); ++s) {
        const std::size_t cell = layout.service_series(s, queue);
        const SeriesCell& end = aggregate.series(cell, last);
        const auto end_q = end.quantiles(); // p05, p25, p50, p75, p95
        auto listed = [&](GrowingList::Kind kind, std::size_t from, const Growth& g) {
            const auto [lo, hi] = g.paired.ci95();
            out.push_back({kind, s, from, last, g.from_mean, end.stats.mean(), lo, hi, end_q[4]});
        };
        const std::size_t middle = periods / 2;
        if (const Growth g = growth_of(aggregate.series(cell, middle), end); material(g)) {
            listed(GrowingList::Kind::growing, middle, g);
            continue;
        }
        const SeriesCell& second = aggregate.series(cell, 1);
        const auto second_q = second.quantiles();
        const double spread_then = second_q[4] - second_q[0];
        const double spread_now = end_q[4] - end_q[0];
        if (const Growth g = growth_of(second, end); material(g) &&
                                                     spread_now >= spread_factor * spread_then &&
                                                     spread_now - spread_then >= smallest_growth)
            listed(GrowingList::Kind::drifting, 1, g);
    }
    return out;
}

} // namespace zorgsim::experiment
