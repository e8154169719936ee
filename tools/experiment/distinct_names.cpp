#include "distinct_names.hpp"

#include <fmt/format.h>

namespace zorgsim::experiment {

std::optional<std::string> duplicate_name_refusal(const std::vector<care::Scenario>& scenarios) {
    for (std::size_t i = 0; i < scenarios.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (scenarios[i].name == scenarios[j].name)
                return fmt::format("two scenarios are both named '{}'; names tell them apart in "
                                   "the results",
                                   scenarios[i].name);
    return std::nullopt;
}

} // namespace zorgsim::experiment
