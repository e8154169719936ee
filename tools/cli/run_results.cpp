#include "run_results.hpp"

#include "excel/results_xlsx.hpp"
#include "output/differences_csv.hpp"
#include "output/replications_csv.hpp"
#include "output/timeseries_csv.hpp"

namespace zorgsim::cli {

void stage_run_results(output::OutputFolder& folder, const care::Scenario& scenario,
                       const experiment::Aggregate& aggregate,
                       const experiment::RunOptions& options, const CommonOptions& common) {
    // The resolved text is made once: the provenance hash is of the very bytes written.
    const output::RunInfo info = run_info(options, {scenario});
    folder.write("summary.json", output::summary_json(scenario, info, aggregate).dump(2) + "\n");
    folder.write("timeseries.csv", std::string(output::timeseries_header) +
                                       output::timeseries_rows(scenario, aggregate));
    excel::write_results_xlsx(folder.stage("results.xlsx"),
                              excel::run_results(scenario, aggregate, options), common.language);
    folder.write("scenario.yaml", info.resolved.front().yaml);
    if (common.keep_replications) {
        output::ReplicationsFile replications(folder.stage("replications.csv"));
        replications.add(scenario, aggregate);
        replications.close();
    }
}

void stage_comparison_results(output::OutputFolder& folder,
                              const std::vector<care::Scenario>& scenarios,
                              const experiment::Comparison& comparison,
                              const experiment::RunOptions& options, const CommonOptions& common) {
    // The resolved texts are made once: the provenance hashes are of the very bytes written.
    const output::RunInfo info = run_info(options, scenarios);
    folder.write("comparison.json",
                 output::comparison_json(scenarios, info, comparison).dump(2) + "\n");
    std::string csv(output::timeseries_header);
    for (std::size_t i = 0; i < scenarios.size(); ++i)
        csv += output::timeseries_rows(scenarios[i], comparison.scenarios[i]);
    folder.write("timeseries.csv", csv);
    excel::write_results_xlsx(folder.stage("results.xlsx"),
                              excel::comparison_results(scenarios, comparison, options),
                              common.language);
    if (common.keep_replications) {
        output::ReplicationsFile replications(folder.stage("replications.csv"));
        for (std::size_t i = 0; i < scenarios.size(); ++i)
            replications.add(scenarios[i], comparison.scenarios[i]);
        replications.close();
    }
    std::string differences(output::differences_header);
    for (std::size_t i = 1; i < scenarios.size(); ++i)
        differences += output::differences_rows(scenarios.front(), scenarios[i],
                                                comparison.differences[i - 1]);
    folder.write("differences.csv", differences);
    for (const auto& resolved : info.resolved)
        folder.write("scenario-" + resolved.name + ".yaml", resolved.yaml);
}

} // namespace zorgsim::cli
