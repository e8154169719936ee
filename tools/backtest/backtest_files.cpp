#include "backtest_files.hpp"

#include <cmath>

#include <fmt/format.h>

#include "output/csv_cell.hpp"
#include "output/timeseries_csv.hpp"
#include "zorgsim/engine/calendar.hpp"

namespace zorgsim::backtest {
namespace {

using Json = nlohmann::ordered_json;

Json number(double x) {
    return std::isfinite(x) ? Json(x) : Json(nullptr);
}

Json forecast_json(const Forecast& f) {
    return Json{{"mean", number(f.mean)},        {"p05", number(f.quantiles[0])},
                {"p25", number(f.quantiles[1])}, {"p50", number(f.quantiles[2])},
                {"p75", number(f.quantiles[3])}, {"p95", number(f.quantiles[4])}};
}

Json coverage_json(const Coverage& c) {
    return Json{{"values", c.values},
                {"inside_50", c.inside_50},
                {"inside_90", c.inside_90},
                {"mape", c.mape ? Json(*c.mape) : Json(nullptr)}};
}

} // namespace

std::string backtest_csv(const ObservedData& observed, const BacktestResult& result) {
    std::string out(backtest_header);
    for (const Comparison& c : result.comparisons) {
        const ObservedValue& value = observed.values[c.value];
        const Forecast& f = c.forecast;
        out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}\n",
                           output::csv_cell(observed.series[value.series].id), to_iso(value.date),
                           output::csv_number(value.value), output::csv_number(f.mean),
                           output::csv_number(f.quantiles[0]), output::csv_number(f.quantiles[1]),
                           output::csv_number(f.quantiles[2]), output::csv_number(f.quantiles[3]),
                           output::csv_number(f.quantiles[4]), c.inside_50 ? "true" : "false",
                           c.inside_90 ? "true" : "false",
                           c.error_pct ? output::csv_number(*c.error_pct) : "");
    }
    return out;
}

Json backtest_json(const care::Scenario& scenario, const ObservedData& observed,
                   const BacktestResult& result) {
    const Calendar calendar(scenario.start);
    const PeriodGrid grid = care::period_grid(scenario);
    auto first_day = [&](std::size_t period) { return calendar.iso(grid.start(period)); };
    auto last_day = [&](std::size_t period) { return calendar.iso(grid.end(period) - 1.0); };

    Json series = Json::array();
    for (std::size_t s = 0; s < observed.series.size(); ++s) {
        const SeriesDefinition& definition = observed.series[s];
        const SeriesResult& outcome = result.series[s];
        Json fan = Json::array();
        for (const FanPoint& point : outcome.fan) {
            Json row{{"period_start", first_day(point.first_period)},
                     {"period_end", last_day(point.last_period)}};
            row.update(forecast_json(point.forecast));
            fan.push_back(std::move(row));
        }
        Json values = Json::array();
        for (const Comparison& c : result.comparisons) {
            const ObservedValue& value = observed.values[c.value];
            if (value.series != s)
                continue;
            Json row{{"date", to_iso(value.date)},
                     {"period_start",
                      value.period_start ? Json(to_iso(*value.period_start)) : Json(nullptr)},
                     {"measure", to_string(value.measure)},
                     {"observed", value.value},
                     {"unit", value.unit},
                     {"use", to_string(value.use)},
                     {"source", value.source},
                     {"line", value.line}};
            row["forecast"] = forecast_json(c.forecast);
            row["inside_50"] = c.inside_50;
            row["inside_90"] = c.inside_90;
            row["error_pct"] = c.error_pct ? Json(*c.error_pct) : Json(nullptr);
            values.push_back(std::move(row));
        }
        series.push_back(Json{{"id", definition.id},
                              {"model", definition.model},
                              {"unit", definition.unit},
                              {"label_nl", definition.label_nl},
                              {"label_en", definition.label_en},
                              {"fan", std::move(fan)},
                              {"observed", std::move(values)},
                              {"calibration", coverage_json(outcome.calibration)},
                              {"test", coverage_json(outcome.test)}});
    }
    Json not_compared = Json::array();
    for (const NotCompared& n : observed.not_compared)
        not_compared.push_back(
            Json{{"line", n.line}, {"series", n.series}, {"date", n.date}, {"reason", n.reason}});
    return Json{{"format", 1},
                {"scenario", scenario.name},
                {"observed_file", observed.observed_file.filename().string()},
                {"series_file", observed.series_file.filename().string()},
                {"start", to_iso(scenario.start)},
                {"series", std::move(series)},
                {"calibration", coverage_json(result.calibration)},
                {"test", coverage_json(result.test)},
                {"not_compared", std::move(not_compared)}};
}

} // namespace zorgsim::backtest
