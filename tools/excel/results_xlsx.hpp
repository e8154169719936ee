// results.xlsx: the results of a run, comparison or sizing as an Excel workbook for the
// policymakers who work in Excel. One table per sheet, real numbers with number formats,
// headers in the report's language, labels and units from the outcome catalogue.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "experiment/aggregate.hpp"
#include "experiment/runner.hpp"
#include "words/words.hpp"
#include "zorgsim/model/scenario.hpp"

namespace zorgsim::excel {

struct ScenarioResults {
    const care::Scenario* scenario;
    const experiment::Aggregate* aggregate;
};

/// What the workbook shows. Everything is borrowed: it must outlive the write.
struct Results {
    std::vector<ScenarioResults> scenarios; ///< the base first
    /// scenarios[i + 1] minus scenarios[0], paired by replication; empty for a single run.
    std::vector<const experiment::PairedDifferences*> differences;
    std::uint64_t seed = 1;
    std::size_t replications = 1;
};

Results run_results(const care::Scenario& scenario, const experiment::Aggregate& aggregate,
                    const experiment::RunOptions& options);
Results comparison_results(const std::vector<care::Scenario>& scenarios,
                           const experiment::Comparison& comparison,
                           const experiment::RunOptions& options);

/// Writes the workbook to `path`. Identical results give identical bytes: the document's
/// creation time is the (first) scenario's start date, not the clock. Throws
/// std::runtime_error when the file cannot be written.
void write_results_xlsx(const std::filesystem::path& path, const Results& results,
                        words::Language language);

} // namespace zorgsim::excel
