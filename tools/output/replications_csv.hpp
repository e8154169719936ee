// replications.csv (--keep-replications): every per-period figure of every replication, so
// that researchers can compute their own statistics (exceedance probabilities, correlations
// between services, other intervals). The rows are those of timeseries.csv, one per
// replication; the values are written exactly (shortest text that reads back as the same
// double), so the means and intervals of timeseries.csv can be recomputed from them.
#pragma once

#include <filesystem>
#include <fstream>
#include <ostream>
#include <string_view>

#include "../experiment/aggregate.hpp"
#include "zorgsim/model/scenario.hpp"

namespace zorgsim::output {

inline constexpr std::string_view replications_header =
    "scenario,replication,period_start,service,metric,value\n";
/// sweep's replications.csv: the point of the sweep first, as in sweep.csv.
inline constexpr std::string_view sweep_replications_header =
    "point,scenario,replication,period_start,service,metric,value\n";

/// Writes one scenario's rows (without the header), each starting with `prefix` (empty, or
/// "POINT," for a sweep). A replication without an observation has an empty value.
void write_replication_rows(std::ostream& out, const care::Scenario& scenario,
                            const experiment::Aggregate& aggregate, std::string_view prefix = {});

/// replications.csv being written into a staged file: a header, then the rows of each scenario
/// (or sweep point) as its replications are done, so a sweep need not keep every point.
class ReplicationsFile {
  public:
    /// for_sweep: rows start with the sweep's point (sweep_replications_header).
    ReplicationsFile(const std::filesystem::path& staged, bool for_sweep = false);
    /// `point`: the sweep point of these rows (ignored unless for_sweep).
    void add(const care::Scenario& scenario, const experiment::Aggregate& aggregate,
             std::size_t point = 0);
    /// Flushes and closes; throws std::runtime_error if anything could not be written.
    void close();

  private:
    std::filesystem::path path_;
    std::ofstream out_;
    bool for_sweep_;
};

} // namespace zorgsim::output
