// Must not compile: "ocupancy" is not an outcome id, and a misspelt id in the model's collection
// code would otherwise write its figure into another cell.
#include "zorgsim/model/outcomes.hpp"

constexpr zorgsim::care::MetricOf<zorgsim::care::service_series_metrics> occupancy("ocupancy");
