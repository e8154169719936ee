// Receives the event log of a replication, so that one youth's path can be followed and
// explained. The model calls it; where the lines go (a CSV file) is decided by tools/.
#pragma once

#include <cstdint>
#include <string_view>

#include "zorgsim/engine/calendar.hpp"

namespace zorgsim::care {

class TraceSink {
  public:
    /// `youth` is a serial number unique within the replication; `service` may be a source
    /// id (for referrals) or empty.
    virtual void record(Days time, std::uint64_t youth, std::string_view event,
                        std::string_view service) = 0;

  protected:
    ~TraceSink() = default;
};

} // namespace zorgsim::care
