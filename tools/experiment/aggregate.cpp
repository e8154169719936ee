#include "aggregate.hpp"

#include <cmath>

namespace zorgsim::experiment {

void SeriesCell::add(double x) {
    if (std::isnan(x))
        return;
    stats.add(x);
    for (auto& q : quantiles)
        q.add(x);
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
                                     const care::OutcomeLayout& alternative)
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
}

} // namespace zorgsim::experiment
