// sizing.json as the report reads it: the sized service, the target, the smallest constant
// capacity that meets it, the plan per period and the trade-off curve (capacity against wait,
// utilization and cost).
#pragma once

#include "results.hpp"

#include <optional>
#include <string>
#include <vector>

namespace zorgsim::report {

struct SizingPoint {
    double capacity = 0;
    bool meets = false;
    std::optional<Estimate> wait_days, utilization, cost;
};

struct PlanStep {
    std::string period_start;
    std::optional<double> capacity;
};

/// The parts of a target "wait_days.p90 <= 28".
struct Target {
    std::string text, metric, statistic, comparison;
    std::optional<double> value;
};

struct Sizing {
    std::string service;
    std::string scenario;
    Target target;
    std::optional<double> capacity;
    std::vector<PlanStep> plan;
    Json achieved = Json::object();
    std::vector<SizingPoint> curve; ///< sorted by capacity
};

/// RESULTS' sizing.json, read leniently: what is missing stays empty.
std::optional<Sizing> read_sizing(const Results& results);

} // namespace zorgsim::report
