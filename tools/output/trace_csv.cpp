#include "trace_csv.hpp"

#include <fmt/format.h>

#include "csv_cell.hpp"

namespace zorgsim::output {

void TraceCsv::record(const care::TraceRecord& r) {
    out_ << fmt::format("{:.4f},{},{},{},{},{:.2f},{},{},{},{},{}\n", r.time, calendar_.iso(r.time),
                        r.youth, csv_cell(r.event), csv_cell(r.where), r.age_years,
                        csv_cell(r.profile), csv_cell(r.framework), csv_cell(r.region),
                        csv_cell(r.reason), csv_cell(r.scenario));
}

} // namespace zorgsim::output
