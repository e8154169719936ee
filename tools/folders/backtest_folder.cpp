#include "backtest/backtest_files.hpp"
#include "folders.hpp"

namespace zorgsim::folders {

void stage_backtest_folder(output::OutputFolder& folder, const care::Scenario& scenario,
                           const backtest::ObservedData& observed,
                           const backtest::BacktestResult& result,
                           const experiment::Aggregate& aggregate,
                           const experiment::RunOptions& options, const FolderOptions& what) {
    folder.write("backtest.csv", backtest::backtest_csv(observed, result));
    folder.write("backtest.json",
                 backtest::backtest_json(scenario, observed, result).dump(2) + "\n");
    stage_run_folder(folder, scenario, aggregate, options, what);
}

} // namespace zorgsim::folders
