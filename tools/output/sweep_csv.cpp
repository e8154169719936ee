#include "sweep_csv.hpp"

#include <fmt/format.h>

#include "../experiment/nonnegative_interval.hpp"
#include "csv_cell.hpp"
#include "series_cells.hpp"
#include "timeseries_csv.hpp"

namespace zorgsim::output {

std::string sweep_header(const std::vector<std::string>& paths) {
    std::string csv = "point";
    for (const auto& path : paths)
        csv += "," + csv_cell(path);
    csv += ",service,metric,mean,ci95_lo,ci95_hi\n";
    return csv;
}

void append_sweep_rows(std::string& csv, std::size_t point, const std::vector<std::string>& values,
                       const experiment::Aggregate& aggregate) {
    std::string prefix = std::to_string(point);
    for (const auto& value : values)
        prefix += "," + csv_cell(value);
    auto row = [&](std::string_view entity, std::string_view metric, const RunningStats& stats) {
        if (stats.count() == 0) {
            csv += fmt::format("{},{},{},,,\n", prefix, csv_cell(entity), csv_cell(metric));
            return;
        }
        // Every figure of the catalogue is >= 0: so is its interval.
        const auto [lo, hi] = experiment::nonnegative_ci95(stats);
        const bool interval = stats.count() > 1; // one replication gives no interval
        csv += fmt::format("{},{},{},{},{},{}\n", prefix, csv_cell(entity), csv_cell(metric),
                           csv_number(stats.mean()), interval ? csv_number(lo) : "",
                           interval ? csv_number(hi) : "");
    };
    care::for_each_cell<false>(aggregate.layout(), [&](const care::LayoutCell& cell) {
        row(entity(cell), cell.metric, aggregate.summary(cell.index));
    });
    // The pooled wait quantiles of every service (the 4-week norm is a statement about p90).
    const auto& services = aggregate.layout().services;
    for (std::size_t s = 0; s < services.size(); ++s)
        for (const auto& [name, q] : {std::pair{"wait_days_p50", 0.5}, {"wait_days_p90", 0.9}}) {
            const auto& waits = aggregate.pooled_waits(s);
            csv += fmt::format("{},{},{},{},,\n", prefix, csv_cell(services[s]), name,
                               waits.count() ? csv_number(waits.quantile(q)) : "");
        }
}

} // namespace zorgsim::output
