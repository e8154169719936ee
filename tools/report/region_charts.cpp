// A multi-region scenario's regions over time: one line per region (the mean over
// replications), so that a policymaker sees at a glance which region's youths wait longest for
// the shared places and where the cost goes; for a comparison, also each alternative's paired
// change per region over time.
#include "chart_style.hpp"
#include "charts.hpp"
#include "text.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace zorgsim::report {

namespace {

struct RegionLines {
    std::string id, title, subtitle, y_title, metric;
    bool euros = false;
};

std::optional<Chart> lines_by_region(const Results& results, const RegionLines& lines) {
    const auto period = style::reporting_period(results);
    const char* prefix = lines.euros ? "€" : "";
    Json values = Json::array();
    std::vector<std::string> names;
    for (const auto& region : results.regions) {
        names.push_back(region.name);
        for (const auto& scenario : results.scenario_names()) {
            for (const auto* row :
                 results.timeseries.series(scenario, region.entity(), lines.metric)) {
                if (!row->mean) {
                    continue;
                }
                values.push_back(
                    {{"scenario", scenario},
                     {"region", region.name},
                     {"date", row->period_start},
                     {"period", period_label(row->period_start, period)},
                     {"mean", *row->mean},
                     {"t_mean", prefix + exact_text(*row->mean)},
                     {"t_ci95", row->ci95_lo && row->ci95_hi
                                    ? fmt::format("{}{} to {}{}", prefix, exact_text(*row->ci95_lo),
                                                  prefix, exact_text(*row->ci95_hi))
                                    : "–"}});
            }
        }
    }
    if (values.empty()) {
        return std::nullopt;
    }
    const bool panels = results.scenarios.size() > 1;
    const int width =
        panels ? style::wide_width / static_cast<int>(results.scenarios.size()) : style::wide_width;
    auto spec = style::base_spec(lines.title, lines.subtitle, width, style::wide_height);
    Json y{{"field", "mean"}, {"type", "quantitative"}, {"title", lines.y_title}};
    if (lines.euros) {
        y["axis"] = style::euro_axis(lines.y_title);
    }
    Json tooltip = Json::array();
    if (panels) {
        tooltip.push_back({{"field", "scenario"}, {"title", "scenario"}});
    }
    tooltip.push_back({{"field", "region"}, {"title", "region"}});
    tooltip.push_back({{"field", "period"}, {"title", "period"}});
    tooltip.push_back({{"field", "t_mean"}, {"title", "mean"}});
    tooltip.push_back({{"field", "t_ci95"}, {"title", "95% interval of the mean"}});
    spec["data"] = {{"values", std::move(values)}};
    spec["mark"] = {{"type", "line"}, {"point", true}, {"strokeWidth", 1.5}};
    spec["encoding"] = {{"x", style::time_x(results)},
                        {"y", y},
                        // Regions keep their colour in every chart: one domain in scenario order.
                        {"color",
                         {{"field", "region"},
                          {"type", "nominal"},
                          {"scale", {{"domain", names}, {"scheme", "tableau10"}}},
                          {"legend", {{"title", nullptr}, {"orient", "right"}}}}},
                        {"tooltip", tooltip}};
    if (panels) {
        spec["encoding"]["column"] = {{"field", "scenario"},
                                      {"type", "nominal"},
                                      {"sort", results.scenario_names()},
                                      {"title", nullptr}};
    }
    return Chart{lines.id, lines.title, std::move(spec)};
}

// One alternative's paired difference from the base per region and period (differences.csv):
// a line per region, a filled dot where the 95% interval excludes 0 and an open one where it
// does not, so that chance is not read as an effect.
std::optional<Chart> differences_by_region(const Results& results, const std::string& alternative,
                                           const RegionLines& lines) {
    const auto period = style::reporting_period(results);
    Json values = Json::array();
    std::vector<std::string> names;
    for (const auto& region : results.regions) {
        names.push_back(region.name);
        for (const auto* row :
             results.paired_over_time.series(alternative, region.entity(), lines.metric)) {
            if (!row->mean) {
                continue;
            }
            const bool interval = row->ci95_lo && row->ci95_hi;
            const bool clear = interval && style::excludes_zero(*row->ci95_lo, *row->ci95_hi);
            values.push_back({{"region", region.name},
                              {"date", row->period_start},
                              {"period", period_label(row->period_start, period)},
                              {"difference", *row->mean},
                              {"clear", clear},
                              {"t_difference", style::signed_text(*row->mean, lines.euros)},
                              {"t_ci95", interval ? style::signed_interval_text(
                                                        *row->ci95_lo, *row->ci95_hi, lines.euros)
                                                  : "–"},
                              {"t_verdict", style::verdict_text(clear)}});
        }
    }
    if (values.empty()) {
        return std::nullopt;
    }
    const auto& base = results.scenarios.front().info.name;
    auto spec =
        style::base_spec(fmt::format("{} per region: {} − {}", lines.title, alternative, base),
                         "paired by replication; filled dot: the 95% interval excludes 0",
                         style::wide_width, style::wide_height);
    Json y{{"field", "difference"}, {"type", "quantitative"}, {"title", lines.y_title}};
    if (lines.euros) {
        y["axis"] = style::euro_axis(lines.y_title);
    }
    const Json colour{{"field", "region"},
                      {"type", "nominal"},
                      {"scale", {{"domain", names}, {"scheme", "tableau10"}}},
                      {"legend", {{"title", nullptr}, {"orient", "right"}}}};
    const Json tooltip =
        Json::array({{{"field", "region"}, {"title", "region"}},
                     {{"field", "period"}, {"title", "period"}},
                     {{"field", "t_difference"}, {"title", "difference (paired mean)"}},
                     {{"field", "t_ci95"}, {"title", "95% interval"}},
                     {{"field", "t_verdict"}, {"title", "clear difference"}}});
    const auto x = style::time_x(results);
    const auto dots = [&](bool filled) {
        return Json{
            {"transform", Json::array({{{"filter", filled ? "datum.clear" : "!datum.clear"}}})},
            {"mark", {{"type", "point"}, {"filled", filled}, {"size", 36}, {"opacity", 1}}},
            {"encoding", {{"x", x}, {"y", y}, {"color", colour}, {"tooltip", tooltip}}}};
    };
    Json layers = Json::array({style::zero_rule("y"),
                               {{"mark", {{"type", "line"}, {"strokeWidth", 1.5}}},
                                {"encoding", {{"x", x}, {"y", y}, {"color", colour}}}}});
    // A layer whose filter leaves nothing has an empty extent, which Vega reports as an error.
    for (const bool filled : {true, false}) {
        if (std::any_of(values.begin(), values.end(),
                        [&](const Json& v) { return v["clear"].get<bool>() == filled; })) {
            layers.push_back(dots(filled));
        }
    }
    spec["data"] = {{"values", std::move(values)}};
    spec["layer"] = std::move(layers);
    return Chart{fmt::format("region-difference-{}-{}", slug(lines.metric), slug(alternative)),
                 fmt::format("{} per region, {} minus {}", lines.title, alternative, base),
                 std::move(spec)};
}

} // namespace

