#include "data.hpp"

#include "zorgsim/model/metrics.hpp"

#include <set>
#include <string>

namespace zorgsim::report {
namespace {

Json nullable(const std::optional<double>& value) {
    return value ? Json(*value) : Json(nullptr);
}

template <typename T> Json nullable(const std::optional<T>& value) {
    return value ? Json(*value) : Json(nullptr);
}

Json scenario_json(const ScenarioResults& scenario) {
    const auto& info = scenario.info;
    Json policies = Json::array();
    for (const auto& policy : info.policies) {
        policies.push_back({{"date", policy.date}, {"description", policy.description}});
    }
    Json out{{"name", info.name},
             {"title", info.title},
             {"start", info.start},
             {"end", info.end},
             {"period", info.period},
             {"replications", nullable(info.replications)},
             {"seed", nullable(info.seed)},
             {"warmup_days", nullable(info.warmup_days)},
             {"wait_norm_days", nullable(info.wait_norm_days)},
             {"description", info.description},
             {"policies", std::move(policies)},
             {"services", scenario.services},
             {"system", scenario.system},
             {"regions", scenario.regions},
             {"flows", scenario.flows},
             {"warnings", scenario.warnings},
             {"source_info", scenario.source_info}};
    if (!scenario.municipalities.empty()) {
        out["municipalities"] = scenario.municipalities;
        out["municipality_info"] = scenario.municipality_info;
    }
    return out;
}

// Column-wise names, then one array per row: a tenth of the size of one object per row.
Json table_json(const Timeseries& table, const char* scenario_column) {
    if (table.empty()) {
        return nullptr;
    }
    Json rows = Json::array();
    for (const auto& row : table.rows()) {
        rows.push_back(Json::array({row.scenario, row.period_start, row.service, row.metric,
                                    nullable(row.mean), nullable(row.ci95_lo),
                                    nullable(row.ci95_hi), nullable(row.p05), nullable(row.p25),
                                    nullable(row.p50), nullable(row.p75), nullable(row.p95)}));
    }
    return Json{{"columns",
                 {scenario_column, "period_start", "service", "metric", "mean", "ci95_lo",
                  "ci95_hi", "p05", "p25", "p50", "p75", "p95"}},
                {"rows", std::move(rows)}};
}

std::string_view unit_name(care::Unit unit) {
    switch (unit) {
    case care::Unit::youths:
        return "youths";
    case care::Unit::places:
        return "places";
    case care::Unit::days:
        return "days";
    case care::Unit::count:
        return "count";
    case care::Unit::share:
        return "share";
    case care::Unit::ratio:
        return "ratio";
    case care::Unit::euros:
        return "euros";
    }
    return "count";
}

// The (scope, metric) pairs that occur anywhere in the results.
std::set<std::pair<care::Scope, std::string>> metrics_present(const Results& results) {
    std::set<std::pair<care::Scope, std::string>> present;
    const auto add_owner = [&](care::Scope scope, const Json& owner) {
        for (const auto& [metric, value] : owner.items()) {
            present.emplace(scope, metric);
        }
    };
    const auto add_owners = [&](care::Scope scope, const Json& owners) {
        for (const auto& [id, owner] : owners.items()) {
            if (owner.is_object()) {
                add_owner(scope, owner);
            }
        }
    };
    for (const auto& scenario : results.scenarios) {
        add_owners(care::Scope::service, scenario.services);
        add_owner(care::Scope::system, scenario.system);
        add_owners(care::Scope::region, scenario.regions);
        add_owners(care::Scope::municipality, scenario.municipalities);
    }
    for (const auto* table : {&results.timeseries, &results.paired_over_time}) {
        for (const auto& row : table->rows()) {
            const auto scope = row.service == "system"                ? care::Scope::system
                               : row.service.rfind("region:", 0) == 0 ? care::Scope::region
                               : row.service.rfind("municipality:", 0) == 0
                                   ? care::Scope::municipality
                                   : care::Scope::service;
            present.emplace(scope, row.metric);
        }
    }
    if (results.sizing) {
        if (const auto it = results.sizing->find("achieved");
            it != results.sizing->end() && it->is_object()) {
            add_owner(care::Scope::service, *it);
        }
        for (const char* metric : {"wait_days", "utilization", "cost"}) {
            present.emplace(care::Scope::service, metric);
        }
    }
    if (results.sweep) {
        if (const auto it = results.sweep->find("rows"); it != results.sweep->end()) {
            for (const auto& row : *it) {
                if (const auto m = row.find("metric"); m != row.end() && m->is_string()) {
                    present.emplace(care::Scope::service, m->get<std::string>());
                }
            }
        }
    }
    return present;
}

Json catalogue_json(const Results& results, words::Language language) {
    const bool dutch = language == words::Language::nl;
    Json out{{"service", Json::object()}, {"system", Json::object()}, {"region", Json::object()}};
    const auto present = metrics_present(results);
    for (const auto& outcome : care::outcome_catalogue) {
        if (present.count({outcome.scope, std::string(outcome.id)}) == 0) {
            continue;
        }
        const char* scope = outcome.scope == care::Scope::service        ? "service"
                            : outcome.scope == care::Scope::system       ? "system"
                            : outcome.scope == care::Scope::municipality ? "municipality"
                                                                         : "region";
        out[scope][std::string(outcome.id)] = {
            {"unit", unit_name(outcome.unit)},
            {"label", dutch ? outcome.label_nl : outcome.label_en},
            {"definition", dutch ? outcome.definition_nl : outcome.definition_en},
            {"whole_horizon", outcome.whole_horizon},
            {"per_period", outcome.per_period}};
    }
    return out;
}

Json words_json(words::Language language) {
    Json out = Json::object();
    for (const auto& key : words::keys()) {
        out[key] = words::text(key, language);
    }
    return out;
}

} // namespace

Json report_data(const Results& results, words::Language language) {
    Json scenarios = Json::array();
    for (const auto& scenario : results.scenarios) {
        scenarios.push_back(scenario_json(scenario));
    }
    Json services = Json::array();
    for (const auto& service : results.services) {
        Json item{{"id", service.id},         {"name", service.name},
                  {"dutch", service.dutch},   {"kind", service.kind},
                  {"closed", service.closed}, {"region", service.region},
                  {"role", service.role},     {"wait_norm_days", nullable(service.wait_norm_days)}};
        if (service.solidarity_share) {
            item["solidarity_share"] = *service.solidarity_share;
        }
        if (!service.track.empty()) {
            item["track"] = service.track;
        }
        services.push_back(std::move(item));
    }
    Json regions = Json::array();
    for (const auto& region : results.regions) {
        regions.push_back({{"id", region.id}, {"name", region.name}});
    }
    Json differences = Json::array();
    for (const auto& difference : results.differences) {
        Json item{{"alternative", difference.alternative},
                  {"services", difference.services},
                  {"system", difference.system},
                  {"regions", difference.regions}};
        if (!difference.municipalities.empty()) {
            item["municipalities"] = difference.municipalities;
        }
        differences.push_back(std::move(item));
    }
    return Json{{"format", 1},
                {"lang", words::to_string(language)},
                {"zorgsim_version", results.zorgsim_version},
                {"is_comparison", results.is_comparison},
                {"provenance", results.provenance},
                {"scenarios", std::move(scenarios)},
                {"services", std::move(services)},
                {"regions", std::move(regions)},
                {"differences", std::move(differences)},
                {"timeseries", table_json(results.timeseries, "scenario")},
                {"paired", table_json(results.paired_over_time, "alternative")},
                {"sizing", results.sizing ? *results.sizing : Json(nullptr)},
                {"sweep", results.sweep ? *results.sweep : Json(nullptr)},
                {"backtest", results.backtest ? *results.backtest : Json(nullptr)},
                {"catalogue", catalogue_json(results, language)},
                {"words", words_json(language)}};
}

std::string json_for_script(const Json& json) {
    const auto text = json.dump(-1, ' ', false, Json::error_handler_t::replace);
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '<') {
            out += "\\u003c";
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace zorgsim::report
