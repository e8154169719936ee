#include "sizing.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

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
        // Half again rather than double: capacities usually start near the answer, and a
        // shorter bracket saves more runs than the extra step costs.
        const int probe = std::min(max_capacity, fail + std::max(1, fail / 2));
        if (passes(probe))
            return bisect(fail, probe, passes);
        fail = probe;
    }
}

/// The smallest passing c, searched outward from `near` (a period's answer is usually close
/// to the constant one, whose neighbours have run already): steps of 1, 2, 4, ... then
/// bisection.
std::optional<int> smallest_passing_near(int near, int max_capacity,
                                         const std::function<bool(int)>& passes) {
    near = std::clamp(near, 0, max_capacity);
    if (passes(near)) {
        int pass = near;
        for (int step = 1;; step *= 2) {
            const int probe = near - step;
            if (probe < 0)
                return bisect(-1, pass, passes);
            if (!passes(probe))
                return bisect(probe, pass, passes);
            pass = probe;
        }
    }
    int fail = near;
    for (int step = 1;; step *= 2) {
        if (fail >= max_capacity)
            return std::nullopt;
        const int probe = std::min(max_capacity, near + step);
        if (passes(probe))
            return bisect(fail, probe, passes);
        fail = probe;
    }
}

/// A run kept for later checks, grown in replications when a check is unclear.
struct KeptRun {
    care::Scenario scenario;
    Aggregate aggregate;
};

/// Runs scenarios once each (keyed by their capacity schedule) and settles unclear verdicts
/// by adding replications to the kept run.
class Evaluator {
  public:
    Evaluator(const care::Scenario& scenario, std::size_t service, const Target& target,
              const RunOptions& run, std::size_t max_replications)
        : scenario_(scenario), service_(service), target_(target), run_(run),
          max_replications_(std::max(max_replications, run.replications)) {
        run_.trace = nullptr;
        run_.period_waits_of = static_cast<int>(service);
    }

    KeptRun& constant(int capacity) {
        return kept(std::vector<int>{capacity},
                    [&] { return with_constant_capacity(scenario_, service_, capacity); });
    }

    KeptRun& schedule(const std::vector<int>& plan, const PeriodGrid& grid) {
        if (std::all_of(plan.begin(), plan.end(), [&](int c) { return c == plan.front(); }))
            return constant(plan.front());
        return kept(plan, [&] {
            care::Scenario candidate = with_constant_capacity(scenario_, service_, 0);
            auto& steps = candidate.services[service_].capacity;
            steps.clear();
            for (std::size_t p = 0; p < plan.size(); ++p)
                if (p == 0 || plan[p] != plan[p - 1])
                    steps.push_back({grid.start(p), plan[p]});
            return candidate;
        });
    }

    /// `check` on the run, with replications added while its verdict is unclear (only when
    /// `extend`: a plan's periods take the run as it is, an unclear period counting as a miss).
    TargetCheck settle(KeptRun& run, const std::function<TargetCheck(const Aggregate&)>& check,
                       bool extend = true) {
        TargetCheck result = check(run.aggregate);
        while (extend && result.verdict == Verdict::unclear &&
               run.aggregate.replications() < max_replications_) {
            RunOptions more = run_;
            const std::size_t have = run.aggregate.replications();
            more.replications = std::min(have, max_replications_ - have);
            more.progress = nullptr;
            extend_scenario(run.aggregate, run.scenario, more, have);
            ++runs_;
            result = check(run.aggregate);
        }
        return result;
    }

    std::size_t runs() const { return runs_; }
    const std::map<std::vector<int>, std::unique_ptr<KeptRun>>& all() const { return kept_; }

  private:
    template <typename Make> KeptRun& kept(const std::vector<int>& key, Make&& make) {
        if (auto it = kept_.find(key); it != kept_.end())
            return *it->second;
        care::Scenario candidate = make();
        Aggregate aggregate = run_scenario(candidate, run_);
        ++runs_;
        auto run = std::make_unique<KeptRun>(KeptRun{std::move(candidate), std::move(aggregate)});
        return *kept_.emplace(key, std::move(run)).first->second;
    }

    const care::Scenario& scenario_;
    std::size_t service_;
    const Target& target_;
    RunOptions run_;
    std::size_t max_replications_;
    std::size_t runs_ = 0;
    std::map<std::vector<int>, std::unique_ptr<KeptRun>> kept_;
};

