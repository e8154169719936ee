#include "target.hpp"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

namespace zorgsim::experiment {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return s;
}

TargetCheck from_histogram(const Target& target, const Histogram& waits) {
    TargetCheck check;
    if (waits.count() == 0)
        return check;
    check.observed = true;
    check.estimate = waits.quantile(target.stat == "p50" ? 0.5 : 0.9);
    check.lo = check.hi = check.estimate;
    check.met = target.at_most ? check.estimate <= target.value : check.estimate >= target.value;
    check.verdict = check.met ? Verdict::meets : Verdict::misses;
    return check;
}

} // namespace

std::string Target::rule() const {
    if (stat != "mean")
        return fmt::format("the pooled {} must be {} {}", stat, at_most ? "<=" : ">=", value);
    return fmt::format("the whole 95% interval must be {} {}", at_most ? "<=" : ">=", value);
}

std::optional<bool> falls_with_capacity(std::string_view metric) {
    // Waits to care (first wait and at the admitting service) fall with the capacity too.
    for (std::string_view falls :
         {"wait_days", "queue_length", "utilization", "rejected", "reneged", "waits_over_norm",
          "substituted", "wait_to_care_days", "wait_to_care_p50_days", "wait_to_care_p90_days",
          "wait_to_care_over_norm", "wait_to_care_over_norm_share", "admitted_wait_to_care_days",
          "still_waiting_end", "still_waiting_days", "bridging_days"})
        if (metric == falls)
            return true;
    for (std::string_view rises : {"occupancy", "capacity", "admissions", "discharges", "cost",
                                   "cost_occupied", "cost_vacant"})
        if (metric == rises)
            return false;
    return std::nullopt;
}

std::string_view verdict_text(Verdict verdict) {
    switch (verdict) {
    case Verdict::meets:
        return "meets";
    case Verdict::misses:
        return "misses";
    case Verdict::unclear:
        return "too close to call";
    }
    return "misses";
}

TargetCheck check_stats(const Target& target, const RunningStats& stats, double value) {
    TargetCheck check;
    check.replications = stats.count();
    if (stats.count() == 0)
        return check;
    check.observed = true;
    check.estimate = stats.mean();
    std::tie(check.lo, check.hi) = stats.ci95();
    if (stats.count() < 2)
        check.lo = check.hi = check.estimate;
    check.met = target.at_most ? check.hi <= value : check.lo >= value;
    const bool clearly_missed = target.at_most ? check.lo > value : check.hi < value;
    check.verdict = check.met        ? Verdict::meets
                    : clearly_missed ? Verdict::misses
                                     : Verdict::unclear;
    return check;
}

std::optional<Target> parse_target(std::string_view text, std::string& error) {
    Target target;
    target.text = std::string(trim(text));
    std::string_view rest = target.text;
    auto op = rest.find("<=");
    if (op == std::string_view::npos) {
        op = rest.find(">=");
        target.at_most = false;
    }
    if (op == std::string_view::npos) {
        error = fmt::format("target '{}': expected METRIC.STAT <= VALUE or >= VALUE", text);
        return std::nullopt;
    }
    const std::string_view left = trim(rest.substr(0, op));
    const std::string_view right = trim(rest.substr(op + 2));
    const auto dot = left.rfind('.');
    if (dot == std::string_view::npos) {
        error = fmt::format("target '{}': expected METRIC.STAT, e.g. wait_days.p90", text);
        return std::nullopt;
    }
    target.metric = std::string(left.substr(0, dot));
    target.stat = std::string(left.substr(dot + 1));
    if (care::metric_index(care::service_summary_metrics, target.metric) ==
        care::service_summary_metrics.size()) {
        error = fmt::format("target '{}': unknown metric '{}' (a service outcome: wait_days, "
                            "queue_length, rejected, waits_over_norm, utilization, ...; see "
                            "docs/sizing.md)",
                            text, target.metric);
        return std::nullopt;
    }
    const bool quantile = target.stat == "p50" || target.stat == "p90";
    if (target.stat != "mean" && !(quantile && target.metric == "wait_days")) {
        error =
            fmt::format("target '{}': the statistic must be mean (or p50/p90 for wait_days)", text);
        return std::nullopt;
    }
    const auto [end, ec] = std::from_chars(right.data(), right.data() + right.size(), target.value);
    if (ec != std::errc{} || end != right.data() + right.size() || !std::isfinite(target.value)) {
        error = fmt::format("target '{}': '{}' is not a number", text, right);
        return std::nullopt;
    }
    // Sizing looks for the smallest capacity that meets the target, so more capacity must
    // make the target easier, never harder.
    const auto falls = falls_with_capacity(target.metric);
    if (!falls) {
        error = fmt::format("target '{}': {} does not move one way with capacity, so no "
                            "smallest capacity meets it (see docs/sizing.md)",
                            text, target.metric);
        return std::nullopt;
    }
    if (*falls != target.at_most) {
        error = fmt::format("target '{}': {} {} as capacity grows, so '{}' gets harder with "
                            "more places; sizing finds the smallest capacity for a target "
                            "written with '{}' (read {} in the achievements of sizing.json)",
                            text, target.metric, *falls ? "falls" : "rises",
                            target.at_most ? "<=" : ">=", *falls ? "<=" : ">=", target.metric);
        return std::nullopt;
    }
    return target;
}

TargetCheck check_whole_horizon(const Target& target, const Aggregate& aggregate,
                                std::size_t service) {
    if (target.stat != "mean")
        return from_histogram(target, aggregate.pooled_waits(service));
    return check_stats(
        target,
        aggregate.service_summary(service,
                                  care::metric_index(care::service_summary_metrics, target.metric)),
        target.value);
}

TargetCheck check_period(const Target& target, const Aggregate& aggregate, std::size_t service,
                         std::size_t period, double value) {
    if (target.stat != "mean") {
        const auto& waits = aggregate.pooled_period_waits();
        return period < waits.size() ? from_histogram(target, waits[period]) : TargetCheck{};
    }
    const auto metric = care::metric_index(care::service_series_metrics, target.metric);
    if (metric == care::service_series_metrics.size())
        return {};
    return check_stats(
        target, aggregate.series(aggregate.layout().service_series(service, metric), period).stats,
        value);
}

} // namespace zorgsim::experiment
