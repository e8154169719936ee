// What one replication of the care model measures, as flat arrays with a fixed layout, so
// that replications can be aggregated (and compared) without knowing the model.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "zorgsim/engine/histogram.hpp"
#include "zorgsim/engine/period_grid.hpp"
#include "zorgsim/model/scenario.hpp"

namespace zorgsim::care {

/// Whole-horizon metrics of each service (names as in summary.json).
inline constexpr std::array<std::string_view, 14> service_summary_metrics{
    "wait_days",       "queue_length", "occupancy",           "utilization", "capacity",
    "admissions",      "discharges",   "length_of_stay_days", "rejected",    "reneged",
    "waits_over_norm", "blocked",      "substituted",         "cost"};

/// Whole-horizon metrics of the system as a whole.
inline constexpr std::array<std::string_view, 22> system_summary_metrics{"arrivals",
                                                                         "exits",
                                                                         "in_system_end",
                                                                         "new_referrals",
                                                                         "reentries",
                                                                         "census",
                                                                         "youths",
                                                                         "in_care",
                                                                         "waiting",
                                                                         "out_of_home",
                                                                         "closed",
                                                                         "closed_admissions",
                                                                         "replacements",
                                                                         "replacements_per_youth",
                                                                         "aged_out",
                                                                         "adult_support",
                                                                         "no_suitable_place",
                                                                         "share_care_days_at_home",
                                                                         "substitutions",
                                                                         "cost",
                                                                         "in_care_end",
                                                                         "events"};

/// Per-period metrics of each service (names as in timeseries.csv).
inline constexpr std::array<std::string_view, 11> service_series_metrics{
    "occupancy", "capacity",        "utilization", "queue_length", "admissions", "discharges",
    "wait_days", "waits_over_norm", "rejected",    "blocked",      "cost"};

/// Per-period metrics of the system.
inline constexpr std::array<std::string_view, 11> system_series_metrics{
    "in_care",      "waiting",  "out_of_home",       "closed", "arrivals", "reentries", "exits",
    "replacements", "aged_out", "no_suitable_place", "cost"};

/// Whole-horizon metrics of each region's youths (a scenario with regions). A youth belongs
/// to the region of the channel that referred it, wherever it is placed.
inline constexpr std::array<std::string_view, 18> region_summary_metrics{
    "arrivals",          "new_referrals",
    "reentries",         "exits",
    "in_care",           "waiting",
    "out_of_home",       "closed",
    "closed_admissions", "replacements",
    "aged_out",          "adult_support",
    "no_suitable_place", "shared_admissions",
    "shared_wait_days",  "wait_days",
    "waits_over_norm",   "cost"};

/// Per-period metrics of each region's youths.
inline constexpr std::array<std::string_view, 10> region_series_metrics{
    "in_care",   "waiting",      "out_of_home",       "closed",           "arrivals",
    "reentries", "replacements", "shared_admissions", "shared_wait_days", "cost"};

/// Index of a metric name in one of the arrays above; the array size if absent.
template <std::size_t N>
constexpr std::size_t metric_index(const std::array<std::string_view, N>& metrics,
                                   std::string_view name) {
    for (std::size_t i = 0; i < N; ++i)
        if (metrics[i] == name)
            return i;
    return N;
}

/// The shape of a replication's results for one scenario.
struct OutcomeLayout {
    std::vector<std::string> services; ///< service ids, in scenario order
    std::vector<std::string> regions;  ///< region ids, in scenario order
    PeriodGrid periods;

    std::size_t summary_size() const {
        return services.size() * service_summary_metrics.size() + system_summary_metrics.size() +
               regions.size() * region_summary_metrics.size();
    }
    std::size_t service_summary(std::size_t service, std::size_t metric) const {
        return service * service_summary_metrics.size() + metric;
    }
    std::size_t system_summary(std::size_t metric) const {
        return services.size() * service_summary_metrics.size() + metric;
    }
    std::size_t region_summary(std::size_t region, std::size_t metric) const {
        return system_summary(system_summary_metrics.size()) +
               region * region_summary_metrics.size() + metric;
    }
    std::size_t series_cells() const {
        return services.size() * service_series_metrics.size() + system_series_metrics.size() +
               regions.size() * region_series_metrics.size();
    }
    std::size_t service_series(std::size_t service, std::size_t metric) const {
        return service * service_series_metrics.size() + metric;
    }
    std::size_t system_series(std::size_t metric) const {
        return services.size() * service_series_metrics.size() + metric;
    }
    std::size_t region_series(std::size_t region, std::size_t metric) const {
        return system_series(system_series_metrics.size()) + region * region_series_metrics.size() +
               metric;
    }
};

/// One replication's figures. A NaN means "no observation" (e.g. nobody admitted).
struct ReplicationOutcome {
    std::vector<double> summary;         ///< OutcomeLayout::summary_size() values
    std::vector<double> series;          ///< series_cells() x periods, cell-major
    std::vector<Histogram> waits;        ///< per service: waits of those admitted after warm-up
    std::vector<Histogram> period_waits; ///< per period, of Observation::period_waits_of
    double series_value(const OutcomeLayout& layout, std::size_t cell, std::size_t period) const {
        return series[cell * layout.periods.size() + period];
    }
};

/// The reporting periods of a scenario.
PeriodGrid period_grid(const Scenario& scenario);
OutcomeLayout outcome_layout(const Scenario& scenario);

} // namespace zorgsim::care
