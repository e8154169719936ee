#include "alternative.hpp"

#include <cmath>
#include <map>
#include <regex>
#include <set>

#include <fmt/format.h>

#include "scenario/load.hpp"
#include "zorgsim/engine/calendar.hpp"

namespace zorgsim::serve {

namespace fs = std::filesystem;
using words::Language;

namespace {

constexpr std::size_t max_label_chars = 80;
constexpr std::size_t max_items = 100; ///< set values, levers or policies of one alternative
constexpr int max_depth = 16;

template <typename... Args> std::string say(const char* key, Language language, Args&&... args) {
    return fmt::format(fmt::runtime(words::text(key, language)), std::forward<Args>(args)...);
}

std::string number_text(double value, Language language) {
    std::string text = fmt::format("{:g}", value);
    if (language == Language::nl)
        for (auto& c : text)
            if (c == '.')
                c = ',';
    return text;
}

/// An identifier made from a label: ASCII letters and digits in lower case, others as '-'.
std::string slug(const std::string& label) {
    std::string out;
    for (const unsigned char c : label) {
        if (std::isalnum(c) && c < 128) {
            out += static_cast<char>(std::tolower(c));
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
        if (out.size() >= 40)
            break;
    }
    while (!out.empty() && out.back() == '-')
        out.pop_back();
    return out;
}

bool plain_key(const std::string& key) {
    static const std::regex plain("[A-Za-z_][A-Za-z0-9_-]*");
    return std::regex_match(key, plain);
}

std::string yaml_key(const std::string& key) {
    return plain_key(key) ? key : Json(key).dump();
}

/// A value on one line: JSON is YAML's flow style (strings double-quoted, numbers plain).
std::string flow(const Json& value) {
    return value.dump(-1, ' ', false, Json::error_handler_t::strict);
}

bool list_of_maps(const Json& value) {
    if (!value.is_array() || value.empty())
        return false;
    for (const auto& item : value)
        if (!item.is_object() || item.empty())
            return false;
    return true;
}

void emit_entries(std::string& out, const Json& map, int indent, bool first_inline);

void emit_entry(std::string& out, const std::string& key, const Json& value, int indent,
                const std::string& prefix) {
    out += prefix + yaml_key(key) + ":";
    if (indent == 0 && value.is_object() && !value.empty()) {
        out += '\n';
        emit_entries(out, value, indent + 2, false);
    } else if (list_of_maps(value)) {
        out += '\n';
        for (const auto& item : value)
            emit_entries(out, item, indent + 2, true);
    } else {
        out += ' ' + flow(value) + '\n';
    }
}

/// The entries of MAP at INDENT; FIRST_INLINE: as a list item ("- key: ...").
void emit_entries(std::string& out, const Json& map, int indent, bool first_inline) {
    bool first = true;
    for (const auto& [key, value] : map.items()) {
        std::string prefix(static_cast<std::size_t>(indent), ' ');
        if (first_inline)
            prefix += first ? "- " : "  ";
        emit_entry(out, key, value, first_inline ? indent + 2 : indent, prefix);
        first = false;
    }
}

std::string errors_of(const scenario::LoadResult& result) {
    std::string text;
    for (const auto& diagnostic : result.diagnostics)
        if (diagnostic.severity == scenario::Diagnostic::Severity::error)
            text += diagnostic.format() + '\n';
    return text;
}

/// The "set" values as the keys of a file that extends the base: items of the id lists are
/// written as `- id: X` and merge into the base's item X.
void add_set_value(Json& tree, const std::string& path, const Json& value, Language language) {
    static const std::regex segment_text("[A-Za-z0-9_-]+");
    static const std::set<std::string> id_lists{"regions", "sources", "services", "policies"};
    std::vector<std::string> segments;
    std::size_t at = 0;
    while (true) {
        const auto dot = path.find('.', at);
        segments.push_back(path.substr(at, dot == std::string::npos ? dot : dot - at));
        if (dot == std::string::npos)
            break;
        at = dot + 1;
    }
    for (const auto& segment : segments)
        if (!std::regex_match(segment, segment_text))
            throw RequestError(say("studio_error_set_path", language, fmt::arg("path", path)));
    if (segments.front() == "extends" || segments.front() == "name" || segments.front() == "format")
        throw RequestError(say("studio_error_set_fixed", language, fmt::arg("path", path),
                               fmt::arg("key", segments.front())));
    Json* node = &tree;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const std::string& key = segments[i];
        const bool last = i + 1 == segments.size();
        if (i == 1 && id_lists.count(segments[0])) {
            // node is the list: find or add the item with this id
            Json* item = nullptr;
            for (auto& existing : *node)
                if (existing["id"] == key)
                    item = &existing;
            if (!item) {
                node->push_back(Json{{"id", key}});
                item = &node->back();
            }
            if (last)
                throw RequestError(say("studio_error_set_path", language, fmt::arg("path", path)));
            node = item;
            continue;
        }
        if (i > 0 && std::all_of(key.begin(), key.end(), ::isdigit))
            throw RequestError(say("studio_error_set_index", language, fmt::arg("path", path)));
        if (!node->is_object())
            throw RequestError(say("studio_error_set_twice", language, fmt::arg("path", path)));
        if (last) {
            if (node->contains(key))
                throw RequestError(say("studio_error_set_twice", language, fmt::arg("path", path)));
            (*node)[key] = value;
        } else {
            if (!node->contains(key))
                (*node)[key] = i == 0 && id_lists.count(key) ? Json::array() : Json::object();
            node = &(*node)[key];
        }
    }
}

const Lever* find_lever(const Offered& base, const std::string& id) {
    for (const auto& lever : base.levers)
        if (lever.id == id)
            return &lever;
    return nullptr;
}

/// The lever's setting as policies of the alternative file.
void add_lever(Json& policies, const Offered& base, const std::string& id, const Json& setting,
               Language language) {
    const Lever* lever = find_lever(base, id);
    if (!lever)
        throw RequestError(say("studio_error_lever_unknown", language, fmt::arg("lever", id),
                               fmt::arg("scenario", base.name)));
    const auto& scenario = base.scenario;
    const std::string service =
        lever->service.empty() ? std::string() : place_label(scenario, lever->service, language);
    const std::string lever_name =
        fmt::format("‘{}’ ({})", lever_label(base, *lever, language), id);
    Json value = setting;
    std::string date = lever->date;
    bool remove = false;
    if (setting.is_object()) {
        for (const auto& [key, item] : setting.items())
            if (key != "value" && key != "date" && key != "remove")
                throw RequestError(say("studio_error_lever_key", language,
                                       fmt::arg("lever", lever_name), fmt::arg("key", key)));
        value = setting.contains("value") ? setting["value"] : Json(nullptr);
        if (setting.contains("date")) {
            if (!setting["date"].is_string())
                throw RequestError(
                    say("studio_error_lever_date", language, fmt::arg("lever", lever_name),
                        fmt::arg("date", flow(setting["date"])),
                        fmt::arg("first", to_iso(scenario.start)),
                        fmt::arg("last", iso_date(scenario, scenario.horizon_days - 1))));
            date = setting["date"].get<std::string>();
        }
        if (setting.contains("remove"))
            remove = setting["remove"] == true;
    }
    const bool needs_value =
        lever->kind != Lever::Kind::admission_stop && lever->kind != Lever::Kind::phase_out;
    double number = 0.0;
    if (needs_value) {
        if (!value.is_number())
            throw RequestError(say("studio_error_lever_number", language,
                                   fmt::arg("lever", lever_name), fmt::arg("value", flow(value))));
        number = value.get<double>();
        if (!std::isfinite(number) || number < lever->min || number > lever->max)
            throw RequestError(say("studio_error_lever_range", language,
                                   fmt::arg("lever", lever_name), fmt::arg("value", flow(value)),
                                   fmt::arg("min", number_text(lever->min, language)),
                                   fmt::arg("max", number_text(lever->max, language))));
        if (lever->whole && number != std::floor(number))
            throw RequestError(say("studio_error_lever_whole", language,
                                   fmt::arg("lever", lever_name), fmt::arg("value", flow(value))));
    }
    // The date: a calendar date inside the horizon.
    const auto parsed = parse_iso_date(date);
    const Calendar calendar(scenario.start);
    if (!parsed || calendar.day_of(*parsed) < 0 ||
        calendar.day_of(*parsed) >= scenario.horizon_days)
        throw RequestError(say("studio_error_lever_date", language, fmt::arg("lever", lever_name),
                               fmt::arg("date", date), fmt::arg("first", to_iso(scenario.start)),
                               fmt::arg("last", iso_date(scenario, scenario.horizon_days - 1))));
    const std::string shown_date = date;
    switch (lever->kind) {
    case Lever::Kind::capacity: {
        if (number == lever->current && date == to_iso(scenario.start))
            return;
        policies.push_back(Json{
            {"id", "studio-capacity-" + lever->service},
            {"date", date},
            {"description",
             say("studio_policy_capacity", language, fmt::arg("service", service),
                 fmt::arg("from", number_text(lever->current, language)),
                 fmt::arg("to", number_text(number, language)), fmt::arg("date", shown_date))},
            {"capacity", Json{{"service", lever->service}, {"value", static_cast<long>(number)}}}});
        return;
    }
    case Lever::Kind::capacity_step:
        if (number == lever->current)
            return;
        policies.push_back(Json{
            {"id", lever->policy},
            {"description",
             say("studio_policy_capacity_step", language, fmt::arg("service", service),
                 fmt::arg("from", number_text(lever->current, language)),
                 fmt::arg("to", number_text(number, language)), fmt::arg("date", lever->date))},
            {"capacity", Json{{"value", static_cast<long>(number)}}}});
        return;
    case Lever::Kind::routing_shift:
        if (number == lever->current)
            return;
        policies.push_back(
            Json{{"id", lever->policy},
                 {"description",
                  say("studio_policy_routing", language,
                      fmt::arg("at", place_label(scenario, lever->shifted_at, language)),
                      fmt::arg("from", place_label(scenario, lever->from_service, language)),
                      fmt::arg("to", place_label(scenario, lever->to_service, language)),
                      fmt::arg("percent", number_text(number * 100.0, language)),
                      fmt::arg("was", number_text(lever->current * 100.0, language)))},
                 {"routing_shift", Json{{"fraction", number}}}});
        return;
    case Lever::Kind::inflow: {
        if (number == 0.0)
            return;
        Json inflow{{"multiplier", 1.0}, {"annual_change", number / 100.0}};
        if (!lever->sources.empty())
            inflow["sources"] = lever->sources;
        policies.push_back(
            Json{{"id", "studio-prevention"},
                 {"date", date},
                 {"description", say("studio_policy_inflow", language,
                                     fmt::arg("percent", number_text(number, language)),
                                     fmt::arg("date", shown_date))},
                 {"inflow", std::move(inflow)}});
        return;
    }
    case Lever::Kind::inflow_policy:
        if (number == lever->current)
            return;
        policies.push_back(
            Json{{"id", lever->policy},
                 {"description", say("studio_policy_inflow_change", language,
                                     fmt::arg("percent", number_text(number, language)),
                                     fmt::arg("was", number_text(lever->current, language)),
                                     fmt::arg("date", lever->date))},
                 {"inflow", Json{{"annual_change", number / 100.0}}}});
        return;
    case Lever::Kind::admission_stop:
        if (remove) {
            policies.push_back(Json{{"id", lever->policy}, {"remove", true}});
        } else if (date != lever->date) {
            policies.push_back(Json{
                {"id", lever->policy},
                {"date", date},
                {"description", say("studio_policy_stop", language, fmt::arg("service", service),
                                    fmt::arg("date", shown_date))}});
        }
        return;
    case Lever::Kind::phase_out:
        if (remove)
            return;
        policies.push_back(
            Json{{"id", "studio-phase-out-" + lever->service + "-places"},
                 {"date", date},
                 {"description", say("studio_policy_phase_out_places", language,
                                     fmt::arg("service", service), fmt::arg("date", shown_date))},
                 {"capacity", Json{{"service", lever->service}, {"value", 0}}}});
        policies.push_back(
            Json{{"id", "studio-phase-out-" + lever->service + "-stop"},
                 {"date", date},
                 {"description", say("studio_policy_phase_out_stop", language,
                                     fmt::arg("service", service), fmt::arg("date", shown_date))},
                 {"admission_stop", Json{{"service", lever->service}}}});
        return;
    }
}

} // namespace

void check_strings(const Json& value, int depth) {
    if (depth > max_depth)
        throw RequestError(fmt::format("the request nests more than {} levels", max_depth));
    if (value.is_string()) {
        const auto& text = value.get_ref<const std::string&>();
        for (std::size_t i = 0; i < text.size(); ++i) {
            const auto c = static_cast<unsigned char>(text[i]);
            const bool c0 = c < 0x20 || c == 0x7f;
            const bool c1 = c == 0xc2 && i + 1 < text.size() &&
                            static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                            static_cast<unsigned char>(text[i + 1]) <= 0x9f;
            const bool bidi = c == 0xe2 && i + 2 < text.size() &&
                              ((static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                                static_cast<unsigned char>(text[i + 2]) >= 0xaa &&
                                static_cast<unsigned char>(text[i + 2]) <= 0xae) ||
                               (static_cast<unsigned char>(text[i + 1]) == 0x81 &&
                                static_cast<unsigned char>(text[i + 2]) >= 0xa6 &&
                                static_cast<unsigned char>(text[i + 2]) <= 0xa9));
            if (c0 || c1 || bidi)
                throw RequestError(
                    "a text in the request holds a control character (scenario files may not)");
        }
    }
    if (value.is_structured())
        for (const auto& [key, item] : value.items()) {
            check_strings(Json(key), depth + 1);
            check_strings(item, depth + 1);
        }
}

care::Scenario load_base(const Offered& base) {
    scenario::LoadResult result = scenario::load_file(base.file);
    if (!result.ok() || !result.scenario)
        throw RequestError(fmt::format("the base scenario {} no longer loads:\n{}",
                                       base.file.filename().string(), errors_of(result)),
                           Json{{"diagnostics", errors_of(result)}});
    return std::move(*result.scenario);
}

Alternative make_alternative(const Offered& base, const Json& request, int index,
                             const RunSettings& settings, const std::vector<std::string>& taken) {
    const Language language = settings.language;
    if (!request.is_object())
        throw RequestError(say("studio_error_alternative_object", language, fmt::arg("n", index)));
    for (const auto& [key, value] : request.items())
        if (key != "name" && key != "levers" && key != "set" && key != "policies")
            throw RequestError(say("studio_error_alternative_key", language, fmt::arg("n", index),
                                   fmt::arg("key", key)));
    Alternative alternative;
    alternative.label = say("studio_alternative_n", language, fmt::arg("n", index));
    if (request.contains("name")) {
        if (!request["name"].is_string())
            throw RequestError(say("studio_error_alternative_name", language, fmt::arg("n", index),
                                   fmt::arg("max", max_label_chars)));
        alternative.label = request["name"].get<std::string>();
    }
    std::size_t chars = 0;
    for (const unsigned char c : alternative.label)
        chars += (c & 0xc0) != 0x80;
    if (chars == 0 || chars > max_label_chars)
        throw RequestError(say("studio_error_alternative_name", language, fmt::arg("n", index),
                               fmt::arg("max", max_label_chars)));
    alternative.name = slug(alternative.label);
    if (alternative.name.empty())
        alternative.name = fmt::format("alternative-{}", index);
    const std::string stem = alternative.name;
    for (int n = 2; std::find(taken.begin(), taken.end(), alternative.name) != taken.end(); ++n)
        alternative.name = fmt::format("{}-{}", stem, n);
    alternative.file_name = alternative.name + ".yaml";

    const auto section = [&](const char* key, bool object) -> Json {
        if (!request.contains(key))
            return object ? Json::object() : Json::array();
        const Json& value = request[key];
        if (object ? !value.is_object() : !value.is_array())
            throw RequestError(say(object ? "studio_error_alternative_object_key"
                                          : "studio_error_alternative_list_key",
                                   language, fmt::arg("n", index), fmt::arg("key", key)));
        if (value.size() > max_items)
            throw RequestError(say("studio_error_alternative_many", language, fmt::arg("n", index),
                                   fmt::arg("key", key), fmt::arg("max", max_items)));
        return value;
    };
    const Json sets = section("set", true);
    const Json levers = section("levers", true);
    const Json extra = section("policies", false);

    // 1. The set values, checked as `--set PATH=VALUE` on the base: a mistake is reported with
    //    the command line's words.
    Json tree = Json::object();
    std::vector<scenario::Override> overrides;
    for (const auto& [path, value] : sets.items()) {
        overrides.push_back({path, flow(value)});
        add_set_value(tree, path, value, language);
    }
    if (!overrides.empty()) {
        const scenario::LoadResult checked = scenario::load_file(base.file, overrides);
        if (!checked.ok()) {
            // The command line's message, after the set value it is about: "<command line>:N"
            // is the Nth value of "set".
            std::string text;
            Json paths = Json::array();
            for (const auto& diagnostic : checked.diagnostics) {
                if (diagnostic.severity != scenario::Diagnostic::Severity::error)
                    continue;
                if (diagnostic.file == "<command line>" && diagnostic.line >= 1 &&
                    static_cast<std::size_t>(diagnostic.line) <= overrides.size()) {
                    const auto& change = overrides[static_cast<std::size_t>(diagnostic.line - 1)];
                    text += fmt::format("set {}={}: ", change.path, change.value);
                    paths.push_back(change.path);
                }
                text += diagnostic.format() + '\n';
            }
            throw RequestError(text, Json{{"alternative", alternative.label}, {"set", paths}});
        }
    }

    // 2. The levers and policies, as dated policies.
    Json policies = tree.contains("policies") ? tree["policies"] : Json::array();
    tree.erase("policies");
    for (const auto& [id, setting] : levers.items())
        add_lever(policies, base, id, setting, language);
    for (const auto& policy : extra) {
        if (!policy.is_object() || policy.empty())
            throw RequestError(say("studio_error_policy_object", language, fmt::arg("n", index)));
        policies.push_back(policy);
    }

    // 3. The file.
    const std::string base_file = base.file.filename().string();
    std::string text;
    text += "# " + say("studio_file_made", language, fmt::arg("base", base.name)) + "\n";
    text += "# " + say("studio_file_next_to", language, fmt::arg("file", base_file)) + "\n";
    text += fmt::format("#   zorgsim validate {}\n", alternative.file_name);
    text += fmt::format("#   zorgsim compare {} {} --replications {} --seed {}\n", base_file,
                        alternative.file_name, settings.replications, settings.seed);
    text += "format: 1\n";
    text += "extends: " + Json(base_file).dump() + "\n";
    text += "name: " + alternative.name + "\n";
    text += "title: " + Json(alternative.label).dump(-1, ' ', false) + "\n";
    text += "description: " +
            Json(say("studio_file_description", language, fmt::arg("base", base.name)))
                .dump(-1, ' ', false) +
            "\n";
    emit_entries(text, tree, 0, false);
    if (!policies.empty()) {
        text += "policies:\n";
        for (const auto& policy : policies)
            emit_entries(text, policy, 2, true);
    }
    alternative.text = text;

    scenario::LoadResult loaded =
        scenario::load_text(text, alternative.file_name, base.file.parent_path());
    if (!loaded.ok() || !loaded.scenario)
        throw RequestError(errors_of(loaded),
                           Json{{"alternative", alternative.label}, {"scenario_file", text}});
    alternative.scenario = std::move(*loaded.scenario);
    return alternative;
}

} // namespace zorgsim::serve
