#include "nonnegative_interval.hpp"

#include <cmath>

namespace zorgsim::experiment {

std::pair<double, double> nonnegative_ci95(const RunningStats& stats) {
    const auto [lo, hi] = stats.ci95();
    if (lo >= 0.0 || !std::isfinite(lo))
        return {lo, hi};
    const double mean = stats.mean();
    if (mean <= 0.0) // every replication zero (or rounding below it): nothing spreads
        return {0.0, std::max(0.0, hi)};
    const double spread = std::exp((hi - mean) / mean);
    return {mean / spread, mean * spread};
}

} // namespace zorgsim::experiment
