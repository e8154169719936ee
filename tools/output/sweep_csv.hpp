// sweep.csv: per point of a sweep, the parameters' values and every whole-horizon figure (mean
// and 95% interval across replications), one row per service (or system, or region:ID) and
// metric.
#pragma once

#include <string>
#include <vector>

#include "../experiment/aggregate.hpp"

namespace zorgsim::output {

/// The header line: point, one column per parameter path, then the figure's columns.
std::string sweep_header(const std::vector<std::string>& paths);

/// Appends the rows of point `point`, whose parameters took `values`, to `csv`.
void append_sweep_rows(std::string& csv, std::size_t point, const std::vector<std::string>& values,
                       const experiment::Aggregate& aggregate);

} // namespace zorgsim::output
