#include "differences_csv.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "csv_cell.hpp"
#include "timeseries_csv.hpp"
#include "zorgsim/model/outcomes.hpp"

namespace zorgsim::output {

std::string differences_rows(const care::Scenario& base, const care::Scenario& alternative,
                             const experiment::PairedDifferences& differences) {
    const auto& base_layout = differences.base_layout();
    const Calendar calendar(base.start);
    const Days warmup = std::max(base.warmup_days, alternative.warmup_days);
    const auto& periods = differences.shared_periods();
    std::string out;
    auto append = [&](std::string_view entity, std::string_view metric, auto&& cell) {
        for (std::size_t p = 0; p < periods.size(); ++p) {
            const Days start = base_layout.periods.start(periods[p].first);
            if (start < warmup)
                continue;
            const RunningStats& stats = cell(p);
            out += fmt::format("{},{},{},{},{},", csv_cell(base.name), csv_cell(alternative.name),
                               calendar.iso(start), csv_cell(entity), csv_cell(metric));
            if (stats.count() == 0) {
                out += ",,\n";
                continue;
            }
            const auto [lo, hi] = stats.ci95();
            const bool interval = stats.count() > 1; // one replication gives no interval
            out += fmt::format("{},{},{}\n", csv_number(stats.mean()),
                               interval ? csv_number(lo) : "", interval ? csv_number(hi) : "");
        }
    };
    const auto& services = differences.shared_services();
    for (std::size_t s = 0; s < services.size(); ++s)
        for (std::size_t m = 0; m < care::service_series_metrics.size(); ++m)
            append(base_layout.services[services[s].first], care::service_series_metrics[m],
                   [&](std::size_t p) -> const RunningStats& {
                       return differences.service_series(s, m, p);
                   });
    for (std::size_t m = 0; m < care::system_series_metrics.size(); ++m)
        append("system", care::system_series_metrics[m], [&](std::size_t p) -> const RunningStats& {
            return differences.system_series(m, p);
        });
    const auto& regions = differences.shared_regions();
    for (std::size_t r = 0; r < regions.size(); ++r)
        for (std::size_t m = 0; m < care::region_series_metrics.size(); ++m)
            append(region_entity(base_layout.regions[regions[r].first]),
                   care::region_series_metrics[m], [&](std::size_t p) -> const RunningStats& {
                       return differences.region_series(r, m, p);
                   });
    return out;
}

} // namespace zorgsim::output
