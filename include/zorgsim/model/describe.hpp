// The resolved network in words a policymaker reads: services, capacities, routes and the
// policy timeline. Used by `zorgsim describe` and the report.
#pragma once

#include <string>
#include <vector>

#include "zorgsim/model/scenario.hpp"

namespace zorgsim::care {

/// One line per fact, grouped under headings (lines without leading spaces).
std::vector<std::string> describe(const Scenario& scenario);

/// The policy timeline: (ISO date, description) in date order.
std::vector<std::pair<std::string, std::string>> policy_timeline(const Scenario& scenario);

} // namespace zorgsim::care
