#include <fstream>

#include <fmt/format.h>
#include <unistd.h>

#include "commands.hpp"
#include "interrupt.hpp"
#include "output/output_folder.hpp"
#include "output/timeseries_csv.hpp"
#include "output/trace_csv.hpp"
#include "progress.hpp"
#include "report/report.hpp"

namespace zorgsim::cli {

namespace {
/// The trace is moved to FILE after the run: check now (exit 2, before anything runs or is
/// written) that it can be, i.e. FILE is not a folder and its folder exists and is writable.
void check_trace_file(const std::string& file) {
    namespace fs = std::filesystem;
    std::error_code ignored;
    const fs::path path = fs::absolute(file, ignored);
    if (fs::is_directory(path, ignored) || !fs::is_directory(path.parent_path(), ignored) ||
        ::access(path.parent_path().c_str(), W_OK) != 0)
        throw BadInput(fmt::format("cannot write the trace file {}", file));
}
} // namespace

int run_command(const RunArguments& arguments) {
    const auto overrides = parse_overrides(arguments.common.sets);
    const care::Scenario scenario =
        load_scenario(arguments.scenario ? std::optional<std::filesystem::path>(*arguments.scenario)
                                         : std::nullopt,
                      overrides, arguments.common.quiet);
    experiment::RunOptions options = run_options(arguments.common, scenario);
    if (!arguments.trace.empty())
        check_trace_file(arguments.trace);
    std::optional<output::OutputFolder> folder; // only the process that writes has one
    std::ofstream trace_stream;
    std::optional<output::TraceCsv> trace;
    std::filesystem::path trace_staged;
    on_writer(arguments.common, [&] {
        folder.emplace(output_dir(arguments.common, scenario.name));
        if (arguments.trace.empty())
            return;
        trace_staged = folder->staging() / "trace.csv";
        trace_stream.open(trace_staged);
        if (!trace_stream)
            throw BadInput(fmt::format("cannot write the trace file {}", arguments.trace));
        trace.emplace(trace_stream, Calendar(scenario.start));
        options.trace = &*trace;
    });

    Progress progress(scenario.name, options.replications, progress_wanted(arguments.common.quiet));
    options.stop = &interrupt_requested();
    options.progress = [&](std::size_t done) { progress.update(done); };
    const experiment::Aggregate aggregate = experiment::run_scenario(scenario, options);
    progress.finish();
    if (!folder)
        return success;

    folder->write("summary.json",
                  output::summary_json(scenario, run_info(options), aggregate).dump(2) + "\n");
    folder->write("timeseries.csv", std::string(output::timeseries_header) +
                                        output::timeseries_rows(scenario, aggregate));
    folder->write("scenario.yaml", scenario::emit_yaml(scenario));
    folder->stage("report.html");
    report::write_report(folder->staging());
    folder->commit();
    if (trace) {
        trace_stream.close();
        std::error_code error;
        std::filesystem::rename(trace_staged, arguments.trace, error);
        if (error) { // another file system: copy instead
            std::filesystem::copy_file(trace_staged, arguments.trace,
                                       std::filesystem::copy_options::overwrite_existing);
        }
    }
    if (!arguments.common.quiet)
        fmt::print(stderr, "zorgsim: {} replications of {} written to {}\n", options.replications,
                   scenario.name, folder->destination().string());
    return success;
}

} // namespace zorgsim::cli
