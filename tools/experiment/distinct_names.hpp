// The scenarios of a comparison are told apart by their names in every results file, so two
// with the same name are refused before anything runs (compare on the command line and in
// Python).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "zorgsim/model/scenario.hpp"

namespace zorgsim::experiment {

/// Why `scenarios` cannot be compared (two share a name), or nothing when they can.
std::optional<std::string> duplicate_name_refusal(const std::vector<care::Scenario>& scenarios);

} // namespace zorgsim::experiment
