// timeseries.csv: one row per scenario, period, service (or system, region:ID or municipality:NAME)
// and metric, with the mean, its 95% interval and the fan-chart quantiles across replications.
#pragma once

#include <string>
#include <vector>

#include "../experiment/aggregate.hpp"
#include "zorgsim/model/scenario.hpp"

namespace zorgsim::output {

inline constexpr std::string_view timeseries_header =
    "scenario,period_start,service,metric,mean,ci95_lo,ci95_hi,p05,p25,p50,p75,p95\n";

/// The rows of one scenario (without the header). Periods that start before the warm-up
/// ends are left out, like the rest of the statistics.
std::string timeseries_rows(const care::Scenario& scenario, const experiment::Aggregate& aggregate);

/// The `service` column of a region's rows: "region:ID", so that no region id can be mistaken
/// for a service and scripts that filter on "system" still get the totals only.
std::string region_entity(std::string_view region);
/// The `service` column of a municipality's rows: "municipality:NAME".
std::string municipality_entity(std::string_view municipality);

/// Formats a figure for CSV: up to 6 significant digits; empty when not finite.
std::string csv_number(double x);

} // namespace zorgsim::output
