// Checks of the network as a whole, made once every section is converted: admission ages
// that no youth can have, and services from which no route ever leads out of care. With
// regions, a route to a service with a role leads to that role's service in the youth's own
// region, so both follow each region's youths through the network as the model sends them.
#include <algorithm>
#include <limits>
#include <queue>

#include <fmt/format.h>

#include "convert.hpp"
#include "yaml_text.hpp"

namespace zorgsim::scenario {

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

void add_route(const care::Route& route, std::vector<int>& out) {
    for (std::size_t k = 0; k < route.targets.size(); ++k)
        if (route.probabilities[k] > 0)
            out.push_back(route.targets[k].service); // -1 for exit
}

void add_table(const care::RoutingTable& table, std::vector<int>& out) {
    add_route(table.fallback, out);
    for (const auto& route : table.by_profile)
        if (route)
            add_route(*route, out);
}

/// Where a youth can go from service i (-1: out of care). Overflow counts only when the
/// service can turn arrivals away (a bounded list or admission rules), reneging only with a
/// maximum wait: a default `overflow: exit` is no way out of a service that admits everyone.
std::vector<int> moves_from(const care::Service& service, const ServicePlaces& places) {
    std::vector<int> out;
    add_table(service.next, out);
    if (places.restricted)
        out.push_back(service.overflow.service);
    if (service.max_wait < inf)
        out.push_back(service.renege_to.service);
    if (service.substitution)
        for (int alternative : service.substitution->alternatives)
            out.push_back(alternative);
    return out;
}

std::string age_text(double age) {
    return number_text(age);
}

/// The age at which youth care ends for everyone, with extended care.
double last_care_age(const care::Population& population) {
    return population.extended_probability > 0
               ? std::max(population.exit_age, population.extended_until)
               : population.exit_age;
}

std::string care_end_text(const care::Population& population) {
    std::string text = fmt::format("exit_age {}", age_text(population.exit_age));
    if (population.extended_probability > 0 && population.extended_until > population.exit_age)
        text += fmt::format(", extended care until {}", age_text(population.extended_until));
    return text;
}

} // namespace

void check_ages(Context& context) {
    const care::Scenario& s = context.scenario;
    const Reader& read = context.read;
    const double last_age = last_care_age(s.population);
    for (std::size_t i = 0; i < s.sources.size() && i < context.source_places.size(); ++i)
        if (context.population_given && context.source_places[i].lowest_age >= last_age)
            read.diagnostics().error(
                context.source_places[i].age,
                fmt::format("every referral from source '{}' is at least {} years old, when "
                            "youth care has ended ({})",
                            s.sources[i].id, age_text(context.source_places[i].lowest_age),
                            care_end_text(s.population)));

    // The youngest age at which a referral can reach each service: ages only go up.
    std::vector<double> youngest(s.services.size(), inf);
    std::vector<int> youngest_source(s.services.size(), -1);
    for (std::size_t src = 0; src < s.sources.size() && src < context.source_places.size(); ++src) {
        const double age = context.source_places[src].lowest_age;
        const std::vector<int> own = counterparts_in(s, s.sources[src].region);
        std::vector<int> first;
        add_table(s.sources[src].to, first);
        std::vector<bool> seen(s.services.size(), false);
        std::queue<int> todo;
        for (int j : first)
            todo.push(j);
        while (!todo.empty()) {
            int j = todo.front();
            todo.pop();
            if (j < 0 || static_cast<std::size_t>(j) >= s.services.size())
                continue;
            j = own[static_cast<std::size_t>(j)];
            if (seen[j])
                continue;
            seen[j] = true;
            if (age < youngest[j]) {
                youngest[j] = age;
                youngest_source[j] = static_cast<int>(src);
            }
            for (int k : moves_from(s.services[j], context.service_places[j]))
                todo.push(k);
            if (s.services[j].bridging >= 0)
                todo.push(s.services[j].bridging);
        }
    }

    for (std::size_t i = 0; i < s.services.size(); ++i) {
        const care::Service& service = s.services[i];
        const Position& at = context.service_places[i].admission;
        if (service.min_age >= service.max_age) {
            read.diagnostics().error(at, fmt::format("no youth can be admitted to '{}': min_age {} "
                                                     "is not below max_age {} (max_age is "
                                                     "exclusive)",
                                                     service.id, age_text(service.min_age),
                                                     age_text(service.max_age)));
        } else if (service.min_age >= last_age) {
            read.diagnostics().error(at, fmt::format("no youth can be admitted to '{}': min_age {} "
                                                     "is not below the age at which youth care "
                                                     "ends ({})",
                                                     service.id, age_text(service.min_age),
                                                     care_end_text(s.population)));
        } else if (youngest_source[i] >= 0 && youngest[i] >= service.max_age) {
            read.diagnostics().error(
                at, fmt::format("no youth can be admitted to '{}': the youngest referrals that "
                                "reach it are {} years old (source '{}'), max_age is {}",
                                service.id, age_text(youngest[i]), s.sources[youngest_source[i]].id,
                                age_text(service.max_age)));
        }
    }
}

void check_exits(Context& context) {
    const care::Scenario& s = context.scenario;
    const std::size_t n = s.services.size();
    // Without regions one look at the network; with them one per region, at the services its
    // youths can use, where the same trap in shared services is reported once.
    std::vector<int> regions;
    if (s.regions.empty())
        regions.push_back(-1);
    for (std::size_t r = 0; r < s.regions.size(); ++r)
        regions.push_back(static_cast<int>(r));
    std::vector<std::vector<std::size_t>> reported;
    for (int region : regions) {
        const std::vector<int> own = counterparts_in(s, region);
        std::vector<std::vector<int>> moves(n);
        for (std::size_t i = 0; i < n; ++i) {
            moves[i] = moves_from(s.services[i], context.service_places[i]);
            for (int& j : moves[i])
                if (j >= 0 && static_cast<std::size_t>(j) < n)
                    j = own[static_cast<std::size_t>(j)];
        }
        // Fixed point: a service has a way out if a move leads out of care or to one that has.
        std::vector<bool> way_out(n, false);
        for (bool changed = true; changed;) {
            changed = false;
            for (std::size_t i = 0; i < n; ++i) {
                if (way_out[i])
                    continue;
                for (int j : moves[i])
                    if (j < 0 || static_cast<std::size_t>(j) >= n || way_out[j]) {
                        way_out[i] = changed = true;
                        break;
                    }
            }
        }
        std::vector<std::size_t> trapped;
        for (std::size_t i = 0; i < n; ++i)
            if (!way_out[i] && !s.services[i].id.empty() &&
                (region < 0 || s.services[i].region < 0 || s.services[i].region == region))
                trapped.push_back(i);
        if (trapped.empty() ||
            std::find(reported.begin(), reported.end(), trapped) != reported.end())
            continue;
        reported.push_back(trapped);
        std::vector<std::string> names;
        for (std::size_t i : trapped)
            names.push_back(fmt::format("'{}'", s.services[i].id));
        const bool shared_only = std::all_of(trapped.begin(), trapped.end(), [&s](std::size_t i) {
            return s.services[i].region < 0;
        });
        const std::string whose = region < 0 || shared_only
                                      ? std::string("youths")
                                      : fmt::format("youths of region '{}'",
                                                    s.regions[static_cast<std::size_t>(region)].id);
        context.read.diagnostics().error(
            context.service_places[trapped.front()].next,
            fmt::format("routing cycle with no way out: {} in {} never leave care (no next, "
                        "overflow, renege_to or substitution route reaches exit)",
                        whose, fmt::join(names, ", ")));
    }
}

} // namespace zorgsim::scenario
