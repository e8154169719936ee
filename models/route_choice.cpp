#include "route_choice.hpp"

#include <algorithm>

namespace zorgsim::care {

RouteChoice::RouteChoice(const RoutingTable& table, std::size_t profiles) {
    for (std::size_t p = 0; p < std::max<std::size_t>(1, profiles); ++p) {
        routes_.push_back(table.for_profile(p));
        if (routes_.back().targets.empty())
            routes_.back() = Route{{Destination{}}, {1.0}};
        choices_.emplace_back();
        rebuild(p);
    }
}

void RouteChoice::rebuild(std::size_t i) {
    choices_[i] = DiscreteChoice(routes_[i].probabilities);
}

Destination RouteChoice::draw(std::size_t profile, RandomStream& stream) const {
    const auto p = std::min(profile, routes_.size() - 1);
    return routes_[p].targets[choices_[p].sample(stream)];
}

void RouteChoice::shift(Destination from, Destination to, double fraction) {
    for (std::size_t p = 0; p < routes_.size(); ++p) {
        auto& route = routes_[p];
        auto it = std::find(route.targets.begin(), route.targets.end(), from);
        if (it == route.targets.end())
            continue;
        const auto i = static_cast<std::size_t>(it - route.targets.begin());
        const double moved = route.probabilities[i] * fraction;
        route.probabilities[i] -= moved;
        auto jt = std::find(route.targets.begin(), route.targets.end(), to);
        if (jt == route.targets.end()) {
            route.targets.push_back(to);
            route.probabilities.push_back(moved);
        } else {
            route.probabilities[static_cast<std::size_t>(jt - route.targets.begin())] += moved;
        }
        rebuild(p);
    }
}

} // namespace zorgsim::care
