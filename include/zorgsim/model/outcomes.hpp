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
#include "zorgsim/model/flows.hpp"
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
inline constexpr auto municipality_summary_metrics = outcome_ids<Scope::municipality, false>;
inline constexpr auto municipality_series_metrics = outcome_ids<Scope::municipality, true>;

/// The shape of a replication's results for one scenario.
struct OutcomeLayout {
    std::vector<std::string> services; ///< service ids, in scenario order
    std::vector<std::string> regions;  ///< region ids, in scenario order
    /// Municipality names, in scenario order; empty unless the scenario gives their youths.
    std::vector<std::string> municipalities;
    PeriodGrid periods;
    std::vector<std::string> sources; ///< referral channel ids, in scenario order

    FlowLayout flows() const { return FlowLayout{sources.size(), services.size()}; }

    std::size_t summary_size() const {
        return services.size() * service_summary_metrics.size() + system_summary_metrics.size() +
               regions.size() * region_summary_metrics.size() +
               municipalities.size() * municipality_summary_metrics.size();
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
               regions.size() * region_series_metrics.size() +
               municipalities.size() * municipality_series_metrics.size();
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
    std::size_t municipality_summary(std::size_t municipality, std::size_t metric) const {
        return region_summary(regions.size(), 0) +
               municipality * municipality_summary_metrics.size() + metric;
    }
    std::size_t municipality_series(std::size_t municipality, std::size_t metric) const {
        return region_series(regions.size(), 0) +
               municipality * municipality_series_metrics.size() + metric;
    }
};

/// One figure of a layout: the outcome, whose it is (a service or region id or municipality
/// name; empty for the system) and its index (in the summary, or the series cell).
struct LayoutCell {
    Scope scope;
    std::string_view owner;
    std::size_t owner_index; ///< in layout.services, regions or municipalities; 0: the system
    std::string_view metric;
    std::size_t metric_index; ///< in the scope's metric list
    std::size_t index;
};

/// Calls visit(LayoutCell) for every whole-horizon figure (PerPeriod = false) or per-period
/// cell of `layout`: services in scenario order, then the system, regions, municipalities; metrics
/// in catalogue order. Every writer walks the layout this way instead of spelling out the scopes.
template <bool PerPeriod, typename Visit>
void for_each_cell(const OutcomeLayout& layout, Visit&& visit) {
    constexpr const auto& service_metrics = outcome_ids<Scope::service, PerPeriod>;
    constexpr const auto& system_metrics = outcome_ids<Scope::system, PerPeriod>;
    constexpr const auto& region_metrics = outcome_ids<Scope::region, PerPeriod>;
    for (std::size_t s = 0; s < layout.services.size(); ++s)
        for (std::size_t m = 0; m < service_metrics.size(); ++m)
            visit(
                LayoutCell{Scope::service, layout.services[s], s, service_metrics[m], m,
                           PerPeriod ? layout.service_series(s, m) : layout.service_summary(s, m)});
    for (std::size_t m = 0; m < system_metrics.size(); ++m)
        visit(LayoutCell{Scope::system,
                         {},
                         0,
                         system_metrics[m],
                         m,
                         PerPeriod ? layout.system_series(m) : layout.system_summary(m)});
    for (std::size_t r = 0; r < layout.regions.size(); ++r)
        for (std::size_t m = 0; m < region_metrics.size(); ++m)
            visit(LayoutCell{Scope::region, layout.regions[r], r, region_metrics[m], m,
                             PerPeriod ? layout.region_series(r, m) : layout.region_summary(r, m)});
    constexpr const auto& municipality_metrics = outcome_ids<Scope::municipality, PerPeriod>;
    for (std::size_t g = 0; g < layout.municipalities.size(); ++g)
        for (std::size_t m = 0; m < municipality_metrics.size(); ++m)
            visit(LayoutCell{
                Scope::municipality, layout.municipalities[g], g, municipality_metrics[m], m,
                PerPeriod ? layout.municipality_series(g, m) : layout.municipality_summary(g, m)});
}

/// One replication's figures. A NaN means "no observation" (e.g. nobody admitted).
struct ReplicationOutcome {
    std::vector<double> summary;         ///< OutcomeLayout::summary_size() values
    std::vector<double> series;          ///< series_cells() x periods, cell-major
    std::vector<Histogram> waits;        ///< per service: waits of those admitted after warm-up
    std::vector<Histogram> period_waits; ///< per period, of Observation::period_waits_of
    std::vector<double> flows;           ///< moves over the horizon, OutcomeLayout::flows()
    double series_value(const OutcomeLayout& layout, std::size_t cell, std::size_t period) const {
        return series[cell * layout.periods.size() + period];
    }
};

/// The reporting periods of a scenario.
PeriodGrid period_grid(const Scenario& scenario);
OutcomeLayout outcome_layout(const Scenario& scenario);

} // namespace zorgsim::care
