// A sizing's charts: the trade-off of capacity against wait and against cost, and the plan of the
// smallest capacity per period.
#include "chart_style.hpp"
#include "charts.hpp"
#include "sizing.hpp"
#include "text.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace zorgsim::report {

namespace {

constexpr std::string_view meets_colour = "#2b8a3e";
constexpr std::string_view misses_colour = "#b42318";

std::string estimate_text(const std::optional<Estimate>& e, const char* prefix) {
    if (!e || !e->mean) {
        return "–";
    }
    if (!e->lo || !e->hi) {
        return prefix + exact_text(*e->mean);
    }
    return fmt::format("{}{} ({}{} to {}{})", prefix, exact_text(*e->mean), prefix,
                       exact_text(*e->lo), prefix, exact_text(*e->hi));
}

Json nullable(const std::optional<double>& value) {
    return value ? Json(*value) : Json(nullptr);
}

Json meets_colour_encoding() {
    return {{"field", "verdict"},
            {"type", "nominal"},
            {"scale",
             {{"domain", {"meets the target", "misses the target"}},
              {"range", {meets_colour, misses_colour}}}},
            {"legend", {{"title", nullptr}}}};
}

// A vertical rule at the chosen capacity, labelled at the top or at the bottom, wherever the
// curve is not.
Json chosen_rule(double capacity, bool label_at_top) {
    return {
        {"data", {{"values", Json::array({{{"capacity", capacity}}})}}},
        {"layer",
         Json::array({{{"mark", {{"type", "rule"}, {"color", "#3b4450"}, {"strokeDash", {4, 3}}}},
                       {"encoding", {{"x", {{"field", "capacity"}, {"type", "quantitative"}}}}}},
                      {{"mark",
                        {{"type", "text"},
                         {"align", "left"},
                         {"baseline", label_at_top ? "top" : "bottom"},
                         {"dx", 4},
                         {"dy", label_at_top ? 2 : -2},
                         {"fontSize", 10},
                         {"color", "#3b4450"},
                         {"text", fmt::format("smallest that meets: {}", exact_text(capacity))}}},
                       {"encoding",
                        {{"x", {{"field", "capacity"}, {"type", "quantitative"}}},
                         {"y", {{"value", label_at_top ? 0 : style::wide_height}}}}}}})}};
}

Json curve_values(const Sizing& sizing) {
    Json values = Json::array();
    for (const auto& point : sizing.curve) {
        const auto wait = point.wait_days.value_or(Estimate{});
        const auto cost = point.cost.value_or(Estimate{});
        // Nobody admitted (no mean wait): the pooled quantiles of no waits say nothing either.
        const Json p90 = wait.mean && wait.p90 ? Json(*wait.p90) : Json(nullptr);
        // A wait is never negative; a Student-t interval of few replications can be. Drawn from
        // zero, told exactly in the tooltip.
        const Json lo = wait.lo ? Json(std::max(0.0, *wait.lo)) : Json(nullptr);
        values.push_back({{"capacity", point.capacity},
                          {"verdict", point.meets ? "meets the target" : "misses the target"},
                          {"wait_mean", nullable(wait.mean)},
                          {"wait_lo", lo},
                          {"wait_hi", nullable(wait.hi)},
                          {"wait_p90", p90},
                          {"cost_mean", nullable(cost.mean)},
                          {"cost_lo", nullable(cost.lo)},
                          {"cost_hi", nullable(cost.hi)},
                          {"t_wait", estimate_text(point.wait_days, "")},
                          {"t_p50", wait.mean && wait.p50 ? exact_text(*wait.p50) : "–"},
                          {"t_p90", wait.mean && wait.p90 ? exact_text(*wait.p90) : "–"},
                          {"t_utilization", estimate_text(point.utilization, "")},
                          {"t_cost", estimate_text(point.cost, "€")}});
    }
    return values;
}

Json curve_tooltip() {
    return Json::array({{{"field", "capacity"}, {"title", "capacity"}},
                        {{"field", "verdict"}, {"title", "target"}},
                        {{"field", "t_wait"}, {"title", "mean wait, days (95% interval)"}},
                        {{"field", "t_p50"}, {"title", "median wait, days"}},
                        {{"field", "t_p90"}, {"title", "90th percentile wait, days"}},
                        {{"field", "t_utilization"}, {"title", "utilization (95% interval)"}},
                        {{"field", "t_cost"}, {"title", "cost (95% interval)"}}});
}

Json capacity_x() {
    return {{"field", "capacity"},
            {"type", "quantitative"},
            {"title", "capacity (places)"},
            {"scale", {{"zero", false}, {"nice", false}, {"padding", 12}}},
            {"axis", {{"tickMinStep", 1}, {"format", "d"}}}};
}

std::optional<Chart> wait_curve(const Sizing& sizing, const std::string& service_name) {
    bool any = false;
    for (const auto& point : sizing.curve) {
        any = any || (point.wait_days && point.wait_days->mean);
    }
    if (!any) {
        return std::nullopt;
    }
    // Waits at too small a capacity are orders of magnitude above the target: a symmetric log
    // scale keeps both the runaway waits and the target in view.
    const Json wait_scale{{"type", "symlog"}, {"constant", 10}};
    const Json y_mean{{"field", "wait_mean"},
                      {"type", "quantitative"},
                      {"title", "wait (days, log scale)"},
                      {"scale", wait_scale}};
    Json y_p90 = y_mean;
    y_p90["field"] = "wait_p90";
    Json layers = Json::array(
        {{{"mark", {{"type", "rule"}, {"color", "#7f9fc9"}, {"strokeWidth", 2}}},
          {"encoding", {{"x", capacity_x()}, {"y", y_mean}, {"y2", {{"field", "wait_hi"}}}}}},
         {{"mark", {{"type", "line"}, {"color", "#1f5fa8"}, {"strokeWidth", 2}}},
          {"encoding", {{"x", capacity_x()}, {"y", y_mean}}}},
         {{"mark",
           {{"type", "line"}, {"color", "#1f5fa8"}, {"strokeWidth", 1.5}, {"strokeDash", {5, 3}}}},
          {"encoding", {{"x", capacity_x()}, {"y", y_p90}}}},
         {{"mark", {{"type", "point"}, {"filled", true}, {"size", 60}, {"opacity", 1}}},
          {"encoding",
           {{"x", capacity_x()},
            {"y", y_mean},
            {"color", meets_colour_encoding()},
            {"tooltip", curve_tooltip()}}}},
         {{"mark",
           {{"type", "point"},
            {"filled", false},
            {"size", 60},
            {"opacity", 1},
            {"strokeWidth", 2}}},
          {"encoding",
           {{"x", capacity_x()},
            {"y", y_p90},
            {"color", meets_colour_encoding()},
            {"tooltip", curve_tooltip()}}}}});
    // The first wait layer reads "wait_lo" as its lower end: the 95% interval of the mean.
    layers[0]["encoding"]["y"]["field"] = "wait_lo";
    if (sizing.target.metric == "wait_days" && sizing.target.value) {
        layers.push_back(
            {{"data", {{"values", Json::array({Json::object()})}}},
             {"layer",
              Json::array(
                  {{{"mark", {{"type", "rule"}, {"color", misses_colour}, {"strokeDash", {2, 3}}}},
                    {"encoding", {{"y", {{"datum", *sizing.target.value}}}}}},
                   {{"mark",
                     {{"type", "text"},
                      {"align", "right"},
                      {"baseline", "bottom"},
                      {"dy", -2},
                      {"fontSize", 10},
                      {"color", misses_colour},
                      {"text", "target: " + sizing.target.text}}},
                    {"encoding",
                     {{"y", {{"datum", *sizing.target.value}}},
                      {"x", {{"value", style::wide_width / 2 + 60}}}}}}})}});
    }
    if (sizing.capacity) {
        layers.push_back(chosen_rule(*sizing.capacity, true));
    }
    auto spec = style::base_spec(
        fmt::format("{}: capacity against wait", service_name),
        "solid: mean wait with its 95% interval; dashed, open dots: 90th percentile of waits",
        style::wide_width / 2 + 80, style::wide_height);
    spec["data"] = {{"values", curve_values(sizing)}};
    spec["layer"] = std::move(layers);
    return Chart{"sizing-wait", fmt::format("{}: capacity against wait", service_name), spec};
}

std::optional<Chart> cost_curve(const Sizing& sizing, const std::string& service_name) {
    bool any = false;
    for (const auto& point : sizing.curve) {
        any = any || (point.cost && point.cost->mean);
    }
    if (!any) {
        return std::nullopt;
    }
    Json y{{"field", "cost_mean"},
           {"type", "quantitative"},
           {"axis", style::euro_axis("cost over the horizon")}};
    Json y_lo = y;
    y_lo["field"] = "cost_lo";
    Json layers = Json::array(
        {{{"mark", {{"type", "rule"}, {"color", "#7f9fc9"}, {"strokeWidth", 2}}},
          {"encoding", {{"x", capacity_x()}, {"y", y_lo}, {"y2", {{"field", "cost_hi"}}}}}},
         {{"mark", {{"type", "line"}, {"color", "#1f5fa8"}, {"strokeWidth", 2}}},
          {"encoding", {{"x", capacity_x()}, {"y", y}}}},
         {{"mark", {{"type", "point"}, {"filled", true}, {"size", 60}, {"opacity", 1}}},
          {"encoding",
           {{"x", capacity_x()},
            {"y", y},
            {"color", meets_colour_encoding()},
            {"tooltip", curve_tooltip()}}}}});
    if (sizing.capacity) {
        layers.push_back(chosen_rule(*sizing.capacity, false));
    }
    auto spec = style::base_spec(fmt::format("{}: capacity against cost", service_name),
                                 "mean cost over the horizon, with its 95% interval",
                                 style::wide_width / 2 + 80, style::wide_height);
    spec["data"] = {{"values", curve_values(sizing)}};
    spec["layer"] = std::move(layers);
    return Chart{"sizing-cost", fmt::format("{}: capacity against cost", service_name), spec};
}

std::optional<Chart> plan_chart(const Results& results, const Sizing& sizing,
                                const std::string& service_name) {
    const auto period = style::reporting_period(results);
    Json values = Json::array();
    for (const auto& step : sizing.plan) {
        if (step.capacity) {
            values.push_back({{"date", step.period_start},
                              {"period", period_label(step.period_start, period)},
                              {"capacity", *step.capacity}});
        }
    }
    if (values.empty()) {
        return std::nullopt;
    }
    const Json x{{"field", "period"},
                 {"type", "ordinal"},
                 {"sort", nullptr}, // the plan is in period order
                 {"title", nullptr},
                 {"axis", {{"labelAngle", 0}, {"labelOverlap", true}}}};
    const Json y{{"field", "capacity"}, {"type", "quantitative"}, {"title", "places"}};
    const Json tooltip = Json::array(
        {{{"field", "period"}, {"title", "period"}},
         {{"field", "capacity"}, {"title", "smallest capacity that meets the target"}}});
    auto spec = style::base_spec(
        fmt::format("{}: plan per period", service_name),
        fmt::format("smallest capacity per period that meets {}", sizing.target.text),
        style::wide_width, style::wide_height - 40);
    spec["data"] = {{"values", std::move(values)}};
    spec["layer"] = Json::array(
        {{{"mark", {{"type", "bar"}, {"color", "#7f9fc9"}}},
          {"encoding", {{"x", x}, {"y", y}, {"tooltip", tooltip}}}},
         {{"mark",
           {{"type", "text"},
            {"baseline", "bottom"},
            {"dy", -3},
            {"fontSize", 11},
            {"color", "#1b2430"}}},
          {"encoding",
           {{"x", x}, {"y", y}, {"text", {{"field", "capacity"}, {"type", "quantitative"}}}}}}});
    return Chart{"sizing-plan", fmt::format("{}: plan per period", service_name), spec};
}

} // namespace

std::vector<Chart> sizing_charts(const Results& results) {
    const auto sizing = read_sizing(results);
    if (!sizing) {
        return {};
    }
    const auto* service = results.service(sizing->service);
    const auto name = service != nullptr ? service->name : sizing->service;
    std::vector<Chart> out;
    for (auto chart : {wait_curve(*sizing, name), cost_curve(*sizing, name),
                       plan_chart(results, *sizing, name)}) {
        if (chart) {
            out.push_back(std::move(*chart));
        }
    }
    return out;
}

} // namespace zorgsim::report
