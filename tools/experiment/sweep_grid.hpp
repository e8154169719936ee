// The points of a sweep: every combination of the values of one or more scenario parameters
// (`zorgsim sweep --set PATH=V1,V2,...`, zorgsim.sweep in Python).
#pragma once

#include <string>
#include <vector>

namespace zorgsim::experiment {

/// One swept parameter: a --set path and the values it takes, as YAML text.
struct SweepParameter {
    std::string path;
    std::vector<std::string> values;
};

/// The points of the grid, one value per parameter, the first parameter varying slowest.
std::vector<std::vector<std::string>> grid_points(const std::vector<SweepParameter>& parameters);

} // namespace zorgsim::experiment
