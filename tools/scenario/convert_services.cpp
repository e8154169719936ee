// services: capacity (a number or a dated schedule), length of stay, admission rules,
// waiting list, routing after discharge, costs and the start census.
#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "convert.hpp"

namespace zorgsim::scenario {

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();
constexpr long long max_places = 1'000'000'000;
const char* const capacity_expected =
    "a whole number >= 0, a schedule [{from: DATE, value: N}, ...], a pool {pool: {initial: "
    "N, recruitment_per_year: R, attrition_per_year: A}} or {guardians: G, caseload: K}";

/// Guardians times their caseload (jeugdbeschermers x caseload): the places of a GI.
void read_caseload_capacity(const Node& node, care::Service& service, const Context& context) {
    const Reader& read = context.read;
    const Fields fields(node, "capacity", {"guardians", "caseload"}, read.diagnostics());
    const Node* guardians = fields.required("guardians", "a whole number of guardians >= 0");
    const Node* caseload =
        fields.required("caseload", "a whole number of youths per guardian >= 1");
    const long long g =
        guardians ? read.whole(*guardians, "guardians", 0, max_places).value_or(-1) : -1;
    const long long c =
        caseload ? read.whole(*caseload, "caseload", 1, max_places).value_or(-1) : -1;
    if (g < 0 || c < 0)
        return;
    if (g * c > max_places) {
        read.error(node, fmt::format("capacity: {} guardians x caseload {} is more than {} places",
                                     g, c, max_places));
        return;
    }
    service.capacity = {{0.0, static_cast<int>(g * c)}};
}

void read_capacity(const Node& node, care::Service& service, ServicePlaces& places,
                   const Context& context) {
    const Reader& read = context.read;
    places.capacity = node.at;
    // A map is a pool of places or a GI's guardians x caseload, told apart by their keys.
    if (node.is_map() && (node.find("guardians") || node.find("caseload"))) {
        read_caseload_capacity(node, service, context);
        return;
    }
    if (node.is_map()) {
        read_pool(node, service, places, context);
        return;
    }
    if (node.is_scalar()) {
        if (const auto value = parse_number(node); value && *value < 0)
            read.error(node, fmt::format("capacity must not be negative, got {}", node.text));
        else if (const auto places_ = read.whole(node, "capacity", 0, max_places))
            service.capacity = {{0.0, static_cast<int>(*places_)}};
        return;
    }
    if (!node.is_sequence() || node.items.empty()) {
        read.error(node,
                   fmt::format("capacity must be {}, got {}", capacity_expected, describe(node)));
        return;
    }
    for (const Node& item : node.items) {
        if (!read.expect_map(item, "a capacity step", "{from: 2025-01-01, value: 3}"))
            continue;
        const Fields step(item, "capacity step", {"from", "value"}, read.diagnostics());
        const Node* from = step.required("from", "a date YYYY-MM-DD");
        const Node* value = step.required("value", "a whole number >= 0");
        std::optional<long long> places_ =
            value ? read.whole(*value, "capacity", 0, max_places) : std::nullopt;
        const auto date = from ? read.date(*from, "from") : std::nullopt;
        if (!date || !context.calendar)
            continue;
        const Days day = context.calendar->day_of(*date);
        if (day < 0) {
            read.error(*from, fmt::format("capacity step from {} is before the start {}",
                                          from->text, to_iso(context.calendar->start())));
            continue;
        }
        if (context.horizon && day >= *context.horizon) {
            read.error(*from, fmt::format("capacity step from {} is outside {}", from->text,
                                          context.horizon_text()));
            continue;
        }
        if (service.capacity.empty() && day > 0)
            read.error(*from, fmt::format("the first capacity step must be from the start date "
                                          "{}, got {}",
                                          to_iso(context.calendar->start()), from->text));
        else if (!service.capacity.empty() && day <= service.capacity.back().from)
            read.error(*from, fmt::format("capacity steps must be in date order: {} is not after "
                                          "{}",
                                          from->text,
                                          context.calendar->iso(service.capacity.back().from)));
        if (places_)
            service.capacity.push_back({day, static_cast<int>(*places_)});
        if (value)
            places.capacity = value->at;
    }
}

void read_queue(const Node& node, care::Service& service, ServicePlaces& places,
                const Context& context) {
    const Reader& read = context.read;
    if (!read.expect_map(node, "queue", "{max_length: unlimited, max_wait_days: 180}"))
        return;
    const Fields fields(node, "queue", {"max_length", "max_wait_days", "renege_to"},
                        read.diagnostics());
    if (const Node* length = fields["max_length"]) {
        if (length->is_scalar() && !length->quoted && length->text == "unlimited")
            service.max_queue = std::numeric_limits<std::size_t>::max();
        else if (auto n = parse_number(*length); n && *n >= 0 && std::floor(*n) == *n && *n < 1e15)
            service.max_queue = static_cast<std::size_t>(*n);
        else
            read.error(*length, fmt::format("max_length must be a whole number >= 0 or unlimited, "
                                            "got {}",
                                            describe(*length)));
    }
    if (const Node* wait = fields["max_wait_days"]) {
        places.max_wait = wait->at;
        service.max_wait = read.number_in(*wait, "max_wait_days", 0.0, inf).value_or(inf);
    }
    if (const Node* to = fields["renege_to"])
        service.renege_to =
            read_destination(*to, "renege_to", context).value_or(care::Destination{});
}

/// A retry more often than this wakes every waiting youth so often that a run never ends
/// (0.01 days is about 15 minutes; 1e-5 days took forever).
constexpr double min_retry_days = 0.01;

void read_substitution(const Node& node, care::Service& service, ServicePlaces& places,
                       const Context& context) {
    places.substitution = node.at;
    const Reader& read = context.read;
    if (!read.expect_map(node, "substitution", "{after_days: 28, to: [SERVICE, ...]}"))
        return;
    const Fields fields(node, "substitution", {"after_days", "to", "retry_days"},
                        read.diagnostics());
    care::Substitution s;
    if (const Node* after = fields["after_days"]) {
        places.substitution = after->at;
        s.after_days = read.number_in(*after, "after_days", 0.0, inf).value_or(0.0);
    }
    if (const Node* retry = fields["retry_days"])
        s.retry_days = read.number_in(*retry, "retry_days", min_retry_days, inf).value_or(7.0);
    if (const Node* to = fields.required("to", "a list of service ids")) {
        for (const Node* name :
             read.scalars(*to, "substitution.to").value_or(std::vector<const Node*>{}))
            if (auto d = read_destination(*name, "substitution.to", context, false))
                s.alternatives.push_back(d->service);
    }
    service.substitution = std::move(s);
}

void read_admission(const Node& node, care::Service& service, ServicePlaces& places,
                    const Context& context) {
    const Reader& read = context.read;
    places.admission = node.at;
    if (!read.expect_map(node, "admission", "{min_age: 12, max_age: 18, profiles: [B, C]}"))
        return;
    const Fields fields(node, "admission", {"min_age", "max_age", "profiles"}, read.diagnostics());
    if (const Node* min = fields["min_age"])
        service.min_age = read.number_in(*min, "min_age", 0.0, inf).value_or(0.0);
    if (const Node* max = fields["max_age"])
        service.max_age = read.number_in(*max, "max_age", 0.0, inf, true).value_or(inf);
    if (const Node* profiles = fields["profiles"]) {
        service.admits_profile.assign(context.scenario.profiles.size(), false);
        for (const Node* name :
             read.scalars(*profiles, "profiles").value_or(std::vector<const Node*>{}))
            if (auto p = read_profile(*name, "admission.profiles", context))
                service.admits_profile[*p] = true;
    }
}

/// cost_sharing: {solidarity_share: S}, the share of the cost the municipalities pay by youth
/// population; the rest is paid for their own youths (woonplaatsbeginsel).
void read_cost_sharing(const Node& node, care::Service& service, const Context& context) {
    const Reader& read = context.read;
    if (!read.expect_map(node, "cost_sharing", "{solidarity_share: 1.0}"))
        return;
    const Fields fields(node, "cost_sharing", {"solidarity_share"}, read.diagnostics());
    const Node* share = fields.required("solidarity_share", "a share between 0 and 1");
    if (!share)
        return;
    if (!context.scenario.reports_municipalities()) {
        read.error(*share, "cost_sharing: the scenario gives no municipalities with their youth "
                           "population to share the cost over (add a top-level 'municipalities: "
                           "[{name: ..., youths_0_17: ..., year: ...}]')");
        return;
    }
    service.solidarity_share = read.probability(*share, "solidarity_share").value_or(0.0);
}

void read_census(const Node& node, care::Service& service, const Context& context) {
    const Reader& read = context.read;
    if (!read.expect_map(node, "census", "{occupied: 95, waiting: 12}"))
        return;
    const Fields fields(node, "census",
                        {"occupied", "waiting", "region_weights", "profiles", "age_years"},
                        read.diagnostics());
    care::Census& census = service.census;
    if (const Node* occupied = fields["occupied"]) {
        if (auto n = read.whole(*occupied, "occupied", 0, max_places)) {
            census.occupied = static_cast<int>(*n);
            if (!service.capacity.empty() && census.occupied > service.capacity.front().value)
                read.error(*occupied, fmt::format("census.occupied {} exceeds the capacity on the "
                                                  "start date ({})",
                                                  *n, service.capacity.front().value));
        }
    }
    if (const Node* waiting = fields["waiting"]) {
        if (auto n = read.whole(*waiting, "waiting", 0, max_places)) {
            census.waiting = static_cast<int>(*n);
            if (static_cast<std::size_t>(*n) > service.max_queue)
                read.error(*waiting, fmt::format("census.waiting {} exceeds queue.max_length {}",
                                                 *n, service.max_queue));
        }
    }
    if (const Node* weights = fields["region_weights"])
        census.region_weights =
            read_region_weights(*weights, service, context).value_or(std::vector<double>{});
    if (const Node* mix = fields["profiles"])
        census.profile_weights =
            read_mix(*mix, "census.profiles", context.scenario.profiles, "profile", read)
                .value_or(std::vector<double>{});
    if (const Node* age = fields["age_years"])
        if (auto d = read_distribution(*age, "census.age_years", read)) {
            census.age_years = std::move(d->distribution);
            census.age_years_yaml = std::move(d->yaml);
        }
}

/// track: care (the default) or parallel, and what a parallel service cannot have: it is held
/// alongside care and left after its stay, so it has no kind of care, no route and no bridging.
void read_track(const Fields& fields, care::Service& service, const Reader& read) {
    if (const Node* track = fields["track"]) {
        if (track->is_scalar() && (track->text == "parallel" || track->text == "care"))
            service.parallel = track->text == "parallel";
        else
            read.error(*track,
                       fmt::format("track must be care or parallel, got {}", describe(*track)));
    }
    if (const Node* holds = fields["holds_placements"]) {
        service.holds_placements = read.boolean(*holds, "holds_placements").value_or(false);
        if (service.holds_placements && !service.parallel)
            read.error(*holds, "holds_placements needs track: parallel (a service whose list "
                               "youths wait on alongside their care)");
    }
    if (!service.parallel)
        return;
    auto exits = [](const care::Route& route) {
        return std::all_of(route.targets.begin(), route.targets.end(),
                           [](care::Destination d) { return d.is_exit(); });
    };
    bool routes_out = !exits(service.next.fallback);
    for (const auto& route : service.next.by_profile)
        routes_out = routes_out || (route && !exits(*route));
    struct NotHere {
        const char* key;
        const char* what;
        bool set;
    };
    const NotHere not_here[] = {
        {"kind", "kind: placement", service.kind == care::ServiceKind::placement},
        {"closed", "closed: true", service.closed},
        {"next", "route after the stay", routes_out},
        {"next_by_profile", "route after the stay", routes_out},
        {"overflow", "overflow route", !service.overflow.is_exit()},
        {"queue", "renege_to route", !service.renege_to.is_exit()},
        {"waiting", "bridging or blocking", service.bridging >= 0 || service.blocking},
        {"substitution", "substitution", service.substitution.has_value()},
        {"reentry_probability", "reentry_probability", service.reentry_probability.has_value()}};
    for (const NotHere& rule : not_here)
        if (const Node* node = fields[rule.key]; node && rule.set)
            read.error(*node, fmt::format("{}: a parallel service (track: parallel) has no {}: "
                                          "youths hold its place alongside their care and leave "
                                          "it after its stay",
                                          fields.what(), rule.what));
}

void convert_service(const Node& node, std::size_t index, Context& context) {
    const Reader& read = context.read;
    care::Service& service = context.scenario.services[index];
    ServicePlaces& places = context.service_places[index];
    places.item = places.capacity = places.next = places.admission = node.at;
    places.stay = places.max_wait = places.overflow = places.substitution = node.at;
    service.id = context.service_ids[index];
    const std::string what =
        service.id.empty() ? "service" : fmt::format("service '{}'", service.id);
    if (!read.expect_map(node, what, "{id: pleegzorg, capacity: 120, duration_days: 900}"))
        return;
    const Fields fields(node, what,
                        {"id",
                         "name",
                         "dutch",
                         "region",
                         "role",
                         "kind",
                         "closed",
                         "capacity",
                         "duration_days",
                         "duration_by_profile",
                         "admission",
                         "queue",
                         "overflow",
                         "waiting",
                         "substitution",
                         "next",
                         "next_by_profile",
                         "reentry_probability",
                         "aftercare",
                         "wait_norm_days",
                         "cost_per_day",
                         "cost_per_admission",
                         "cost_per_place_day",
                         "fixed_cost_per_year",
                         "cost_sharing",
                         "opens",
                         "census",
                         "track",
                         "holds_placements"},
                        read.diagnostics());
    if (const Node* id = fields.required("id", "a name unique among services"))
        read.text(*id, "id");
    if (const Node* name = fields["name"])
        service.name = read.text(*name, "name").value_or("");
    if (const Node* dutch = fields["dutch"])
        service.dutch = read.text(*dutch, "dutch").value_or("");
    if (const Node* region = fields["region"]) {
        places.region_given = true;
        service.region = read_region(*region, "region", context).value_or(-1);
    }
    if (const Node* role = fields["role"]) {
        places.role = role->at;
        service.role = read.text(*role, "role").value_or("");
        // 'exit' and an empty role are reported with the other role rules (check_roles).
        if (!service.role.empty() && service.role != "exit")
            if (const std::string problem = id_problem(service.role, "role"); !problem.empty())
                read.error(*role, problem);
    }
    if (const Node* kind = fields["kind"]) {
        if (kind->is_scalar() && kind->text == "placement")
            service.kind = care::ServiceKind::placement;
        else if (kind->is_scalar() && kind->text == "care_at_home")
            service.kind = care::ServiceKind::care_at_home;
        else
            read.error(*kind, fmt::format("kind must be placement or care_at_home, got {}",
                                          describe(*kind)));
    }
    if (const Node* closed = fields["closed"])
        service.closed = read.boolean(*closed, "closed").value_or(false);
    if (const Node* capacity = fields.required("capacity", capacity_expected))
        read_capacity(*capacity, service, places, context);
    if (const Node* stay = fields.required("duration_days", "a distribution like {dist: "
                                                            "exponential, mean: 30}"))
        if (places.stay = stay->at; auto d = read_distribution(*stay, "duration_days", read)) {
            service.stay = std::move(d->distribution);
            service.stay_yaml = std::move(d->yaml);
        }
    if (const Node* by_profile = fields["duration_by_profile"]) {
        auto reads = read_by_profile<DistributionRead>(
            *by_profile, "duration_by_profile", context,
            [&read](const Node& n) { return read_distribution(n, "duration_by_profile", read); });
        for (auto& d : reads) {
            service.stay_by_profile.push_back(d ? std::optional(d->distribution) : std::nullopt);
            service.stay_by_profile_yaml.push_back(d ? d->yaml : std::string());
        }
    }
    if (const Node* admission = fields["admission"])
        read_admission(*admission, service, places, context);
    if (const Node* queue = fields["queue"])
        read_queue(*queue, service, places, context);
    if (const Node* overflow = fields["overflow"]) {
        places.overflow = overflow->at;
        service.overflow =
            read_destination(*overflow, "overflow", context).value_or(care::Destination{});
    }
    if (const Node* waiting = fields["waiting"];
        waiting && read.expect_map(*waiting, "waiting", "{bridging: SERVICE, blocking: true}")) {
        const Fields w(*waiting, "waiting", {"bridging", "blocking"}, read.diagnostics());
        if (const Node* bridging = w["bridging"])
            if (auto d = read_destination(*bridging, "bridging", context, false)) {
                if (static_cast<std::size_t>(d->service) == index)
                    read.error(*bridging, "bridging: a service cannot bridge its own wait");
                service.bridging = d->service;
            }
        if (const Node* blocking = w["blocking"])
            service.blocking = read.boolean(*blocking, "blocking").value_or(false);
    }
    if (const Node* substitution = fields["substitution"])
        read_substitution(*substitution, service, places, context);
    service.next.fallback = {{care::Destination{}}, {1.0}};
    if (const Node* next = fields["next"]) {
        places.next = next->at;
        if (auto route = read_route(*next, "next", context, true))
            service.next.fallback = std::move(*route);
    }
    if (const Node* by_profile = fields["next_by_profile"])
        service.next.by_profile = read_by_profile<care::Route>(
            *by_profile, "next_by_profile", context,
            [&context](const Node& n) { return read_route(n, "next_by_profile", context, true); });
    if (const Node* reentry = fields["reentry_probability"]) {
        service.reentry_probability = read.probability(*reentry, "reentry_probability");
        if (service.reentry_probability.value_or(0.0) > 0 && context.scenario.reentry.source < 0)
            read.error(*reentry, "reentry_probability needs reentry.via: the referral channel "
                                 "through which youths come back");
    }
    if (const Node* aftercare = fields["aftercare"]) {
        if (fields["reentry_probability"])
            read.diagnostics().error(fields.key_position("aftercare"),
                                     "give either reentry_probability or aftercare (whose "
                                     "reentry_probability says the chance with and without "
                                     "aftercare), not both");
        read_aftercare(*aftercare, service, context);
    }
    if (const Node* norm = fields["wait_norm_days"])
        service.wait_norm_days = read.number_in(*norm, "wait_norm_days", 0.0, inf);
    if (const Node* cost = fields["cost_per_day"])
        service.cost_per_day = read.number_in(*cost, "cost_per_day", 0.0, inf).value_or(0.0);
    if (const Node* cost = fields["cost_per_admission"])
        service.cost_per_admission =
            read.number_in(*cost, "cost_per_admission", 0.0, inf).value_or(0.0);
    if (const Node* cost = fields["cost_per_place_day"])
        service.cost_per_place_day =
            read.number_in(*cost, "cost_per_place_day", 0.0, inf).value_or(0.0);
    if (const Node* cost = fields["fixed_cost_per_year"])
        service.fixed_cost_per_year =
            read.number_in(*cost, "fixed_cost_per_year", 0.0, inf).value_or(0.0);
    if (const Node* sharing = fields["cost_sharing"])
        read_cost_sharing(*sharing, service, context);
    if (const Node* opens = fields["opens"])
        service.opens = context.day_in_horizon(*opens, "opens");
    if (const Node* census = fields["census"])
        read_census(*census, service, context);

    read_track(fields, service, read);

    places.restricted = service.min_age > 0 || service.max_age < inf ||
                        !service.admits_profile.empty() || service.opens ||
                        service.max_queue != std::numeric_limits<std::size_t>::max();
}

} // namespace

void convert_services(const Node& list, Context& context) {
    if (!list.is_sequence() || list.items.empty()) {
        context.read.error(list, fmt::format("services must be a list of at least one service "
                                             "[{{id: ..., capacity: ..., duration_days: ...}}], "
                                             "got {}",
                                             describe(list)));
        return;
    }
    context.scenario.services.resize(list.items.size());
    context.service_places.resize(list.items.size());
    for (std::size_t i = 0; i < list.items.size(); ++i) {
        const std::size_t first_route = context.route_uses.size();
        convert_service(list.items[i], i, context);
        mark_routes(context, first_route, RouteUse::From::service, static_cast<int>(i));
    }
}

} // namespace zorgsim::scenario
