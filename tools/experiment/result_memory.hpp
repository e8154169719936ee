// The memory a run keeps for its per-replication figures: exact quantiles keep one value per
// replication of every time-series cell, so a replication count whose values would not fit is
// refused before anything runs (docs/limits.md). Shared by the command line and the Python API.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "zorgsim/model/scenario.hpp"

namespace zorgsim::experiment {

/// The bytes of per-replication figures a command may keep (exact quantiles, replications.csv).
inline constexpr std::uint64_t max_result_bytes = std::uint64_t{4} << 30;

/// Why `replications` replications of `scenarios` scenarios the size of `scenario` (compare runs
/// several together) would not fit in max_result_bytes, or nothing when they fit.
std::optional<std::string> result_memory_refusal(const care::Scenario& scenario,
                                                 std::size_t replications,
                                                 std::size_t scenarios = 1);

} // namespace zorgsim::experiment
