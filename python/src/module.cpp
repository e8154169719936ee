// zorgsim._core: the compiled part of the Python package (docs/python.md). It calls the library
// code the command line calls: the scenario loader with its diagnostics, the experiment runner
// with common random numbers, sizing, and the writers of the results files. Everything that
// takes time runs without the GIL; the public API, with its data frames, is zorgsim/__init__.py.
#include <algorithm>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "experiment/distinct_names.hpp"
#include "experiment/result_memory.hpp"
#include "experiment/size_in_order.hpp"
#include "experiment/sweep_grid.hpp"
#include "folders/folders.hpp"
#include "handles.hpp"
#include "interruptible.hpp"
#include "output/differences_csv.hpp"
#include "output/folder_lock.hpp"
#include "output/output_folder.hpp"
#include "output/replications_csv.hpp"
#include "output/results_json.hpp"
#include "output/sizing_json.hpp"
#include "output/sweep_csv.hpp"
#include "output/timeseries_csv.hpp"
#include "scenario/load.hpp"
#include "zorgsim/engine/interrupted.hpp"
#include "zorgsim/model/care_model.hpp"
#include "zorgsim/model/describe.hpp"

namespace py = pybind11;

namespace zorgsim::python {

namespace {

// zorgsim.ScenarioError (a ValueError), made when the module is imported; never freed, as the
// interpreter holds it for as long as the module lives.
py::handle scenario_error_type;

[[noreturn]] void raise_scenario_error(const std::string& message,
                                       const std::vector<std::string>& diagnostics) {
    py::object error = py::reinterpret_borrow<py::object>(scenario_error_type)(message);
    error.attr("diagnostics") = py::cast(diagnostics);
    PyErr_SetObject(scenario_error_type.ptr(), error.ptr());
    throw py::error_already_set();
}

[[noreturn]] void raise_os_error(const std::string& message) {
    PyErr_SetString(PyExc_OSError, message.c_str());
    throw py::error_already_set();
}

using Overrides = std::vector<std::pair<std::string, std::string>>;

std::vector<scenario::Override> overrides_of(const Overrides& pairs) {
    std::vector<scenario::Override> overrides;
    for (const auto& [path, value] : pairs) {
        if (path.empty())
            throw py::value_error("a `set` path must not be empty");
        overrides.push_back({path, value});
    }
    return overrides;
}

/// The scenario and its warnings, or ScenarioError with every diagnostic as the command line
/// prints them.
py::tuple loaded(scenario::LoadResult result) {
    std::vector<std::string> diagnostics;
    std::vector<std::string> warnings;
    for (const auto& diagnostic : result.diagnostics) {
        diagnostics.push_back(diagnostic.format());
        if (diagnostic.severity == scenario::Diagnostic::Severity::warning)
            warnings.push_back(diagnostic.format());
    }
    if (!result.ok() || !result.scenario) {
        std::string message;
        for (const auto& line : diagnostics)
            message += (message.empty() ? "" : "\n") + line;
        raise_scenario_error(message, diagnostics);
    }
    ScenarioHandle handle{std::make_shared<const care::Scenario>(std::move(*result.scenario))};
    return py::make_tuple(handle, warnings);
}

/// The replications, seed and threads: the arguments first, then the (base) scenario's defaults.
/// `scenarios`: how many of this size run together, for the memory check.
Settings settings_of(const care::Scenario& base, std::optional<std::size_t> replications,
                     std::optional<std::uint64_t> seed, std::optional<unsigned> threads,
                     std::optional<std::uint64_t> max_youths, std::size_t scenarios = 1) {
    Settings settings;
    settings.replications = replications.value_or(base.replications);
    settings.seed = seed.value_or(base.seed);
    settings.threads = threads.value_or(std::max(1u, std::thread::hardware_concurrency()));
    if (max_youths)
        settings.max_youths = *max_youths;
    if (settings.replications == 0)
        throw py::value_error("replications must be at least 1");
    if (settings.threads == 0)
        throw py::value_error("threads must be at least 1");
    if (settings.max_youths == 0)
        throw py::value_error("max_youths must be at least 1");
    if (auto refusal = experiment::result_memory_refusal(base, settings.replications, scenarios))
        throw py::value_error(*refusal);
    return settings;
}

words::Language language_of(const std::string& text) {
    const auto language = words::parse_language(text);
    if (!language)
        throw py::value_error(
            fmt::format("lang: expected 'nl' (Dutch) or 'en' (English), got '{}'", text));
    return *language;
}

/// Makes the results folder PATH as the command line does (staged, then moved into place).
template <typename Stage> void write_folder(const std::string& path, Stage&& stage) {
    const py::gil_scoped_release without_gil;
    std::optional<output::OutputFolder> folder;
    try {
        folder.emplace(path);
    } catch (const output::FolderError& error) {
        const py::gil_scoped_acquire with_gil;
        raise_os_error(error.what());
    }
    stage(*folder);
    folder->commit();
}

template <typename Make> py::bytes bytes_of(Make&& make) {
    std::string text;
    {
        const py::gil_scoped_release without_gil;
        text = make();
    }
    return py::bytes(text);
}

std::string timeseries_text(const care::Scenario& scenario,
                            const experiment::Aggregate& aggregate) {
    return std::string(output::timeseries_header) + output::timeseries_rows(scenario, aggregate);
}

/// sweep.csv of the points' results.
std::string sweep_text(const std::vector<std::string>& paths,
                       const std::vector<std::vector<std::string>>& values,
                       const std::vector<RunHandle>& results) {
    std::string csv = output::sweep_header(paths);
    for (std::size_t p = 0; p < results.size(); ++p)
        output::append_sweep_rows(csv, p, values.at(p), *results[p].aggregate);
    return csv;
}

std::string replications_text(const care::Scenario& scenario,
                              const experiment::Aggregate& aggregate) {
    std::ostringstream out;
    out << output::replications_header;
    output::write_replication_rows(out, scenario, aggregate);
    return std::move(out).str();
}

RunHandle run(const ScenarioHandle& scenario, std::optional<std::size_t> replications,
              std::optional<std::uint64_t> seed, std::optional<unsigned> threads,
              std::optional<std::uint64_t> max_youths, bool progress) {
    const Settings settings =
        settings_of(*scenario.scenario, replications, seed, threads, max_youths);
    Progress line(scenario.scenario->name, settings.replications, progress);
    std::shared_ptr<const experiment::Aggregate> aggregate;
    run_interruptibly(
        [&](const std::atomic<bool>& stop) {
            experiment::RunOptions options = settings.run_options();
            options.stop = &stop;
            options.progress = [&](std::size_t done) { line.set_done(done); };
            aggregate = std::make_shared<const experiment::Aggregate>(
                experiment::run_scenario(*scenario.scenario, options));
        },
        line);
    return {scenario.scenario, aggregate, settings};
}

ComparisonHandle compare(const std::vector<ScenarioHandle>& handles,
                         std::optional<std::size_t> replications, std::optional<std::uint64_t> seed,
                         std::optional<unsigned> threads, std::optional<std::uint64_t> max_youths,
                         bool progress) {
    if (handles.size() < 2)
        throw py::value_error("compare needs a base scenario and at least one alternative");
    auto scenarios = std::make_shared<std::vector<care::Scenario>>();
    for (const auto& handle : handles)
        scenarios->push_back(*handle.scenario);
    if (auto refusal = experiment::duplicate_name_refusal(*scenarios))
        throw py::value_error(*refusal);
    // Common random numbers: every scenario runs with the base's seed and replication count.
    const Settings settings =
        settings_of(scenarios->front(), replications, seed, threads, max_youths, scenarios->size());
    Progress line("compare", settings.replications, progress);
    std::shared_ptr<const experiment::Comparison> comparison;
    run_interruptibly(
        [&](const std::atomic<bool>& stop) {
            experiment::RunOptions options = settings.run_options();
            options.stop = &stop;
            options.progress = [&](std::size_t done) { line.set_done(done); };
            comparison = std::make_shared<const experiment::Comparison>(
                experiment::compare_scenarios(*scenarios, options));
        },
        line);
    return {scenarios, comparison, settings};
}

std::vector<RunHandle> sweep(const std::vector<ScenarioHandle>& points,
                             std::optional<std::size_t> replications,
                             std::optional<std::uint64_t> seed, std::optional<unsigned> threads,
                             std::optional<std::uint64_t> max_youths, bool progress) {
    if (points.empty())
        throw py::value_error("sweep needs at least one point");
    const Settings settings =
        settings_of(*points.front().scenario, replications, seed, threads, max_youths);
    Progress line("sweep", settings.replications * points.size(), progress);
    std::vector<RunHandle> results;
    run_interruptibly(
        [&](const std::atomic<bool>& stop) {
            experiment::RunOptions options = settings.run_options();
            options.stop = &stop;
            // Every point uses the same seed (common random numbers across the sweep).
            for (std::size_t p = 0; p < points.size(); ++p) {
                options.progress = [&, p](std::size_t done) {
                    line.set_done(p * settings.replications + done);
                };
                results.push_back({points[p].scenario,
                                   std::make_shared<const experiment::Aggregate>(
                                       experiment::run_scenario(*points[p].scenario, options)),
                                   settings});
            }
        },
        line);
    return results;
}

SizingHandle size(const ScenarioHandle& scenario, const std::vector<std::string>& service_ids,
                  const std::vector<std::string>& target_texts, int max_capacity,
                  std::optional<std::size_t> replications, std::optional<std::uint64_t> seed,
                  std::optional<unsigned> threads, std::optional<std::uint64_t> max_youths,
                  bool progress) {
    if (service_ids.empty())
        throw py::value_error("size needs a service");
    if (target_texts.size() != 1 && target_texts.size() != service_ids.size())
        throw py::value_error("give one target for all services, or one per service");
    if (max_capacity < 1)
        throw py::value_error("max_capacity must be at least 1");
    std::vector<experiment::Target> targets;
    for (const auto& text : target_texts) {
        std::string error;
        auto target = experiment::parse_target(text, error);
        if (!target)
            throw py::value_error(error);
        targets.push_back(*target);
    }
    std::vector<std::size_t> services;
    for (const auto& id : service_ids) {
        const auto index = experiment::service_index(*scenario.scenario, id);
        if (!index)
            throw py::value_error(
                fmt::format("no such service '{}' in {}", id, scenario.scenario->name));
        services.push_back(*index);
    }
    const Settings settings =
        settings_of(*scenario.scenario, replications, seed, threads, max_youths);
    Progress line("size", 0, progress);
    auto sized = std::make_shared<care::Scenario>(*scenario.scenario);
    std::shared_ptr<const std::vector<experiment::SizingResult>> results;
    std::shared_ptr<const experiment::Aggregate> achieved;
    run_interruptibly(
        [&](const std::atomic<bool>& stop) {
            experiment::RunOptions options = settings.run_options();
            options.stop = &stop;
            experiment::SizingOptions sizing;
            sizing.max_capacity = max_capacity;
            sizing.progress = [&](const std::string& text) { line.message(text); };
            results = std::make_shared<const std::vector<experiment::SizingResult>>(
                experiment::size_in_order(*sized, services, targets, options, sizing));
            if (results->back().feasible) // the sized scenario's own results
                achieved = std::make_shared<const experiment::Aggregate>(
                    experiment::run_scenario(*sized, options));
        },
        line);
    if (const auto& result = results->back(); !result.feasible) {
        const auto& best = result.curve.back();
        throw py::value_error(fmt::format(
            "no capacity of {} up to {} meets '{}': the best achieved is {}.{} = {:.4g} (95% "
            "interval {:.4g} to {:.4g}) at capacity {}; raise max_capacity or relax the target",
            service_ids[results->size() - 1], max_capacity, result.target.text,
            result.target.metric, result.target.stat, best.check.estimate, best.check.lo,
            best.check.hi, best.capacity));
    }
    return {sized, results, achieved, settings};
}

} // namespace

} // namespace zorgsim::python

