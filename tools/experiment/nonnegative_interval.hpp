// The 95% interval of the mean of a figure that is never negative (a wait, a list, a count, a
// cost). The Student-t interval is kept when its lower bound is at or above zero; when it
// would go below zero (few replications, a skewed figure near zero) the interval is computed
// on the log scale instead (delta method: mean x exp(+-h / mean), h the Student-t half-width),
// which is never below zero, keeps the mean inside and widens upwards as skew would have it.
// docs/statistics.md describes it.
#pragma once

#include <utility>

#include "zorgsim/engine/running_stats.hpp"

namespace zorgsim::experiment {

std::pair<double, double> nonnegative_ci95(const RunningStats& stats);

} // namespace zorgsim::experiment
