// A multi-region scenario's regions over time: one line per region (the mean over
// replications), so that a policymaker sees at a glance which region's youths wait longest for
// the shared places and where the cost goes.
#include "chart_style.hpp"
#include "charts.hpp"
#include "text.hpp"

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
    return out;
}

} // namespace zorgsim::report
