// Sizing several services one after another (`zorgsim size --service A --service B`, zorgsim.size
// in Python): each is sized with the earlier ones at their sized (constant) capacity.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "sizing.hpp"

namespace zorgsim::experiment {

/// The index of the service with id `id` in `scenario`, if it has one.
std::optional<std::size_t> service_index(const care::Scenario& scenario, std::string_view id);

/// Sizes `services` (indices) in order against `targets` (one for all, or one per service),
/// replacing `scenario` by each sized scenario in turn. Stops after the first service that no
/// capacity up to sizing.max_capacity sizes: its result is then the last, with feasible false,
/// and `scenario` is the one it was sized in.
std::vector<SizingResult> size_in_order(care::Scenario& scenario,
                                        const std::vector<std::size_t>& services,
                                        const std::vector<Target>& targets, const RunOptions& run,
                                        const SizingOptions& sizing);

} // namespace zorgsim::experiment
