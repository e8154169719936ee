// The files of one scenario's run in a results folder, as `run` and `size` (for the sized
// scenario) write them: summary.json, timeseries.csv, results.xlsx, scenario.yaml and, when
// asked, replications.csv; and those of a comparison. The report comes after, from what is
// staged.
#pragma once

#include "common.hpp"
#include "output/output_folder.hpp"

namespace zorgsim::cli {

void stage_run_results(output::OutputFolder& folder, const care::Scenario& scenario,
                       const experiment::Aggregate& aggregate,
                       const experiment::RunOptions& options, const CommonOptions& common);

/// The files of a comparison, as `compare` (and the studio) write them: comparison.json,
/// timeseries.csv, results.xlsx, replications.csv when asked, differences.csv and every
/// scenario's scenario-NAME.yaml. The report comes after, from what is staged.
void stage_comparison_results(output::OutputFolder& folder,
                              const std::vector<care::Scenario>& scenarios,
                              const experiment::Comparison& comparison,
                              const experiment::RunOptions& options, const CommonOptions& common);

} // namespace zorgsim::cli
