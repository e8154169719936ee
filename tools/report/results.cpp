#include "results.hpp"

#include "results_check.hpp"

#include <algorithm>
#include <fstream>
#include <new>
#include <stdexcept>

#include <fmt/format.h>

namespace zorgsim::report {
namespace {

namespace fs = std::filesystem;

Json read_json(const fs::path& file) {
    check_file_size(file, max_json_bytes);
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw InvalidResults(fmt::format("{}: error: cannot open", file.string()));
    }
    try {
        return Json::parse(in);
    } catch (const Json::exception& e) {
        throw InvalidResults(fmt::format("{}: error: not valid JSON: {}", file.string(), e.what()));
    }
}

// Runs READ (which reads FILE); memory running out on the way is an OutOfMemory naming FILE.
template <typename Read> auto reading(const fs::path& file, Read&& read) {
    try {
        return read();
    } catch (const std::bad_alloc&) {
        throw OutOfMemory(fmt::format("out of memory while reading {}", file.string()));
    }
}

std::optional<double> number_or_null(const Json& value) {
    if (value.is_number()) {
        return value.get<double>();
    }
    return std::nullopt;
}

std::string string_or(const Json& object, const char* key, std::string fallback = {}) {
    const auto found = object.find(key);
    if (found != object.end() && found->is_string()) {
        return found->get<std::string>();
    }
    if (found != object.end() && found->is_number()) {
        return found->dump();
    }
    return fallback;
}

ScenarioInfo read_info(const std::string& name, const Json& top) {
    ScenarioInfo info;
    info.name = name;
    info.title = string_or(top, "title");
    info.start = string_or(top, "start");
    info.end = string_or(top, "end");
    info.period = string_or(top, "period");
    if (const auto it = top.find("replications"); it != top.end() && it->is_number_integer()) {
        info.replications = it->get<std::int64_t>();
    }
    if (const auto it = top.find("seed"); it != top.end() && it->is_number_integer()) {
        info.seed = it->get<std::uint64_t>();
    }
    if (const auto it = top.find("warmup_days"); it != top.end()) {
        info.warmup_days = number_or_null(*it);
    }
    if (const auto it = top.find("wait_norm_days"); it != top.end()) {
        info.wait_norm_days = number_or_null(*it);
    }
    if (const auto it = top.find("description"); it != top.end()) {
        if (it->is_string()) {
            info.description.push_back(it->get<std::string>());
        } else if (it->is_array()) {
            for (const auto& line : *it) {
                if (line.is_string()) {
                    info.description.push_back(line.get<std::string>());
                }
            }
        }
    }
    if (const auto it = top.find("policies"); it != top.end() && it->is_array()) {
        for (const auto& policy : *it) {
            if (policy.is_object()) {
                info.policies.push_back(
                    Policy{string_or(policy, "date"), string_or(policy, "description")});
            }
        }
    }
    return info;
}

Json object_or_empty(const Json& top, const char* key) {
    const auto it = top.find(key);
    return it != top.end() && it->is_object() ? *it : Json::object();
}

Json array_or_empty(const Json& top, const char* key) {
    const auto it = top.find(key);
    return it != top.end() && it->is_array() ? *it : Json::array();
}

void add_service(Results& results, const std::string& id, const Json* info) {
    if (id == "system" || id.rfind("region:", 0) == 0 || id.rfind("municipality:", 0) == 0 ||
        results.service_index.count(id) != 0) {
        return;
    }
    ServiceInfo service;
    service.id = id;
    service.name = id;
    if (info != nullptr && info->is_object()) {
        service.name = string_or(*info, "name", id);
        service.dutch = string_or(*info, "dutch");
        service.kind = string_or(*info, "kind");
        service.region = string_or(*info, "region");
        service.role = string_or(*info, "role");
        service.track = string_or(*info, "track");
        if (const auto it = info->find("wait_norm_days"); it != info->end() && it->is_number()) {
            service.wait_norm_days = it->get<double>();
        }
        if (const auto it = info->find("solidarity_share"); it != info->end() && it->is_number()) {
            service.solidarity_share = it->get<double>();
        }
        if (const auto it = info->find("closed"); it != info->end() && it->is_boolean()) {
            service.closed = it->get<bool>();
        }
    }
    results.service_index.emplace(id, results.services.size());
    results.services.push_back(std::move(service));
}

// Services in input order: service_info first (it says what they are), then any service that
// only has metrics, then any that only appears in timeseries.csv.
void collect_services(Results& results, const std::vector<Json>& service_infos) {
    for (const auto& infos : service_infos) {
        for (const auto& [id, info] : infos.items()) {
            add_service(results, id, &info);
        }
    }
    for (const auto& scenario : results.scenarios) {
        for (const auto& [id, metrics] : scenario.services.items()) {
            add_service(results, id, nullptr);
        }
    }
    for (const auto& row : results.timeseries.rows()) {
        add_service(results, row.service, nullptr);
    }
    if (results.sweep) {
        if (const auto it = results.sweep->find("rows"); it != results.sweep->end()) {
            for (const auto& row : *it) {
                if (const auto s = row.find("service"); s != row.end() && s->is_string()) {
                    add_service(results, s->get<std::string>(), nullptr);
                }
            }
        }
    }
}

void add_regions(Results& results, const Json& region_info, const Json& regions) {
    auto add = [&](const std::string& id, const Json* info) {
        for (const auto& known : results.regions) {
            if (known.id == id) {
                return;
            }
        }
        results.regions.push_back(RegionInfo{
            id, info != nullptr && info->is_object() ? string_or(*info, "name", id) : id});
    };
    for (const auto& [id, info] : region_info.items()) {
        add(id, &info);
    }
    for (const auto& [id, metrics] : regions.items()) {
        add(id, nullptr);
    }
}

void load_summary(Results& results, const Json& summary, std::vector<Json>& service_infos) {
    ScenarioResults scenario;
    scenario.info = read_info(string_or(summary, "scenario", "scenario"), summary);
    scenario.services = object_or_empty(summary, "services");
    scenario.system = object_or_empty(summary, "system");
    scenario.regions = object_or_empty(summary, "regions");
    scenario.municipalities = object_or_empty(summary, "municipalities");
    scenario.municipality_info = object_or_empty(summary, "municipality_info");
    scenario.flows = array_or_empty(summary, "flows");
    scenario.warnings = array_or_empty(summary, "warnings");
    scenario.source_info = object_or_empty(summary, "source_info");
    add_regions(results, object_or_empty(summary, "region_info"), scenario.regions);
    service_infos.push_back(object_or_empty(summary, "service_info"));
    results.zorgsim_version = string_or(summary, "zorgsim_version");
    if (const auto it = summary.find("provenance"); it != summary.end() && it->is_object()) {
        results.provenance = *it;
    }
    results.scenarios.push_back(std::move(scenario));
}

void load_comparison(Results& results, const Json& comparison, std::vector<Json>& service_infos) {
    results.is_comparison = true;
    results.zorgsim_version = string_or(comparison, "zorgsim_version");
    if (const auto it = comparison.find("provenance"); it != comparison.end() && it->is_object()) {
        results.provenance = *it;
    }
    const auto scenarios = object_or_empty(comparison, "scenarios");
    const auto info = object_or_empty(comparison, "info");
    const std::string base = string_or(comparison, "base");

    std::vector<std::string> names;
    if (!base.empty()) {
        names.push_back(base);
    }
    for (const auto& [name, metrics] : scenarios.items()) {
        if (name != base) {
            names.push_back(name);
        }
    }
    for (const auto& name : names) {
        const auto scenario_info = object_or_empty(info, name.c_str());
        ScenarioResults scenario;
        scenario.info = read_info(name, scenario_info);
        // The run's seed and replications are common to all scenarios of a comparison.
        if (!scenario.info.seed && comparison.contains("seed")) {
            scenario.info.seed = read_info(name, comparison).seed;
        }
        if (!scenario.info.replications) {
            scenario.info.replications = read_info(name, comparison).replications;
        }
        const auto metrics = object_or_empty(scenarios, name.c_str());
        scenario.services = object_or_empty(metrics, "services");
        scenario.system = object_or_empty(metrics, "system");
        scenario.regions = object_or_empty(metrics, "regions");
        scenario.municipalities = object_or_empty(metrics, "municipalities");
        scenario.municipality_info = object_or_empty(scenario_info, "municipality_info");
        scenario.flows = array_or_empty(metrics, "flows");
        scenario.warnings = array_or_empty(metrics, "warnings");
        scenario.source_info = object_or_empty(scenario_info, "source_info");
        add_regions(results, object_or_empty(scenario_info, "region_info"), scenario.regions);
        service_infos.push_back(object_or_empty(scenario_info, "service_info"));
        results.scenarios.push_back(std::move(scenario));
    }
    const auto differences = object_or_empty(comparison, "differences");
    for (const auto& [alternative, difference] : differences.items()) {
        results.differences.push_back(Differences{
            alternative, object_or_empty(difference, "services"),
            object_or_empty(difference, "system"), object_or_empty(difference, "regions"),
            object_or_empty(difference, "municipalities")});
    }
}

} // namespace

