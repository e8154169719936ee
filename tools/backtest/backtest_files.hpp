// The files of a backtest: backtest.csv (one row per observed value beside its forecast, the
// contract's columns) and backtest.json (what the report draws: each series' fan over the
// horizon with the observed values on it, and the coverage of the calibration and test values).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "backtest.hpp"

namespace zorgsim::backtest {

inline constexpr std::string_view backtest_header =
    "series,date,observed,mean,p05,p25,p50,p75,p95,inside_50,inside_90,error_pct\n";

std::string backtest_csv(const ObservedData& observed, const BacktestResult& result);

nlohmann::ordered_json backtest_json(const care::Scenario& scenario, const ObservedData& observed,
                                     const BacktestResult& result);

} // namespace zorgsim::backtest