std::vector<Chart> region_charts(const Results& results) {
    std::vector<Chart> out;
    if (results.regions.empty()) {
        return out;
    }
    const std::string key = "mean over replications, per region";
    for (const auto& lines : std::vector<RegionLines>{
             {"region-in-care", "Youths in care per region", key, "youths in care", "in_care"},
             {"region-out-of-home", "Out-of-home placements per region", key, "youths placed",
              "out_of_home"},
             {"region-shared-wait", "Wait for a shared place per region",
              key + "; shared: the services every region uses", "days", "shared_wait_days"},
             {"region-cost", "Cost per region", key, "euros", "cost", true},
         }) {
        if (auto chart = lines_by_region(results, lines)) {
            out.push_back(std::move(*chart));
        }
    }
    if (!results.is_comparison || results.paired_over_time.empty()) {
        return out;
    }
    const auto names = results.scenario_names();
    for (std::size_t s = 1; s < names.size(); ++s) {
        for (const auto& lines : std::vector<RegionLines>{
                 {"", "Change in closed placements", "", "youths in closed care", "closed"},
                 {"", "Change in out-of-home placements", "", "youths placed", "out_of_home"},
                 {"", "Change in the wait for a shared place", "", "days", "shared_wait_days"},
                 {"", "Change in cost", "", "euros", "cost", true},
             }) {
            if (auto chart = differences_by_region(results, names[s], lines)) {
                out.push_back(std::move(*chart));
            }
        }
    }
    return out;
}

} // namespace zorgsim::report
