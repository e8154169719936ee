#include "common.hpp"

#include <thread>

#include <fmt/format.h>

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
    return std::move(*result.scenario);
}

experiment::RunOptions run_options(const CommonOptions& options, const care::Scenario& scenario) {
    experiment::RunOptions run;
    run.replications = options.replications.value_or(scenario.replications);
    run.seed = options.seed.value_or(scenario.seed);
    run.threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    if (run.replications == 0)
        throw BadInput("--replications must be at least 1");
    return run;
}

output::RunInfo run_info(const experiment::RunOptions& options) {
    return output::RunInfo{options.seed, options.replications};
}

std::filesystem::path output_dir(const CommonOptions& options, const std::string& name) {
    if (!options.out.empty())
        return options.out;
    return std::filesystem::path("results") / name;
}

} // namespace zorgsim::cli
