#include "aggregate.hpp"

#include <cmath>

#include "zorgsim/engine/order_statistics.hpp"

namespace zorgsim::experiment {

void SeriesCell::add(double x) {
    values.push_back(x);
    if (!std::isnan(x))
        stats.add(x);
}

std::array<double, fan_quantiles.size()> SeriesCell::quantiles() const {
    return quantiles_of<fan_quantiles.size()>(values, fan_quantiles);
}

Aggregate::Aggregate(care::OutcomeLayout layout)
    : layout_(std::move(layout)), summary_(layout_.summary_size()),
      series_(layout_.series_cells() * layout_.periods.size()), waits_(layout_.services.size()),
      flows_(layout_.flows().size()) {}

void Aggregate::add(const care::ReplicationOutcome& outcome) {
    ++replications_;
    for (std::size_t i = 0; i < summary_.size(); ++i)
        if (!std::isnan(outcome.summary[i]))
            summary_[i].add(outcome.summary[i]);
    for (std::size_t i = 0; i < series_.size(); ++i)
        series_[i].add(outcome.series[i]);
    for (std::size_t s = 0; s < waits_.size(); ++s)
        waits_[s].merge(outcome.waits[s]);
    if (period_waits_.empty())
        period_waits_.resize(outcome.period_waits.size());
    for (std::size_t p = 0; p < outcome.period_waits.size(); ++p)
        period_waits_[p].merge(outcome.period_waits[p]);
    // An outcome without flows (a model test's hand-made one) moved nobody.
    for (std::size_t i = 0; i < flows_.size(); ++i)
        flows_[i].add(i < outcome.flows.size() ? outcome.flows[i] : 0.0);
}

PairedDifferences::PairedDifferences(const care::OutcomeLayout& base,
                                     const care::OutcomeLayout& alternative, bool same_calendar)
    : base_(base), alternative_(alternative) {
    for (std::size_t b = 0; b < base.services.size(); ++b)
        for (std::size_t a = 0; a < alternative.services.size(); ++a)
            if (base.services[b] == alternative.services[a])
                shared_.emplace_back(b, a);
    for (std::size_t b = 0; b < base.regions.size(); ++b)
        for (std::size_t a = 0; a < alternative.regions.size(); ++a)
            if (base.regions[b] == alternative.regions[a])
                shared_regions_.emplace_back(b, a);
    for (std::size_t b = 0; b < base.municipalities.size(); ++b)
        for (std::size_t a = 0; a < alternative.municipalities.size(); ++a)
            if (base.municipalities[b] == alternative.municipalities[a])
                shared_municipalities_.emplace_back(b, a);
    if (same_calendar)
        for (std::size_t b = 0; b < base.periods.size(); ++b)
            for (std::size_t a = 0; a < alternative.periods.size(); ++a)
                if (base.periods.start(b) == alternative.periods.start(a) &&
                    base.periods.end(b) == alternative.periods.end(a))
                    shared_periods_.emplace_back(b, a);
    for_each_shared<false>([&](const care::LayoutCell& cell, std::size_t) {
        summary_pairs_.emplace_back(cell.index,
                                    alternative_index<false>(cell, *shared_owner(cell)));
    });
    for_each_shared<true>([&](const care::LayoutCell& cell, std::size_t) {
        series_pairs_.emplace_back(cell.index, alternative_index<true>(cell, *shared_owner(cell)));
    });
    summary_.resize(summary_pairs_.size());
    series_.resize(series_pairs_.size() * shared_periods_.size());
}

std::optional<std::size_t> PairedDifferences::shared_owner(const care::LayoutCell& cell) const {
    const auto& pairs = cell.scope == care::Scope::region         ? shared_regions_
                        : cell.scope == care::Scope::municipality ? shared_municipalities_
                                                                  : shared_;
    if (cell.scope == care::Scope::system)
        return 0;
    for (const auto& [b, a] : pairs)
        if (b == cell.owner_index)
            return a;
    return std::nullopt;
}

template <bool PerPeriod>
std::size_t PairedDifferences::alternative_index(const care::LayoutCell& cell,
                                                 std::size_t owner) const {
    const std::size_t m = cell.metric_index;
    switch (cell.scope) {
    case care::Scope::service:
        return PerPeriod ? alternative_.service_series(owner, m)
                         : alternative_.service_summary(owner, m);
    case care::Scope::system:
        return PerPeriod ? alternative_.system_series(m) : alternative_.system_summary(m);
    case care::Scope::region:
        return PerPeriod ? alternative_.region_series(owner, m)
                         : alternative_.region_summary(owner, m);
    case care::Scope::municipality:
        return PerPeriod ? alternative_.municipality_series(owner, m)
                         : alternative_.municipality_summary(owner, m);
    }
    return 0;
}

void PairedDifferences::add(const care::ReplicationOutcome& base,
                            const care::ReplicationOutcome& alternative) {
    auto paired = [](RunningStats& stats, double b, double a) {
        if (!std::isnan(a) && !std::isnan(b))
            stats.add(a - b);
    };
    for (std::size_t k = 0; k < summary_pairs_.size(); ++k)
        paired(summary_[k], base.summary[summary_pairs_[k].first],
               alternative.summary[summary_pairs_[k].second]);
    for (std::size_t k = 0; k < series_pairs_.size(); ++k)
        for (std::size_t p = 0; p < shared_periods_.size(); ++p)
            paired(series_[k * shared_periods_.size() + p],
                   base.series_value(base_, series_pairs_[k].first, shared_periods_[p].first),
                   alternative.series_value(alternative_, series_pairs_[k].second,
                                            shared_periods_[p].second));
}

} // namespace zorgsim::experiment
