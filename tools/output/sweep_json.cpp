#include "sweep_json.hpp"

#include <algorithm>
#include <cmath>

#include "../experiment/nonnegative_interval.hpp"

namespace zorgsim::output {

using json = nlohmann::ordered_json;

namespace {

json number(double x) {
    return std::isfinite(x) ? json(x) : json(nullptr);
}

} // namespace

std::vector<std::string> swept_services(const std::vector<std::string>& paths,
                                        const std::vector<std::string>& all) {
    std::vector<std::string> named;
    for (const auto& path : paths) {
        if (path.rfind("services.", 0) != 0)
            continue;
        const std::string rest = path.substr(9);
        const std::string id = rest.substr(0, rest.find('.'));
        if (std::find(all.begin(), all.end(), id) != all.end() &&
            std::find(named.begin(), named.end(), id) == named.end())
            named.push_back(id);
    }
    return named.empty() ? all : named;
}

json sweep_rows(std::size_t point, const std::vector<std::string>& paths,
                const std::vector<std::string>& values, const std::vector<std::string>& services,
                const experiment::Aggregate& aggregate) {
    json rows = json::array();
    json point_values = json::object();
    for (std::size_t i = 0; i < paths.size(); ++i)
        point_values[paths[i]] = values[i];
    const auto& ids = aggregate.layout().services;
    for (std::size_t s = 0; s < ids.size(); ++s) {
        if (std::find(services.begin(), services.end(), ids[s]) == services.end())
            continue;
        for (std::string_view metric :
             {"wait_days", "queue_length", "rejected", "utilization", "cost"}) {
            const auto& stats = aggregate.service_summary(
                s, care::metric_index(care::service_summary_metrics, metric));
            json row = {{"point", point},
                        {"values", point_values},
                        {"service", ids[s]},
                        {"metric", metric}};
            row["mean"] = stats.count() ? number(stats.mean()) : json(nullptr);
            if (stats.count() > 1) {
                const auto [lo, hi] = experiment::nonnegative_ci95(stats);
                row["ci95"] = json::array({number(lo), number(hi)});
            } else {
                row["ci95"] = json::array({nullptr, nullptr});
            }
            if (metric == "wait_days" && aggregate.pooled_waits(s).count()) {
                row["p50"] = number(aggregate.pooled_waits(s).quantile(0.5));
                row["p90"] = number(aggregate.pooled_waits(s).quantile(0.9));
            }
            rows.push_back(row);
        }
    }
    return rows;
}

json sweep_json(const std::string& scenario, const std::vector<std::string>& paths, json rows,
                json failed) {
    json j;
    j["format"] = 1;
    j["scenario"] = scenario;
    j["parameters"] = paths;
    j["failed"] = std::move(failed);
    j["rows"] = std::move(rows);
    return j;
}

} // namespace zorgsim::output