void check_file_size(const fs::path& file, std::uintmax_t limit) {
    std::error_code error;
    const auto size = fs::file_size(file, error);
    if (error || size <= limit) {
        return; // a file that cannot be sized is reported when it is opened
    }
    constexpr double mb = 1024.0 * 1024.0;
    throw InvalidResults(fmt::format(
        "{}: error: {} is {:.1f} MB; zorgsim's own files are at most {:.0f} MB", file.string(),
        file.filename().string(), static_cast<double>(size) / mb, static_cast<double>(limit) / mb));
}

std::optional<Estimate> find_estimate(const Json& metrics, std::string_view metric) {
    const auto it = metrics.find(metric);
    if (it == metrics.end() || !it->is_object()) {
        return std::nullopt;
    }
    Estimate estimate;
    if (const auto m = it->find("mean"); m != it->end()) {
        estimate.mean = number_or_null(*m);
    }
    if (const auto ci = it->find("ci95"); ci != it->end() && ci->is_array() && ci->size() == 2) {
        estimate.lo = number_or_null((*ci)[0]);
        estimate.hi = number_or_null((*ci)[1]);
    }
    if (const auto p = it->find("p50"); p != it->end()) {
        estimate.p50 = number_or_null(*p);
    }
    if (const auto p = it->find("p90"); p != it->end()) {
        estimate.p90 = number_or_null(*p);
    }
    return estimate;
}

