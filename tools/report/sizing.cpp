#include "sizing.hpp"

#include <algorithm>
#include <sstream>

namespace zorgsim::report {
namespace {

std::optional<double> number(const Json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_number() ? std::optional(it->get<double>()) : std::nullopt;
}

Target parse_target(const std::string& text) {
    Target target;
    target.text = text;
    std::istringstream words(text);
    std::string what, value;
    words >> what >> target.comparison >> value;
    const auto dot = what.find('.');
    target.metric = what.substr(0, dot);
    target.statistic = dot == std::string::npos ? "" : what.substr(dot + 1);
    try {
        target.value = std::stod(value);
    } catch (const std::exception&) {
        target.value = std::nullopt; // the target is shown as text only
    }
    return target;
}

} // namespace

std::optional<Sizing> read_sizing(const Results& results) {
    if (!results.sizing || !results.sizing->is_object()) {
        return std::nullopt;
    }
    const Json& json = *results.sizing;
    Sizing sizing;
    sizing.service = json.value("service", "");
    sizing.scenario = json.value("scenario", "");
    if (sizing.scenario.empty() && !results.scenarios.empty()) {
        sizing.scenario = results.scenarios.front().info.name;
    }
    sizing.target = parse_target(json.value("target", ""));
    sizing.capacity = number(json, "capacity");
    if (const auto it = json.find("plan"); it != json.end() && it->is_array()) {
        for (const auto& step : *it) {
            if (step.is_object()) {
                sizing.plan.push_back({step.value("period_start", ""), number(step, "capacity")});
            }
        }
    }
    if (const auto it = json.find("achieved"); it != json.end() && it->is_object()) {
        sizing.achieved = *it;
    }
    if (const auto it = json.find("curve"); it != json.end() && it->is_array()) {
        for (const auto& point : *it) {
            if (!point.is_object() || !number(point, "capacity")) {
                continue;
            }
            sizing.curve.push_back({*number(point, "capacity"), point.value("meets", false),
                                    find_estimate(point, "wait_days"),
                                    find_estimate(point, "utilization"),
                                    find_estimate(point, "cost")});
        }
    }
    std::sort(sizing.curve.begin(), sizing.curve.end(),
              [](const auto& a, const auto& b) { return a.capacity < b.capacity; });
    return sizing;
}

} // namespace zorgsim::report
