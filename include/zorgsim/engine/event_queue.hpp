// The pending-event set: an indexed binary heap of events kept by value.
//
// Order is total and documented, so that runs are reproducible byte for byte:
//   1. earlier time first;
//   2. at equal times, lower priority number first (see event_priority in simulation.hpp);
//   3. at equal time and priority, the event scheduled first (insertion sequence).
// Cancelling is O(log n): each event lives in a slot that knows its heap position, and an
// EventId carries the slot's generation so that a stale id never cancels a newer event.
// Slots and heap entries are reused, so the hot loop allocates nothing once warmed up.
#pragma once

#include <cassert>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "zorgsim/engine/calendar.hpp"

namespace zorgsim {

/// Names one scheduled event; default-constructed ids name nothing.
struct EventId {
    static constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
    std::uint32_t slot = none;
    std::uint32_t generation = 0;
    bool valid() const { return slot != none; }
};

template <class Payload> class EventQueue {
  public:
    struct Entry {
        Days time;
        std::int32_t priority;
        std::uint32_t slot;
        std::uint64_t sequence;
    };

    void reserve(std::size_t n) {
        heap_.reserve(n);
        slots_.reserve(n);
    }

    bool empty() const { return heap_.empty(); }
    std::size_t size() const { return heap_.size(); }
    const Entry& top() const { return heap_.front(); }

    EventId push(Days time, std::int32_t priority, Payload payload) {
        std::uint32_t slot;
        if (free_.empty()) {
            slot = static_cast<std::uint32_t>(slots_.size());
            slots_.push_back(Slot{payload, 0, 0});
        } else {
            slot = free_.back();
            free_.pop_back();
            slots_[slot].payload = payload;
        }
        const auto index = heap_.size();
        heap_.push_back(Entry{time, priority, slot, next_sequence_++});
        slots_[slot].heap_index = static_cast<std::uint32_t>(index);
        sift_up(index);
        return EventId{slot, slots_[slot].generation};
    }

    /// Removes and returns the first event in the documented order.
    std::pair<Entry, Payload> pop() {
        assert(!heap_.empty());
        const Entry first = heap_.front();
        const Payload payload = slots_[first.slot].payload;
        remove_at(0);
        release_slot(first.slot);
        return {first, payload};
    }

    /// Cancels a pending event; false if it already ran or was cancelled.
    bool cancel(EventId id) {
        if (!is_pending(id))
            return false;
        remove_at(slots_[id.slot].heap_index);
        release_slot(id.slot);
        return true;
    }

    bool is_pending(EventId id) const {
        return id.valid() && id.slot < slots_.size() &&
               slots_[id.slot].generation == id.generation &&
               slots_[id.slot].heap_index != detached;
    }

  private:
    static constexpr std::uint32_t detached = std::numeric_limits<std::uint32_t>::max();

    struct Slot {
        Payload payload;
        std::uint32_t heap_index;
        std::uint32_t generation;
    };

    static bool before(const Entry& a, const Entry& b) {
        if (a.time != b.time)
            return a.time < b.time;
        if (a.priority != b.priority)
            return a.priority < b.priority;
        return a.sequence < b.sequence;
    }

    void place(std::size_t index, const Entry& entry) {
        heap_[index] = entry;
        slots_[entry.slot].heap_index = static_cast<std::uint32_t>(index);
    }

    void sift_up(std::size_t index) {
        const Entry moving = heap_[index];
        while (index > 0) {
            const std::size_t parent = (index - 1) / 2;
            if (!before(moving, heap_[parent]))
                break;
            place(index, heap_[parent]);
            index = parent;
        }
        place(index, moving);
    }

    void sift_down(std::size_t index) {
        const Entry moving = heap_[index];
        const std::size_t n = heap_.size();
        for (;;) {
            std::size_t child = 2 * index + 1;
            if (child >= n)
                break;
            if (child + 1 < n && before(heap_[child + 1], heap_[child]))
                ++child;
            if (!before(heap_[child], moving))
                break;
            place(index, heap_[child]);
            index = child;
        }
        place(index, moving);
    }

    void remove_at(std::size_t index) {
        const std::size_t last = heap_.size() - 1;
        if (index != last) {
            const Entry moved = heap_[last];
            heap_.pop_back();
            place(index, moved);
            if (index > 0 && before(moved, heap_[(index - 1) / 2]))
                sift_up(index);
            else
                sift_down(index);
        } else {
            heap_.pop_back();
        }
    }

    void release_slot(std::uint32_t slot) {
        slots_[slot].heap_index = detached;
        ++slots_[slot].generation;
        free_.push_back(slot);
    }

    std::vector<Entry> heap_;
    std::vector<Slot> slots_;
    std::vector<std::uint32_t> free_;
    std::uint64_t next_sequence_ = 0;
};

} // namespace zorgsim
