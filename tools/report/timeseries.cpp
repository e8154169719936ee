#include "timeseries.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <stdexcept>

#include <fmt/format.h>

#include "output/csv_cell.hpp"
#include "results.hpp"

namespace zorgsim::report {
namespace {

// Splits one CSV line; quoted fields (RFC 4180) as zorgsim writes them (output/csv_cell.hpp).
std::vector<std::string> split_csv_line(std::string_view line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                fields.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                fields.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else if (c != '\r') {
            fields.back() += c;
        }
    }
    return fields;
}

// The key of one series: its three names, separated by a byte no CSV cell of a name holds.
std::string series_key(std::string_view scenario, std::string_view service,
                       std::string_view metric) {
    std::string key;
    key.reserve(scenario.size() + service.size() + metric.size() + 2);
    key.append(scenario).append(1, '\0').append(service).append(1, '\0').append(metric);
    return key;
}

std::optional<double> parse_number(const std::string& cell, const std::filesystem::path& file,
                                   std::size_t line_number) {
    if (cell.empty()) {
        return std::nullopt;
    }
    double value = 0.0;
    const auto* end = cell.data() + cell.size();
    const auto [ptr, ec] = std::from_chars(cell.data(), end, value);
    if (ec != std::errc{} || ptr != end) {
        throw InvalidResults(
            fmt::format("{}:{}: error: '{}' is not a number", file.string(), line_number, cell));
    }
    return value;
}

} // namespace

Timeseries Timeseries::read(const std::filesystem::path& file, std::string_view scenario_column) {
    check_file_size(file, max_csv_bytes);
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw InvalidResults(fmt::format("{}: error: cannot open", file.string()));
    }
    std::string line;
    if (!std::getline(in, line)) {
        throw InvalidResults(
            fmt::format("{}: error: empty file, expected a header line", file.string()));
    }
    const auto header = split_csv_line(line);
    const std::array<std::string_view, 12> columns{
        scenario_column, "period_start", "service", "metric", "mean", "ci95_lo",
        "ci95_hi",       "p05",          "p25",     "p50",    "p75",  "p95"};
    constexpr std::size_t required = 7; // the quantiles are optional (differences.csv has none)
    constexpr std::size_t absent = static_cast<std::size_t>(-1);
    std::array<std::size_t, columns.size()> index{};
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const auto found = std::find(header.begin(), header.end(), columns[c]);
        if (found == header.end() && c < required) {
            throw InvalidResults(
                fmt::format("{}:1: error: no column '{}'", file.string(), columns[c]));
        }
        index[c] =
            found == header.end() ? absent : static_cast<std::size_t>(found - header.begin());
    }

    std::vector<TimeseriesRow> rows;
    std::size_t line_number = 1;
    while (std::getline(in, line)) {
        ++line_number;
        if (line.empty() || line == "\r") {
            continue;
        }
        // A quoted cell may hold a line break (RFC 4180): the row goes on on the next line.
        const std::size_t first_line = line_number;
        std::string next;
        while (std::count(line.begin(), line.end(), '"') % 2 == 1 && std::getline(in, next)) {
            ++line_number;
            line += '\n';
            line += next;
        }
        if (rows.size() == max_csv_rows) {
            throw InvalidResults(fmt::format("{}:{}: error: more than {} rows; zorgsim's own files "
                                             "have at most {}",
                                             file.string(), first_line, max_csv_rows,
                                             max_csv_rows));
        }
        const auto cells = split_csv_line(line);
        if (cells.size() != header.size()) {
            throw InvalidResults(fmt::format("{}:{}: error: {} cells, the header has {}",
                                             file.string(), first_line, cells.size(),
                                             header.size()));
        }
        const auto number = [&](std::size_t c) -> std::optional<double> {
            if (index[c] == absent) {
                return std::nullopt;
            }
            return parse_number(cells[index[c]], file, first_line);
        };
        const auto text = [&](std::size_t c) {
            return std::string(output::csv_text(cells[index[c]]));
        };
        rows.push_back(TimeseriesRow{text(0), cells[index[1]], text(2), text(3), number(4),
                                     number(5), number(6), number(7), number(8), number(9),
                                     number(10), number(11)});
    }
    return Timeseries(std::move(rows));
}

Timeseries::Timeseries(std::vector<TimeseriesRow> rows) : rows_(std::move(rows)) {
    for (std::size_t r = 0; r < rows_.size(); ++r) {
        const auto& row = rows_[r];
        series_[series_key(row.scenario, row.service, row.metric)].push_back(r);
        periods_.push_back(row.period_start);
    }
    // ISO dates sort as text.
    for (auto& [key, indices] : series_) {
        std::stable_sort(indices.begin(), indices.end(), [&](std::size_t a, std::size_t b) {
            return rows_[a].period_start < rows_[b].period_start;
        });
    }
    std::sort(periods_.begin(), periods_.end());
    periods_.erase(std::unique(periods_.begin(), periods_.end()), periods_.end());
}

std::vector<const TimeseriesRow*> Timeseries::series(std::string_view scenario,
                                                     std::string_view service,
                                                     std::string_view metric) const& {
    std::vector<const TimeseriesRow*> out;
    const auto found = series_.find(series_key(scenario, service, metric));
    if (found != series_.end()) {
        for (const std::size_t r : found->second) {
            out.push_back(&rows_[r]);
        }
    }
    return out;
}

} // namespace zorgsim::report
