#include <fmt/format.h>

#include "commands.hpp"
#include "experiment/sweep_grid.hpp"
#include "interrupt.hpp"
#include "output/replications_csv.hpp"
#include "output/sweep_csv.hpp"
#include "output_targets.hpp"
#include "progress.hpp"

namespace zorgsim::cli {

namespace {

std::vector<experiment::SweepParameter> parse_grid(const std::vector<std::string>& grid) {
    std::vector<experiment::SweepParameter> parameters;
    for (const auto& item : grid) {
        const auto eq = item.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
            throw BadInput(fmt::format("--set expects PATH=V1,V2,..., got '{}'", item));
        experiment::SweepParameter parameter{item.substr(0, eq), {}};
        std::string rest = item.substr(eq + 1);
        std::size_t start = 0;
        for (;;) {
            const auto comma = rest.find(',', start);
            parameter.values.push_back(rest.substr(start, comma - start));
            if (parameter.values.back().empty())
                throw BadInput(fmt::format("--set {}: empty value", parameter.path));
            if (comma == std::string::npos)
                break;
            start = comma + 1;
        }
        parameters.push_back(std::move(parameter));
    }
    if (parameters.empty())
        throw BadInput("sweep needs at least one --set PATH=V1,V2,...");
    return parameters;
}

} // namespace

int sweep_command(const SweepArguments& arguments) {
    const auto parameters = parse_grid(arguments.grid);
    const auto base_overrides = parse_overrides(arguments.common.sets);
    const auto points = experiment::grid_points(parameters);

    // Every point is loaded (and checked) before anything runs, so a bad value exits 2
    // without output.
    std::vector<care::Scenario> scenarios;
    bool failed = false;
    for (const auto& values : points) {
        auto overrides = base_overrides;
        for (std::size_t i = 0; i < parameters.size(); ++i)
            overrides.push_back({parameters[i].path, values[i]});
        try {
            scenarios.push_back(load_scenario(std::filesystem::path(arguments.scenario), overrides,
                                              arguments.common.quiet || !scenarios.empty()));
        } catch (const BadInput&) {
            failed = true;
        }
    }
    if (failed)
        throw BadInput("");

    experiment::RunOptions options = run_options(arguments.common, scenarios.front());
    std::optional<output::OutputFolder> folder; // only the process that writes has one
    on_writer(arguments.common, [&] {
        open_output_folder(folder, arguments.common, scenarios.front().name + "-sweep");
    });
    std::vector<std::string> paths;
    for (const auto& parameter : parameters)
        paths.push_back(parameter.path);
    std::string csv = output::sweep_header(paths);

    std::optional<output::ReplicationsFile> replications;
    if (folder && arguments.common.keep_replications)
        replications.emplace(folder->stage("replications.csv"), true);
    Progress progress("sweep", options.replications * points.size(),
                      progress_wanted(arguments.common.quiet));
    options.stop = &interrupt_requested();
    for (std::size_t p = 0; p < points.size(); ++p) {
        // Every point uses the same seed: differences between points are not noise from
        // different random numbers (common random numbers across the sweep).
        options.progress = [&, p](std::size_t done) {
            progress.update(p * options.replications + done);
        };
        const auto aggregate = experiment::run_scenario(scenarios[p], options);
        output::append_sweep_rows(csv, p, points[p], aggregate);
        if (replications)
            replications->add(scenarios[p], aggregate, p);
    }
    progress.finish();
    if (!folder)
        return success;
    folder->write("sweep.csv", csv);
    if (replications)
        replications->close();
    stop_if_interrupted();
    folder->commit();
    if (!arguments.common.quiet)
        fmt::print(stderr, "zorgsim: sweep of {} points written to {}\n", points.size(),
                   folder->destination().string());
    return success;
}

} // namespace zorgsim::cli
