// The event log of replication 0 as CSV (docs/output-format.md, "trace.csv"): one row per event
// with who the youth was at that moment; compare writes every scenario's replication 0, the
// `scenario` column telling them apart.
#pragma once

#include <ostream>
#include <string_view>

#include "zorgsim/engine/calendar.hpp"
#include "zorgsim/model/trace.hpp"

namespace zorgsim::output {

inline constexpr std::string_view trace_header =
    "time_days,date,youth,event,where,age_years,profile,framework,region,reason,scenario\n";

class TraceCsv final : public care::TraceSink {
  public:
    TraceCsv(std::ostream& out, Calendar calendar) : out_(out), calendar_(calendar) {
        out_ << trace_header;
    }
    void record(const care::TraceRecord& record) override;

  private:
    std::ostream& out_;
    Calendar calendar_;
};

} // namespace zorgsim::output
