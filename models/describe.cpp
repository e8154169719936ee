#include "zorgsim/model/describe.hpp"

#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "zorgsim/engine/calendar.hpp"

namespace zorgsim::care {

namespace {

std::string destination_name(const Scenario& scenario, Destination d) {
    if (d.is_exit())
        return "out of care";
    const Service& service = scenario.services[static_cast<std::size_t>(d.service)];
    // A route to a service with a role leads to that role's service in the youth's own region.
    if (!scenario.regions.empty() && !service.role.empty())
        return service.role + " (own region)";
    return service.id;
}

std::string region_tag(const Scenario& scenario, int region) {
    return region < 0 ? std::string()
                      : " {" + scenario.regions[static_cast<std::size_t>(region)].id + "}";
}

std::string route_text(const Scenario& scenario, const Route& route) {
    std::string text;
    for (std::size_t i = 0; i < route.targets.size(); ++i) {
        if (i)
            text += ", ";
        text += fmt::format("{:.0f}% {}", 100.0 * route.probabilities[i],
                            destination_name(scenario, route.targets[i]));
    }
    return text.empty() ? "out of care" : text;
}

void describe_routing(const Scenario& scenario, const RoutingTable& table, const std::string& what,
                      std::vector<std::string>& lines) {
    lines.push_back(fmt::format("    {}: {}", what, route_text(scenario, table.fallback)));
    for (std::size_t p = 0; p < table.by_profile.size(); ++p)
        if (table.by_profile[p])
            lines.push_back(fmt::format("      profile {}: {}", scenario.profiles[p],
                                        route_text(scenario, *table.by_profile[p])));
}

std::string policy_text(const Scenario& scenario, const PolicyChange& change) {
    if (!change.description.empty())
        return change.description;
    const auto service = [&] {
        return change.service >= 0 ? scenario.services[static_cast<std::size_t>(change.service)].id
                                   : std::string("?");
    };
    switch (change.kind) {
    case PolicyChange::Kind::inflow:
        return fmt::format(
            "referrals x {:g}{}", change.value,
            change.annual_change != 0.0
                ? fmt::format(", {:+g}% a year from this date", 100.0 * change.annual_change)
                : std::string());
    case PolicyChange::Kind::routing_shift:
        return fmt::format(
            "{:.0f}% of routes from {} to {} now go to {}", 100.0 * change.value,
            change.source >= 0 ? scenario.sources[static_cast<std::size_t>(change.source)].id
                               : service(),
            destination_name(scenario, change.from), destination_name(scenario, change.to));
    case PolicyChange::Kind::stay_multiplier:
        return fmt::format("stays in {} x {:g}", service(), change.value);
    case PolicyChange::Kind::admission_stop:
        return change.stop ? fmt::format("admission stop for {}", service())
                           : fmt::format("{} admits again", service());
    case PolicyChange::Kind::staff_available:
        return fmt::format("{:.0f}% of {}'s places staffed", 100.0 * change.value, service());
    case PolicyChange::Kind::capacity:
        return fmt::format("{} capacity set to {:g}", service(), change.value);
    case PolicyChange::Kind::prices: {
        std::vector<std::string> ids;
        for (int s : change.services)
            ids.push_back(scenario.services[static_cast<std::size_t>(s)].id);
        return fmt::format("prices of {} {:+g}%",
                           ids.empty() ? std::string("every service")
                                       : fmt::format("{}", fmt::join(ids, ", ")),
                           100.0 * change.value);
    }
    case PolicyChange::Kind::recruitment:
        return change.absolute
                   ? fmt::format("{} recruits {:g} places a year", service(), change.value)
                   : fmt::format("{} recruitment x {:g}", service(), change.value);
    case PolicyChange::Kind::aftercare:
        return fmt::format(
            "aftercare after {}:{}{}", service(),
            change.share ? fmt::format(" {:.0f}% get it", 100.0 * *change.share) : std::string(),
            change.months ? fmt::format(" {:g} months", *change.months) : std::string());
    }
    return "?";
}

} // namespace

std::vector<std::pair<std::string, std::string>> policy_timeline(const Scenario& scenario) {
    const Calendar calendar(scenario.start);
    std::vector<std::pair<std::string, std::string>> timeline;
    for (const auto& change : scenario.policies)
        timeline.emplace_back(calendar.iso(change.at), policy_text(scenario, change));
    // A capacity policy is also a step of its service's capacity schedule: each step once.
    const auto is_policy = [&](std::size_t service, const auto& step) {
        for (const auto& change : scenario.policies)
            if (change.kind == PolicyChange::Kind::capacity &&
                change.service == static_cast<int>(service) && change.at == step.from)
                return true;
        return false;
    };
    for (std::size_t s = 0; s < scenario.services.size(); ++s) {
        const auto& service = scenario.services[s];
        for (std::size_t i = 1; i < service.capacity.size(); ++i)
            if (!is_policy(s, service.capacity[i]))
                timeline.emplace_back(
                    calendar.iso(service.capacity[i].from),
                    fmt::format("{} capacity becomes {}", service.id, service.capacity[i].value));
    }
    std::stable_sort(timeline.begin(), timeline.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    return timeline;
}

std::vector<std::string> describe(const Scenario& scenario) {
    const Calendar calendar(scenario.start);
    std::vector<std::string> lines;
    lines.push_back(fmt::format("{} ({})", scenario.title.empty() ? scenario.name : scenario.title,
                                scenario.name));
    lines.push_back(fmt::format(
        "  from {} to {} ({:g} days), reported per {}{}", to_iso(scenario.start),
        calendar.iso(scenario.horizon_days), scenario.horizon_days, to_string(scenario.period),
        scenario.warmup_days > 0
            ? fmt::format(", after a warm-up of {:g} days", scenario.warmup_days)
            : std::string()));
    lines.push_back(fmt::format("  {} replications from seed {}; wait norm {:g} days",
                                scenario.replications, scenario.seed, scenario.wait_norm_days));
    {
        std::vector<std::string> norms;
        for (const auto& service : scenario.services)
            if (service.wait_norm_days)
                norms.push_back(fmt::format("{} {:g}", service.id, *service.wait_norm_days));
        if (!norms.empty())
            lines.push_back(
                fmt::format("  wait norms of their own (days): {}", fmt::join(norms, ", ")));
    }
    if (std::isfinite(scenario.population.exit_age))
        lines.push_back(fmt::format(
            "  youth care ends at {:g}; {:.0f}% continue in extended care until {:g}; {:.0f}% of "
            "those aging out move to adult support",
            scenario.population.exit_age, 100.0 * scenario.population.extended_probability,
            scenario.population.extended_until,
            100.0 * scenario.population.adult_support_probability));
    if (scenario.reentry.source >= 0 && scenario.reentry.probability > 0)
        lines.push_back(fmt::format(
            "  {:.0f}% of leavers come back after {} days, via {}",
            100.0 * scenario.reentry.probability, scenario.reentry.delay_days.describe(),
            scenario.sources[static_cast<std::size_t>(scenario.reentry.source)].id));
    if (scenario.prices.indexation_per_year != 0.0)
        lines.push_back(fmt::format("  prices rise {:+g}% on each 1 January after the start",
                                    100.0 * scenario.prices.indexation_per_year));

    if (!scenario.regions.empty()) {
        std::string regions, shared;
        for (const auto& region : scenario.regions)
            regions +=
                (regions.empty() ? "" : ", ") + region.id +
                (region.name.empty() || region.name == region.id ? "" : " (" + region.name + ")");
        for (const auto& service : scenario.services)
            if (service.region < 0)
                shared += (shared.empty() ? "" : ", ") + service.id;
        lines.push_back(fmt::format("  regions: {}", regions));
        lines.push_back(fmt::format("  shared by every region: {}",
                                    shared.empty() ? std::string("nothing") : shared));
    }

    lines.push_back("Referral channels");
    for (const auto& source : scenario.sources) {
        lines.push_back(fmt::format(
            "  {}{}{}: {}{}{}", source.id, region_tag(scenario, source.region),
            source.name.empty() ? "" : " (" + source.name + ")",
            source.interarrival ? "one referral every " + source.interarrival->describe() + " days"
                                : fmt::format("{:g} referrals a year", source.rate_per_year),
            source.crisis ? ", all crises" : "",
            source.protection_share > 0 ? fmt::format(", {:.0f}% under a protection measure",
                                                      100.0 * source.protection_share)
                                        : std::string()));
        if (source.measure >= 0)
            lines.push_back(fmt::format(
                "    under a new measure ({:.0f}% of those protected): waits for a guardian in {}",
                100.0 * source.new_measure_share,
                scenario.services[static_cast<std::size_t>(source.measure)].id));
        if (source.investigation >= 0)
            lines.push_back(
                fmt::format("    investigated in {} alongside care",
                            scenario.services[static_cast<std::size_t>(source.investigation)].id));
        if (source.track_only)
            lines.push_back("    no care: its youths only hold that track");
        else
            describe_routing(scenario, source.to, "first to", lines);
    }

    lines.push_back("Services");
    for (const auto& service : scenario.services) {
        lines.push_back(fmt::format("  {}{}{}{}: {}{}, {} place(s) at the start, stay {} days",
                                    service.id, region_tag(scenario, service.region),
                                    service.name.empty() ? "" : " (" + service.name + ")",
                                    service.dutch.empty() ? "" : " [" + service.dutch + "]",
                                    service.parallel                         ? "held alongside care"
                                    : service.kind == ServiceKind::placement ? "placement with stay"
                                                                             : "care at home",
                                    service.closed ? ", closed" : "",
                                    service.capacity.empty() ? 0 : service.capacity.front().value,
                                    service.stay.describe()));
        if (service.census.occupied + service.census.waiting > 0)
            lines.push_back(fmt::format("    today: {} in care, {} waiting",
                                        service.census.occupied, service.census.waiting));
        if (service.min_age > 0 || std::isfinite(service.max_age))
            lines.push_back(
                fmt::format("    admits ages {:g} to {:g}", service.min_age, service.max_age));
        if (service.bridging >= 0)
            lines.push_back(fmt::format("    while waiting at home: bridging care in {}",
                                        destination_name(scenario, Destination{service.bridging})));
        if (service.blocking)
            lines.push_back("    a youth waiting for the next place keeps its place here");
        if (service.pool)
            lines.push_back(fmt::format(
                "    a pool of places: {:g} new a year, each stops at {:g} a year (a free place "
                "at once, an occupied one when its youth leaves)",
                service.pool->recruitment_per_year, service.pool->attrition_per_year));
        if (const auto& a = service.aftercare)
            lines.push_back(fmt::format(
                "    {:.0f}% of those who leave care from here get {:g} months of aftercare; "
                "re-entry {:.0f}% without, {:.0f}% with ({:+g} points a month more, at least "
                "{:.0f}%)",
                100.0 * a->share, a->months, 100.0 * a->reentry_without, 100.0 * a->reentry_with,
                100.0 * a->per_month, 100.0 * a->reentry_min));
        if (service.holds_placements)
            lines.push_back("    a youth waiting here is placed nowhere until it has a place here");
        if (service.substitution) {
            std::string alternatives;
            for (int a : service.substitution->alternatives)
                alternatives +=
                    (alternatives.empty() ? "" : ", ") + destination_name(scenario, Destination{a});
            lines.push_back(fmt::format("    after {:g} days of waiting: {} if a place is free",
                                        service.substitution->after_days, alternatives));
        }
        if (service.cost_per_day > 0 || service.cost_per_admission > 0)
            lines.push_back(fmt::format("    costs EUR {:g} a day, EUR {:g} an admission",
                                        service.cost_per_day, service.cost_per_admission));
        if (service.cost_per_place_day > 0 || service.fixed_cost_per_year > 0)
            lines.push_back(fmt::format("    contracts EUR {:g} a place a day (used or not), EUR "
                                        "{:g} a year fixed",
                                        service.cost_per_place_day, service.fixed_cost_per_year));
        describe_routing(scenario, service.next, "then", lines);
    }

    const auto timeline = policy_timeline(scenario);
    if (!timeline.empty()) {
        lines.push_back("Policy timeline");
        for (const auto& [date, text] : timeline)
            lines.push_back(fmt::format("  {}: {}", date, text));
    }
    return lines;
}

} // namespace zorgsim::care