std::string ServiceInfo::label() const {
    if (dutch.empty() || dutch == name) {
        return name;
    }
    return fmt::format("{} ({})", name, dutch);
}

std::vector<std::string> Results::scenario_names() const {
    std::vector<std::string> names;
    for (const auto& scenario : scenarios) {
        names.push_back(scenario.info.name);
    }
    return names;
}

const ServiceInfo* Results::service(std::string_view id) const {
    if (service_index.size() == services.size()) {
        const auto found = service_index.find(std::string(id));
        return found == service_index.end() ? nullptr : &services[found->second];
    }
    // Built by hand (tests): no index.
    const auto it = std::find_if(services.begin(), services.end(),
                                 [&](const ServiceInfo& s) { return s.id == id; });
    return it == services.end() ? nullptr : &*it;
}

std::string Results::title() const {
    if (scenarios.empty()) {
        return "zorgsim results";
    }
    const auto shown = [](const ScenarioResults& s) {
        return s.info.title.empty() ? s.info.name : s.info.title;
    };
    if (!is_comparison || scenarios.size() == 1) {
        return shown(scenarios.front());
    }
    std::string alternatives;
    for (std::size_t i = 1; i < scenarios.size(); ++i) {
        alternatives += (i == 1 ? "" : i + 1 == scenarios.size() ? " and " : ", ");
        alternatives += scenarios[i].info.name;
    }
    return fmt::format("{} compared with {}", alternatives, scenarios.front().info.name);
}

Results load_results(const fs::path& dir) {
    std::error_code error;
    if (!fs::is_directory(dir, error)) {
        throw InvalidResults(fmt::format("{}: error: no such results folder", dir.string()));
    }
    const auto summary = dir / "summary.json";
    const auto comparison = dir / "comparison.json";
    const auto sizing = dir / "sizing.json";
    const auto sweep = dir / "sweep.json";
    const auto timeseries = dir / "timeseries.csv";
    if (!fs::exists(summary) && !fs::exists(comparison) && !fs::exists(sizing) &&
        !fs::exists(sweep)) {
        throw InvalidResults(fmt::format("{}: error: no results to report: expected summary.json, "
                                         "comparison.json, sizing.json or sweep.json "
                                         "(written by `zorgsim run`, `compare`, `size` or `sweep`)",
                                         dir.string()));
    }

    Results results;
    results.dir = dir;
    std::vector<Json> service_infos;
    // A comparison folder may also hold a summary of its base; the comparison says more.
    if (fs::exists(comparison)) {
        const Json json = reading(comparison, [&] { return read_json(comparison); });
        check_comparison(json, comparison);
        load_comparison(results, json, service_infos);
    } else if (fs::exists(summary)) {
        const Json json = reading(summary, [&] { return read_json(summary); });
        check_summary(json, summary);
        load_summary(results, json, service_infos);
    }
    if (fs::exists(sizing)) {
        results.sizing = reading(sizing, [&] { return read_json(sizing); });
        check_sizing(*results.sizing, sizing);
        if (results.scenarios.empty()) {
            ScenarioResults scenario;
            scenario.info.name = string_or(*results.sizing, "scenario", "scenario");
            results.scenarios.push_back(std::move(scenario));
        }
    }
    if (fs::exists(sweep)) {
        results.sweep = reading(sweep, [&] { return read_json(sweep); });
        check_sweep(*results.sweep, sweep);
        if (results.scenarios.empty()) {
            ScenarioResults scenario;
            scenario.info.name = string_or(*results.sweep, "scenario", "scenario");
            results.scenarios.push_back(std::move(scenario));
        }
    }
    if (const auto backtest = dir / "backtest.json"; fs::exists(backtest)) {
        results.backtest = reading(backtest, [&] { return read_json(backtest); });
        check_backtest(*results.backtest, backtest);
    }
    if (fs::exists(timeseries)) {
        results.timeseries = reading(timeseries, [&] { return Timeseries::read(timeseries); });
    }
    const auto differences = dir / "differences.csv";
    if (results.is_comparison && fs::exists(differences)) {
        results.paired_over_time =
            reading(differences, [&] { return Timeseries::read(differences, "alternative"); });
    }
    reading(dir, [&] {
        collect_services(results, service_infos);
        return 0;
    });
    return results;
}

} // namespace zorgsim::report
