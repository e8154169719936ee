// The per-period cells of a results layout in the order the CSV files list them: every
// service's metrics, then the system's, then every region's ("region:ID"). One walk, so that
// timeseries.csv and replications.csv cannot disagree on what a row is.
#pragma once

#include <string>
#include <string_view>

#include "timeseries_csv.hpp"
#include "zorgsim/model/outcomes.hpp"

namespace zorgsim::output {

/// Calls visit(entity, metric, cell) for every series cell of `layout`, where entity is the
/// `service` column (a service id, "system" or "region:ID") and cell indexes the layout.
template <typename Visit>
void for_each_series_cell(const care::OutcomeLayout& layout, Visit&& visit) {
    for (std::size_t s = 0; s < layout.services.size(); ++s)
        for (std::size_t m = 0; m < care::service_series_metrics.size(); ++m)
            visit(std::string_view(layout.services[s]), care::service_series_metrics[m],
                  layout.service_series(s, m));
    for (std::size_t m = 0; m < care::system_series_metrics.size(); ++m)
        visit(std::string_view("system"), care::system_series_metrics[m], layout.system_series(m));
    for (std::size_t r = 0; r < layout.regions.size(); ++r) {
        const std::string entity = region_entity(layout.regions[r]);
        for (std::size_t m = 0; m < care::region_series_metrics.size(); ++m)
            visit(std::string_view(entity), care::region_series_metrics[m],
                  layout.region_series(r, m));
    }
}

} // namespace zorgsim::output
