#include <fmt/format.h>

#include "commands.hpp"
#include "excel/results_xlsx.hpp"
#include "growing_lists_warning.hpp"
#include "interrupt.hpp"
#include "output/differences_csv.hpp"
#include "output/replications_csv.hpp"
#include "output/timeseries_csv.hpp"
#include "output/trace_csv.hpp"
#include "output_targets.hpp"
#include "progress.hpp"
#include "report/report.hpp"

namespace zorgsim::cli {

int compare_command(const CompareArguments& arguments) {
    if (arguments.scenarios.size() < 2)
        throw BadInput("compare needs a base scenario and at least one alternative");
    const auto overrides = parse_overrides(arguments.common.sets);
    std::vector<care::Scenario> scenarios;
    bool failed = false;
    for (const auto& file : arguments.scenarios) {
        try {
            scenarios.push_back(
                load_scenario(std::filesystem::path(file), overrides, arguments.common.quiet));
        } catch (const BadInput&) {
            failed = true; // keep going: report the mistakes of every file
        }
    }
    if (failed)
        throw BadInput("");
    for (std::size_t i = 0; i < scenarios.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (scenarios[i].name == scenarios[j].name)
                throw BadInput(fmt::format("two scenarios are both named '{}'; names tell them "
                                           "apart in the results",
                                           scenarios[i].name));
    // Common random numbers: every scenario runs with the base's seed and replication count.
    experiment::RunOptions options =
        run_options(arguments.common, scenarios.front(), scenarios.size());
    std::string name = scenarios.front().name;
    for (std::size_t i = 1; i < scenarios.size(); ++i)
        name += "-vs-" + scenarios[i].name;
    std::optional<output::OutputFolder> folder; // only the process that writes has one
    std::optional<output::TraceFile> trace_file;
    std::optional<output::TraceCsv> trace;
    on_writer(arguments.common, [&] {
        if (!arguments.trace.empty()) { // first: a bad target stops before the folder is made
            const std::vector<std::filesystem::path> files(arguments.scenarios.begin(),
                                                           arguments.scenarios.end());
            trace.emplace(
                open_trace(trace_file, arguments.trace, output_dir(arguments.common, name), files)
                    .stream(),
                Calendar(scenarios.front().start));
            options.trace = &*trace;
        }
        open_output_folder(folder, arguments.common, name);
    });

    Progress progress("compare", options.replications, progress_wanted(arguments.common.quiet));
    options.stop = &interrupt_requested();
    options.progress = [&](std::size_t done) { progress.update(done); };
    const experiment::Comparison comparison = experiment::compare_scenarios(scenarios, options);
    progress.finish();
    if (!folder)
        return success;
    for (std::size_t i = 0; i < scenarios.size(); ++i)
        print_growing_list_warnings(scenarios[i], comparison.scenarios[i], arguments.common.quiet);

    // The resolved texts are made once: the provenance hashes are of the very bytes written.
    const output::RunInfo info = run_info(options, scenarios);
    folder->write("comparison.json",
                  output::comparison_json(scenarios, info, comparison).dump(2) + "\n");
    std::string csv(output::timeseries_header);
    for (std::size_t i = 0; i < scenarios.size(); ++i)
        csv += output::timeseries_rows(scenarios[i], comparison.scenarios[i]);
    folder->write("timeseries.csv", csv);
    excel::write_results_xlsx(folder->stage("results.xlsx"),
                              excel::comparison_results(scenarios, comparison, options),
                              arguments.common.language);
    if (arguments.common.keep_replications) {
        output::ReplicationsFile replications(folder->stage("replications.csv"));
        for (std::size_t i = 0; i < scenarios.size(); ++i)
            replications.add(scenarios[i], comparison.scenarios[i]);
        replications.close();
    }
    std::string differences(output::differences_header);
    for (std::size_t i = 1; i < scenarios.size(); ++i)
        differences += output::differences_rows(scenarios.front(), scenarios[i],
                                                comparison.differences[i - 1]);
    folder->write("differences.csv", differences);
    for (const auto& resolved : info.resolved)
        folder->write("scenario-" + resolved.name + ".yaml", resolved.yaml);
    folder->stage("report.html");
    report::write_report(folder->staging(), arguments.common.language);
    stop_if_interrupted();
    finish_trace(trace_file); // a trace that failed commits nothing
    folder->commit();
    if (trace_file)
        trace_file->commit();
    if (!arguments.common.quiet)
        fmt::print(stderr, "zorgsim: comparison of {} scenarios ({} replications) written to {}\n",
                   scenarios.size(), options.replications, folder->destination().string());
    return success;
}

} // namespace zorgsim::cli
