// The zorgsim commands; each returns the process exit code.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common.hpp"

namespace zorgsim::cli {

struct RunArguments {
    CommonOptions common;
    std::optional<std::string> scenario;
    std::string trace;
};
int run_command(const RunArguments& arguments);

/// The replications of validate's pilot run, which looks for waiting lists that keep growing.
inline constexpr std::size_t pilot_replications = 20;
/// Checks a scenario: errors and warnings of the file, then those of a short pilot run; with
/// `quiet` only errors, and no pilot run.
int validate_command(const std::string& scenario, const std::vector<std::string>& sets, bool quiet);
int describe_command(const std::optional<std::string>& scenario,
                     const std::vector<std::string>& sets);

struct CompareArguments {
    CommonOptions common;
    std::vector<std::string> scenarios;
    std::string trace; ///< replication 0 of every scenario, one after another
};
int compare_command(const CompareArguments& arguments);

struct SweepArguments {
    CommonOptions common;
    std::string scenario;
    std::vector<std::string> grid; ///< PATH=V1,V2,... (the --set of sweep)
    bool keep_going = false;       ///< run the other points when one is bad
};
int sweep_command(const SweepArguments& arguments);

struct SizeArguments {
    CommonOptions common;
    std::string scenario;
    std::vector<std::string> services;
    std::vector<std::string> targets;
    int max_capacity = 1000;
    std::string plan = "per-period";  ///< constant, per-period, build-up or phase-out
    std::size_t max_replications = 0; ///< near the target; 0: four times --replications
};
int size_command(const SizeArguments& arguments);

struct BacktestArguments {
    CommonOptions common;
    std::string scenario;
    std::string observed; ///< the observed series (docs/backtest.md)
    std::string series;   ///< which outputs make each series; empty: NAME-series.csv beside it
};
/// Runs SCENARIO and compares its forecast with what was observed: backtest.csv, backtest.json
/// and the run's files, with a report section "Forecast against what happened".
int backtest_command(const BacktestArguments& arguments);

int report_command(const std::string& dir, bool figures, words::Language language);

} // namespace zorgsim::cli
