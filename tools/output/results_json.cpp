#include "results_json.hpp"

#include "flows_json.hpp"
#include "warnings_json.hpp"

#include <cmath>

#include "zorgsim/model/describe.hpp"

namespace zorgsim::output {

using json = nlohmann::ordered_json;

namespace {
constexpr int format_version = 1;

json number(double x) {
    return std::isfinite(x) ? json(x) : json(nullptr);
}

std::string_view kind_name(care::ServiceKind kind) {
    return kind == care::ServiceKind::placement ? "placement" : "care_at_home";
}
} // namespace

json interval(const RunningStats& stats) {
    json j;
    if (stats.count() == 0) {
        j["mean"] = nullptr;
        j["ci95"] = json::array({nullptr, nullptr});
        return j;
    }
    j["mean"] = number(stats.mean());
    if (stats.count() < 2) { // one replication says nothing about its own uncertainty
        j["ci95"] = json::array({nullptr, nullptr});
        return j;
    }
    const auto [lo, hi] = stats.ci95();
    j["ci95"] = json::array({number(lo), number(hi)});
    return j;
}

json scenario_info(const care::Scenario& scenario, const RunInfo& run) {
    const Calendar calendar(scenario.start);
    json j;
    j["title"] = scenario.title.empty() ? scenario.name : scenario.title;
    j["seed"] = run.seed;
    j["replications"] = run.replications;
    j["start"] = to_iso(scenario.start);
    j["end"] = calendar.iso(scenario.horizon_days);
    j["period"] = std::string(to_string(scenario.period));
    j["warmup_days"] = scenario.warmup_days;
    j["wait_norm_days"] = scenario.wait_norm_days;
    // In words as it ran: with the run's replications and seed, not the file's defaults.
    care::Scenario as_run = scenario;
    as_run.replications = run.replications;
    as_run.seed = run.seed;
    j["description"] = care::describe(as_run);
    json policies = json::array();
    for (const auto& [date, text] : care::policy_timeline(scenario))
        policies.push_back({{"date", date}, {"description", text}});
    j["policies"] = policies;
    json services = json::object();
    for (const auto& service : scenario.services) {
        json info = {{"name", service.name.empty() ? service.id : service.name},
                     {"dutch", service.dutch},
                     {"kind", kind_name(service.kind)},
                     {"closed", service.closed},
                     {"wait_norm_days", scenario.wait_norm(service)}};
        if (service.region >= 0)
            info["region"] = scenario.regions[static_cast<std::size_t>(service.region)].id;
        if (!service.role.empty())
            info["role"] = service.role;
        if (service.solidarity_share > 0.0)
            info["solidarity_share"] = service.solidarity_share;
        if (service.parallel)
            info["track"] = "parallel";
        services[service.id] = info;
    }
    j["service_info"] = services;
    json sources = json::object();
    for (const auto& source : scenario.sources) {
        json info = {{"name", source.name.empty() ? source.id : source.name},
                     {"dutch", source.dutch}};
        if (source.region >= 0)
            info["region"] = scenario.regions[static_cast<std::size_t>(source.region)].id;
        sources[source.id] = info;
    }
    j["source_info"] = sources;
    if (!scenario.regions.empty()) {
        json regions = json::object();
        for (const auto& region : scenario.regions)
            regions[region.id] = {{"name", region.name.empty() ? region.id : region.name}};
        j["region_info"] = regions;
    }
    if (scenario.reports_municipalities()) {
        json municipalities = json::object();
        for (std::size_t m = 0; m < scenario.municipalities.size(); ++m) {
            const care::MunicipalityPopulation& p = scenario.municipality_populations[m];
            json info = {
                {"name", scenario.municipalities[m]}, {"youths_0_17", p.youths}, {"year", p.year}};
            if (p.region >= 0)
                info["region"] = scenario.regions[static_cast<std::size_t>(p.region)].id;
            municipalities[p.id.empty() ? scenario.municipalities[m] : p.id] = info;
        }
        j["municipality_info"] = municipalities;
    }
    return j;
}

json figures(const experiment::Aggregate& aggregate) {
    const auto& layout = aggregate.layout();
    constexpr std::size_t wait_days =
        care::MetricOf<care::service_summary_metrics>("wait_days").index;
    json services = json::object();
    json system = json::object();
    json regions = json::object();
    json municipalities = json::object();
    care::for_each_cell<false>(layout, [&](const care::LayoutCell& cell) {
        json value = interval(aggregate.summary(cell.index));
        const std::string metric(cell.metric);
        switch (cell.scope) {
        case care::Scope::service:
            if (cell.metric_index == wait_days) {
                const Histogram& waits = aggregate.pooled_waits(cell.owner_index);
                value["p50"] = waits.count() ? json(waits.quantile(0.5)) : json(nullptr);
                value["p90"] = waits.count() ? json(waits.quantile(0.9)) : json(nullptr);
            }
            services[std::string(cell.owner)][metric] = value;
            break;
        case care::Scope::system:
            system[metric] = value;
            break;
        case care::Scope::region:
            regions[std::string(cell.owner)][metric] = value;
            break;
        case care::Scope::municipality:
            municipalities[std::string(cell.owner)][metric] = value;
            break;
        }
    });
    json f = {{"services", services}, {"system", system}};
    if (!layout.regions.empty())
        f["regions"] = regions;
    if (!layout.municipalities.empty())
        f["municipalities"] = municipalities;
    f["flows"] = flows_json(aggregate);
    return f;
}

json summary_json(const care::Scenario& scenario, const RunInfo& run,
                  const experiment::Aggregate& aggregate) {
    const json info = scenario_info(scenario, run);
    json j;
    j["format"] = format_version;
    j["zorgsim_version"] = ZORGSIM_VERSION;
    j["scenario"] = scenario.name;
    for (const auto& [key, value] : info.items())
        j[key] = value;
    const json f = figures(aggregate);
    j["services"] = f["services"];
    j["system"] = f["system"];
    if (f.contains("regions"))
        j["regions"] = f["regions"];
    if (f.contains("municipalities"))
        j["municipalities"] = f["municipalities"];
    j["flows"] = f["flows"];
    j["warnings"] = warnings_json(scenario, aggregate);
    j["provenance"] = provenance(run.seed, run.replications, run.resolved);
    return j;
}

json comparison_json(const std::vector<care::Scenario>& scenarios, const RunInfo& run,
                     const experiment::Comparison& comparison) {
    json j;
    j["format"] = format_version;
    j["zorgsim_version"] = ZORGSIM_VERSION;
    j["base"] = scenarios.front().name;
    j["seed"] = run.seed;
    j["replications"] = run.replications;
    json all = json::object();
    json info = json::object();
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
        all[scenarios[i].name] = figures(comparison.scenarios[i]);
        all[scenarios[i].name]["warnings"] = warnings_json(scenarios[i], comparison.scenarios[i]);
        info[scenarios[i].name] = scenario_info(scenarios[i], run);
    }
    j["scenarios"] = all;
    json differences = json::object();
    for (std::size_t i = 1; i < scenarios.size(); ++i) {
        const auto& paired = comparison.differences[i - 1];
        json services = json::object();
        json system = json::object();
        json regions = json::object();
        json municipalities = json::object();
        paired.for_each_shared<false>([&](const care::LayoutCell& cell, std::size_t slot) {
            const std::string metric(cell.metric);
            const json value = interval(paired.summary_at(slot));
            if (cell.scope == care::Scope::service)
                services[std::string(cell.owner)][metric] = value;
            else if (cell.scope == care::Scope::system)
                system[metric] = value;
            else if (cell.scope == care::Scope::region)
                regions[std::string(cell.owner)][metric] = value;
            else
                municipalities[std::string(cell.owner)][metric] = value;
        });
        json difference = {{"services", services}, {"system", system}};
        if (!paired.shared_regions().empty())
            difference["regions"] = regions;
        if (!paired.shared_municipalities().empty())
            difference["municipalities"] = municipalities;
        differences[scenarios[i].name] = difference;
    }
    j["differences"] = differences;
    j["info"] = info;
    j["provenance"] = provenance(run.seed, run.replications, run.resolved);
    return j;
}

} // namespace zorgsim::output
