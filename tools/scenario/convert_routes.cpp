// Names that refer to other parts of the scenario (services, profiles, municipalities) and
// the probability tables built from them.
#include <algorithm>
#include <cmath>
#include <iterator>
#include <unordered_map>

#include <fmt/format.h>

#include "convert.hpp"
#include "nearest.hpp"

namespace zorgsim::scenario {

namespace {
constexpr double sum_tolerance = 1e-6; // docs/scenario-format.md: "within 1e-6"
}

std::string Context::horizon_text() const {
    if (!calendar || !horizon)
        return "the horizon";
    return fmt::format("the horizon {} .. {}", to_iso(calendar->start()), calendar->iso(*horizon));
}

std::optional<Days> Context::day_in_horizon(const Node& node, std::string_view what,
                                            bool allow_end) const {
    const auto date = read.date(node, what);
    if (!date || !calendar)
        return std::nullopt;
    const Days day = calendar->day_of(*date);
    if (horizon && (day < 0 || day > *horizon || (day == *horizon && !allow_end))) {
        read.error(node, fmt::format("{} {} is outside {}", what, node.text, horizon_text()));
        return std::nullopt;
    }
    if (day < 0) {
        read.error(node, fmt::format("{} {} is before the start {}", what, node.text,
                                     to_iso(calendar->start())));
        return std::nullopt;
    }
    return day;
}

std::optional<care::Destination> read_destination(const Node& node, std::string_view what,
                                                  const Context& context, bool allow_exit,
                                                  bool allow_role) {
    if (!node.is_scalar()) {
        context.read.error(node, fmt::format("{} must be a service id{}, got {}", what,
                                             allow_exit ? " or exit" : "", describe(node)));
        return std::nullopt;
    }
    if (allow_exit && node.text == "exit")
        return care::Destination{};
    auto found = [&](std::size_t i, bool by_role) {
        context.route_uses.push_back({node.at, std::string(what), node.text, static_cast<int>(i),
                                      by_role, RouteUse::From::nowhere, -1});
        return care::Destination{static_cast<int>(i)};
    };
    const auto& ids = context.service_ids;
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (ids[i] == node.text)
            return found(i, false);
    const auto& roles = context.service_roles;
    if (allow_role && !node.text.empty())
        for (std::size_t i = 0; i < roles.size(); ++i)
            if (roles[i] == node.text)
                return found(i, true);
    std::vector<std::string> known = ids;
    if (allow_role)
        std::copy_if(roles.begin(), roles.end(), std::back_inserter(known),
                     [](const std::string& role) { return !role.empty(); });
    if (allow_exit)
        known.push_back("exit");
    context.read.error(node, fmt::format("{}: unknown service '{}'{}", what, node.text,
                                         did_you_mean(node.text, known)));
    return std::nullopt;
}

void mark_routes(const Context& context, std::size_t first, RouteUse::From from, int origin) {
    for (std::size_t i = first; i < context.route_uses.size(); ++i) {
        context.route_uses[i].from = from;
        context.route_uses[i].origin = origin;
    }
}

std::optional<int> read_source(const Node& node, std::string_view what, const Context& context) {
    const auto& ids = context.source_ids;
    if (node.is_scalar())
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (ids[i] == node.text)
                return static_cast<int>(i);
    context.read.error(node, fmt::format("{}: unknown source {}{}", what, describe(node),
                                         did_you_mean(node.text, ids)));
    return std::nullopt;
}

std::optional<care::Route> read_route(const Node& node, std::string_view what,
                                      const Context& context, bool single_allowed) {
    care::Route route;
    if (single_allowed && node.is_scalar()) {
        const auto target = read_destination(node, what, context);
        if (!target)
            return std::nullopt;
        route.targets.push_back(*target);
        route.probabilities.push_back(1.0);
        return route;
    }
    if (!context.read.expect_map(node, what, "{SERVICE: 0.7, exit: 0.3}"))
        return std::nullopt;
    bool ok = true;
    double total = 0.0;
    for (const Entry& entry : node.entries) {
        const Node key{Node::Kind::scalar, entry.key, false, {}, {}, entry.key_at};
        const auto target = read_destination(key, what, context);
        const auto p =
            context.read.probability(entry.value, fmt::format("probability of '{}'", entry.key));
        if (!target || !p) {
            ok = false;
            continue;
        }
        route.targets.push_back(*target);
        route.probabilities.push_back(*p);
        total += *p;
    }
    if (ok && std::abs(total - 1.0) > sum_tolerance) {
        context.read.error(node,
                           fmt::format("{}: probabilities sum to {:g}, expected 1", what, total));
        ok = false;
    }
    return ok ? std::optional(route) : std::nullopt;
}

std::optional<std::size_t> read_profile(const Node& node, std::string_view what,
                                        const Context& context) {
    const auto& profiles = context.scenario.profiles;
    if (node.is_scalar())
        if (const auto found = context.profile_index.find(node.text);
            found != context.profile_index.end())
            return found->second;
    context.read.error(node, fmt::format("{}: unknown profile {}{}", what, describe(node),
                                         did_you_mean(node.text, profiles)));
    return std::nullopt;
}

std::optional<std::vector<double>> read_mix(const Node& node, std::string_view what,
                                            const std::vector<std::string>& names,
                                            std::string_view kind, const Reader& read) {
    if (!read.expect_map(node, what, fmt::format("{{{}: 0.4, ...}}", kind)))
        return std::nullopt;
    std::vector<double> weights(names.size(), 0.0);
    std::unordered_map<std::string_view, std::size_t> index; // thousands of profiles
    for (std::size_t i = 0; i < names.size(); ++i)
        index.emplace(names[i], i);
    bool ok = true;
    double total = 0.0;
    for (const Entry& entry : node.entries) {
        const auto found = index.find(entry.key);
        if (found == index.end()) {
            read.diagnostics().error(entry.key_at,
                                     fmt::format("{}: unknown {} '{}'{}", what, kind, entry.key,
                                                 did_you_mean(entry.key, names)));
            ok = false;
            continue;
        }
        const auto p = read.probability(entry.value, fmt::format("share of '{}'", entry.key));
        if (!p) {
            ok = false;
            continue;
        }
        weights[found->second] = *p;
        total += *p;
    }
    if (ok && std::abs(total - 1.0) > sum_tolerance) {
        read.error(node, fmt::format("{}: shares sum to {:g}, expected 1", what, total));
        ok = false;
    }
    return ok ? std::optional(weights) : std::nullopt;
}

} // namespace zorgsim::scenario
