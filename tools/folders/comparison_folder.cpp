#include "excel/results_xlsx.hpp"
#include "folders.hpp"
#include "output/differences_csv.hpp"
#include "output/replications_csv.hpp"
#include "output/timeseries_csv.hpp"
#include "report/report.hpp"

namespace zorgsim::folders {

void stage_comparison_folder(output::OutputFolder& folder,
                             const std::vector<care::Scenario>& scenarios,
                             const experiment::Comparison& comparison,
                             const experiment::RunOptions& options, const FolderOptions& what) {
    const output::RunInfo info = run_info(options, scenarios);
    folder.write("comparison.json",
                 output::comparison_json(scenarios, info, comparison).dump(2) + "\n");
    std::string csv(output::timeseries_header);
    for (std::size_t i = 0; i < scenarios.size(); ++i)
        csv += output::timeseries_rows(scenarios[i], comparison.scenarios[i]);
    folder.write("timeseries.csv", csv);
    excel::write_results_xlsx(folder.stage("results.xlsx"),
                              excel::comparison_results(scenarios, comparison, options),
                              what.language);
    if (what.keep_replications) {
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
    folder.stage("report.html");
    report::write_report(folder.staging(), what.language);
}

} // namespace zorgsim::folders
