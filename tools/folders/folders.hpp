// The results folders of run, compare and size (docs/output-format.md): every file the command
// writes, staged into an OutputFolder that the caller then commits. report.html is made last,
// from the staged files. Used by the command line and by the Python module alike.
#pragma once

#include <vector>

#include "backtest/backtest.hpp"
#include "experiment/runner.hpp"
#include "experiment/sizing.hpp"
#include "output/output_folder.hpp"
#include "output/results_json.hpp"
#include "words/words.hpp"
#include "zorgsim/model/scenario.hpp"

namespace zorgsim::folders {

struct FolderOptions {
    words::Language language = words::Language::nl; ///< of results.xlsx and report.html
    bool keep_replications = false;                 ///< also write replications.csv
};

/// The seed, replications and resolved scenarios (for provenance) of what ran. The resolved
/// texts are made once here: the provenance hashes are of the very bytes written.
output::RunInfo run_info(const experiment::RunOptions& options,
                         const std::vector<care::Scenario>& scenarios);

/// One scenario's run: summary.json, timeseries.csv, results.xlsx, scenario.yaml, with
/// keep_replications replications.csv, then report.html.
void stage_run_folder(output::OutputFolder& folder, const care::Scenario& scenario,
                      const experiment::Aggregate& aggregate, const experiment::RunOptions& options,
                      const FolderOptions& what);

/// A comparison: comparison.json, timeseries.csv, results.xlsx, replications.csv (when kept),
/// differences.csv, scenario-NAME.yaml per scenario, then report.html.
void stage_comparison_folder(output::OutputFolder& folder,
                             const std::vector<care::Scenario>& scenarios,
                             const experiment::Comparison& comparison,
                             const experiment::RunOptions& options, const FolderOptions& what);

/// A sizing: sizing.json, then the sized scenario's run as stage_run_folder writes it.
void stage_sizing_folder(output::OutputFolder& folder, const care::Scenario& sized,
                         const std::vector<experiment::SizingResult>& results,
                         const experiment::Aggregate& achieved,
                         const experiment::RunOptions& options, const FolderOptions& what);

/// A backtest: backtest.csv and backtest.json, then the scenario's run as stage_run_folder
/// writes it (its report has the section "Forecast against what happened").
void stage_backtest_folder(output::OutputFolder& folder, const care::Scenario& scenario,
                           const backtest::ObservedData& observed,
                           const backtest::BacktestResult& result,
                           const experiment::Aggregate& aggregate,
                           const experiment::RunOptions& options, const FolderOptions& what);

} // namespace zorgsim::folders
