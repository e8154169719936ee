// Receives the event log of a replication, so that one youth's path can be followed and
// explained. The model calls it; where the lines go (a CSV file) is decided by tools/.
#pragma once

#include <cstdint>
#include <string_view>

#include "zorgsim/engine/calendar.hpp"

namespace zorgsim::care {

/// One event in a youth's path, with who the youth is at that moment. The views are valid
/// during record() only.
struct TraceRecord {
    Days time = 0.0;
    std::uint64_t youth = 0;    ///< serial number, unique within the replication
    std::string_view event;     ///< referred, waiting, admitted, discharged, exit, ...
    std::string_view where;     ///< a service id, a source id (referrals), or empty
    double age_years = 0.0;     ///< the youth's age at `time`
    std::string_view profile;   ///< the care profile's id
    std::string_view framework; ///< "voluntary", "protection" (OTS/voogdij) or "crisis"
    std::string_view region;    ///< the region of the referring channel, or empty
    std::string_view reason;    ///< why the youth left care (exit events), else empty
    std::string_view scenario;  ///< the scenario's name (compare traces every scenario)
};

class TraceSink {
  public:
    virtual void record(const TraceRecord& record) = 0;

  protected:
    ~TraceSink() = default;
};

} // namespace zorgsim::care
