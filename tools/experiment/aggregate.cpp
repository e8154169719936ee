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
      series_(layout_.series_cells() * layout_.periods.size()), waits_(layout_.services.size()) {}

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
}

PairedDifferences::PairedDifferences(const care::OutcomeLayout& base,
                                     const care::OutcomeLayout& alternative, bool same_calendar)
    : base_(base), alternative_(alternative), system_(care::system_summary_metrics.size()) {
    for (std::size_t b = 0; b < base.services.size(); ++b)
        for (std::size_t a = 0; a < alternative.services.size(); ++a)
            if (base.services[b] == alternative.services[a])
                shared_.emplace_back(b, a);
    services_.resize(shared_.size() * care::service_summary_metrics.size());
    for (std::size_t b = 0; b < base.regions.size(); ++b)
        for (std::size_t a = 0; a < alternative.regions.size(); ++a)
            if (base.regions[b] == alternative.regions[a])
                shared_regions_.emplace_back(b, a);
    regions_.resize(shared_regions_.size() * care::region_summary_metrics.size());
    if (same_calendar)
        for (std::size_t b = 0; b < base.periods.size(); ++b)
            for (std::size_t a = 0; a < alternative.periods.size(); ++a)
                if (base.periods.start(b) == alternative.periods.start(a) &&
                    base.periods.end(b) == alternative.periods.end(a))
                    shared_periods_.emplace_back(b, a);
    series_.resize(
        (region_series_offset() + shared_regions_.size() * care::region_series_metrics.size()) *
        shared_periods_.size());
}

void PairedDifferences::add_series(std::size_t cell, const care::ReplicationOutcome& base,
                                   std::size_t base_cell,
                                   const care::ReplicationOutcome& alternative,
                                   std::size_t alternative_cell) {
    for (std::size_t p = 0; p < shared_periods_.size(); ++p) {
        const double b = base.series_value(base_, base_cell, shared_periods_[p].first);
        const double a =
            alternative.series_value(alternative_, alternative_cell, shared_periods_[p].second);
        if (!std::isnan(a) && !std::isnan(b))
            series_[series_cell(cell, p)].add(a - b);
    }
}

void PairedDifferences::add(const care::ReplicationOutcome& base,
                            const care::ReplicationOutcome& alternative) {
    auto paired = [](RunningStats& stats, double b, double a) {
        if (!std::isnan(a) && !std::isnan(b))
            stats.add(a - b);
    };
    for (std::size_t i = 0; i < shared_.size(); ++i)
        for (std::size_t m = 0; m < care::service_summary_metrics.size(); ++m)
            paired(services_[i * care::service_summary_metrics.size() + m],
                   base.summary[base_.service_summary(shared_[i].first, m)],
                   alternative.summary[alternative_.service_summary(shared_[i].second, m)]);
    for (std::size_t m = 0; m < system_.size(); ++m)
        paired(system_[m], base.summary[base_.system_summary(m)],
               alternative.summary[alternative_.system_summary(m)]);
    for (std::size_t i = 0; i < shared_regions_.size(); ++i)
        for (std::size_t m = 0; m < care::region_summary_metrics.size(); ++m)
            paired(regions_[i * care::region_summary_metrics.size() + m],
                   base.summary[base_.region_summary(shared_regions_[i].first, m)],
                   alternative.summary[alternative_.region_summary(shared_regions_[i].second, m)]);
    for (std::size_t i = 0; i < shared_.size(); ++i)
        for (std::size_t m = 0; m < care::service_series_metrics.size(); ++m)
            add_series(i * care::service_series_metrics.size() + m, base,
                       base_.service_series(shared_[i].first, m), alternative,
                       alternative_.service_series(shared_[i].second, m));
    for (std::size_t m = 0; m < care::system_series_metrics.size(); ++m)
        add_series(system_series_offset() + m, base, base_.system_series(m), alternative,
                   alternative_.system_series(m));
    for (std::size_t i = 0; i < shared_regions_.size(); ++i)
        for (std::size_t m = 0; m < care::region_series_metrics.size(); ++m)
            add_series(region_series_offset() + i * care::region_series_metrics.size() + m, base,
                       base_.region_series(shared_regions_[i].first, m), alternative,
                       alternative_.region_series(shared_regions_[i].second, m));
}

} // namespace zorgsim::experiment
