#include "sizing_json.hpp"

#include <cmath>

#include "results_json.hpp"

namespace zorgsim::output {

using json = nlohmann::ordered_json;

namespace {

json one_service(const care::Scenario& scenario, const experiment::SizingResult& result,
                 const experiment::Aggregate& achieved) {
    const Calendar calendar(scenario.start);
    const auto grid = care::period_grid(scenario);
    json j;
    j["service"] = scenario.services[result.service].id;
    j["target"] = result.target.text;
    j["capacity"] = result.capacity;
    j["feasible"] = result.feasible;
    json plan = json::array();
    for (std::size_t p = 0; p < result.plan.size(); ++p)
        plan.push_back(
            {{"period_start", calendar.iso(grid.start(p))}, {"capacity", result.plan[p]}});
    j["plan"] = plan;
    j["plan_feasible"] = result.plan_feasible;
    // What the sized scenario achieves, for the target's metric and the usual companions.
    json figures = json::object();
    const std::size_t s = result.service;
    for (std::string_view metric :
         {"wait_days", "queue_length", "utilization", "occupancy", "cost"}) {
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
