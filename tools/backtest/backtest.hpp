// A backtest: the forecast of every observed value (the same quantity at the same date, from
// the replications of a run that started before it), how often what happened fell inside the
// forecast's 50% and 90% bands, and how far the mean was off, apart for the values the scenario
// was calibrated on and those it is tested on.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "experiment/aggregate.hpp"
#include "observed.hpp"

namespace zorgsim::backtest {

/// The forecast of one quantity across replications: its mean and fan quantiles
/// (experiment::fan_quantiles: p05, p25, p50, p75, p95). NaN where no replication observed it.
struct Forecast {
    double mean = 0.0;
    std::array<double, experiment::fan_quantiles.size()> quantiles{};
    double p05() const { return quantiles[0]; }
    double p25() const { return quantiles[1]; }
    double p75() const { return quantiles[3]; }
    double p95() const { return quantiles[4]; }
};

/// An observed value beside its forecast.
struct Comparison {
    std::size_t value = 0; ///< index in ObservedData::values
    Forecast forecast;
    bool inside_50 = false; ///< p25 <= observed <= p75
    bool inside_90 = false; ///< p05 <= observed <= p95
    /// 100 x (mean - observed) / observed; nothing when the observed value is 0.
    std::optional<double> error_pct;
};

/// A point of a series' fan chart: the forecast over the periods first .. last.
struct FanPoint {
    std::size_t first_period = 0;
    std::size_t last_period = 0;
    Forecast forecast;
};

/// How well the forecast did on a set of observed values.
struct Coverage {
    std::size_t values = 0;
    std::size_t inside_50 = 0;
    std::size_t inside_90 = 0;
    std::optional<double> mape; ///< mean absolute percentage error, of the values not 0
};

struct SeriesResult {
    std::vector<FanPoint> fan;
    Coverage calibration;
    Coverage test;
};

struct BacktestResult {
    std::vector<Comparison> comparisons; ///< one per observed value, in its order
    std::vector<SeriesResult> series;    ///< one per series, in the series file's order
    Coverage calibration;                ///< every series together
    Coverage test;
};

/// The forecast of SERIES over the periods first .. last of AGGREGATE: per replication the sum
/// of its terms over those periods.
Forecast forecast(const experiment::Aggregate& aggregate, const SeriesDefinition& series,
                  std::size_t first_period, std::size_t last_period);

/// Compares every observed value with its forecast. A stock's fan has a point per period; a
/// flow's a point per window of the length of its observed periods (e.g. each year), from the
/// first whole window of the horizon.
BacktestResult compare(const ObservedData& observed, const experiment::Aggregate& aggregate);

} // namespace zorgsim::backtest
