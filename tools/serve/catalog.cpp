#include "catalog.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "scenario/load.hpp"
#include "zorgsim/engine/calendar.hpp"

namespace zorgsim::serve {

namespace fs = std::filesystem;
using words::Language;

std::string iso_date(const care::Scenario& scenario, double day) {
    return Calendar(scenario.start).iso(day);
}

const char* kind_name(Lever::Kind kind) {
    switch (kind) {
    case Lever::Kind::capacity:
        return "capacity";
    case Lever::Kind::capacity_step:
        return "capacity_step";
    case Lever::Kind::routing_shift:
        return "routing_shift";
    case Lever::Kind::inflow:
        return "inflow";
    case Lever::Kind::inflow_policy:
        return "inflow_policy";
    case Lever::Kind::admission_stop:
        return "admission_stop";
    case Lever::Kind::phase_out:
        return "phase_out";
    }
    return "capacity";
}

std::string service_label(const care::Service& service, Language language) {
    if (language == Language::nl && !service.dutch.empty()) {
        std::string label = service.dutch;
        // "pleegzorg (incl. netwerkpleegzorg)": the term, without its explanation.
        for (const char* cut : {" (", " / "})
            if (const auto at = label.find(cut); at != std::string::npos && at > 0)
                label = label.substr(0, at);
        return label;
    }
    return service.name.empty() ? service.id : service.name;
}

std::string place_label(const care::Scenario& scenario, const std::string& id, Language language) {
    if (id == "exit")
        return words::text("studio_out_of_care", language);
    for (const auto& service : scenario.services)
        if (service.id == id)
            return service_label(service, language);
    for (const auto& source : scenario.sources)
        if (source.id == id) {
            if (language == Language::nl || source.name.empty()) {
                std::string label = source.id;
                std::replace(label.begin(), label.end(), '_', ' ');
                return label;
            }
            return source.name;
        }
    return id;
}

namespace {

/// The first 1 January on or after the start (a policy's default date), and the last one
/// before the end.
std::pair<std::string, std::string> policy_years(const care::Scenario& scenario) {
    using namespace std::chrono;
    const Calendar calendar(scenario.start);
    const year first_year = scenario.start.month() == January && scenario.start.day() == day{1}
                                ? scenario.start.year()
                                : scenario.start.year() + years{1};
    const year_month_day end = calendar.date_of(scenario.horizon_days);
    year last_year = end.year();
    if (end.month() == January && end.day() == day{1})
        last_year -= years{1};
    if (last_year < first_year)
        last_year = first_year;
    return {to_iso(first_year / January / 1), to_iso(last_year / January / 1)};
}

std::string second_year(const std::string& first) {
    return std::to_string(std::stoi(first.substr(0, 4)) + 1) + first.substr(4);
}

std::string destination_id(const care::Scenario& scenario, care::Destination destination) {
    return destination.is_exit()
               ? "exit"
               : scenario.services[static_cast<std::size_t>(destination.service)].id;
}

} // namespace

std::vector<Lever> make_levers(const care::Scenario& scenario) {
    std::vector<Lever> levers;
    const auto [first_year, last_year] = policy_years(scenario);
    std::set<int> inflow_sources; // channels that an inflow policy of the base already moves
    bool inflow_everywhere = false;
    std::set<int> stopped; // services with an admission stop in the base

    for (const auto& policy : scenario.policies) {
        const std::string date = iso_date(scenario, policy.at);
        Lever lever;
        lever.policy = policy.id;
        lever.id = "policy:" + policy.id;
        lever.date = date;
        switch (policy.kind) {
        case care::PolicyChange::Kind::capacity: {
            const auto& service = scenario.services[static_cast<std::size_t>(policy.service)];
            lever.kind = Lever::Kind::capacity_step;
            lever.service = service.id;
            lever.current = policy.value;
            lever.min = 0;
            lever.max = std::max(1000.0, 10.0 * policy.value);
            lever.whole = true;
            levers.push_back(lever);
            break;
        }
        case care::PolicyChange::Kind::routing_shift: {
            lever.kind = Lever::Kind::routing_shift;
            lever.current = policy.value;
            lever.min = 0;
            lever.max = 1;
            lever.step = 0.05;
            lever.from_service = destination_id(scenario, policy.from);
            lever.to_service = destination_id(scenario, policy.to);
            if (policy.service >= 0) {
                lever.service = scenario.services[static_cast<std::size_t>(policy.service)].id;
                lever.shifted_at = lever.service;
            } else {
                lever.shifted_at = scenario.sources[static_cast<std::size_t>(policy.source)].id;
            }
            levers.push_back(lever);
            break;
        }
        case care::PolicyChange::Kind::inflow:
            if (policy.sources.empty())
                inflow_everywhere = true;
            inflow_sources.insert(policy.sources.begin(), policy.sources.end());
            // A change of one channel only is a start-up correction (the baseline's fading
            // re-entries), not a lever; a change of several channels or all is a policy.
            if (policy.sources.size() != 1) {
                lever.kind = Lever::Kind::inflow_policy;
                lever.current = policy.annual_change * 100.0;
                lever.min = -10;
                lever.max = 10;
                lever.step = 0.5;
                for (const int source : policy.sources)
                    lever.sources.push_back(scenario.sources[static_cast<std::size_t>(source)].id);
                levers.push_back(lever);
            }
            break;
        case care::PolicyChange::Kind::admission_stop:
            if (policy.stop) {
                const auto& service = scenario.services[static_cast<std::size_t>(policy.service)];
                stopped.insert(policy.service);
                lever.kind = Lever::Kind::admission_stop;
                lever.service = service.id;
                levers.push_back(lever);
            }
            break;
        case care::PolicyChange::Kind::stay_multiplier:
        case care::PolicyChange::Kind::staff_available:
        case care::PolicyChange::Kind::prices:
        case care::PolicyChange::Kind::recruitment:
        case care::PolicyChange::Kind::aftercare:
            break;
        }
    }

    // Prevention: a new inflow change per year, through every channel no policy moves yet.
    if (!inflow_everywhere) {
        Lever lever;
        lever.kind = Lever::Kind::inflow;
        lever.id = "inflow";
        lever.current = 0;
        lever.min = -10;
        lever.max = 10;
        lever.step = 0.5;
        // Prevention takes a year to start: from the second 1 January of the horizon.
        lever.date = first_year < last_year ? second_year(first_year) : first_year;
        for (std::size_t i = 0; i < scenario.sources.size(); ++i)
            if (inflow_sources.count(static_cast<int>(i)) == 0)
                lever.sources.push_back(scenario.sources[i].id);
        if (inflow_sources.empty())
            lever.sources.clear(); // every channel
        if (!lever.sources.empty() || inflow_sources.empty())
            levers.push_back(lever);
    }

    for (std::size_t i = 0; i < scenario.services.size(); ++i) {
        const auto& service = scenario.services[i];
        const double now = service.capacity.empty() ? 0.0 : service.capacity.front().value;
        Lever capacity;
        capacity.kind = Lever::Kind::capacity;
        capacity.id = "capacity:" + service.id;
        capacity.service = service.id;
        capacity.current = now;
        capacity.min = 0;
        capacity.max = std::max(1000.0, 10.0 * now);
        capacity.whole = true;
        capacity.date = first_year;
        levers.push_back(capacity);
        if (stopped.count(static_cast<int>(i)) == 0 && now > 0) {
            Lever phase_out;
            phase_out.kind = Lever::Kind::phase_out;
            phase_out.id = "phase_out:" + service.id;
            phase_out.service = service.id;
            phase_out.date = first_year;
            levers.push_back(phase_out);
        }
    }
    return levers;
}

namespace {

std::string number_text(double value, Language language) {
    std::string text = fmt::format("{:g}", value);
    if (language == Language::nl)
        std::replace(text.begin(), text.end(), '.', ',');
    return text;
}

std::string lever_text(const Offered& base, const Lever& lever, const char* which,
                       Language language) {
    const auto& scenario = base.scenario;
    const std::string key = fmt::format("studio_lever_{}_{}", kind_name(lever.kind), which);
    const std::string service =
        lever.service.empty() ? std::string() : place_label(scenario, lever.service, language);
    return fmt::format(fmt::runtime(words::text(key, language)), fmt::arg("service", service),
                       fmt::arg("value", number_text(lever.current, language)),
                       fmt::arg("date", lever.date),
                       fmt::arg("from", place_label(scenario, lever.from_service, language)),
                       fmt::arg("to", place_label(scenario, lever.to_service, language)),
                       fmt::arg("at", place_label(scenario, lever.shifted_at, language)),
                       fmt::arg("percent", number_text(lever.current * 100.0, language)));
}

} // namespace

std::string lever_label(const Offered& base, const Lever& lever, Language language) {
    return lever_text(base, lever, "label", language);
}

Json lever_json(const Offered& base, const Lever& lever) {
    Json out{{"id", lever.id}, {"kind", kind_name(lever.kind)}};
    if (!lever.service.empty())
        out["service"] = lever.service;
    if (!lever.policy.empty())
        out["policy"] = lever.policy;
    switch (lever.kind) {
    case Lever::Kind::capacity:
        out["path"] = fmt::format("services.{}.capacity", lever.service);
        break;
    case Lever::Kind::capacity_step:
        out["path"] = fmt::format("policies.{}.capacity.value", lever.policy);
        break;
    case Lever::Kind::routing_shift:
        out["path"] = fmt::format("policies.{}.routing_shift.fraction", lever.policy);
        out["from"] = lever.from_service;
        out["to"] = lever.to_service;
        out["at"] = lever.shifted_at;
        break;
    case Lever::Kind::inflow:
        out["path"] = "policies";
        break;
    case Lever::Kind::inflow_policy:
        out["path"] = fmt::format("policies.{}.inflow.annual_change", lever.policy);
        break;
    case Lever::Kind::admission_stop:
        out["path"] = fmt::format("policies.{}.date", lever.policy);
        break;
    case Lever::Kind::phase_out:
        out["path"] = "policies";
        break;
    }
    const bool has_value =
        lever.kind != Lever::Kind::admission_stop && lever.kind != Lever::Kind::phase_out;
    if (has_value) {
        out["current"] = lever.current;
        out["min"] = lever.min;
        out["max"] = lever.max;
        out["step"] = lever.step;
        out["whole"] = lever.whole;
        out["unit"] =
            lever.kind == Lever::Kind::routing_shift ? "fraction"
            : lever.kind == Lever::Kind::inflow || lever.kind == Lever::Kind::inflow_policy
                ? "percent_per_year"
                : "places";
    } else {
        out["current"] =
            lever.kind == Lever::Kind::admission_stop ? Json(lever.date) : Json(nullptr);
    }
    // A date: when a new policy starts (capacity, inflow, phase-out: chosen by the user), or the
    // base policy's date (shown; an admission stop's can be moved).
    out["date"] = lever.date;
    const bool dated = lever.kind == Lever::Kind::capacity || lever.kind == Lever::Kind::inflow ||
                       lever.kind == Lever::Kind::phase_out ||
                       lever.kind == Lever::Kind::admission_stop;
    out["date_editable"] = dated;
    out["date_min"] = base.first_year;
    out["date_max"] = base.last_year;
    if (!lever.sources.empty())
        out["sources"] = lever.sources;
    if (lever.kind == Lever::Kind::admission_stop)
        out["removable"] = true;
    Json label = Json::object();
    Json help = Json::object();
    for (const Language language : {Language::nl, Language::en}) {
        const std::string lang(words::to_string(language));
        label[lang] = lever_text(base, lever, "label", language);
        help[lang] = lever_text(base, lever, "help", language);
    }
    out["label"] = std::move(label);
    out["help"] = std::move(help);
    // The base policy's own words, as written in the scenario (not translated).
    for (const auto& policy : base.scenario.policies)
        if (!lever.policy.empty() && policy.id == lever.policy && !policy.description.empty())
            out["description"] = policy.description;
    return out;
}

std::vector<Offered> load_catalog(const std::vector<fs::path>& paths) {
    std::vector<fs::path> files;
    for (const auto& path : paths) {
        std::error_code error;
        if (fs::is_directory(path, error)) {
            std::vector<fs::path> found;
            for (const auto& entry : fs::directory_iterator(path, error))
                if (entry.path().extension() == ".yaml" && entry.is_regular_file(error))
                    found.push_back(entry.path());
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else {
            files.push_back(path);
        }
    }
    std::vector<Offered> offered;
    std::set<std::string> names;
    for (const auto& file : files) {
        scenario::LoadResult result = scenario::load_file(file);
        bool errors = false;
        for (const auto& diagnostic : result.diagnostics)
            if (diagnostic.severity == scenario::Diagnostic::Severity::error) {
                fmt::print(stderr, "{}\n", diagnostic.format());
                errors = true;
            }
        if (errors || !result.scenario) {
            fmt::print(stderr, "zorgsim: serve: {} is left out: it does not load\n", file.string());
            continue;
        }
        if (!names.insert(result.scenario->name).second) {
            fmt::print(stderr,
                       "zorgsim: serve: {} is left out: a scenario named '{}' is offered already\n",
                       file.string(), result.scenario->name);
            continue;
        }
        Offered item;
        item.scenario = std::move(*result.scenario);
        item.name = item.scenario.name;
        item.title = item.scenario.title.empty() ? item.name : item.scenario.title;
        for (const auto& line : item.scenario.description) {
            if (!item.description.empty())
                item.description += ' ';
            item.description += line;
        }
        std::error_code ignored;
        item.file = fs::absolute(file, ignored).lexically_normal();
        std::tie(item.first_year, item.last_year) = policy_years(item.scenario);
        item.levers = make_levers(item.scenario);
        offered.push_back(std::move(item));
    }
    if (offered.empty())
        throw std::runtime_error("no scenario to offer: none of the files given loads");
    return offered;
}

} // namespace zorgsim::serve
