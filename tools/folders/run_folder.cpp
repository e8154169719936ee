#include "excel/results_xlsx.hpp"
#include "folders.hpp"
#include "output/replications_csv.hpp"
#include "output/timeseries_csv.hpp"
#include "report/report.hpp"

namespace zorgsim::folders {

void stage_run_folder(output::OutputFolder& folder, const care::Scenario& scenario,
                      const experiment::Aggregate& aggregate, const experiment::RunOptions& options,
                      const FolderOptions& what) {
    const output::RunInfo info = run_info(options, {scenario});
    folder.write("summary.json", output::summary_json(scenario, info, aggregate).dump(2) + "\n");
    folder.write("timeseries.csv", std::string(output::timeseries_header) +
                                       output::timeseries_rows(scenario, aggregate));
    excel::write_results_xlsx(folder.stage("results.xlsx"),
                              excel::run_results(scenario, aggregate, options), what.language);
    folder.write("scenario.yaml", info.resolved.front().yaml);
    if (what.keep_replications) {
        output::ReplicationsFile replications(folder.stage("replications.csv"));
        replications.add(scenario, aggregate);
        replications.close();
    }
    folder.stage("report.html");
    report::write_report(folder.staging(), what.language);
}

} // namespace zorgsim::folders