PYBIND11_MODULE(_core, m) {
    using namespace zorgsim;
    using namespace zorgsim::python;
    m.doc() = "The compiled part of zorgsim: use the functions of the zorgsim package.";
    m.attr("__version__") = ZORGSIM_VERSION;
    m.attr("source_commit") = std::string(output::source_commit());
    m.def("default_threads", [] { return std::max(1u, std::thread::hardware_concurrency()); });

    scenario_error_type = PyErr_NewExceptionWithDoc(
        "zorgsim.ScenarioError",
        "A scenario that cannot be loaded or run: `diagnostics` holds every mistake as "
        "'FILE:LINE:COLUMN: error: MESSAGE', as the command line prints them.",
        PyExc_ValueError, nullptr);
    if (!scenario_error_type)
        throw py::error_already_set();
    m.attr("ScenarioError") = scenario_error_type;
    py::register_exception_translator([](std::exception_ptr failure) {
        try {
            if (failure)
                std::rethrow_exception(failure);
        } catch (const care::ScenarioFault& fault) {
            // The scenario's fault, found while it ran (a loop in zero time, a runaway inflow).
            std::string message = fault.what();
            if (fault.limit == care::ScenarioFault::Limit::youths)
                message += " (or raise the limit with max_youths=...)";
            raise_scenario_error(message, {});
        } catch (const Interrupted&) {
            PyErr_SetNone(PyExc_KeyboardInterrupt);
        }
    });

    py::class_<ScenarioHandle>(m, "Scenario")
        .def_property_readonly("name", [](const ScenarioHandle& h) { return h.scenario->name; })
        .def_property_readonly("title", [](const ScenarioHandle& h) { return h.scenario->title; })
        .def_property_readonly("replications",
                               [](const ScenarioHandle& h) { return h.scenario->replications; })
        .def_property_readonly("seed", [](const ScenarioHandle& h) { return h.scenario->seed; })
        .def_property_readonly("start",
                               [](const ScenarioHandle& h) { return to_iso(h.scenario->start); })
        .def_property_readonly("end",
                               [](const ScenarioHandle& h) {
                                   return Calendar(h.scenario->start).iso(h.scenario->horizon_days);
                               })
        .def_property_readonly(
            "period",
            [](const ScenarioHandle& h) { return std::string(to_string(h.scenario->period)); })
        .def_property_readonly("services",
                               [](const ScenarioHandle& h) {
                                   std::vector<std::string> ids;
                                   for (const auto& service : h.scenario->services)
                                       ids.push_back(service.id);
                                   return ids;
                               })
        .def_property_readonly("regions",
                               [](const ScenarioHandle& h) {
                                   std::vector<std::string> ids;
                                   for (const auto& region : h.scenario->regions)
                                       ids.push_back(region.id);
                                   return ids;
                               })
        .def_property_readonly("municipalities",
                               [](const ScenarioHandle& h) {
                                   return h.scenario->reports_municipalities()
                                              ? h.scenario->municipalities
                                              : std::vector<std::string>{};
                               })
        .def("describe", [](const ScenarioHandle& h) { return care::describe(*h.scenario); })
        .def("resolved_yaml",
             [](const ScenarioHandle& h) { return scenario::emit_yaml(*h.scenario); });

    py::class_<RunHandle>(m, "Run")
        .def_property_readonly("replications",
                               [](const RunHandle& h) { return h.settings.replications; })
        .def_property_readonly("seed", [](const RunHandle& h) { return h.settings.seed; })
        .def_property_readonly("threads", [](const RunHandle& h) { return h.settings.threads; })
        .def_property_readonly("scenario",
                               [](const RunHandle& h) { return ScenarioHandle{h.scenario}; })
        .def("summary_json",
             [](const RunHandle& h) {
                 std::string text;
                 {
                     const py::gil_scoped_release without_gil;
                     const auto options = h.settings.run_options();
                     text = output::summary_json(*h.scenario,
                                                 folders::run_info(options, {*h.scenario}),
                                                 *h.aggregate)
                                .dump(2) +
                            "\n";
                 }
                 return text;
             })
        .def("timeseries_csv",
             [](const RunHandle& h) {
                 return bytes_of([&] { return timeseries_text(*h.scenario, *h.aggregate); });
             })
        .def("replications_csv",
             [](const RunHandle& h) {
                 return bytes_of([&] { return replications_text(*h.scenario, *h.aggregate); });
             })
        .def("write_folder", [](const RunHandle& h, const std::string& path,
                                const std::string& lang, bool keep_replications) {
            const folders::FolderOptions what{language_of(lang), keep_replications};
            write_folder(path, [&](output::OutputFolder& folder) {
                folders::stage_run_folder(folder, *h.scenario, *h.aggregate,
                                          h.settings.run_options(), what);
            });
        });

    py::class_<ComparisonHandle>(m, "Compared")
        .def_property_readonly("replications",
                               [](const ComparisonHandle& h) { return h.settings.replications; })
        .def_property_readonly("seed", [](const ComparisonHandle& h) { return h.settings.seed; })
        .def_property_readonly("threads",
                               [](const ComparisonHandle& h) { return h.settings.threads; })
        .def("result", &ComparisonHandle::result)
        .def("comparison_json",
             [](const ComparisonHandle& h) {
                 std::string text;
                 {
                     const py::gil_scoped_release without_gil;
                     const auto options = h.settings.run_options();
                     text = output::comparison_json(*h.scenarios,
                                                    folders::run_info(options, *h.scenarios),
                                                    *h.comparison)
                                .dump(2) +
                            "\n";
                 }
                 return text;
             })
        .def("timeseries_csv",
             [](const ComparisonHandle& h) {
                 return bytes_of([&] {
                     std::string csv(output::timeseries_header);
                     for (std::size_t i = 0; i < h.scenarios->size(); ++i)
                         csv +=
                             output::timeseries_rows((*h.scenarios)[i], h.comparison->scenarios[i]);
                     return csv;
                 });
             })
        .def("differences_csv",
             [](const ComparisonHandle& h) {
                 return bytes_of([&] {
                     std::string csv(output::differences_header);
                     for (std::size_t i = 1; i < h.scenarios->size(); ++i)
                         csv += output::differences_rows(h.scenarios->front(), (*h.scenarios)[i],
                                                         h.comparison->differences[i - 1]);
                     return csv;
                 });
             })
        .def("replications_csv",
             [](const ComparisonHandle& h) {
                 return bytes_of([&] {
                     std::ostringstream out;
                     out << output::replications_header;
                     for (std::size_t i = 0; i < h.scenarios->size(); ++i)
                         output::write_replication_rows(out, (*h.scenarios)[i],
                                                        h.comparison->scenarios[i]);
                     return std::move(out).str();
                 });
             })
        .def("write_folder", [](const ComparisonHandle& h, const std::string& path,
                                const std::string& lang, bool keep_replications) {
            const folders::FolderOptions what{language_of(lang), keep_replications};
            write_folder(path, [&](output::OutputFolder& folder) {
                folders::stage_comparison_folder(folder, *h.scenarios, *h.comparison,
                                                 h.settings.run_options(), what);
            });
        });

    py::class_<SizingHandle>(m, "Sized")
        .def("result", &SizingHandle::result)
        .def_property_readonly("sized",
                               [](const SizingHandle& h) { return ScenarioHandle{h.sized}; })
        .def("sizing_json",
             [](const SizingHandle& h) {
                 return output::sizing_json(*h.sized, *h.results, *h.achieved).dump(2) + "\n";
             })
        .def("write_folder", [](const SizingHandle& h, const std::string& path,
                                const std::string& lang, bool keep_replications) {
            const folders::FolderOptions what{language_of(lang), keep_replications};
            write_folder(path, [&](output::OutputFolder& folder) {
                folders::stage_sizing_folder(folder, *h.sized, *h.results, *h.achieved,
                                             h.settings.run_options(), what);
            });
        });

    m.def(
        "load_file",
        [](const std::string& path, const Overrides& set) {
            scenario::LoadResult result;
            {
                const auto overrides = overrides_of(set);
                const py::gil_scoped_release without_gil;
                result = scenario::load_file(path, overrides);
            }
            return loaded(std::move(result));
        },
        py::arg("path"), py::arg("set"));
    m.def(
        "load_text",
        [](const std::string& yaml, const std::string& display_name, const std::string& base_dir,
           const Overrides& set) {
            scenario::LoadResult result;
            {
                const auto overrides = overrides_of(set);
                const py::gil_scoped_release without_gil;
                result = scenario::load_text(yaml, display_name, base_dir, overrides);
            }
            return loaded(std::move(result));
        },
        py::arg("yaml"), py::arg("display_name"), py::arg("base_dir"), py::arg("set"));

    m.def("run", &run, py::arg("scenario"), py::arg("replications"), py::arg("seed"),
          py::arg("threads"), py::arg("max_youths"), py::arg("progress"));
    m.def("compare", &compare, py::arg("scenarios"), py::arg("replications"), py::arg("seed"),
          py::arg("threads"), py::arg("max_youths"), py::arg("progress"));
    m.def("sweep", &sweep, py::arg("points"), py::arg("replications"), py::arg("seed"),
          py::arg("threads"), py::arg("max_youths"), py::arg("progress"));
    m.def("size", &size, py::arg("scenario"), py::arg("services"), py::arg("targets"),
          py::arg("max_capacity"), py::arg("replications"), py::arg("seed"), py::arg("threads"),
          py::arg("max_youths"), py::arg("progress"));

    m.def(
        "grid_points",
        [](const std::vector<std::pair<std::string, std::vector<std::string>>>& grid) {
            std::vector<experiment::SweepParameter> parameters;
            for (const auto& [path, values] : grid)
                parameters.push_back({path, values});
            return experiment::grid_points(parameters);
        },
        py::arg("grid"));
    m.def(
        "sweep_csv",
        [](const std::vector<std::string>& paths,
           const std::vector<std::vector<std::string>>& values,
           const std::vector<RunHandle>& results) {
            return bytes_of([&] { return sweep_text(paths, values, results); });
        },
        py::arg("paths"), py::arg("values"), py::arg("results"));
    m.def(
        "write_sweep_folder",
        [](const std::string& path, const std::vector<std::string>& paths,
           const std::vector<std::vector<std::string>>& values,
           const std::vector<RunHandle>& results, bool keep_replications) {
            write_folder(path, [&](output::OutputFolder& folder) {
                folder.write("sweep.csv", sweep_text(paths, values, results));
                if (keep_replications) {
                    output::ReplicationsFile replications(folder.stage("replications.csv"), true);
                    for (std::size_t p = 0; p < results.size(); ++p)
                        replications.add(*results[p].scenario, *results[p].aggregate, p);
                    replications.close();
                }
            });
        },
        py::arg("path"), py::arg("paths"), py::arg("values"), py::arg("results"),
        py::arg("keep_replications"));
}
