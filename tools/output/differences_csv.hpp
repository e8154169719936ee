// differences.csv of a comparison: per alternative, period, service (or system, or region:ID)
// and metric, the difference ALT - BASE paired by replication, with its 95% interval. Unlike
// the difference of the two means in timeseries.csv, the paired interval says whether a change
// in one year is more than chance.
#pragma once

#include <string>
#include <string_view>

#include "../experiment/aggregate.hpp"
#include "zorgsim/model/scenario.hpp"

namespace zorgsim::output {

inline constexpr std::string_view differences_header =
    "base,alternative,period_start,service,metric,mean,ci95_lo,ci95_hi\n";

/// The rows of one alternative (without the header): the periods both scenarios report, after
/// the later of their two warm-ups.
std::string differences_rows(const care::Scenario& base, const care::Scenario& alternative,
                             const experiment::PairedDifferences& differences);

} // namespace zorgsim::output
