// The whole system over time (waiting, out of home, closed) and the per-year charts: admissions
// to placements stacked by service, and cost.
#include "chart_style.hpp"
#include "charts.hpp"
#include "text.hpp"

#include <algorithm>
#include <iterator>
#include <map>

#include <fmt/format.h>

namespace zorgsim::report {

namespace {

std::vector<Chart> fans(const Results& results, const std::vector<style::FanChart>& specs) {
    std::vector<Chart> out;
    for (const auto& fan : specs) {
        if (auto spec = style::fan_chart(results, fan)) {
            out.push_back(Chart{fan.id, fan.title, std::move(*spec)});
        }
    }
    return out;
}

// Bars per period stacked by service (means across replications) for SERVICES' METRIC; with
// several scenarios, one panel per scenario side by side.
std::optional<Chart> stacked_by_service(const Results& results, const std::string& id,
                                        const std::string& title, const std::string& subtitle,
                                        const std::string& y_title, const std::string& metric,
                                        const std::vector<const ServiceInfo*>& services,
                                        bool euros) {
    const auto period = style::reporting_period(results);
    const char* prefix = euros ? "€" : "";
    // In a multi-region landscape the services with one role (pleegzorg in every region) make
    // one stack: eight regions' foster care side by side would be a legend nobody can read.
    struct Group {
        std::string label;
        std::vector<const ServiceInfo*> members;
    };
    std::vector<Group> groups;
    for (const auto* service : services) {
        const auto label =
            service->role.empty() ? service->label() : service->role + " (all regions)";
        auto group = std::find_if(groups.begin(), groups.end(),
                                  [&](const Group& g) { return g.label == label; });
        if (group == groups.end()) {
            groups.push_back(Group{label, {}});
            group = std::prev(groups.end());
        }
        group->members.push_back(service);
    }
    Json values = Json::array();
    std::vector<std::string> labels;
    for (const auto& group : groups) {
        bool seen = false;
        for (const auto& name : results.scenario_names()) {
            // Per period: the sum of the members' means; an interval only for a single member
            // (the interval of a sum needs the covariances, which the results do not hold).
            std::map<std::string, std::pair<double, const TimeseriesRow*>> by_period;
            for (const auto* service : group.members) {
                for (const auto* row : results.timeseries.series(name, service->id, metric)) {
                    if (!row->mean) {
                        continue;
                    }
                    auto [it, added] = by_period.try_emplace(row->period_start, 0.0, row);
                    it->second.first += *row->mean;
                    if (!added) {
                        it->second.second = nullptr;
                    }
                }
            }
            for (const auto& [start, cell] : by_period) {
                seen = true;
                const auto* single = cell.second;
                values.push_back({{"scenario", name},
                                  {"period", period_label(start, period)},
                                  {"date", start},
                                  {"service", group.label},
                                  {"mean", cell.first},
                                  {"t_mean", prefix + exact_text(cell.first)},
                                  {"t_ci95", single && single->ci95_lo && single->ci95_hi
                                                 ? fmt::format("{}{} to {}{}", prefix,
                                                               exact_text(*single->ci95_lo), prefix,
                                                               exact_text(*single->ci95_hi))
                                                 : "–"}});
            }
        }
        if (seen) {
            labels.push_back(group.label);
        }
    }
    if (values.empty()) {
        return std::nullopt;
    }
    const bool panels = results.scenarios.size() > 1;
    const int width =
        panels ? style::wide_width / static_cast<int>(results.scenarios.size()) : style::wide_width;
    auto spec = style::base_spec(title, subtitle, width, style::wide_height);
    Json y{{"field", "mean"}, {"type", "quantitative"}, {"title", y_title}, {"stack", "zero"}};
    if (euros) {
        y["axis"] = style::euro_axis(y_title);
    }
    Json tooltip = Json::array();
    if (panels) {
        tooltip.push_back({{"field", "scenario"}, {"title", "scenario"}});
    }
    tooltip.push_back({{"field", "period"}, {"title", "period"}});
    tooltip.push_back({{"field", "service"}, {"title", "service"}});
    tooltip.push_back({{"field", "t_mean"}, {"title", "mean"}});
    tooltip.push_back({{"field", "t_ci95"}, {"title", "95% interval of the mean"}});
    spec["data"] = {{"values", std::move(values)}};
    spec["mark"] = {{"type", "bar"}, {"stroke", "white"}, {"strokeWidth", 0.5}};
    spec["encoding"] = {{"x",
                         {{"field", "period"},
                          {"type", "ordinal"},
                          {"sort", {{"field", "date"}}},
                          {"title", nullptr},
                          {"axis", {{"labelAngle", 0}, {"labelOverlap", true}}}}},
                        {"y", y},
                        {"color", style::service_colour(labels)},
                        {"order", {{"field", "service_order"}}},
                        {"tooltip", tooltip}};
    // Stack in the legend's order, the first service at the bottom.
    spec["transform"] =
        Json::array({{{"calculate", fmt::format("indexof({}, datum.service)", Json(labels).dump())},
                      {"as", "service_order"}}});
    if (panels) {
        spec["encoding"]["column"] = {{"field", "scenario"},
                                      {"type", "nominal"},
                                      {"sort", results.scenario_names()},
                                      {"title", nullptr}};
    }
    return Chart{id, title, std::move(spec)};
}

} // namespace

std::vector<Chart> system_charts(const Results& results) {
    return fans(results,
                {
                    {"system-waiting", "Youths on a waiting list", std::string(style::band_key),
                     "youths waiting", "system", "waiting", false, std::nullopt, "", false},
                    {"system-out-of-home", "Out-of-home placements", std::string(style::band_key),
                     "youths placed", "system", "out_of_home", false, std::nullopt, "", false},
                    {"system-closed", "Closed placements", std::string(style::band_key),
                     "youths in closed care", "system", "closed", false, std::nullopt, "", false},
                });
}

std::vector<Chart> per_year_charts(const Results& results) {
    std::vector<Chart> out;
    std::vector<const ServiceInfo*> placements, all;
    for (const auto& service : results.services) {
        all.push_back(&service);
        if (service.is_placement()) {
            placements.push_back(&service);
        }
    }
    const auto period = style::reporting_period(results);
    const std::string per = period == "month" ? "month" : period == "quarter" ? "quarter" : "year";
    if (auto chart = stacked_by_service(results, "admissions-per-" + per,
                                        "Admissions to placements per " + per,
                                        "mean over replications, by kind of placement",
                                        "admissions", "admissions", placements, false)) {
        out.push_back(std::move(*chart));
    }
    auto cost = fans(results, {{"cost-per-" + per, "Cost per " + per,
                                fmt::format("all services; {}", style::band_key), "euros", "system",
                                "cost", false, std::nullopt, "", true}});
    for (auto& chart : cost) {
        chart.spec["width"] = style::wide_width;
        chart.spec["height"] = style::wide_height;
        out.push_back(std::move(chart));
    }
    if (auto chart = stacked_by_service(results, "cost-per-" + per + "-by-service",
                                        "Cost per " + per + " by service", "mean over replications",
                                        "euros", "cost", all, true)) {
        out.push_back(std::move(*chart));
    }
    return out;
}

} // namespace zorgsim::report
