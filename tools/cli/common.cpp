#include "common.hpp"

#include <thread>

#include <fmt/format.h>
#include <unistd.h>

#include "experiment/result_memory.hpp"
#include "growing_lists_warning.hpp"
#include "zorgsim/model/outcomes.hpp"

namespace zorgsim::cli {

std::vector<scenario::Override> parse_overrides(const std::vector<std::string>& sets) {
    std::vector<scenario::Override> overrides;
    for (const auto& item : sets) {
        const auto eq = item.find('=');
        if (eq == std::string::npos || eq == 0)
            throw BadInput(fmt::format("--set expects PATH=VALUE, got '{}'", item));
        overrides.push_back({item.substr(0, eq), item.substr(eq + 1)});
    }
    return overrides;
}

care::Scenario load_scenario(const std::optional<std::filesystem::path>& file,
                             const std::vector<scenario::Override>& overrides, bool quiet) {
    scenario::LoadResult result =
        file ? scenario::load_file(*file, overrides)
             : scenario::load_text(default_scenario_text(), default_scenario_name,
                                   std::filesystem::current_path(), overrides);
    for (const auto& diagnostic : result.diagnostics)
        if (!quiet || diagnostic.severity == scenario::Diagnostic::Severity::error)
            fmt::print(stderr, "{}\n", diagnostic.format());
    if (!result.ok() || !result.scenario)
        throw BadInput("");
    remember_service_notes(result.scenario->name, std::move(result.services));
    return std::move(*result.scenario);
}

experiment::RunOptions run_options(const CommonOptions& options, const care::Scenario& scenario,
                                   std::size_t scenarios) {
    experiment::RunOptions run;
    run.replications = options.replications.value_or(scenario.replications);
    run.seed = options.seed.value_or(scenario.seed);
    run.threads =
        options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    run.backend = options.cluster ? options.cluster->backend : nullptr;
    if (options.max_youths)
        run.max_youths = *options.max_youths;
    if (run.replications == 0)
        throw BadInput("--replications must be at least 1");
    // Exact quantiles keep one value per replication of every time-series cell: refuse, before
    // anything runs, a replication count whose values would not fit (docs/limits.md).
    if (auto refusal = experiment::result_memory_refusal(scenario, run.replications, scenarios))
        throw BadInput(*refusal);
    return run;
}

folders::FolderOptions folder_options(const CommonOptions& options) {
    return {options.language, options.keep_replications};
}

bool writes_output(const CommonOptions& options) {
    return !options.cluster || options.cluster->writes_output();
}

void on_writer(const CommonOptions& options, const std::function<void()>& step) {
    if (options.cluster && options.cluster->on_writer)
        options.cluster->on_writer(step);
    else
        step();
}

std::filesystem::path output_dir(const CommonOptions& options, const std::string& name) {
    namespace fs = std::filesystem;
    const fs::path dir = options.out.empty() ? fs::path("results") / name : fs::path(options.out);
    // Checked before anything runs (exit 2), not found when the files are moved in at the end:
    // the folder, if it exists, and the nearest existing folder above it must be writable folders.
    std::error_code ignored;
    auto writable_folder = [&](const fs::path& path) {
        return fs::is_directory(path, ignored) && ::access(path.c_str(), W_OK) == 0;
    };
    const fs::path absolute = fs::absolute(dir, ignored);
    fs::path above = absolute.parent_path();
    while (!fs::exists(above, ignored) && above.has_relative_path())
        above = above.parent_path();
    if (fs::exists(absolute, ignored) && !fs::is_directory(absolute, ignored))
        throw BadInput(fmt::format("the output folder {} is a file", dir.string()));
    if ((fs::exists(absolute, ignored) && !writable_folder(absolute)) || !writable_folder(above))
        throw BadInput(fmt::format("cannot write the output folder {}", dir.string()));
    return dir;
}

} // namespace zorgsim::cli
