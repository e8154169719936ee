#include <fmt/format.h>

#include "commands.hpp"
#include "interrupt.hpp"
#include "output/trace_csv.hpp"
#include "output_targets.hpp"
#include "progress.hpp"
#include "report/report.hpp"
#include "run_results.hpp"

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

    stage_comparison_results(*folder, scenarios, comparison, options, arguments.common);
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
