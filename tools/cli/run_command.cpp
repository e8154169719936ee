#include <fmt/format.h>

#include "commands.hpp"
#include "growing_lists_warning.hpp"
#include "interrupt.hpp"
#include "output/trace_csv.hpp"
#include "output_targets.hpp"
#include "progress.hpp"

namespace zorgsim::cli {

int run_command(const RunArguments& arguments) {
    const auto overrides = parse_overrides(arguments.common.sets);
    const care::Scenario scenario =
        load_scenario(arguments.scenario ? std::optional<std::filesystem::path>(*arguments.scenario)
                                         : std::nullopt,
                      overrides, arguments.common.quiet);
    experiment::RunOptions options = run_options(arguments.common, scenario);
    std::optional<output::OutputFolder> folder; // only the process that writes has one
    std::optional<output::TraceFile> trace_file;
    std::optional<output::TraceCsv> trace;
    on_writer(arguments.common, [&] {
        // The trace first: a target that cannot be written stops the run before the results
        // folder is even made.
        if (!arguments.trace.empty()) {
            std::vector<std::filesystem::path> scenarios;
            if (arguments.scenario)
                scenarios.emplace_back(*arguments.scenario);
            trace.emplace(open_trace(trace_file, arguments.trace,
                                     output_dir(arguments.common, scenario.name), scenarios)
                              .stream(),
                          Calendar(scenario.start));
            options.trace = &*trace;
        }
        open_output_folder(folder, arguments.common, scenario.name);
    });

    Progress progress(scenario.name, options.replications, progress_wanted(arguments.common.quiet));
    options.stop = &interrupt_requested();
    options.progress = [&](std::size_t done) { progress.update(done); };
    const experiment::Aggregate aggregate = experiment::run_scenario(scenario, options);
    progress.finish();
    if (!folder)
        return success;
    print_growing_list_warnings(scenario, aggregate, arguments.common.quiet);

    folders::stage_run_folder(*folder, scenario, aggregate, options,
                              folder_options(arguments.common));
    stop_if_interrupted();
    finish_trace(trace_file); // a trace that failed commits nothing
    folder->commit();
    if (trace_file)
        trace_file->commit();
    if (!arguments.common.quiet)
        fmt::print(stderr, "zorgsim: {} replications of {} written to {}\n", options.replications,
                   scenario.name, folder->destination().string());
    return success;
}

} // namespace zorgsim::cli
