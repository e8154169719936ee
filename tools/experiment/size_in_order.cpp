#include "size_in_order.hpp"

#include <algorithm>

namespace zorgsim::experiment {

std::optional<std::size_t> service_index(const care::Scenario& scenario, std::string_view id) {
    const auto it = std::find_if(scenario.services.begin(), scenario.services.end(),
                                 [&](const care::Service& s) { return s.id == id; });
    if (it == scenario.services.end())
        return std::nullopt;
    return static_cast<std::size_t>(it - scenario.services.begin());
}

std::vector<SizingResult> size_in_order(care::Scenario& scenario,
                                        const std::vector<std::size_t>& services,
                                        const std::vector<Target>& targets, const RunOptions& run,
                                        const SizingOptions& sizing) {
    std::vector<SizingResult> results;
    for (std::size_t i = 0; i < services.size(); ++i) {
        const auto& target = targets[targets.size() == 1 ? 0 : i];
        results.push_back(size_service(scenario, services[i], target, run, sizing));
        if (!results.back().feasible)
            break;
        scenario = results.back().sized;
    }
    return results;
}

} // namespace zorgsim::experiment
