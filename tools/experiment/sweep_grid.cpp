#include "sweep_grid.hpp"

namespace zorgsim::experiment {

std::vector<std::vector<std::string>> grid_points(const std::vector<SweepParameter>& parameters) {
    std::vector<std::vector<std::string>> points{{}};
    for (const auto& parameter : parameters) {
        std::vector<std::vector<std::string>> next;
        for (const auto& point : points)
            for (const auto& value : parameter.values) {
                next.push_back(point);
                next.back().push_back(value);
            }
        points = std::move(next);
    }
    return points;
}

} // namespace zorgsim::experiment
