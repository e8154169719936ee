// policies: the dated policy timeline. A `capacity` change is folded into the service's
// capacity schedule (it means exactly a schedule step) and also kept as a PolicyChange of
// kind capacity, so that the report can show it on the timeline; applying it again is a no-op.
#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "convert.hpp"
#include "yaml_text.hpp"

namespace zorgsim::scenario {

namespace {

using Kind = care::PolicyChange::Kind;
constexpr double inf = std::numeric_limits<double>::infinity();
const std::vector<std::string> kinds{"inflow",         "capacity",       "routing_shift",
                                     "length_of_stay", "admission_stop", "staff_available",
                                     "prices",         "recruitment",    "aftercare"};

std::optional<int> read_service(const Fields& fields, const Context& context) {
    const Node* node = fields.required("service", "a service id");
    if (!node)
        return std::nullopt;
    const auto d = read_destination(*node, "service", context, false, false);
    return d ? std::optional(d->service) : std::nullopt;
}

bool route_mentions(const care::RoutingTable& table, care::Destination target) {
    auto in = [target](const care::Route& route) {
        return std::find(route.targets.begin(), route.targets.end(), target) != route.targets.end();
    };
    return in(table.fallback) || std::any_of(table.by_profile.begin(), table.by_profile.end(),
                                             [&in](const auto& r) { return r && in(*r); });
}

/// A suggestion to ten significant digits: 1.0000001 / 100 is 0.010000001, not the exact
/// double 0.010000001000000001.
std::string rounded(double value) {
    return fmt::format("{:.10g}", value);
}

/// Someone who writes `annual_change: 2` almost surely means 2%, not +200% a year.
std::string percent_hint(const Node& node, double value) {
    const double percent = std::abs(value);
    return fmt::format("; {} means {}{}% a year; for {}% write {} (or {} for a {}% decrease)",
                       node.text, value < 0 ? "" : "+", number_text(value * 100), rounded(percent),
                       rounded(percent / 100), rounded(-percent / 100), rounded(percent));
}

std::optional<double> read_annual_change(const Node& node, const Reader& read, bool confirmed) {
    const auto value = read.number(node, "annual_change");
    if (!value)
        return std::nullopt;
    if (*value > -1.0 && *value <= max_annual_change) {
        if (std::abs(*value) > largest_unconfirmed_change && !confirmed) {
            read.error(node,
                       fmt::format("annual_change {} is {}{}% a year, every year: write "
                                   "-0.02 for -2% (0.02 for +2%); if you mean {}{}%, add "
                                   "confirm: true to this inflow change",
                                   node.text, *value < 0 ? "" : "+", number_text(*value * 100),
                                   *value < 0 ? "" : "+", number_text(*value * 100)));
            return std::nullopt;
        }
        return value;
    }
    read.error(node, fmt::format("annual_change must be a number > -1 and <= {} (a relative "
                                 "change: 0.02 is +2% a year), got {}{}",
                                 number_text(max_annual_change), node.text,
                                 std::abs(*value) >= 1 && std::isfinite(*value)
                                     ? percent_hint(node, *value)
                                     : ""));
    return std::nullopt;
}

bool read_change(const std::string& kind, const Node& node, care::PolicyChange& change,
                 std::optional<Position>& capacity_at, PolicyPlaces& places, Context& context) {
    const Reader& read = context.read;
    const std::string what = "the " + kind + " change";
    if (!read.expect_map(node, kind, "{service: SERVICE, ...}"))
        return false;
    const auto errors = read.diagnostics().error_count();
    if (kind == "inflow") {
        change.kind = Kind::inflow;
        const Fields fields(node, what,
                            {"multiplier", "annual_change", "sources", "until", "confirm"},
                            read.diagnostics());
        bool confirmed = false;
        if (const Node* confirm = fields["confirm"])
            confirmed = read.boolean(*confirm, "confirm").value_or(false);
        places.multiplier = places.annual_change = node.at;
        if (const Node* m = fields["multiplier"]) {
            places.multiplier = m->at;
            change.value = read.number_in(*m, "multiplier", 0.0, inf).value_or(1.0);
        }
        if (const Node* a = fields["annual_change"]) {
            places.annual_change = a->at;
            change.annual_change = read_annual_change(*a, read, confirmed).value_or(0.0);
        }
        if (const Node* sources = fields["sources"])
            for (const Node* id :
                 read.scalars(*sources, "sources").value_or(std::vector<const Node*>{}))
                if (auto s = read_source(*id, "sources", context))
                    change.sources.push_back(*s);
        if (const Node* until = fields["until"]) {
            change.until = context.day_in_horizon(*until, "until", true);
            if (change.until && *change.until <= change.at)
                read.error(*until,
                           fmt::format("until {} must be after the policy's date", until->text));
        }
    } else if (kind == "capacity") {
        change.kind = Kind::capacity;
        const Fields fields(node, what, {"service", "value", "change"}, read.diagnostics());
        change.service = read_service(fields, context).value_or(-1);
        const Node* value = fields["value"];
        const Node* relative = fields["change"];
        if (value && relative) {
            read.diagnostics().error(fields.key_position("change"),
                                     "capacity: give either value (the number of places) or "
                                     "change (places more or fewer), not both");
        } else if (relative) {
            // Resolved against the capacity in effect on the date when the policies are folded
            // into the schedule, in date order (convert_policies).
            change.value = static_cast<double>(
                read.whole(*relative, "change", -1'000'000'000, 1'000'000'000).value_or(0));
            places.relative = true;
            places.change = relative->at;
            capacity_at = relative->at;
        } else if (!value) {
            fields.required("value", "a whole number >= 0 (or change: +N for N more places)");
        } else if (!value->quoted && value->text.starts_with("+")) {
            read.error(*value,
                       fmt::format("value {} would set the capacity to {} places: for {} places "
                                   "more write change: {} (value is the number of places)",
                                   value->text, value->text.substr(1), value->text.substr(1),
                                   value->text));
        } else {
            change.value =
                static_cast<double>(read.whole(*value, "capacity", 0, 1'000'000'000).value_or(0));
            capacity_at = value->at;
        }
    } else if (kind == "routing_shift") {
        change.kind = Kind::routing_shift;
        const Fields fields(node, what, {"service", "source", "from", "to", "fraction"},
                            read.diagnostics());
        const Node* service = fields["service"];
        const Node* source = fields["source"];
        if (service && source)
            read.diagnostics().error(fields.key_position("source"),
                                     "routing_shift: give either service or source, not both");
        else if (service)
            change.service = read_destination(*service, "service", context, false, false)
                                 .value_or(care::Destination{})
                                 .service;
        else if (source)
            change.source = read_source(*source, "source", context).value_or(-1);
        else
            fields.required("service", "a service id (or source: a source id)");
        const Node* from = fields.required("from", "a service id or exit");
        const Node* to = fields.required("to", "a service id or exit");
        if (from)
            change.from = read_destination(*from, "from", context).value_or(care::Destination{});
        if (to) {
            // The shift adds `to` to a route of that service or source: checked as a route.
            const std::size_t first_route = context.route_uses.size();
            change.to = read_destination(*to, "to", context).value_or(care::Destination{});
            if (change.service >= 0)
                mark_routes(context, first_route, RouteUse::From::service, change.service);
            else if (change.source >= 0)
                mark_routes(context, first_route, RouteUse::From::source, change.source);
        }
        if (const Node* fraction = fields.required("fraction", "a number between 0 and 1"))
            change.value = read.probability(*fraction, "fraction").value_or(0.0);
        if (from && read.diagnostics().error_count() == errors) {
            const auto& s = context.scenario;
            const bool by_service = change.service >= 0;
            const auto& table =
                by_service ? s.services[change.service].next : s.sources[change.source].to;
            if (!route_mentions(table, change.from))
                read.error(*from, fmt::format("routing_shift: '{}' is not in the {} table of {} "
                                              "'{}'",
                                              from->text, by_service ? "next" : "to",
                                              by_service ? "service" : "source",
                                              by_service ? s.services[change.service].id
                                                         : s.sources[change.source].id));
        }
    } else if (kind == "length_of_stay") {
        change.kind = Kind::stay_multiplier;
        const Fields fields(node, what, {"service", "multiplier"}, read.diagnostics());
        change.service = read_service(fields, context).value_or(-1);
        if (const Node* m = fields.required("multiplier", "a number > 0"))
            change.value = read.number_in(*m, "multiplier", 0.0, inf, true).value_or(1.0);
    } else if (kind == "admission_stop") {
        change.kind = Kind::admission_stop;
        const Fields fields(node, what, {"service", "stop"}, read.diagnostics());
        change.service = read_service(fields, context).value_or(-1);
        if (const Node* stop = fields["stop"])
            change.stop = read.boolean(*stop, "stop").value_or(true);
    } else if (kind == "prices") {
        change.kind = Kind::prices;
        const Fields fields(node, what, {"change", "services", "confirm"}, read.diagnostics());
        bool confirmed = false;
        if (const Node* confirm = fields["confirm"])
            confirmed = read.boolean(*confirm, "confirm").value_or(false);
        if (const Node* relative = fields.required("change", "a relative change, 0.05 for +5%"))
            change.value =
                read_relative_change(*relative, "change", "", "prices change", confirmed, read)
                    .value_or(0.0);
        if (const Node* services = fields["services"])
            for (const Node* id :
                 read.scalars(*services, "services").value_or(std::vector<const Node*>{}))
                if (auto d = read_destination(*id, "services", context, false, false))
                    change.services.push_back(d->service);
    } else if (kind == "recruitment") {
        change.kind = Kind::recruitment;
        const Fields fields(node, what, {"service", "multiplier", "per_year"}, read.diagnostics());
        change.service = read_service(fields, context).value_or(-1);
        const Node* multiplier = fields["multiplier"];
        const Node* per_year = fields["per_year"];
        if (multiplier && per_year)
            read.diagnostics().error(fields.key_position("per_year"),
                                     "recruitment: give either multiplier (of the rate in "
                                     "effect) or per_year (the new rate), not both");
        else if (multiplier)
            change.value = read.number_in(*multiplier, "multiplier", 0.0, inf).value_or(1.0);
        else if (per_year) {
            change.absolute = true;
            change.value =
                read.number_in(*per_year, "per_year", 0.0, max_arrivals_per_year).value_or(0.0);
        } else
            fields.required("multiplier", "a number >= 0 (or per_year: the new rate)");
        if (change.service >= 0 && !context.scenario.services[change.service].pool)
            read.error(*fields["service"],
                       fmt::format("recruitment: service '{}' has no pool of places (capacity: "
                                   "{{pool: {{...}}}})",
                                   context.scenario.services[change.service].id));
    } else if (kind == "aftercare") {
        change.kind = Kind::aftercare;
        const Fields fields(node, what, {"service", "share", "months"}, read.diagnostics());
        change.service = read_service(fields, context).value_or(-1);
        if (const Node* share = fields["share"])
            change.share = read.probability(*share, "share");
        if (const Node* months = fields["months"])
            change.months = read.number_in(*months, "months", 0.0, 1200.0, true);
        if (!fields["share"] && !fields["months"])
            read.error(node, "aftercare: give share (who get it), months (how long) or both");
        if (change.service >= 0 && !context.scenario.services[change.service].aftercare)
            read.error(*fields["service"],
                       fmt::format("aftercare: service '{}' has no aftercare (aftercare: {{share: "
                                   "..., months: ..., reentry_probability: {{...}}}})",
                                   context.scenario.services[change.service].id));
    } else {
        change.kind = Kind::staff_available;
        const Fields fields(node, what, {"service", "fraction"}, read.diagnostics());
        change.service = read_service(fields, context).value_or(-1);
        if (const Node* f = fields.required("fraction", "a number between 0 and 1"))
            change.value = read.probability(*f, "fraction").value_or(1.0);
    }
    return read.diagnostics().error_count() == errors;
}

/// Folds a capacity policy into its service's schedule; a relative one (`change: +20`) becomes
/// the capacity in effect on its date plus the change. False (reported) if that is below 0.
bool fold_capacity(care::PolicyChange& change, const PolicyPlaces& places, const Position& at,
                   Context& context) {
    auto& schedule = context.scenario.services[change.service].capacity;
    if (places.relative) {
        int before = 0;
        for (const care::CapacityStep& s : schedule)
            if (s.from <= change.at)
                before = s.value;
        const double after = before + change.value;
        if (after < 0) {
            context.read.diagnostics().error(
                places.change, fmt::format("change {:+} takes the capacity of '{}' below 0: it is "
                                           "{} on that date",
                                           static_cast<long long>(change.value),
                                           context.scenario.services[change.service].id, before));
            return false;
        }
        change.value = after;
    }
    const care::CapacityStep step{change.at, static_cast<int>(change.value)};
    auto later = std::find_if(schedule.begin(), schedule.end(),
                              [&step](const care::CapacityStep& s) { return s.from >= step.from; });
    if (later != schedule.end() && later->from == step.from)
        *later = step;
    else
        schedule.insert(later, step);
    if (schedule.back().from == step.from)
        context.service_places[change.service].capacity = at;
    return true;
}

} // namespace

std::optional<double> read_relative_change(const Node& node, std::string_view what,
                                           std::string_view per, std::string_view section,
                                           bool confirmed, const Reader& read) {
    const auto value = read.number(node, what);
    if (!value)
        return std::nullopt;
    const std::string every = per.empty() ? std::string() : fmt::format(" {}", per);
    if (*value > -1.0 && *value <= max_annual_change) {
        if (std::abs(*value) > largest_unconfirmed_change && !confirmed) {
            read.error(node, fmt::format("{} {} is {}{}%{}: write 0.04 for +4% (-0.04 for -4%); "
                                         "if you mean {}{}%, add confirm: true to this {}",
                                         what, node.text, *value < 0 ? "" : "+",
                                         number_text(*value * 100), every, *value < 0 ? "" : "+",
                                         number_text(*value * 100), section));
            return std::nullopt;
        }
        return value;
    }
    read.error(node, fmt::format("{} must be a number > -1 and <= {} (a relative change: 0.04 is "
                                 "+4%{}), got {}",
                                 what, number_text(max_annual_change), every, node.text));
    return std::nullopt;
}

void convert_policies(const Node& list, Context& context) {
    const Reader& read = context.read;
    if (!list.is_sequence()) {
        read.error(list,
                   fmt::format("policies must be a list [{{id: ..., date: ..., ...}}], got {}",
                               describe(list)));
        return;
    }
    struct Read {
        care::PolicyChange change;
        std::optional<Position> capacity_at;
        PolicyPlaces places;
    };
    std::vector<Read> changes;
    for (const Node& item : list.items) {
        if (!read.expect_map(item, "a policy", "{id: prevention, date: 2026-01-01, inflow: {...}}"))
            continue;
        care::PolicyChange change;
        PolicyPlaces places{item.at, item.at, item.at};
        const std::string* id = item.id();
        const std::string what = id ? fmt::format("policy '{}'", *id) : "policy";
        std::vector<std::string> allowed{"id", "date", "description"};
        allowed.insert(allowed.end(), kinds.begin(), kinds.end());
        const Fields fields(item, what, allowed, read.diagnostics());
        bool ok = true;
        if (const Node* node = fields.required("id", "a name unique among policies"))
            change.id = read.text(*node, "id").value_or("");
        if (const Node* date = fields.required("date", "a date YYYY-MM-DD")) {
            const auto day = context.day_in_horizon(*date, "policy date");
            ok = ok && day;
            change.at = day.value_or(0.0);
        } else {
            ok = false;
        }
        if (const Node* description = fields["description"])
            change.description = read.text(*description, "description").value_or("");
        std::vector<const Entry*> found;
        for (const auto& kind : kinds)
            if (const Entry* entry = item.entry(kind); entry && !entry->value.is_null())
                found.push_back(entry);
        std::optional<Position> capacity_at;
        if (found.empty()) {
            read.diagnostics().error(
                item.at, fmt::format("{} needs one change: {}", what, fmt::join(kinds, ", ")));
            ok = false;
        } else {
            for (std::size_t i = 1; i < found.size(); ++i)
                read.diagnostics().error(found[i]->key_at,
                                         fmt::format("{} has more than one change ({} and {}): "
                                                     "make a policy for each",
                                                     what, found[0]->key, found[i]->key));
            ok =
                read_change(found[0]->key, found[0]->value, change, capacity_at, places, context) &&
                found.size() == 1 && ok;
        }
        if (ok)
            changes.push_back({std::move(change), capacity_at, places});
    }
    std::stable_sort(changes.begin(), changes.end(),
                     [](const Read& a, const Read& b) { return a.change.at < b.change.at; });
    for (Read& read_one : changes) {
        if (read_one.change.kind == Kind::capacity &&
            !fold_capacity(read_one.change, read_one.places, *read_one.capacity_at, context))
            continue;
        context.scenario.policies.push_back(std::move(read_one.change));
        context.policy_places.push_back(read_one.places);
    }
}

} // namespace zorgsim::scenario
