// Who pays for a service: one cost of one service (in a period, or over the horizon) split
// over the municipalities, by use and, for the share pooled in solidarity, by youth population.
// One function for every kind of cost, so that each kind is split the same way.
#pragma once

#include <span>

namespace zorgsim::care {

/// Adds to paid[m] what municipality m pays of `cost`: (1 - solidarity) x its share of `used`
/// (e.g. its youths' place-days in the service) plus solidarity x population_share[m]. When
/// nobody used the service, the whole cost is split by population_share. The shares of `used`
/// and population_share sum to one, so the parts add up to `cost`.
void split_cost(double cost, std::span<const double> used, std::span<const double> population_share,
                double solidarity, std::span<double> paid);

} // namespace zorgsim::care
