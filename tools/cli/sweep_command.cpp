#include <fmt/format.h>

#include "commands.hpp"
#include "excel/sweep_xlsx.hpp"
#include "experiment/nonnegative_interval.hpp"
#include "interrupt.hpp"
#include "output/csv_cell.hpp"
#include "output/replications_csv.hpp"
#include "output/series_cells.hpp"
#include "output/sweep_csv.hpp"
#include "output/sweep_json.hpp"
#include "output/timeseries_csv.hpp"
#include "output_targets.hpp"
#include "progress.hpp"
#include "report/report.hpp"
#include "scenario/diagnostics.hpp"

namespace zorgsim::cli {

namespace {

struct Parameter {
    std::string path;
    std::vector<std::string> values;
    std::vector<int> columns; ///< 1-based column of each value in "PATH=V1,V2,..."
};

std::vector<Parameter> parse_grid(const std::vector<std::string>& grid) {
    std::vector<Parameter> parameters;
    for (const auto& item : grid) {
        const auto eq = item.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
            throw BadInput(fmt::format("--set expects PATH=V1,V2,..., got '{}'", item));
        Parameter parameter{item.substr(0, eq), {}, {}};
        std::string rest = item.substr(eq + 1);
        std::size_t start = 0;
        for (;;) {
            const auto comma = rest.find(',', start);
            parameter.values.push_back(rest.substr(start, comma - start));
            parameter.columns.push_back(static_cast<int>(eq + 2 + start));
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

/// The points of the grid as indices into each parameter's values, the first parameter
/// varying slowest.
std::vector<std::vector<std::size_t>> grid_indices(const std::vector<Parameter>& parameters) {
    std::vector<std::vector<std::size_t>> points{{}};
    for (const auto& parameter : parameters) {
        std::vector<std::vector<std::size_t>> next;
        for (const auto& point : points)
            for (std::size_t v = 0; v < parameter.values.size(); ++v) {
                next.push_back(point);
                next.back().push_back(v);
            }
        points = std::move(next);
    }
    return points;
}

/// Loads one point of the sweep. Its errors point at the --set argument and the value in it
/// that caused them (the baseline itself loaded): "<command line>:N:COLUMN: error: ...", N the
/// sweep's Nth --set, and an error the value causes elsewhere in the scenario (a capacity below
/// the start census) names that place too.
std::optional<care::Scenario> load_point(const std::filesystem::path& file,
                                         const std::vector<scenario::Override>& base,
                                         const std::vector<Parameter>& parameters,
                                         const std::vector<std::size_t>& point,
                                         std::vector<std::string>& errors) {
    auto overrides_with = [&](std::optional<std::size_t> only) {
        auto overrides = base;
        for (std::size_t i = 0; i < parameters.size(); ++i)
            if (!only || *only == i)
                overrides.push_back({parameters[i].path, parameters[i].values[point[i]]});
        return overrides;
    };
    scenario::LoadResult loaded = scenario::load_file(file, overrides_with(std::nullopt));
    if (loaded.ok() && loaded.scenario)
        return std::move(*loaded.scenario);
    // Which values cause the errors: each alone with the baseline.
    std::vector<std::size_t> culprits;
    for (std::size_t i = 0; i < parameters.size() && parameters.size() > 1; ++i)
        if (!scenario::load_file(file, overrides_with(i)).ok())
            culprits.push_back(i);
    if (culprits.empty())
        for (std::size_t i = 0; i < parameters.size(); ++i)
            culprits.push_back(i);
    for (const auto& d : loaded.diagnostics) {
        if (d.severity != scenario::Diagnostic::Severity::error)
            continue;
        if (d.file == scenario::command_line && d.line > static_cast<int>(base.size())) {
            const auto i = static_cast<std::size_t>(d.line) - base.size() - 1;
            const auto& parameter = parameters[i];
            const int shift =
                parameter.columns[point[i]] - static_cast<int>(parameter.path.size()) - 2;
            errors.push_back(fmt::format("{}:{}:{}: error: --set {}={}: {}", scenario::command_line,
                                         i + 1, d.column + shift, parameter.path,
                                         parameter.values[point[i]], d.message));
            continue;
        }
        if (d.file == scenario::command_line) {
            errors.push_back(d.format());
            continue;
        }
        for (std::size_t i : culprits)
            errors.push_back(fmt::format(
                "{}:{}:{}: error: --set {}={}: {} (at {}:{}:{})", scenario::command_line, i + 1,
                parameters[i].columns[point[i]], parameters[i].path, parameters[i].values[point[i]],
                d.message, d.file, d.line, d.column));
    }
    return std::nullopt;
}

} // namespace

int sweep_command(const SweepArguments& arguments) {
    const auto parameters = parse_grid(arguments.grid);
    const auto base_overrides = parse_overrides(arguments.common.sets);
    const auto indices = grid_indices(parameters);
    std::vector<std::vector<std::string>> points;
    for (const auto& point : indices) {
        points.emplace_back();
        for (std::size_t i = 0; i < parameters.size(); ++i)
            points.back().push_back(parameters[i].values[point[i]]);
    }
    const std::filesystem::path file(arguments.scenario);

    // The baseline first (its own errors point into its file, its warnings print once), then
    // every point, checked before anything runs: a bad value exits 2 without output, unless
    // --keep-going runs the others.
    const care::Scenario baseline = load_scenario(file, base_overrides, arguments.common.quiet);
    std::vector<std::optional<care::Scenario>> scenarios;
    std::vector<std::string> errors;
    for (const auto& point : indices) {
        std::vector<std::string> point_errors;
        scenarios.push_back(load_point(file, base_overrides, parameters, point, point_errors));
        for (const auto& error : point_errors)
            fmt::print(stderr, "{}\n", error);
        errors.insert(errors.end(), point_errors.begin(), point_errors.end());
    }
    const auto good = static_cast<std::size_t>(std::count_if(
        scenarios.begin(), scenarios.end(), [](const auto& s) { return s.has_value(); }));
    if (!errors.empty() && (!arguments.keep_going || good == 0))
        throw BadInput("");

    experiment::RunOptions options = run_options(arguments.common, baseline);
    std::optional<output::OutputFolder> folder; // only the process that writes has one
    on_writer(arguments.common,
              [&] { open_output_folder(folder, arguments.common, baseline.name + "-sweep"); });
    std::vector<std::string> header_paths;
    for (const auto& parameter : parameters)
        header_paths.push_back(parameter.path);
    std::string csv = output::sweep_header(header_paths);

    std::optional<output::ReplicationsFile> replications;
    if (folder && arguments.common.keep_replications)
        replications.emplace(folder->stage("replications.csv"), true);
    Progress progress("sweep", options.replications * good,
                      progress_wanted(arguments.common.quiet));
    options.stop = &interrupt_requested();
    std::size_t done_points = 0;
    std::vector<std::string> paths;
    for (const auto& parameter : parameters)
        paths.push_back(parameter.path);
    const auto shown = output::swept_services(paths, care::outcome_layout(baseline).services);
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    nlohmann::ordered_json failed = nlohmann::ordered_json::array();
    for (std::size_t p = 0; p < points.size(); ++p) {
        if (!scenarios[p]) { // its errors are printed; --keep-going runs the others
            failed.push_back({{"point", p}, {"values", points[p]}});
            continue;
        }
        // Every point uses the same seed: differences between points are not noise from
        // different random numbers (common random numbers across the sweep).
        options.progress = [&, done_points](std::size_t done) {
            progress.update(done_points * options.replications + done);
        };
        const auto aggregate = experiment::run_scenario(*scenarios[p], options);
        output::append_sweep_rows(csv, p, points[p], aggregate);
        for (auto& row : output::sweep_rows(p, paths, points[p], shown, aggregate))
            rows.push_back(std::move(row));
        if (replications)
            replications->add(*scenarios[p], aggregate, p);
        ++done_points;
    }
    progress.finish();
    if (!folder)
        return success;
    folder->write("sweep.csv", csv);
    excel::write_sweep_xlsx(folder->stage("results.xlsx"),
                            baseline.title.empty() ? baseline.name : baseline.title, baseline.start,
                            paths, rows, arguments.common.language);
    folder->write(
        "sweep.json",
        output::sweep_json(baseline.name, paths, std::move(rows), std::move(failed)).dump(2) +
            "\n");
    if (replications)
        replications->close();
    folder->stage("report.html");
    report::write_report(folder->staging(), arguments.common.language);
    stop_if_interrupted();
    folder->commit();
    if (!arguments.common.quiet)
        fmt::print(stderr, "zorgsim: sweep of {} points written to {}\n", done_points,
                   folder->destination().string());
    if (!errors.empty()) {
        fmt::print(stderr, "zorgsim: {} of {} points could not run (their errors are above)\n",
                   points.size() - done_points, points.size());
        return 2;
    }
    return success;
}

} // namespace zorgsim::cli
