// sizing.json (see CONTRACT.md, plus the trade-off curve and every service sized in order).
#pragma once

#include <nlohmann/json.hpp>

#include "../experiment/sizing.hpp"

namespace zorgsim::output {

nlohmann::ordered_json sizing_json(const care::Scenario& scenario,
                                   const std::vector<experiment::SizingResult>& results,
                                   const experiment::Aggregate& achieved);

} // namespace zorgsim::output
