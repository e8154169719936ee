// A routing table that can be drawn from quickly and changed by policy during a run.
#pragma once

#include <vector>

#include "zorgsim/engine/distribution.hpp"
#include "zorgsim/model/scenario.hpp"

namespace zorgsim::care {

class RouteChoice {
  public:
    RouteChoice() = default;
    RouteChoice(const RoutingTable& table, std::size_t profiles);

    Destination draw(std::size_t profile, RandomStream& stream) const;

    /// Moves `fraction` of the probability of `from` to `to` in every profile's route.
    void shift(Destination from, Destination to, double fraction);

    /// Every destination any profile can reach (for describing the network).
    const std::vector<Route>& routes() const { return routes_; }

  private:
    void rebuild(std::size_t i);
    std::vector<Route> routes_; ///< per profile
    std::vector<DiscreteChoice> choices_;
};

} // namespace zorgsim::care
