#include "sizing_json.hpp"

#include <cmath>

#include "results_json.hpp"

namespace zorgsim::output {

using json = nlohmann::ordered_json;

namespace {

/// NaN and infinities are not JSON: null.
json number(double x) {
    return std::isfinite(x) ? json(x) : json(nullptr);
}

/// A target check: the figure, its interval, the verdict and the replications behind it.
json check_json(const experiment::TargetCheck& check, double threshold) {
    json j;
    j["mean"] = check.observed ? number(check.estimate) : json(nullptr);
    j["ci95"] = check.observed ? json::array({number(check.lo), number(check.hi)})
                               : json::array({nullptr, nullptr});
    j["threshold"] = number(threshold);
    j["verdict"] = std::string(experiment::verdict_text(check.verdict));
    j["replications"] = check.replications;
    return j;
}

json one_service(const care::Scenario& scenario, const experiment::SizingResult& result,
                 const experiment::Aggregate& achieved) {
    const Calendar calendar(scenario.start);
    const auto grid = care::period_grid(scenario);
    json j;
    j["service"] = scenario.services[result.service].id;
    j["target"] = result.target.text;
    j["metric"] = result.target.metric;
    j["statistic"] = result.target.stat;
    j["rule"] = result.target.rule();
    j["capacity"] = result.capacity;
    j["feasible"] = result.feasible;
    json close = json::array();
    for (int c : result.too_close)
        close.push_back(c);
    j["too_close"] = close;
    j["plan_kind"] = std::string(experiment::plan_kind_text(result.plan_kind));
    j["count_target"] = result.count_target;
    json plan = json::array();
    for (std::size_t p = 0; p < result.plan.size(); ++p) {
        json step = {{"period_start", calendar.iso(grid.start(p))}, {"capacity", result.plan[p]}};
        if (p < result.steps.size()) {
            step["measured"] = result.steps[p].measured;
            if (result.steps[p].measured)
                step["target"] = check_json(result.steps[p].check, result.steps[p].threshold);
        }
        plan.push_back(step);
    }
    j["plan"] = plan;
    j["plan_feasible"] = result.plan_feasible;
    if (result.feasible)
        j["plan_whole_horizon"] = check_json(result.plan_whole_horizon, result.target.value);
    // What the sized scenario achieves: the target's metric first, then the usual companions.
    json figures = json::object();
    const std::size_t s = result.service;
    std::vector<std::string_view> metrics{result.target.metric};
    for (std::string_view metric :
         {"wait_days", "queue_length", "rejected", "utilization", "occupancy", "cost"})
        if (metric != result.target.metric)
            metrics.push_back(metric);
    for (std::string_view metric : metrics) {
        json value = interval(
            achieved.service_summary(s, care::metric_index(care::service_summary_metrics, metric)));
        if (metric == "wait_days") {
            value["p50"] = achieved.pooled_waits(s).quantile(0.5);
            value["p90"] = achieved.pooled_waits(s).quantile(0.9);
        }
        figures[std::string(metric)] = value;
    }
    j["achieved"] = figures;
    json curve = json::array();
    for (const auto& point : result.curve) {
        json wait = interval(point.wait);
        wait["p50"] = point.wait_p50;
        wait["p90"] = point.wait_p90;
        curve.push_back({{"capacity", point.capacity},
                         {"meets", point.check.met},
                         {"target", check_json(point.check, result.target.value)},
                         {"wait_days", wait},
                         {"utilization", interval(point.utilization)},
                         {"cost", interval(point.cost)}});
    }
    j["curve"] = curve;
    return j;
}

} // namespace

json sizing_json(const care::Scenario& scenario,
                 const std::vector<experiment::SizingResult>& results,
                 const experiment::Aggregate& achieved) {
    // The contract's fields describe the first service; "sequence" holds every service in the
    // order sized (each with the earlier ones at their sized capacity).
    json j;
    j["format"] = 1;
    j["scenario"] = scenario.name;
    json first = one_service(scenario, results.front(), achieved);
    for (const auto& [key, value] : first.items())
        j[key] = value;
    if (results.size() > 1) {
        json sequence = json::array();
        for (const auto& result : results)
            sequence.push_back(one_service(scenario, result, achieved));
        j["sequence"] = sequence;
    }
    return j;
}

} // namespace zorgsim::output
