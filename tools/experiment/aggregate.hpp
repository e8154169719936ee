// Aggregation of replications: for every summary figure its mean and Student-t interval
// across replications, for every time-series cell its mean, interval and fan-chart quantiles,
// and the pooled waits of all replications. The summary figures stream (memory does not grow
// with replications); each time-series cell keeps its replications' values, one double per
// replication, because exact quantiles need them and researchers ask for them
// (replications.csv). Feed replications in replication order: the kept values are in that
// order, whatever the thread count.
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "zorgsim/engine/histogram.hpp"
#include "zorgsim/engine/running_stats.hpp"
#include "zorgsim/model/outcomes.hpp"

namespace zorgsim::experiment {

/// The quantiles of timeseries.csv: p05, p25, p50, p75, p95.
inline constexpr std::array<double, 5> fan_quantiles{0.05, 0.25, 0.50, 0.75, 0.95};

struct SeriesCell {
    RunningStats stats;
    /// One value per replication, in replication order; NaN where it had no observation.
    std::vector<double> values;
    void add(double x);
    /// The fan_quantiles of the values (R's type 7; NaN when no replication observed it).
    std::array<double, fan_quantiles.size()> quantiles() const;
};

class Aggregate {
  public:
    explicit Aggregate(care::OutcomeLayout layout);

    /// Adds one replication; NaN figures (no observation) are left out of that figure.
    void add(const care::ReplicationOutcome& outcome);

    const care::OutcomeLayout& layout() const { return layout_; }
    std::size_t replications() const { return replications_; }
    const RunningStats& summary(std::size_t index) const { return summary_[index]; }
    const RunningStats& service_summary(std::size_t service, std::size_t metric) const {
        return summary_[layout_.service_summary(service, metric)];
    }
    const RunningStats& system_summary(std::size_t metric) const {
        return summary_[layout_.system_summary(metric)];
    }
    const RunningStats& region_summary(std::size_t region, std::size_t metric) const {
        return summary_[layout_.region_summary(region, metric)];
    }
    const RunningStats& municipality_summary(std::size_t municipality, std::size_t metric) const {
        return summary_[layout_.municipality_summary(municipality, metric)];
    }
    const Histogram& pooled_waits(std::size_t service) const { return waits_[service]; }
    const SeriesCell& series(std::size_t cell, std::size_t period) const {
        return series_[cell * layout_.periods.size() + period];
    }
    /// Pooled waits per period of the observed service (empty unless one was observed).
    const std::vector<Histogram>& pooled_period_waits() const { return period_waits_; }
    /// The moves of a cell of layout().flows() over the horizon, across replications.
    const RunningStats& flow(std::size_t cell) const { return flows_[cell]; }

  private:
    care::OutcomeLayout layout_;
    std::size_t replications_ = 0;
    std::vector<RunningStats> summary_;
    std::vector<SeriesCell> series_;
    std::vector<Histogram> waits_;
    std::vector<Histogram> period_waits_;
    std::vector<RunningStats> flows_;
};

/// Differences ALT - BASE of the summary figures and of the per-period figures, paired by
/// replication (common random numbers). Services and regions are matched by id, so scenarios
/// may add or remove them; periods are matched by their first and last day. A figure both
/// scenarios have is a "slot": slots follow the base layout's order (for_each_cell), so the
/// writers walk them with for_each_shared instead of spelling out services, system and regions.
class PairedDifferences {
  public:
    /// same_calendar: the two scenarios start on the same date, so that equal day offsets are
    /// the same periods; without it no period is paired.
    PairedDifferences(const care::OutcomeLayout& base, const care::OutcomeLayout& alternative,
                      bool same_calendar = true);

    void add(const care::ReplicationOutcome& base, const care::ReplicationOutcome& alternative);

    /// The base scenario's layout: its service and region ids and periods, which the shared
    /// indices below refer to.
    const care::OutcomeLayout& base_layout() const { return base_; }

