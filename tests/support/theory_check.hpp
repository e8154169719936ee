// How a validation test compares a simulated figure with a closed-form value, and prints its
// working when it fails (formula, expected, simulated, interval), as SimGrid's analytic
// tests do.
//
// The figure is estimated by independent replications (one value per replication, after
// warm-up) and its Student-t 95% interval. A check passes when
//   1. |mean - expected| <= widening x half-width, and
//   2. half-width <= max_relative_half_width x |expected|,
// so that a test cannot pass by being too noisy to notice anything.
//
// Why widen the interval: a 95% interval misses the true value 1 time in 20 by design, and
// the suite makes a few dozen such checks; with the seeds fixed a miss would be permanent, and
// any legitimate change to the order of random draws would reshuffle which checks miss.
// Widening by 1.5 turns the per-check false-alarm chance into about 0.5% (|t| > 3.1 with
// 9-19 degrees of freedom), while the half-width bound (3% by default) still means an error of
// 5% or more in the engine fails the check.
#pragma once

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>

#include "zorgsim/engine/running_stats.hpp"

namespace zorgsim::testing {

inline constexpr double ci_widening = 1.5;
inline constexpr double default_max_relative_half_width = 0.015;

struct Theory {
    std::string quantity; ///< e.g. "M/M/1 mean wait Wq (days)"
    std::string formula;  ///< e.g. "Wq = rho / (mu - lambda)"
    double expected;
};

inline void check_against(const Theory& theory, const RunningStats& replications,
                          double max_relative_half_width = default_max_relative_half_width) {
    const double mean = replications.mean();
    const double half = replications.ci95_half_width();
    std::ostringstream working;
    working << theory.quantity << "\n  formula:   " << theory.formula
            << "\n  expected:  " << theory.expected << "\n  simulated: " << mean << " +- " << half
            << " (95% CI over " << replications.count() << " replications)"
            << "\n  distance " << std::abs(mean - theory.expected) << " allowed "
            << ci_widening * half << " (" << ci_widening << " x half-width)"
            << "\n  half-width " << 100.0 * half / std::abs(theory.expected)
            << "% of expected, allowed " << 100.0 * max_relative_half_width << "%";
    INFO(working.str());
    // ZORGSIM_SHOW_WORKING=1 prints the working of passing checks too.
    if (std::getenv("ZORGSIM_SHOW_WORKING") != nullptr)
        std::cout << working.str() << "\n";
    CHECK(replications.count() >= 5);
    CHECK(std::abs(mean - theory.expected) <= ci_widening * half);
    CHECK(half <= max_relative_half_width * std::abs(theory.expected));
}

} // namespace zorgsim::testing
