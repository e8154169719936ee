// Exact sample quantiles from order statistics, interpolated as R's default (type 7, Hyndman
// and Fan 1996): with the n observations sorted, the p-quantile is x[h] + (h - floor(h)) *
// (x[h+1] - x[h]) at h = (n - 1) p. Quantiles of one sample are therefore ordered in p, lie
// between the smallest and the largest observation, and a quantile that falls on an
// observation is that observation (the fan charts' bands are values replications gave).
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <span>
#include <vector>

namespace zorgsim {

/// The p-quantile (0 <= p <= 1) of ascending `sorted`; NaN for an empty sample.
inline double sorted_quantile(std::span<const double> sorted, double p) {
    if (sorted.empty())
        return std::numeric_limits<double>::quiet_NaN();
    const double h = static_cast<double>(sorted.size() - 1) * p;
    const auto below = static_cast<std::size_t>(std::floor(h));
    if (below + 1 >= sorted.size())
        return sorted.back();
    const double fraction = h - static_cast<double>(below);
    if (fraction == 0.0)
        return sorted[below];
    return sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
}

/// The quantiles at `levels` of the observations that are not NaN.
template <std::size_t N>
std::array<double, N> quantiles_of(std::span<const double> observations,
                                   const std::array<double, N>& levels) {
    std::vector<double> sorted;
    sorted.reserve(observations.size());
    for (double x : observations)
        if (!std::isnan(x))
            sorted.push_back(x);
    std::sort(sorted.begin(), sorted.end());
    std::array<double, N> out{};
    for (std::size_t i = 0; i < N; ++i)
        out[i] = sorted_quantile(sorted, levels[i]);
    return out;
}

} // namespace zorgsim
