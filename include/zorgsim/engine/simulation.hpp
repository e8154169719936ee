// A Simulation owns one replication's clock and pending events. It has no global state, so
// replications run side by side on threads, each with its own Simulation.
#pragma once

#include <cstdint>

#include "zorgsim/engine/event_queue.hpp"

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

class Simulation {
  public:
    struct Event {
        EventHandler* target;
        std::uint32_t kind;
        std::uint32_t subject;
    };

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

    /// Handles every event with time < end, in order, then sets the clock to end.
    void run_until(Days end) {
        while (!queue_.empty() && queue_.top().time < end) {
            auto [entry, event] = queue_.pop();
            now_ = entry.time;
            ++events_handled_;
            event.target->handle(*this, event.kind, event.subject);
        }
        if (end > now_)
            now_ = end;
    }

    std::uint64_t events_handled() const { return events_handled_; }
    std::size_t pending() const { return queue_.size(); }
    void reserve(std::size_t events) { queue_.reserve(events); }

  private:
    Days now_ = 0.0;
    std::uint64_t events_handled_ = 0;
    EventQueue<Event> queue_;
};

} // namespace zorgsim
