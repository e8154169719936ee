// What happened, as a backtest reads it: the observed file (one row per published value: its
// series, date, value, whether it is a stock on a date or a flow over a period, and whether it
// was known when the scenario was calibrated) and the series file beside it, which says which
// model outputs make each series. Both are data a user edits, so both are read as hostile input:
// every mistake is reported at its place, and nothing is assumed about a series in code.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "scenario/load.hpp"
#include "zorgsim/model/outcomes.hpp"

namespace zorgsim::backtest {

/// A stock is a count on a date (foster children on 31 December); a flow is a count over a
/// period (JeugdzorgPlus placements in 2022).
enum class Measure { stock, flow };

/// Whether a value was known when the scenario was made (calibration) or is what it is tested on.
enum class Use { calibration, test };

std::string_view to_string(Measure measure);
std::string_view to_string(Use use);

/// One output of the model a series adds up: e.g. service.jeugdzorgplus.occupancy.
struct ModelTerm {
    std::string text;     ///< as written
    std::size_t cell = 0; ///< per-period cell of the scenario's layout
    care::Unit unit{};
};

/// A row of the series file: what the series is and which outputs make it.
struct SeriesDefinition {
    std::string id;
    std::string model; ///< as written: terms joined by " + "
    std::string unit;
    std::string label_nl;
    std::string label_en;
    std::vector<ModelTerm> terms;
    int line = 1;
};

/// A row of the observed file, resolved against the scenario's periods.
struct ObservedValue {
    std::size_t series = 0; ///< index in ObservedData::series
    std::chrono::year_month_day date;
    std::optional<std::chrono::year_month_day> period_start; ///< flows only
    double value = 0.0;
    std::string unit;
    Measure measure = Measure::stock;
    Use use = Use::calibration;
    std::string source;
    int line = 1;
    /// The scenario's periods the forecast of this value adds up (a stock: one).
    std::size_t first_period = 0;
    std::size_t last_period = 0;
};

/// An observed value the forecast cannot be compared with: outside the scenario's horizon.
struct NotCompared {
    int line = 1;
    std::string series;
    std::string date;
    std::string reason;
};

struct ObservedData {
    std::vector<SeriesDefinition> series; ///< in the series file's order
    std::vector<ObservedValue> values;    ///< in the observed file's order
    std::vector<NotCompared> not_compared;
    std::filesystem::path observed_file;
    std::filesystem::path series_file;
};

/// Mistakes reported before reading stops: a file that is wrong throughout is said so soon.
inline constexpr std::size_t max_errors = 50;

/// The series file that goes with OBSERVED when none is given: NAME-series.csv beside NAME.csv.
std::filesystem::path default_series_file(const std::filesystem::path& observed);

/// Reads OBSERVED and SERIES and resolves them against SCENARIO (its outputs and periods).
/// Every mistake is added to `errors` as "FILE:LINE:COLUMN: error: ..."; the data is only
/// complete when `errors` stays empty.
ObservedData read_observed(const std::filesystem::path& observed,
                           const std::filesystem::path& series, const care::Scenario& scenario,
                           std::vector<scenario::Diagnostic>& errors);

} // namespace zorgsim::backtest
