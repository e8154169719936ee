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
#include "zorgsim/model/metrics.hpp"
#include "zorgsim/model/scenario.hpp"

namespace zorgsim::care {

// The metric lists of each scope, in the outcome catalogue's order (metrics.hpp defines them).
inline constexpr auto service_summary_metrics = outcome_ids<Scope::service, false>;
inline constexpr auto system_summary_metrics = outcome_ids<Scope::system, false>;
inline constexpr auto region_summary_metrics = outcome_ids<Scope::region, false>;
inline constexpr auto service_series_metrics = outcome_ids<Scope::service, true>;
inline constexpr auto system_series_metrics = outcome_ids<Scope::system, true>;
inline constexpr auto region_series_metrics = outcome_ids<Scope::region, true>;

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
