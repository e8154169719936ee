#include "differences_csv.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "csv_cell.hpp"
#include "series_cells.hpp"
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
    differences.for_each_shared<true>([&](const care::LayoutCell& cell, std::size_t slot) {
        append(entity(cell), cell.metric, [&](std::size_t p) -> const RunningStats& {
            return differences.series_at(slot, p);
        });
    });
    return out;
}

} // namespace zorgsim::output
