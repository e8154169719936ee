// Must not compile: "length_of_stay_days" is a whole-horizon figure of a service, not one of its
// per-period figures.
#include "zorgsim/model/outcomes.hpp"

constexpr zorgsim::care::MetricOf<zorgsim::care::service_series_metrics>
    stay("length_of_stay_days");
