// The top level: run settings (dates, horizon, replications), profiles and municipalities,
// the ids of sources, services and regions and the services' roles (needed before any route
// can be read), population and re-entry.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "convert.hpp"
#include "nearest.hpp"

namespace zorgsim::scenario {

namespace {

/// Names in a list, each once. `id_kind`: the names are ids of that kind (they appear in
/// outputs), else free text (municipalities: "Stede Broec").
std::vector<std::string> read_names(const Node& node, std::string_view what, const Reader& read,
                                    std::string_view id_kind = {}) {
    std::vector<std::string> names;
    if (!node.is_sequence()) {
        read.error(node, fmt::format("{} must be a list of names like [A, B], got {}", what,
                                     describe(node)));
        return names;
    }
    std::unordered_set<std::string> seen; // thousands of profiles: no pairwise comparison
    for (const Node& item : node.items) {
        const auto name = read.text(item, what);
        if (!name)
            continue;
        if (!seen.insert(*name).second) {
            read.error(item, fmt::format("duplicate name '{}' in {}", shown(*name), what));
            continue;
        }
        if (!id_kind.empty())
            if (const std::string problem = id_problem(*name, id_kind); !problem.empty())
                read.error(item, problem);
        names.push_back(*name);
    }
    return names;
}

/// Region ids are checked with the other region rules (convert_regions), so `check_pattern`.
std::vector<std::string> read_ids(const Node* list, std::string_view kind, const Reader& read,
                                  bool check_pattern = true) {
    std::vector<std::string> ids;
    if (!list || !list->is_sequence())
        return ids;                                     // reported where the list is converted
    std::unordered_map<std::string, std::size_t> first; // id -> its first item
    for (std::size_t i = 0; i < list->items.size(); ++i) {
        const Node& item = list->items[i];
        const std::string* id = item.id();
        ids.push_back(id ? *id : std::string());
        if (!id)
            continue;
        if (check_pattern)
            if (const std::string problem = id_problem(*id, kind); !problem.empty())
                read.error(*item.find("id"), problem);
        const auto [earlier, fresh] = first.try_emplace(*id, i);
        if (!fresh) {
            const Node& that = list->items[earlier->second];
            read.error(*item.find("id"),
                       fmt::format("duplicate {} id '{}' (first defined at {}:{})", kind,
                                   shown(*id), that.at.file, that.at.line));
        }
    }
    return ids;
}

/// The role of each service as written, or empty: routes may name a role before the service
/// that has it is converted. A role that is not text is reported when the service is.
std::vector<std::string> read_roles(const Node* list) {
    std::vector<std::string> roles;
    if (!list || !list->is_sequence())
        return roles;
    for (const Node& item : list->items) {
        const Node* role = item.is_map() ? item.find("role") : nullptr;
        roles.push_back(role && role->is_scalar() ? role->text : std::string());
    }
    return roles;
}

} // namespace

void convert_settings(const Node& root, Context& context) {
    const Reader& read = context.read;
    care::Scenario& s = context.scenario;
    const Fields fields(
        root, "the scenario",
        {"format",         "name",     "title",          "description", "extends",      "start",
         "horizon_days",   "end",      "warmup_days",    "period",      "replications", "seed",
         "wait_norm_days", "profiles", "municipalities", "regions",     "population",   "reentry",
         "sources",        "services", "policies",       "prices"},
        read.diagnostics());

    if (const Node* format = fields.required("format", "1")) {
        if (const auto version = read.whole(*format, "format", 1, 1000); version && *version != 1)
            read.error(*format,
                       fmt::format("unsupported format {}: this zorgsim reads format 1", *version));
    }
    if (const Node* name = fields.required("name", "letters, digits, '-' and '_'")) {
        if (const auto text = read.text(*name, "name")) {
            if (const std::string problem = name_problem(*text); !problem.empty())
                read.error(*name, problem);
            s.name = *text;
        }
    }
    s.title = s.name;
    if (const Node* title = fields["title"])
        s.title = read.text(*title, "title").value_or(s.name);
    if (const Node* description = fields["description"]) {
        if (const auto text = read.text(*description, "description")) {
            std::string_view rest = *text;
            while (!rest.empty()) {
                const auto newline = rest.find('\n');
                s.description.emplace_back(rest.substr(0, newline));
                rest = newline == std::string_view::npos ? "" : rest.substr(newline + 1);
            }
        }
    }
    if (const Node* start = fields.required("start", "a date YYYY-MM-DD"))
        if (const auto date = read.date(*start, "start")) {
            s.start = *date;
            context.calendar.emplace(*date);
        }

    const Node* horizon = fields["horizon_days"];
    const Node* end = fields["end"];
    if (horizon && end) {
        read.diagnostics().error(fields.key_position("end"),
                                 "give either horizon_days or end, not both");
    } else if (!horizon && !end) {
        read.diagnostics().error(root.at, "missing required key 'horizon_days' or 'end' in the "
                                          "scenario (expected a number of days or a date)");
    } else if (horizon) {
        if (const auto days = parse_number(*horizon);
            days && std::floor(*days) == *days && *days > max_horizon_days)
            read.error(*horizon, fmt::format("horizon_days {} is longer than the longest horizon, "
                                             "{} days (100 years)",
                                             horizon->text, max_horizon_days));
        else if (const auto whole = read.whole(*horizon, "horizon_days", 1, max_horizon_days))
            context.horizon = static_cast<Days>(*whole);
    } else if (const auto date = read.date(*end, "end"); date && context.calendar) {
        const Days days = context.calendar->day_of(*date);
        if (days <= 0)
            read.error(*end,
                       fmt::format("end {} must be after start {}", end->text, to_iso(s.start)));
        else if (days > static_cast<Days>(max_horizon_days))
            read.error(*end,
                       fmt::format("end {} is {:.0f} days after start {}: the horizon can "
                                   "be at most {} days (100 years), so end at most {}",
                                   end->text, days, to_iso(s.start), max_horizon_days,
                                   context.calendar->iso(static_cast<Days>(max_horizon_days))));
        else
            context.horizon = days;
    }
    if (context.horizon)
        s.horizon_days = *context.horizon;

    if (const Node* warmup = fields["warmup_days"]) {
        if (const auto days = read.number_in(*warmup, "warmup_days", 0.0,
                                             std::numeric_limits<double>::infinity())) {
            if (context.horizon && *days >= *context.horizon)
                read.error(*warmup, fmt::format("warmup_days {} must be shorter than the horizon "
                                                "({} days)",
                                                warmup->text, *context.horizon));
            s.warmup_days = *days;
        }
    }
    if (const Node* period = fields["period"]) {
        const auto parsed = period->is_scalar() ? parse_period(period->text) : std::nullopt;
        if (parsed)
            s.period = *parsed;
        else
            read.error(*period, fmt::format("period must be year, quarter or month, got {}",
                                            describe(*period)));
    }
    if (const Node* n = fields["replications"])
        if (const auto value = read.whole(*n, "replications", 1, 1'000'000'000))
            s.replications = static_cast<std::size_t>(*value);
    if (const Node* seed = fields["seed"])
        if (const auto value = read.unsigned64(*seed, "seed"))
            s.seed = *value;
    if (const Node* norm = fields["wait_norm_days"])
        s.wait_norm_days =
            read.number_in(*norm, "wait_norm_days", 0.0, std::numeric_limits<double>::infinity())
                .value_or(s.wait_norm_days);
    if (const Node* profiles = fields["profiles"]) {
        auto names = read_names(*profiles, "profiles", read, "profile");
        if (names.empty() && profiles->is_sequence())
            read.error(*profiles, "profiles must name at least one profile");
        if (!names.empty())
            s.profiles = std::move(names);
    }
    for (std::size_t i = 0; i < s.profiles.size(); ++i)
        context.profile_index.emplace(s.profiles[i], i);
}

void collect_ids(const Node& root, Context& context) {
    context.source_ids = read_ids(root.find("sources"), "source", context.read);
    context.service_ids = read_ids(root.find("services"), "service", context.read);
    context.service_roles = read_roles(root.find("services"));
    if (const Node* regions = root.find("regions"))
        context.region_ids = read_ids(regions, "region", context.read, false);
    read_ids(root.find("policies"), "policy", context.read);
}

void convert_population(const Node& node, Context& context) {
    const Reader& read = context.read;
    care::Population& p = context.scenario.population;
    if (!read.expect_map(node, "population", "{exit_age: 18}"))
        return;
    context.population_given = true;
    const Fields fields(node, "population",
                        {"exit_age", "extended_care", "adult_support_probability"},
                        read.diagnostics());
    constexpr double inf = std::numeric_limits<double>::infinity();
    p.exit_age = 18.0;
    if (const Node* age = fields["exit_age"])
        p.exit_age = read.number_in(*age, "exit_age", 0.0, inf, true).value_or(p.exit_age);
    if (const Node* extended = fields["extended_care"];
        extended &&
        read.expect_map(*extended, "extended_care", "{probability: 0.25, until_age: 21}")) {
        const Fields ext(*extended, "extended_care", {"probability", "until_age"},
                         read.diagnostics());
        if (const Node* probability = ext.required("probability", "a number between 0 and 1"))
            p.extended_probability = read.probability(*probability, "probability").value_or(0.0);
        if (const Node* until = ext["until_age"]) {
            if (const auto age = read.number_in(*until, "until_age", 0.0, inf, true)) {
                if (*age <= p.exit_age)
                    read.error(*until, fmt::format("until_age {} must be above exit_age {}",
                                                   until->text, p.exit_age));
                p.extended_until = *age;
            }
        } else if (p.extended_probability > 0.0 && p.extended_until <= p.exit_age) {
            read.error(*extended,
                       fmt::format("extended_care needs an until_age above exit_age {} (the "
                                   "default, {}, is not)",
                                   p.exit_age, p.extended_until));
        }
    }
    if (const Node* adult = fields["adult_support_probability"])
        p.adult_support_probability =
            read.probability(*adult, "adult_support_probability").value_or(0.0);
}

void convert_prices(const Node& node, Context& context) {
    const Reader& read = context.read;
    if (!read.expect_map(node, "prices", "{indexation_per_year: 0.04}"))
        return;
    const Fields fields(node, "prices", {"indexation_per_year", "confirm"}, read.diagnostics());
    bool confirmed = false;
    if (const Node* confirm = fields["confirm"])
        confirmed = read.boolean(*confirm, "confirm").value_or(false);
    if (const Node* rate = fields["indexation_per_year"])
        context.scenario.prices.indexation_per_year =
            read_relative_change(*rate, "indexation_per_year", "a year", "prices section",
                                 confirmed, read)
                .value_or(0.0);
}

void convert_reentry(const Node& node, Context& context) {
    const Reader& read = context.read;
    care::Reentry& r = context.scenario.reentry;
    if (!read.expect_map(node, "reentry", "{probability: 0.15, via: wijkteam}"))
        return;
    const Fields fields(node, "reentry", {"probability", "delay_days", "via"}, read.diagnostics());
    context.reentry_delay = node.at;
    if (const Node* probability = fields["probability"])
        r.probability = read.probability(*probability, "probability").value_or(0.0);
    if (const Node* delay = fields["delay_days"])
        if (context.reentry_delay = delay->at;
            auto d = read_distribution(*delay, "delay_days", read)) {
            r.delay_days = std::move(d->distribution);
            r.delay_days_yaml = std::move(d->yaml);
        }
    if (const Node* via = fields.required("via", "a source id")) {
        context.reentry_via = via->at;
        r.source = read_source(*via, "via", context).value_or(-1);
    }
}

} // namespace zorgsim::scenario
