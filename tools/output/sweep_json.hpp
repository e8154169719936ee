// sweep.json: the figures of a sweep the report draws (docs/output-format.md): for each point
// its values and, for the chosen services, the wait (mean, p50, p90), the waiting list,
// turn-aways, utilisation and cost with intervals that never go below zero.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../experiment/aggregate.hpp"

namespace zorgsim::output {

/// The rows of one point of the sweep.
nlohmann::ordered_json sweep_rows(std::size_t point, const std::vector<std::string>& paths,
                                  const std::vector<std::string>& values,
                                  const std::vector<std::string>& services,
                                  const experiment::Aggregate& aggregate);

/// The services a sweep's report shows: those the swept paths name (services.ID...), or all.
std::vector<std::string> swept_services(const std::vector<std::string>& paths,
                                        const std::vector<std::string>& all);

nlohmann::ordered_json sweep_json(const std::string& scenario,
                                  const std::vector<std::string>& paths,
                                  nlohmann::ordered_json rows, nlohmann::ordered_json failed);

} // namespace zorgsim::output
