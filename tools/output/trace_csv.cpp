#include "trace_csv.hpp"

#include <fmt/format.h>

namespace zorgsim::output {

void TraceCsv::record(Days time, std::uint64_t youth, std::string_view event,
                      std::string_view where) {
    out_ << fmt::format("{:.4f},{},{},{},{}\n", time, calendar_.iso(time), youth, event, where);
}

} // namespace zorgsim::output
