// A sizing target such as "wait_days.p90 <= 28": a service outcome of the catalogue, a
// statistic, a direction and a value. It is met only when the whole 95% interval (for a mean)
// or the pooled quantile (for p50/p90) is on the right side; it is missed when the whole
// interval is on the wrong side; in between the verdict is not clear yet (sizing adds
// replications, then calls it too close).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "aggregate.hpp"

namespace zorgsim::experiment {

struct Target {
    std::string metric; ///< a service metric of summary.json, e.g. wait_days
    std::string stat;   ///< mean, p50 or p90 (quantiles only for wait_days)
    bool at_most = true;
    double value = 0.0;
    std::string text; ///< as written
    /// The rule in words, e.g. "the whole 95% interval must be <= 1".
    std::string rule() const;
};

/// Whether more capacity makes an outcome of a service smaller (waits, lists, turn-aways,
/// utilisation: true), larger (admissions, occupancy, cost: false) or neither in a way
/// sizing can rely on (nothing).
std::optional<bool> falls_with_capacity(std::string_view metric);

/// Parses "METRIC.STAT <= VALUE" or ">= VALUE"; an error message if it cannot.
std::optional<Target> parse_target(std::string_view text, std::string& error);

/// The figure a target looks at, and whether it is met, for one service of an aggregate.
enum class Verdict { meets, misses, unclear };

struct TargetCheck {
    bool met = false;
    Verdict verdict = Verdict::misses;
    bool observed = false; ///< false when there was nothing to measure (nobody admitted)
    double estimate = 0.0; ///< the mean or the pooled quantile
    double lo = 0.0;       ///< the 95% interval (equal to estimate for quantiles)
    double hi = 0.0;
    std::size_t replications = 0;
};

/// "meets", "misses" or "too close to call".
std::string_view verdict_text(Verdict verdict);

/// The check of `stats` against `target` with its value replaced by `value` (a per-period
/// share of a count target).
TargetCheck check_stats(const Target& target, const RunningStats& stats, double value);

TargetCheck check_whole_horizon(const Target& target, const Aggregate& aggregate,
                                std::size_t service);
/// The same for one reporting period; p50/p90 need the service's pooled period waits.
TargetCheck check_period(const Target& target, const Aggregate& aggregate, std::size_t service,
                         std::size_t period, double value);

} // namespace zorgsim::experiment
