#include "backtest.hpp"

#include <cmath>

namespace zorgsim::backtest {
namespace {

void count(Coverage& coverage, const Comparison& comparison, double& absolute_errors,
           std::size_t& with_error) {
    ++coverage.values;
    coverage.inside_50 += comparison.inside_50 ? 1 : 0;
    coverage.inside_90 += comparison.inside_90 ? 1 : 0;
    if (comparison.error_pct) {
        absolute_errors += std::abs(*comparison.error_pct);
        ++with_error;
    }
}

/// Coverage of the comparisons that `pick` selects.
template <typename Pick>
Coverage coverage_of(const ObservedData& observed, const std::vector<Comparison>& comparisons,
                     Pick&& pick) {
    Coverage coverage;
    double absolute_errors = 0.0;
    std::size_t with_error = 0;
    for (const Comparison& comparison : comparisons)
        if (pick(observed.values[comparison.value]))
            count(coverage, comparison, absolute_errors, with_error);
    if (with_error > 0)
        coverage.mape = absolute_errors / static_cast<double>(with_error);
    return coverage;
}

} // namespace

Forecast forecast(const experiment::Aggregate& aggregate, const SeriesDefinition& series,
                  std::size_t first_period, std::size_t last_period) {
    experiment::SeriesCell values;
    for (std::size_t r = 0; r < aggregate.replications(); ++r) {
        double sum = 0.0;
        for (const ModelTerm& term : series.terms)
            for (std::size_t p = first_period; p <= last_period; ++p)
                sum += aggregate.series(term.cell, p).values[r];
        values.add(sum); // NaN (no observation in a term) stays out of the mean
    }
    Forecast result;
    result.mean = values.stats.count() > 0 ? values.stats.mean() : std::nan("");
    result.quantiles = values.quantiles();
    return result;
}

BacktestResult compare(const ObservedData& observed, const experiment::Aggregate& aggregate) {
    BacktestResult result;
    for (std::size_t v = 0; v < observed.values.size(); ++v) {
        const ObservedValue& value = observed.values[v];
        Comparison comparison;
        comparison.value = v;
        comparison.forecast = forecast(aggregate, observed.series[value.series], value.first_period,
                                       value.last_period);
        const Forecast& f = comparison.forecast;
        comparison.inside_50 = f.p25() <= value.value && value.value <= f.p75();
        comparison.inside_90 = f.p05() <= value.value && value.value <= f.p95();
        if (value.value != 0.0 && std::isfinite(f.mean))
            comparison.error_pct = 100.0 * (f.mean - value.value) / value.value;
        result.comparisons.push_back(comparison);
    }

    const std::size_t periods = aggregate.layout().periods.size();
    for (std::size_t s = 0; s < observed.series.size(); ++s) {
        SeriesResult series;
        // The window of the fan: one period for a stock, the length of the first observed
        // period for a flow, aligned with it.
        std::size_t window = 1;
        std::size_t offset = 0;
        for (const ObservedValue& value : observed.values)
            if (value.series == s) {
                if (value.measure == Measure::flow) {
                    window = value.last_period - value.first_period + 1;
                    offset = value.first_period % window;
                }
                break;
            }
        for (std::size_t first = offset; first + window <= periods; first += window)
            series.fan.push_back(
                {first, first + window - 1,
                 forecast(aggregate, observed.series[s], first, first + window - 1)});
        series.calibration = coverage_of(observed, result.comparisons, [&](const auto& value) {
            return value.series == s && value.use == Use::calibration;
        });
        series.test = coverage_of(observed, result.comparisons, [&](const auto& value) {
            return value.series == s && value.use == Use::test;
        });
        result.series.push_back(std::move(series));
    }
    result.calibration = coverage_of(observed, result.comparisons, [](const auto& value) {
        return value.use == Use::calibration;
    });
    result.test = coverage_of(observed, result.comparisons,
                              [](const auto& value) { return value.use == Use::test; });
    return result;
}

} // namespace zorgsim::backtest
