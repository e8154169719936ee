#include "sizing.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace zorgsim::experiment {

namespace {

std::size_t summary_metric(care::MetricOf<care::service_summary_metrics> metric) {
    return metric.index;
}

/// Smallest c in (known_fail, known_pass] that passes, assuming passing is monotone in c.
int bisect(int known_fail, int known_pass, const std::function<bool(int)>& passes) {
    while (known_pass - known_fail > 1) {
        const int middle = known_fail + (known_pass - known_fail) / 2;
        if (passes(middle))
            known_pass = middle;
        else
            known_fail = middle;
    }
    return known_pass;
}

/// Brackets from `start` by doubling (or halving), then bisects. Nothing if even
/// `max_capacity` fails.
std::optional<int> smallest_passing(int start, int max_capacity,
                                    const std::function<bool(int)>& passes) {
    start = std::clamp(start, 1, max_capacity);
    if (passes(start)) {
        int pass = start;
        int probe = start / 2;
        while (probe >= 1 && passes(probe)) {
            pass = probe;
            probe /= 2;
        }
        if (probe < 1 && passes(0))
            return 0;
        return bisect(std::max(probe, 0), pass, passes);
    }
    int fail = start;
    for (;;) {
        if (fail >= max_capacity)
            return std::nullopt;
        const int probe = std::min(max_capacity, fail * 2);
        if (passes(probe))
            return bisect(fail, probe, passes);
        fail = probe;
    }
}

} // namespace

care::Scenario with_constant_capacity(const care::Scenario& scenario, std::size_t service,
                                      int capacity) {
    care::Scenario copy = scenario;
    copy.services[service].capacity = {care::CapacityStep{0.0, capacity}};
    std::erase_if(copy.policies, [&](const care::PolicyChange& change) {
        return change.kind == care::PolicyChange::Kind::capacity &&
               change.service == static_cast<int>(service);
    });
    return copy;
}

SizingResult size_service(const care::Scenario& scenario, std::size_t service, const Target& target,
                          const RunOptions& run, const SizingOptions& options) {
    SizingResult result;
    result.service = service;
    result.target = target;
    const std::string& id = scenario.services[service].id;
    auto say = [&](const std::string& message) {
        if (options.progress)
            options.progress(message);
    };

    // Whole horizon, constant capacity.
    std::map<int, CapacityPoint> evaluated;
    auto evaluate = [&](int capacity) -> const CapacityPoint& {
        if (auto it = evaluated.find(capacity); it != evaluated.end())
            return it->second;
        RunOptions options_here = run;
        options_here.trace = nullptr;
        const Aggregate aggregate =
            run_scenario(with_constant_capacity(scenario, service, capacity), options_here);
        CapacityPoint point;
        point.capacity = capacity;
        point.check = check_whole_horizon(target, aggregate, service);
        point.wait = aggregate.service_summary(service, summary_metric("wait_days"));
        point.wait_p50 = aggregate.pooled_waits(service).quantile(0.5);
        point.wait_p90 = aggregate.pooled_waits(service).quantile(0.9);
        point.utilization = aggregate.service_summary(service, summary_metric("utilization"));
        point.cost = aggregate.service_summary(service, summary_metric("cost"));
        say(fmt::format("{} capacity {}: {}.{} = {:.3g} -> {}", id, capacity, target.metric,
                        target.stat, point.check.estimate, point.check.met ? "meets" : "misses"));
        return evaluated.emplace(capacity, point).first->second;
    };
    int start = 1;
    for (const auto& step : scenario.services[service].capacity)
        start = std::max(start, step.value);
    const auto constant =
        smallest_passing(start, options.max_capacity, [&](int c) { return evaluate(c).check.met; });
    result.feasible = constant.has_value();
    result.capacity = constant.value_or(options.max_capacity);
    // A few neighbours make the trade-off curve readable around the answer.
    for (int c :
         {result.capacity - 2, result.capacity - 1, result.capacity + 1, result.capacity + 2})
        if (c >= 0 && c <= options.max_capacity)
            evaluate(c);
    for (const auto& [capacity, point] : evaluated)
        result.curve.push_back(point);
    result.sized = with_constant_capacity(scenario, service, result.capacity);
    if (!result.feasible)
        return result;

    // Per period: period by period, each with the earlier periods at their planned capacity
    // (the queue a period inherits depends on them), run only up to the period's end.
    const care::OutcomeLayout layout = care::outcome_layout(scenario);
    const auto& grid = layout.periods;
    const bool per_period_figure =
        target.stat != "mean" || care::metric_index(care::service_series_metrics, target.metric) <
                                     care::service_series_metrics.size();
    for (std::size_t p = 0; p < grid.size(); ++p) {
        if (!per_period_figure || grid.start(p) < scenario.warmup_days) {
            result.plan.push_back(result.capacity);
            continue;
        }
        auto passes = [&](int capacity) {
            care::Scenario candidate = with_constant_capacity(scenario, service, 0);
            auto& schedule = candidate.services[service].capacity;
            schedule.clear();
            for (std::size_t q = 0; q < p; ++q)
                schedule.push_back({grid.start(q), result.plan[q]});
            schedule.push_back({grid.start(p), capacity});
            candidate.horizon_days = grid.end(p);
            RunOptions options_here = run;
            options_here.trace = nullptr;
            options_here.period_waits_of = static_cast<int>(service);
            const Aggregate aggregate = run_scenario(candidate, options_here);
            const TargetCheck check = check_period(target, aggregate, service, p);
            if (check.observed)
                return check.met;
            // Nobody admitted in the period: fine if nobody was waiting either.
            const auto queue = aggregate.series(
                aggregate.layout().service_series(
                    service, care::MetricOf<care::service_series_metrics>("queue_length").index),
                p);
            return target.metric == "wait_days" && queue.stats.count() > 0 &&
                   queue.stats.mean() == 0.0;
        };
        const int from = p == 0 ? result.capacity : std::max(1, result.plan.back());
        const auto planned = smallest_passing(from, options.max_capacity, passes);
        if (!planned)
            result.plan_feasible = false;
        result.plan.push_back(planned.value_or(options.max_capacity));
        say(fmt::format("{} plan for period {}: {}", id, p + 1, result.plan.back()));
    }
    return result;
}

} // namespace zorgsim::experiment
