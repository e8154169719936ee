#include <fmt/format.h>

#include "commands.hpp"
#include "interrupt.hpp"
#include "output/csv_cell.hpp"
#include "output/replications_csv.hpp"
#include "output/series_cells.hpp"
#include "output/timeseries_csv.hpp"
#include "output_targets.hpp"
#include "progress.hpp"

namespace zorgsim::cli {

namespace {

struct Parameter {
    std::string path;
    std::vector<std::string> values;
};

std::vector<Parameter> parse_grid(const std::vector<std::string>& grid) {
    std::vector<Parameter> parameters;
    for (const auto& item : grid) {
        const auto eq = item.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
            throw BadInput(fmt::format("--set expects PATH=V1,V2,..., got '{}'", item));
        Parameter parameter{item.substr(0, eq), {}};
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

/// The points of the grid, the first parameter varying slowest.
std::vector<std::vector<std::string>> grid_points(const std::vector<Parameter>& parameters) {
    std::vector<std::vector<std::string>> points{{}};
    for (const auto& parameter : parameters) {
        std::vector<std::vector<std::string>> next;
        for (const auto& point : points)
            for (const auto& value : parameter.values) {
                next.push_back(point);
                next.back().push_back(value);
            }
        points = std::move(next);
    }
    return points;
}

void append_rows(std::string& csv, std::size_t point, const std::vector<std::string>& values,
                 const experiment::Aggregate& aggregate) {
    std::string prefix = std::to_string(point);
    for (const auto& value : values)
        prefix += "," + output::csv_cell(value);
    auto row = [&](std::string_view entity, std::string_view metric, const RunningStats& stats) {
        if (stats.count() == 0) {
            csv += fmt::format("{},{},{},,,\n", prefix, output::csv_cell(entity),
                               output::csv_cell(metric));
            return;
        }
        const auto [lo, hi] = stats.ci95();
        const bool interval = stats.count() > 1; // one replication gives no interval
        csv += fmt::format("{},{},{},{},{},{}\n", prefix, output::csv_cell(entity),
                           output::csv_cell(metric), output::csv_number(stats.mean()),
                           interval ? output::csv_number(lo) : "",
                           interval ? output::csv_number(hi) : "");
    };
    care::for_each_cell<false>(aggregate.layout(), [&](const care::LayoutCell& cell) {
        row(output::entity(cell), cell.metric, aggregate.summary(cell.index));
    });
}

} // namespace

int sweep_command(const SweepArguments& arguments) {
    const auto parameters = parse_grid(arguments.grid);
    const auto base_overrides = parse_overrides(arguments.common.sets);
    const auto points = grid_points(parameters);

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
    std::string csv = "point";
    for (const auto& parameter : parameters)
        csv += "," + output::csv_cell(parameter.path);
    csv += ",service,metric,mean,ci95_lo,ci95_hi\n";

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
        append_rows(csv, p, points[p], aggregate);
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
