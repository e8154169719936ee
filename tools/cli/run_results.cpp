#include "run_results.hpp"

#include "excel/results_xlsx.hpp"
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

} // namespace zorgsim::cli
