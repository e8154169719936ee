// Per service, three fan charts: occupancy against capacity, the waiting list, and the wait.
#include "chart_style.hpp"
#include "charts.hpp"
#include "text.hpp"

#include <fmt/format.h>

namespace zorgsim::report {

namespace {

std::optional<double> wait_norm(const Results& results) {
    for (const auto& scenario : results.scenarios) {
        if (scenario.info.wait_norm_days) {
            return scenario.info.wait_norm_days;
        }
    }
    return std::nullopt;
}

} // namespace

std::vector<ServiceCharts> service_charts(const Results& results) {
    std::vector<ServiceCharts> out;
    const auto norm = wait_norm(results);
    for (const auto& service : results.services) {
        const auto id = slug(service.id);
        const auto name = service.label();
        std::vector<style::FanChart> fans{
            {"service-" + id + "-occupancy", fmt::format("{}: youths in care", service.name),
             fmt::format("{}; dashed: capacity", style::band_key), "youths in care", service.id,
             "occupancy", true, std::nullopt, "", false},
            {"service-" + id + "-waiting-list", fmt::format("{}: waiting list", service.name),
             std::string(style::band_key), "youths waiting", service.id, "queue_length", false,
             std::nullopt, "", false},
            {"service-" + id + "-wait", fmt::format("{}: wait for admission", service.name),
             fmt::format("of those admitted; {}", style::band_key), "days", service.id, "wait_days",
             false, norm, norm ? fmt::format("norm: {} days", exact_text(*norm)) : "", false},
        };
        ServiceCharts charts{&service, {}};
        for (const auto& fan : fans) {
            if (auto spec = style::fan_chart(results, fan)) {
                charts.charts.push_back(
                    Chart{fan.id, fmt::format("{} ({})", fan.title, name), std::move(*spec)});
            }
        }
        if (!charts.charts.empty()) {
            out.push_back(std::move(charts));
        }
    }
    return out;
}

} // namespace zorgsim::report