    /// Calls visit(cell, slot) for every whole-horizon figure (PerPeriod = false) or per-period
    /// cell (true) that both scenarios have; `cell` is the base layout's.
    template <bool PerPeriod, typename Visit> void for_each_shared(Visit&& visit) const {
        std::size_t slot = 0;
        care::for_each_cell<PerPeriod>(base_, [&](const care::LayoutCell& cell) {
            if (shared_owner(cell))
                visit(cell, slot++);
        });
    }
    /// The paired difference of a whole-horizon slot.
    const RunningStats& summary_at(std::size_t slot) const { return summary_[slot]; }
    /// The paired difference of a per-period slot in the shared period.
    const RunningStats& series_at(std::size_t slot, std::size_t shared_period) const {
        return series_[slot * shared_periods_.size() + shared_period];
    }

    /// Services present in both, as (index in base, index in alternative).
    const std::vector<std::pair<std::size_t, std::size_t>>& shared_services() const {
        return shared_;
    }
    const RunningStats& service(std::size_t shared_index, std::size_t metric) const {
        return summary_[shared_index * care::service_summary_metrics.size() + metric];
    }
    const RunningStats& system(std::size_t metric) const {
        return summary_[shared_.size() * care::service_summary_metrics.size() + metric];
    }
    /// Regions present in both, as (index in base, index in alternative).
    const std::vector<std::pair<std::size_t, std::size_t>>& shared_regions() const {
        return shared_regions_;
    }
    const RunningStats& region(std::size_t shared_index, std::size_t metric) const {
        return summary_[shared_.size() * care::service_summary_metrics.size() +
                        care::system_summary_metrics.size() +
                        shared_index * care::region_summary_metrics.size() + metric];
    }

    /// Municipalities present in both (by name), as (index in base, index in alternative).
    const std::vector<std::pair<std::size_t, std::size_t>>& shared_municipalities() const {
        return shared_municipalities_;
    }

    /// Periods present in both, as (index in base, index in alternative).
    const std::vector<std::pair<std::size_t, std::size_t>>& shared_periods() const {
        return shared_periods_;
    }
    const RunningStats& service_series(std::size_t shared_index, std::size_t metric,
                                       std::size_t shared_period) const {
        return series_at(shared_index * care::service_series_metrics.size() + metric,
                         shared_period);
    }
    const RunningStats& system_series(std::size_t metric, std::size_t shared_period) const {
        return series_at(shared_.size() * care::service_series_metrics.size() + metric,
                         shared_period);
    }
    const RunningStats& region_series(std::size_t shared_index, std::size_t metric,
                                      std::size_t shared_period) const {
        return series_at(shared_.size() * care::service_series_metrics.size() +
                             care::system_series_metrics.size() +
                             shared_index * care::region_series_metrics.size() + metric,
                         shared_period);
    }
    const RunningStats& municipality_series(std::size_t shared_index, std::size_t metric,
                                            std::size_t shared_period) const {
        return series_at(shared_.size() * care::service_series_metrics.size() +
                             care::system_series_metrics.size() +
                             shared_regions_.size() * care::region_series_metrics.size() +
                             shared_index * care::municipality_series_metrics.size() + metric,
                         shared_period);
    }

  private:
    /// The alternative's index of the cell's service or region (0 for the system), if it has it.
    std::optional<std::size_t> shared_owner(const care::LayoutCell& cell) const;
    /// The alternative's index of the same figure.
    template <bool PerPeriod>
    std::size_t alternative_index(const care::LayoutCell& cell, std::size_t owner) const;

    care::OutcomeLayout base_;
    care::OutcomeLayout alternative_;
    std::vector<std::pair<std::size_t, std::size_t>> shared_;
    std::vector<std::pair<std::size_t, std::size_t>> shared_regions_;
    std::vector<std::pair<std::size_t, std::size_t>> shared_municipalities_;
    std::vector<std::pair<std::size_t, std::size_t>> shared_periods_;
    std::vector<std::pair<std::size_t, std::size_t>> summary_pairs_; ///< per slot: (base, alt)
    std::vector<std::pair<std::size_t, std::size_t>> series_pairs_;  ///< per slot: (base, alt)
    std::vector<RunningStats> summary_;                              ///< per whole-horizon slot
    std::vector<RunningStats> series_; ///< per-period slots x shared periods
};

} // namespace zorgsim::experiment
