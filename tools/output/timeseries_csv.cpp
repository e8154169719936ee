#include "timeseries_csv.hpp"

#include <cmath>

#include <fmt/format.h>

#include "csv_cell.hpp"
#include "series_cells.hpp"

namespace zorgsim::output {

std::string region_entity(std::string_view region) {
    return fmt::format("region:{}", region);
}

std::string municipality_entity(std::string_view municipality) {
    return fmt::format("municipality:{}", municipality);
}

std::string csv_number(double x) {
    if (!std::isfinite(x))
        return {};
    if (x == 0.0)
        return "0"; // also turns -0 into 0
    return fmt::format("{:.6g}", x);
}

namespace {
void append_cell(std::string& out, const care::Scenario& scenario, const std::string& period_start,
                 std::string_view entity, std::string_view metric,
                 const experiment::SeriesCell& cell) {
    out += fmt::format("{},{},{},{},", csv_cell(scenario.name), period_start, csv_cell(entity),
                       csv_cell(metric));
    if (cell.stats.count() == 0) {
        out += ",,,,,,,\n";
        return;
    }
    const auto [lo, hi] = cell.stats.ci95();
    const bool interval = cell.stats.count() > 1; // one replication gives no interval
    out += fmt::format("{},{},{}", csv_number(cell.stats.mean()), interval ? csv_number(lo) : "",
                       interval ? csv_number(hi) : "");
    for (const double q : cell.quantiles())
        out += "," + csv_number(q);
    out += "\n";
}
} // namespace

std::string timeseries_rows(const care::Scenario& scenario,
                            const experiment::Aggregate& aggregate) {
    const auto& layout = aggregate.layout();
    const Calendar calendar(scenario.start);
    std::vector<std::string> starts;
    for (std::size_t p = 0; p < layout.periods.size(); ++p)
        starts.push_back(calendar.iso(layout.periods.start(p)));
    auto reported = [&](std::size_t p) { return layout.periods.start(p) >= scenario.warmup_days; };

    std::string out;
    care::for_each_cell<true>(layout, [&](const care::LayoutCell& cell) {
        const std::string name = entity(cell);
        for (std::size_t p = 0; p < layout.periods.size(); ++p)
            if (reported(p))
                append_cell(out, scenario, starts[p], name, cell.metric,
                            aggregate.series(cell.index, p));
    });
    return out;
}

} // namespace zorgsim::output