std::string check_text(const Target& target, const TargetCheck& check) {
    if (!check.observed)
        return fmt::format("{}.{}: nothing measured", target.metric, target.stat);
    if (target.stat != "mean")
        return fmt::format("{}.{} = {:.4g}", target.metric, target.stat, check.estimate);
    return fmt::format("{}.{} = {:.4g} (95% interval {:.4g} to {:.4g}, {} replications)",
                       target.metric, target.stat, check.estimate, check.lo, check.hi,
                       check.replications);
}

} // namespace

std::string_view plan_kind_text(PlanKind kind) {
    switch (kind) {
    case PlanKind::constant:
        return "constant";
    case PlanKind::per_period:
        return "per-period";
    case PlanKind::build_up:
        return "build-up";
    case PlanKind::phase_out:
        return "phase-out";
    }
    return "per-period";
}

std::optional<PlanKind> parse_plan_kind(std::string_view text) {
    for (PlanKind kind :
         {PlanKind::constant, PlanKind::per_period, PlanKind::build_up, PlanKind::phase_out})
        if (plan_kind_text(kind) == text)
            return kind;
    return std::nullopt;
}

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
    result.plan_kind = options.plan;
    const std::string& id = scenario.services[service].id;
    auto say = [&](const std::string& message) {
        if (options.progress)
            options.progress(message);
    };
    Evaluator evaluator(scenario, service, target, run,
                        options.max_replications ? options.max_replications : 4 * run.replications);

    // Whole horizon, constant capacity.
    std::map<int, TargetCheck> verdicts;
    auto whole = [&](int capacity) -> const TargetCheck& {
        if (auto it = verdicts.find(capacity); it != verdicts.end())
            return it->second;
        const TargetCheck check =
            evaluator.settle(evaluator.constant(capacity), [&](const auto& a) {
                return check_whole_horizon(target, a, service);
            });
        say(fmt::format("{} capacity {}: {} -> {} ({})", id, capacity, check_text(target, check),
                        verdict_text(check.verdict), target.rule()));
        return verdicts.emplace(capacity, check).first->second;
    };
    int start = 1;
    for (const auto& step : scenario.services[service].capacity)
        start = std::max(start, step.value);
    const auto constant =
        smallest_passing(start, options.max_capacity, [&](int c) { return whole(c).met; });
    result.feasible = constant.has_value();
    result.capacity = constant.value_or(options.max_capacity);
    // A neighbour on each side makes the trade-off curve readable around the answer.
    for (int c : {result.capacity - 1, result.capacity + 1})
        if (c >= 0 && c <= options.max_capacity)
            whole(c);
    for (int c = result.capacity - 1; c >= 0; --c) {
        const auto it = verdicts.find(c);
        if (it == verdicts.end() || it->second.verdict != Verdict::unclear)
            break;
        result.too_close.insert(result.too_close.begin(), c);
    }
    result.sized = with_constant_capacity(scenario, service, result.capacity);

    const care::OutcomeLayout layout = care::outcome_layout(scenario);
    const auto& grid = layout.periods;
    const auto* outcome = care::find_outcome(care::Scope::service, target.metric);
    result.count_target =
        target.stat == "mean" && outcome &&
        (outcome->unit == care::Unit::count || outcome->unit == care::Unit::euros);
    const bool per_period_figure =
        target.stat != "mean" || care::metric_index(care::service_series_metrics, target.metric) <
                                     care::service_series_metrics.size();
    const double measured_days = scenario.horizon_days - scenario.warmup_days;
    result.steps.resize(grid.size());
    for (std::size_t p = 0; p < grid.size(); ++p) {
        auto& step = result.steps[p];
        step.measured = per_period_figure && grid.start(p) >= scenario.warmup_days;
        // A total over the horizon is shared out over the periods by their length, so that a
        // plan meeting every period's share meets the total too.
        step.threshold = result.count_target && measured_days > 0
                             ? target.value * (grid.end(p) - grid.start(p)) / measured_days
                             : target.value;
    }
    auto period_check = [&](KeptRun& kept, std::size_t p) {
        return evaluator.settle(
            kept,
            [&](const Aggregate& a) {
                return check_period(target, a, service, p, result.steps[p].threshold);
            },
            false);
    };
    auto period_passes = [&](KeptRun& kept, std::size_t p) {
        const TargetCheck check = period_check(kept, p);
        if (check.observed)
            return check.met;
        // Nobody admitted in the period: fine if nobody was waiting either.
        const auto queue = kept.aggregate.series(
            kept.aggregate.layout().service_series(
                service, care::MetricOf<care::service_series_metrics>("queue_length").index),
            p);
        return target.metric == "wait_days" && queue.stats.count() > 0 && queue.stats.mean() == 0.0;
    };

    // Each period's smallest capacity, read off whole-horizon runs of constant capacities
    // (one run answers every period).
    std::vector<int> plan(grid.size(), result.capacity);
    if (result.feasible && options.plan != PlanKind::constant) {
        std::optional<std::size_t> first_measured;
        for (std::size_t p = 0; p < grid.size(); ++p) {
            if (!result.steps[p].measured)
                continue;
            if (!first_measured)
                first_measured = p;
            const auto need =
                smallest_passing_near(result.capacity, options.max_capacity, [&](int c) {
                    return period_passes(evaluator.constant(c), p);
                });
            if (!need)
                result.plan_feasible = false;
            plan[p] = need.value_or(options.max_capacity);
        }
        auto shape = [&] {
            if (first_measured)
                for (std::size_t p = 0; p < *first_measured; ++p)
                    plan[p] = plan[*first_measured];
            if (options.plan == PlanKind::build_up)
                for (std::size_t p = 1; p < plan.size(); ++p)
                    plan[p] = std::max(plan[p], plan[p - 1]);
            if (options.plan == PlanKind::phase_out)
                for (std::size_t p = plan.size(); p-- > 1;)
                    plan[p - 1] = std::max(plan[p - 1], plan[p]);
        };
        shape();
        // The plan as a schedule: a period after lower capacities inherits a longer queue than
        // the constant run it was read from. Raise the first period that misses, and again.
        for (std::size_t round = 0; first_measured && round < 4 * grid.size() + 4; ++round) {
            KeptRun& kept = evaluator.schedule(plan, grid);
            std::optional<std::size_t> missing;
            for (std::size_t p = 0; p < grid.size() && !missing; ++p)
                if (result.steps[p].measured && !period_passes(kept, p))
                    missing = p;
            if (!missing)
                break;
            if (plan[*missing] >= options.max_capacity) {
                result.plan_feasible = false;
                break;
            }
            ++plan[*missing];
            shape();
            say(fmt::format("{} {} plan: period {} misses as a schedule, raised to {}", id,
                            plan_kind_text(options.plan), *missing + 1, plan[*missing]));
        }
    }
    result.plan = plan;
    if (result.feasible) {
        KeptRun& kept = options.plan == PlanKind::constant ? evaluator.constant(result.capacity)
                                                           : evaluator.schedule(plan, grid);
        for (std::size_t p = 0; p < grid.size(); ++p) {
            result.steps[p].capacity = plan[p];
            if (result.steps[p].measured)
                result.steps[p].check = period_check(kept, p);
        }
        result.plan_whole_horizon = evaluator.settle(
            kept, [&](const Aggregate& a) { return check_whole_horizon(target, a, service); },
            false);
        std::string line;
        for (int c : plan)
            line += fmt::format("{}{}", line.empty() ? "" : " ", c);
        say(fmt::format("{} {} plan: {}; over the whole horizon {} -> {}", id,
                        plan_kind_text(options.plan), line,
                        check_text(target, result.plan_whole_horizon),
                        verdict_text(result.plan_whole_horizon.verdict)));
    }

    for (const auto& [key, kept] : evaluator.all()) {
        if (key.size() != 1)
            continue;
        const Aggregate& aggregate = kept->aggregate;
        CapacityPoint point;
        point.capacity = key.front();
        point.check = check_whole_horizon(target, aggregate, service);
        point.wait = aggregate.service_summary(service, summary_metric("wait_days"));
        point.wait_p50 = aggregate.pooled_waits(service).quantile(0.5);
        point.wait_p90 = aggregate.pooled_waits(service).quantile(0.9);
        point.utilization = aggregate.service_summary(service, summary_metric("utilization"));
        point.cost = aggregate.service_summary(service, summary_metric("cost"));
        result.curve.push_back(point);
    }
    result.runs = evaluator.runs();
    const KeptRun& sized = evaluator.constant(result.capacity);
    if (sized.aggregate.replications() == run.replications)
        result.sized_run = std::make_shared<const Aggregate>(sized.aggregate);
    return result;
}

} // namespace zorgsim::experiment
