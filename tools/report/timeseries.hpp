// timeseries.csv as read back by the report: one row per scenario, period, service and metric,
// with the mean, its 95% interval and the quantiles across replications (the fan-chart bands).
// A comparison's differences.csv reads the same way, one "scenario" per alternative.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace zorgsim::report {

/// One row of timeseries.csv. An empty cell (no observation in any replication) is nullopt.
struct TimeseriesRow {
    std::string scenario;
    std::string period_start; ///< ISO date of the period's first day
    std::string service;      ///< a service id, or "system"
    std::string metric;
    std::optional<double> mean, ci95_lo, ci95_hi, p05, p25, p50, p75, p95;
};

/// All rows of a timeseries.csv, in file order.
class Timeseries {
  public:
    Timeseries() = default;
    explicit Timeseries(std::vector<TimeseriesRow> rows);

    /// Reads FILE; columns are found by their header names, so added columns do no harm, and
    /// the quantile columns may be absent. SCENARIO_COLUMN names the column read as the
    /// scenario: "alternative" for differences.csv, whose rows are an alternative's paired
    /// differences from the base. Throws std::runtime_error naming the file and line if it is
    /// malformed.
    static Timeseries read(const std::filesystem::path& file,
                           std::string_view scenario_column = "scenario");

    /// The rows of one scenario, service and metric, sorted by period. The pointers point into
    /// this object, so asking a temporary is refused at compile time.
    std::vector<const TimeseriesRow*> series(std::string_view scenario, std::string_view service,
                                             std::string_view metric) const&;
    std::vector<const TimeseriesRow*> series(std::string_view, std::string_view,
                                             std::string_view) const&& = delete;

    /// The period starts that occur in the file, sorted.
    const std::vector<std::string>& periods() const { return periods_; }

    bool empty() const { return rows_.empty(); }
    const std::vector<TimeseriesRow>& rows() const { return rows_; }

  private:
    std::vector<TimeseriesRow> rows_;
    // Built once, so that asking every series of a file stays linear in its rows (a report asks
    // for each service's series: a scan per question was quadratic in the number of services).
    std::unordered_map<std::string, std::vector<std::size_t>> series_; ///< key -> rows by period
    std::vector<std::string> periods_;
};

} // namespace zorgsim::report
