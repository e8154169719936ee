#include "sweep_csv.hpp"

#include <fmt/format.h>

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
        const auto [lo, hi] = stats.ci95();
        const bool interval = stats.count() > 1; // one replication gives no interval
        csv += fmt::format("{},{},{},{},{},{}\n", prefix, csv_cell(entity), csv_cell(metric),
                           csv_number(stats.mean()), interval ? csv_number(lo) : "",
                           interval ? csv_number(hi) : "");
    };
    care::for_each_cell<false>(aggregate.layout(), [&](const care::LayoutCell& cell) {
        row(entity(cell), cell.metric, aggregate.summary(cell.index));
    });
}

} // namespace zorgsim::output
