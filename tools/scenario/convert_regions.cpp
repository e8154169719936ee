// regions: youth-care regions (jeugdzorgregio's) in one landscape. A youth belongs to the
// region of the source that referred it and only uses its own region's services and the
// shared ones. A route to a service with a role leads each youth to the service with that role
// in its own region (the model remaps it at run time), so the checks here make sure such a
// service exists wherever a youth can be sent, and that no route sends a youth into another
// region's service that has no counterpart.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include <fmt/format.h>

#include "convert.hpp"
#include "nearest.hpp"

namespace zorgsim::scenario {

namespace {

const char* const no_regions = "the scenario has no regions (add a top-level 'regions: [{id: "
                               "..., name: ...}]')";

void check_region_id(const Node& id, const std::string& text, const Context& context) {
    const Reader& read = context.read;
    const auto& services = context.service_ids;
    if (const std::string problem = id_problem(text, "region"); !problem.empty())
        read.error(id, problem);
    else if (std::find(services.begin(), services.end(), text) != services.end())
        read.error(id, fmt::format("region id '{}' is also a service id: the output files report "
                                   "regions and services side by side, so their ids must differ",
                                   text));
}

/// Whose youths take a route: those of `region`, or of every region (-1).
struct Origin {
    bool known = false; ///< false: not a route, or from a source whose region is missing
    int region = -1;
    std::string who; ///< for messages: whose youths come from every region
};

Origin origin_of(const RouteUse& use, const care::Scenario& s) {
    if (use.from == RouteUse::From::service) {
        const care::Service& from = s.services[static_cast<std::size_t>(use.origin)];
        return {true, from.region, fmt::format("shared service '{}' serves", from.id)};
    }
    if (use.from == RouteUse::From::source) {
        const care::Source& from = s.sources[static_cast<std::size_t>(use.origin)];
        // Youths keep their region when they come back, whichever channel brings them.
        if (use.origin == s.reentry.source)
            return {true, -1, fmt::format("source '{}' (reentry.via) brings back", from.id)};
        // A source without a region is reported where it is written.
        return {from.region >= 0, from.region, {}};
    }
    return {};
}

/// For each role, the service that has it in each region (-1: none).
std::map<std::string, std::vector<int>> counterparts(const care::Scenario& s) {
    std::map<std::string, std::vector<int>> table;
    for (std::size_t i = 0; i < s.services.size(); ++i) {
        const care::Service& service = s.services[i];
        if (service.role.empty() || service.region < 0)
            continue;
        auto& in_region = table.try_emplace(service.role, s.regions.size(), -1).first->second;
        int& slot = in_region[static_cast<std::size_t>(service.region)];
        if (slot < 0)
            slot = static_cast<int>(i);
    }
    return table;
}

void check_roles(Context& context) {
    const care::Scenario& s = context.scenario;
    const Reader& read = context.read;
    std::map<std::pair<std::string, int>, std::size_t> taken; // (role, region) -> service
    for (std::size_t i = 0; i < s.services.size(); ++i) {
        const care::Service& service = s.services[i];
        const auto& at = context.service_places[i].role;
        if (!at)
            continue;
        const std::string& role = service.role;
        if (role.empty() || role == "exit") {
            read.diagnostics().error(*at, fmt::format("role must be a name other than 'exit' (a "
                                                      "route naming it must not read as leaving "
                                                      "care), got '{}'",
                                                      role));
            continue;
        }
        if (service.region < 0) {
            if (context.service_places[i].region_given)
                continue; // a region that does not exist, reported there
            read.diagnostics().error(*at, fmt::format("service '{}' has role '{}' but no region: "
                                                      "a shared service has no counterparts; "
                                                      "role needs a region",
                                                      service.id, role));
            continue;
        }
        const auto& ids = context.service_ids;
        if (const auto named = std::find(ids.begin(), ids.end(), role); named != ids.end()) {
            const care::Service& other = s.services[static_cast<std::size_t>(named - ids.begin())];
            if (other.role != role)
                read.diagnostics().error(
                    *at, fmt::format("role '{}' is also the id of service '{}', which does not "
                                     "have that role: a route naming '{}' would be ambiguous",
                                     role, other.id, role));
        }
        const auto [first, fresh] = taken.try_emplace({role, service.region}, i);
        if (!fresh) {
            const Position& earlier = *context.service_places[first->second].role;
            read.diagnostics().error(
                *at, fmt::format("role '{}' is already taken in region '{}' by service '{}' (at "
                                 "{}:{}): a region has one service per role",
                                 role, s.regions[static_cast<std::size_t>(service.region)].id,
                                 s.services[first->second].id, earlier.file, earlier.line));
        }
    }
}

void check_routes(Context& context) {
    const care::Scenario& s = context.scenario;
    const Reader& read = context.read;
    const auto table = counterparts(s);
    std::set<std::pair<std::string, int>> reported; // (role, region): once is enough
    auto region_id = [&s](int r) { return s.regions[static_cast<std::size_t>(r)].id; };

    for (const RouteUse& use : context.route_uses) {
        if (use.service < 0 || static_cast<std::size_t>(use.service) >= s.services.size())
            continue;
        const care::Service& target = s.services[static_cast<std::size_t>(use.service)];
        const Origin origin = origin_of(use, s);
        const bool crosses = origin.known && target.region >= 0 &&
                             (origin.region < 0 || origin.region != target.region);
        if (crosses && target.role.empty()) {
            const std::string who =
                origin.region >= 0
                    ? fmt::format("youths of region '{}' cannot be sent", region_id(origin.region))
                    : fmt::format("{} youths of every region, so it cannot send them", origin.who);
            read.diagnostics().error(
                use.at, fmt::format("{}: {} to '{}', a service of region '{}' without a role (a "
                                    "youth only uses its own region's services and the shared "
                                    "ones)",
                                    use.what, who, use.name, region_id(target.region)));
            continue;
        }
        const std::string& role = use.by_role ? use.name : target.role;
        const auto found = table.find(role);
        if (found == table.end())
            continue; // a role of shared services only, reported at the role
        std::vector<int> needed;
        if (use.by_role || (crosses && origin.region < 0)) {
            for (std::size_t r = 0; r < s.regions.size(); ++r)
                needed.push_back(static_cast<int>(r));
        } else if (crosses) {
            needed.push_back(origin.region);
        }
        for (int r : needed) {
            if (found->second[static_cast<std::size_t>(r)] >= 0 ||
                !reported.insert({role, r}).second)
                continue;
            const std::string message =
                use.by_role
                    ? fmt::format("{}: role '{}' has no service in region '{}' (a route to a "
                                  "role leads each youth to the service with that role in its "
                                  "own region)",
                                  use.what, role, region_id(r))
                    : fmt::format("{}: '{}' leads youths of region '{}' to their own region's "
                                  "service with role '{}', but role '{}' has no service in "
                                  "region '{}'",
                                  use.what, use.name, region_id(r), role, role, region_id(r));
            read.diagnostics().error(use.at, message);
        }
    }
}

} // namespace

void convert_regions(const Node& list, Context& context) {
    const Reader& read = context.read;
    if (!list.is_sequence()) {
        read.error(list, fmt::format("regions must be a list [{{id: ..., name: ...}}], got {}",
                                     describe(list)));
        return;
    }
    auto& regions = context.scenario.regions;
    regions.resize(list.items.size());
    for (std::size_t i = 0; i < list.items.size(); ++i) {
        const Node& item = list.items[i];
        care::Region& region = regions[i];
        region.id = i < context.region_ids.size() ? context.region_ids[i] : std::string();
        const std::string what =
            region.id.empty() ? "region" : fmt::format("region '{}'", region.id);
        if (!read.expect_map(item, what, "{id: westfriesland, name: Westfriesland}"))
            continue;
        const Fields fields(item, what, {"id", "name"}, read.diagnostics());
        if (const Node* id = fields.required("id", "a name unique among regions"))
            if (const auto text = read.text(*id, "id"))
                check_region_id(*id, *text, context);
        region.name = region.id;
        if (const Node* name = fields["name"])
            region.name = read.text(*name, "name").value_or(region.id);
    }
}

std::optional<int> read_region(const Node& node, std::string_view what, const Context& context) {
    const auto& ids = context.region_ids;
    if (ids.empty()) {
        context.read.error(node, fmt::format("{}: {}", what, no_regions));
        return std::nullopt;
    }
    if (node.is_scalar())
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (ids[i] == node.text)
                return static_cast<int>(i);
    context.read.error(node, fmt::format("{}: unknown region {}{}", what, describe(node),
                                         did_you_mean(node.text, ids)));
    return std::nullopt;
}

std::optional<std::vector<double>>
read_region_weights(const Node& node, const care::Service& service, const Context& context) {
    const Reader& read = context.read;
    const auto& ids = context.region_ids;
    constexpr std::string_view what = "census.region_weights";
    if (ids.empty()) {
        read.error(node, fmt::format("{}: {}", what, no_regions));
        return std::nullopt;
    }
    if (service.region >= 0) {
        read.error(node,
                   fmt::format("{}: service '{}' belongs to region '{}', so its census "
                               "youths all come from there; region_weights is for shared "
                               "services",
                               what, service.id, ids[static_cast<std::size_t>(service.region)]));
        return std::nullopt;
    }
    if (!read.expect_map(node, what, "{REGION: 3, ...}"))
        return std::nullopt;
    std::vector<double> weights(ids.size(), 0.0);
    bool ok = true;
    double total = 0.0;
    for (const Entry& entry : node.entries) {
        const auto found = std::find(ids.begin(), ids.end(), entry.key);
        if (found == ids.end()) {
            read.diagnostics().error(entry.key_at,
                                     fmt::format("{}: unknown region '{}'{}", what, entry.key,
                                                 did_you_mean(entry.key, ids)));
            ok = false;
            continue;
        }
        const std::string weight = fmt::format("weight of '{}'", entry.key);
        const auto w =
            read.number_in(entry.value, weight, 0.0, std::numeric_limits<double>::infinity());
        if (w && std::isinf(*w))
            read.error(entry.value,
                       fmt::format("{} must be a finite number, got {}", weight, entry.value.text));
        if (!w || std::isinf(*w)) {
            ok = false;
            continue;
        }
        weights[static_cast<std::size_t>(found - ids.begin())] = *w;
        total += *w;
    }
    if (ok && total <= 0.0) {
        read.error(node, fmt::format("{}: every weight is 0; give at least one region a weight "
                                     "above 0",
                                     what));
        ok = false;
    }
    return ok ? std::optional(weights) : std::nullopt;
}

std::vector<int> counterparts_in(const care::Scenario& s, int region) {
    std::vector<int> to(s.services.size());
    for (std::size_t j = 0; j < s.services.size(); ++j) {
        to[j] = static_cast<int>(j);
        const care::Service& service = s.services[j];
        if (region < 0 || service.role.empty() || service.region < 0)
            continue;
        for (std::size_t k = 0; k < s.services.size(); ++k)
            if (s.services[k].region == region && s.services[k].role == service.role) {
                to[j] = static_cast<int>(k);
                break;
            }
    }
    return to;
}

void check_regions(Context& context) {
    check_roles(context);
    if (!context.scenario.regions.empty())
        check_routes(context);
}

} // namespace zorgsim::scenario
