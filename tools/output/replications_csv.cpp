#include "replications_csv.hpp"

#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "csv_cell.hpp"
#include "series_cells.hpp"
#include "zorgsim/engine/calendar.hpp"

namespace zorgsim::output {

void write_replication_rows(std::ostream& out, const care::Scenario& scenario,
                            const experiment::Aggregate& aggregate, std::string_view prefix) {
    const auto& layout = aggregate.layout();
    const Calendar calendar(scenario.start);
    const std::string name = csv_cell(scenario.name);
    std::string buffer;
    care::for_each_cell<true>(layout, [&](const care::LayoutCell& c) {
        const std::size_t cell = c.index;
        const std::string row_key = fmt::format("{},{}", csv_cell(entity(c)), csv_cell(c.metric));
        for (std::size_t p = 0; p < layout.periods.size(); ++p) {
            if (layout.periods.start(p) < scenario.warmup_days)
                continue; // as in timeseries.csv
            const std::string start = calendar.iso(layout.periods.start(p));
            const auto& values = aggregate.series(cell, p).values;
            for (std::size_t r = 0; r < values.size(); ++r) {
                buffer.clear();
                fmt::format_to(std::back_inserter(buffer), "{}{},{},{},{},", prefix, name, r, start,
                               row_key);
                if (std::isfinite(values[r]))
                    fmt::format_to(std::back_inserter(buffer), "{}",
                                   values[r] == 0.0 ? 0.0 : values[r]); // no "-0"
                buffer += '\n';
                out << buffer;
            }
        }
    });
}

ReplicationsFile::ReplicationsFile(const std::filesystem::path& staged, bool for_sweep)
    : path_(staged), out_(staged, std::ios::binary | std::ios::trunc), for_sweep_(for_sweep) {
    out_ << (for_sweep ? sweep_replications_header : replications_header);
    if (!out_)
        throw std::runtime_error(fmt::format("cannot write {}", path_.string()));
}

void ReplicationsFile::add(const care::Scenario& scenario, const experiment::Aggregate& aggregate,
                           std::size_t point) {
    write_replication_rows(out_, scenario, aggregate,
                           for_sweep_ ? fmt::format("{},", point) : std::string());
    if (!out_)
        throw std::runtime_error(fmt::format("cannot write {}", path_.string()));
}

void ReplicationsFile::close() {
    out_.close();
    if (!out_)
        throw std::runtime_error(fmt::format("cannot write {}", path_.string()));
}

} // namespace zorgsim::output
