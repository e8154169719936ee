#include "folders.hpp"

#include "scenario/load.hpp"

namespace zorgsim::folders {

output::RunInfo run_info(const experiment::RunOptions& options,
                         const std::vector<care::Scenario>& scenarios) {
    output::RunInfo info{options.seed, options.replications, {}};
    for (const auto& scenario : scenarios)
        info.resolved.push_back({scenario.name, scenario::emit_yaml(scenario)});
    return info;
}

} // namespace zorgsim::folders
