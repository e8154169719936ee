// A youth (jeugdige) in the model: the attributes that drive its path and where it is now.
#pragma once

#include <cstdint>

#include "zorgsim/engine/event_queue.hpp"
#include "zorgsim/model/scenario.hpp"

namespace zorgsim::care {

/// A place in a parallel service (Service::parallel) that a youth holds alongside its care.
struct Track {
    int service = -1;     ///< the parallel service, or -1: no track
    bool waiting = false; ///< on its list (no place yet)
    Days admitted_at = 0.0;
    EventId end;
    bool active() const { return service >= 0; }
};

struct Youth {
    std::uint64_t serial = 0; ///< unique within a replication, for the trace
    Days birth = 0.0;         ///< the day on which the youth was 0 years old
    std::uint16_t profile = 0;
    Urgency urgency = Urgency::voluntary;
    std::int16_t municipality = -1;
    std::int16_t region = -1; ///< the region of the referring channel, for the whole path

    int in_service = -1; ///< service whose slot the youth holds
    Days admitted_at = 0.0;
    int waiting_for = -1; ///< service on whose waiting list the youth is
    int bridging = -1;    ///< bridging service whose slot the youth holds while waiting
    Days bridging_since = 0.0;
    int last_service = -1;
    /// Where the youth's next move starts in the flow matrix (FlowLayout's "from").
    std::int32_t flow_from = -1;

    // The wait episode in progress (wait_episodes.cpp): from referral, or leaving the previous
    // service, to the start of care.
    Days episode_start = 0.0;
    Days episode_bridging = 0.0; ///< bridging care that ended during the episode
    int first_wait = -1;         ///< the first service whose list the youth joined in it

    bool on_waiting_list = false;    ///< counted on waiting_for's list
    bool joining_bridging = false;   ///< the next admission is to the bridging service
    bool blocked = false;            ///< holds in_service's slot while waiting for waiting_for
    bool extended = false;           ///< in extended youth care past the exit age
    bool in_placement_chain = false; ///< last admission was a placement (for re-placements)
    bool census_stay = false;        ///< admitted from the start census: residual stay
    bool awaiting_reentry = false;
    bool in_episode = false; ///< a wait episode is in progress

    Track measure;        ///< child-protection measure: a guardian from a GI
    Track investigation;  ///< Veilig Thuis investigation
    int held_for = -1;    ///< placement the youth may not join before it has a guardian
    bool retired = false; ///< left care; kept only while a track runs

    EventId stay_end;
    EventId aging;
    EventId substitution;
    EventId reentry;

    double age_at(Days t) const { return (t - birth) / days_per_year; }
    static constexpr double days_per_year = 365.25;
};

} // namespace zorgsim::care
