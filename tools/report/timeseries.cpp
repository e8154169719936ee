#include "timeseries.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <stdexcept>

#include <fmt/format.h>

namespace zorgsim::report {
namespace {

// Splits one CSV line; quoted fields (RFC 4180) are accepted although zorgsim writes none.
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

std::optional<double> parse_number(const std::string& cell, const std::filesystem::path& file,
                                   std::size_t line_number) {
    if (cell.empty()) {
        return std::nullopt;
    }
    double value = 0.0;
    const auto* end = cell.data() + cell.size();
    const auto [ptr, ec] = std::from_chars(cell.data(), end, value);
    if (ec != std::errc{} || ptr != end) {
        throw std::runtime_error(
            fmt::format("{}:{}: '{}' is not a number", file.string(), line_number, cell));
    }
    return value;
}

} // namespace

Timeseries Timeseries::read(const std::filesystem::path& file, std::string_view scenario_column) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw std::runtime_error(fmt::format("{}: cannot open", file.string()));
    }
    std::string line;
    if (!std::getline(in, line)) {
        throw std::runtime_error(
            fmt::format("{}: empty file, expected a header line", file.string()));
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
            throw std::runtime_error(
                fmt::format("{}:1: no column '{}'", file.string(), columns[c]));
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
        const auto cells = split_csv_line(line);
        if (cells.size() != header.size()) {
            throw std::runtime_error(fmt::format("{}:{}: {} cells, the header has {}",
                                                 file.string(), line_number, cells.size(),
                                                 header.size()));
        }
        const auto number = [&](std::size_t c) -> std::optional<double> {
            if (index[c] == absent) {
                return std::nullopt;
            }
            return parse_number(cells[index[c]], file, line_number);
        };
        rows.push_back(TimeseriesRow{cells[index[0]], cells[index[1]], cells[index[2]],
                                     cells[index[3]], number(4), number(5), number(6), number(7),
                                     number(8), number(9), number(10), number(11)});
    }
    return Timeseries(std::move(rows));
}

std::vector<const TimeseriesRow*> Timeseries::series(std::string_view scenario,
                                                     std::string_view service,
                                                     std::string_view metric) const& {
    std::vector<const TimeseriesRow*> out;
    for (const auto& row : rows_) {
        if (row.scenario == scenario && row.service == service && row.metric == metric) {
            out.push_back(&row);
        }
    }
    // ISO dates sort as text.
    std::stable_sort(out.begin(), out.end(), [](const auto* a, const auto* b) {
        return a->period_start < b->period_start;
    });
    return out;
}

std::vector<std::string> Timeseries::periods() const {
    std::vector<std::string> out;
    for (const auto& row : rows_) {
        out.push_back(row.period_start);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace zorgsim::report
