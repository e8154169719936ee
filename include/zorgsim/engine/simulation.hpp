// A Simulation owns one replication's clock and pending events. It has no global state, so
// replications run side by side on threads, each with its own Simulation.
#pragma once

#include <atomic>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "zorgsim/engine/event_queue.hpp"
#include "zorgsim/engine/interrupted.hpp"

namespace zorgsim {

class Simulation;

/// Whatever reacts to events: stations, sources, models. `kind` and `subject` are the
/// handler's own codes (what happened, to whom), so events need no allocation.
class EventHandler {
  public:
    virtual void handle(Simulation& simulation, std::uint32_t kind, std::uint32_t subject) = 0;

  protected:
    ~EventHandler() = default;
};

/// Priorities of simultaneous events, lower first. As in simmer: capacity changes and policy
/// switches take effect before anyone leaves, departures free slots before time-outs fire,
/// and new arrivals come last, so an arrival at the instant a slot frees up finds it free
/// and a policy dated today applies to today's arrivals.
namespace event_priority {
inline constexpr std::int32_t policy = 0;
inline constexpr std::int32_t capacity_change = 10;
inline constexpr std::int32_t departure = 20;
inline constexpr std::int32_t timeout = 30;
inline constexpr std::int32_t arrival = 40;
inline constexpr std::int32_t bookkeeping = 50;
} // namespace event_priority

/// Bounds on one run, so that a model that cannot end is stopped instead of hanging.
struct SimulationLimits {
    /// Events that may be handled at one instant (the clock not moving) before the run is
    /// taken to be a loop in zero time. Far above what real models do at one instant (the
    /// shipped scenarios of zorgsim: at most 1,688, Noord-Holland on day 0).
    static constexpr std::uint64_t default_events_per_instant = 1'000'000;
    std::uint64_t max_events_per_instant = default_events_per_instant;
    /// Raised by another thread (or a signal handler): run_until throws Interrupted soon
    /// after, within `stop_check_every` events. Reading it changes nothing else in the run.
    const std::atomic<bool>* stop = nullptr;
    static constexpr std::uint64_t stop_check_every = 1024; ///< a power of two
};

class Simulation {
  public:
    struct Event {
        EventHandler* target;
        std::uint32_t kind;
        std::uint32_t subject;
    };

    /// Thrown by run_until when more than max_events_per_instant events were handled without
    /// the clock moving. `recent` holds the last events handled (oldest first), so that the
    /// model can say which of its parts keep sending work round at that instant.
    struct ZeroTimeLoop : std::runtime_error {
        ZeroTimeLoop(Days at, std::uint64_t events, std::vector<Event> last)
            : std::runtime_error("more events at one instant than the limit"), time(at),
              handled(events), recent(std::move(last)) {}
        Days time;
        std::uint64_t handled;
        std::vector<Event> recent;
    };
    static constexpr std::size_t loop_events_kept = 256;

    Simulation() = default;
    explicit Simulation(const SimulationLimits& limits) : limits_(limits) {}

    Days now() const { return now_; }

    EventId schedule_at(Days time, std::int32_t priority, EventHandler& target, std::uint32_t kind,
                        std::uint32_t subject = 0) {
        return queue_.push(time < now_ ? now_ : time, priority, Event{&target, kind, subject});
    }
    EventId schedule_in(Days delay, std::int32_t priority, EventHandler& target, std::uint32_t kind,
                        std::uint32_t subject = 0) {
        return schedule_at(now_ + delay, priority, target, kind, subject);
    }

    /// Cancels a pending event; harmless on an event that already ran or an empty id.
    bool cancel(EventId id) { return queue_.cancel(id); }
    bool is_pending(EventId id) const { return queue_.is_pending(id); }

    /// Handles every event with time < end, in order, then sets the clock to end. Throws
    /// ZeroTimeLoop before handling one event more than max_events_per_instant at one instant,
    /// and Interrupted once the stop flag is seen. Either ends the run: what is left pending
    /// is not meant to be run on.
    void run_until(Days end) {
        while (!queue_.empty() && queue_.top().time < end) {
            if (limits_.stop && (events_handled_ & (SimulationLimits::stop_check_every - 1)) == 0 &&
                limits_.stop->load(std::memory_order_relaxed))
                throw Interrupted();
            auto [entry, event] = queue_.pop();
            if (entry.time != now_)
                next_instant(entry.time);
            if (++at_instant_ + loop_events_kept > limits_.max_events_per_instant)
                keep_for_loop_report(event);
            ++events_handled_;
            event.target->handle(*this, event.kind, event.subject);
        }
        if (end > now_)
            next_instant(end);
    }

    /// The most events handled at one instant so far (how far a model is from the limit).
    std::uint64_t peak_events_at_one_instant() const {
        return peak_at_instant_ > at_instant_ ? peak_at_instant_ : at_instant_;
    }

    std::uint64_t events_handled() const { return events_handled_; }
    std::size_t pending() const { return queue_.size(); }
    void reserve(std::size_t events) { queue_.reserve(events); }

  private:
    void next_instant(Days time) {
        now_ = time;
        if (at_instant_ > peak_at_instant_)
            peak_at_instant_ = at_instant_;
        at_instant_ = 0;
        loop_recent_.clear();
        loop_next_ = 0;
    }

    /// Called only near the limit, so the hot loop pays one comparison for it.
    void keep_for_loop_report(const Event& event) {
        if (at_instant_ > limits_.max_events_per_instant) {
            auto split = loop_recent_.begin() + static_cast<std::ptrdiff_t>(loop_next_);
            std::vector<Event> recent(split, loop_recent_.end());
            recent.insert(recent.end(), loop_recent_.begin(), split);
            throw ZeroTimeLoop(now_, at_instant_ - 1, std::move(recent));
        }
        if (loop_recent_.size() < loop_events_kept) {
            loop_recent_.push_back(event);
        } else {
            loop_recent_[loop_next_] = event;
            loop_next_ = (loop_next_ + 1) % loop_events_kept;
        }
    }

    SimulationLimits limits_;
    Days now_ = 0.0;
    std::uint64_t events_handled_ = 0;
    std::uint64_t at_instant_ = 0;
    std::uint64_t peak_at_instant_ = 0;
    std::vector<Event> loop_recent_; ///< a ring of the last events near the limit
    std::size_t loop_next_ = 0;
    EventQueue<Event> queue_;
};

} // namespace zorgsim
