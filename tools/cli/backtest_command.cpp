#include <fmt/format.h>

#include "backtest/backtest.hpp"
#include "commands.hpp"
#include "growing_lists_warning.hpp"
#include "interrupt.hpp"
#include "output_targets.hpp"
#include "progress.hpp"

namespace zorgsim::cli {

int backtest_command(const BacktestArguments& arguments) {
    const auto overrides = parse_overrides(arguments.common.sets);
    const care::Scenario scenario =
        load_scenario(std::filesystem::path(arguments.scenario), overrides, arguments.common.quiet);
    // The observed series are read before anything runs: a mistake in them costs no run.
    const std::filesystem::path observed_file(arguments.observed);
    const std::filesystem::path series_file = arguments.series.empty()
                                                  ? backtest::default_series_file(observed_file)
                                                  : std::filesystem::path(arguments.series);
    // The results folder's files are replaced by the backtest's: the files it reads must not
    // be among them.
    const std::string name = scenario.name + "-backtest";
    const auto out = std::filesystem::weakly_canonical(output_dir(arguments.common, name));
    for (const auto& input : {observed_file, series_file}) {
        std::error_code error;
        const auto where = std::filesystem::weakly_canonical(input, error);
        if (!error && where.parent_path() == out)
            throw BadInput(fmt::format("{} is inside the results folder {}, whose files the "
                                       "backtest replaces: keep the observed series elsewhere",
                                       input.string(), out.string()));
    }
    std::vector<scenario::Diagnostic> errors;
    const backtest::ObservedData observed =
        backtest::read_observed(observed_file, series_file, scenario, errors);
    for (const auto& error : errors)
        fmt::print(stderr, "{}\n", error.format());
    if (!errors.empty()) {
        if (errors.size() >= backtest::max_errors)
            fmt::print(stderr, "zorgsim: error: stopped reading after {} errors\n", errors.size());
        throw BadInput("");
    }
    if (observed.values.empty())
        throw BadInput(fmt::format("{}: none of its values falls inside {}'s horizon, so nothing "
                                   "can be compared",
                                   observed_file.string(), scenario.name));

    experiment::RunOptions options = run_options(arguments.common, scenario);
    std::optional<output::OutputFolder> folder;
    on_writer(arguments.common, [&] { open_output_folder(folder, arguments.common, name); });
    Progress progress(scenario.name, options.replications, progress_wanted(arguments.common.quiet));
    options.stop = &interrupt_requested();
    options.progress = [&](std::size_t done) { progress.update(done); };
    const experiment::Aggregate aggregate = experiment::run_scenario(scenario, options);
    progress.finish();
    if (!folder)
        return success;
    print_growing_list_warnings(scenario, aggregate, arguments.common.quiet);

    const backtest::BacktestResult result = backtest::compare(observed, aggregate);
    folders::stage_backtest_folder(*folder, scenario, observed, result, aggregate, options,
                                   folder_options(arguments.common));
    stop_if_interrupted();
    folder->commit();
    if (!arguments.common.quiet) {
        auto share = [](std::size_t part, std::size_t whole) {
            return whole ? fmt::format("{}/{}", part, whole) : std::string("-");
        };
        for (const auto& [use, coverage] :
             {std::pair{"calibration", result.calibration}, std::pair{"test", result.test}})
            fmt::print(stderr,
                       "zorgsim: {} values: {} inside the 50% band, {} inside the 90% band, mean "
                       "absolute error {}\n",
                       use, share(coverage.inside_50, coverage.values),
                       share(coverage.inside_90, coverage.values),
                       coverage.mape ? fmt::format("{:.1f}%", *coverage.mape) : "-");
        if (!observed.not_compared.empty())
            fmt::print(stderr,
                       "zorgsim: {} observed values fall outside the horizon and are not "
                       "compared\n",
                       observed.not_compared.size());
        fmt::print(stderr, "zorgsim: backtest of {} written to {}\n", scenario.name,
                   folder->destination().string());
    }
    return success;
}

} // namespace zorgsim::cli
