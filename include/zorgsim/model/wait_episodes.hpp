// Waits as a youth lives them: one wait episode runs from the moment a youth needs a service
// (referral, re-entry, or leaving its previous service) to the start of care, here or in an
// alternative, across overflow routes, substitutions, reneging to another service and bridging
// care. The model counts every episode in the outcomes (wait_to_care_* and friends, see
// metrics.hpp and docs/model.md); a WaitEpisodeSink receives each one as it ends, for tests and
// for anyone who wants the waits youth by youth.
#pragma once

#include <cstdint>

#include "zorgsim/engine/calendar.hpp"

namespace zorgsim::care {

/// How a wait episode ended.
enum class WaitEnd {
    care_started,  ///< admitted to a service (not bridging care): the wait to care
    reneged,       ///< left care from a waiting list after its maximum wait
    left_waiting,  ///< left care while waiting for another reason (aged out, list full, ...)
    still_waiting, ///< still waiting at the horizon (censored: the wait so far)
};

struct WaitEpisode {
    std::uint64_t youth = 0; ///< serial number, as in the trace
    Days start = 0.0;        ///< referral, or leaving the previous service
    Days end = 0.0;          ///< start of care, leaving care, or the horizon
    WaitEnd how = WaitEnd::care_started;
    int first_wait = -1;      ///< the first service whose list it joined (or that admitted it)
    int admitted_to = -1;     ///< care_started: the service that admitted it, else -1
    Days bridging_days = 0.0; ///< time in bridging care during the episode
    std::int16_t region = -1;
    Days wait() const { return end - start; }
};

class WaitEpisodeSink {
  public:
    virtual void record(const WaitEpisode& episode) = 0;

  protected:
    ~WaitEpisodeSink() = default;
};

} // namespace zorgsim::care
