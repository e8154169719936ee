// The event log of replication 0 as CSV: time_days,date,youth,event,where.
#pragma once

#include <fstream>

#include "zorgsim/engine/calendar.hpp"
#include "zorgsim/model/trace.hpp"

namespace zorgsim::output {

class TraceCsv final : public care::TraceSink {
  public:
    TraceCsv(std::ostream& out, Calendar calendar) : out_(out), calendar_(calendar) {
        out_ << "time_days,date,youth,event,where\n";
    }
    void record(Days time, std::uint64_t youth, std::string_view event,
                std::string_view where) override;

  private:
    std::ostream& out_;
    Calendar calendar_;
};

} // namespace zorgsim::output
