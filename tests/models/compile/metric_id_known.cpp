// Compiles: an outcome id that the catalogue lists for this scope.
#include "zorgsim/model/outcomes.hpp"

constexpr zorgsim::care::MetricOf<zorgsim::care::service_series_metrics> occupancy("occupancy");
static_assert(zorgsim::care::service_series_metrics[occupancy.index] == "occupancy");
