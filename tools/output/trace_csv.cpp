#include "trace_csv.hpp"

#include <fmt/format.h>

#include "csv_cell.hpp"

namespace zorgsim::output {

void TraceCsv::record(Days time, std::uint64_t youth, std::string_view event,
                      std::string_view where) {
    out_ << fmt::format("{:.4f},{},{},{},{}\n", time, calendar_.iso(time), youth, csv_cell(event),
                        csv_cell(where));
}

} // namespace zorgsim::output
