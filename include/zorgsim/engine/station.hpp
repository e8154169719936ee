// A service station: a number of slots (servers, beds, foster families) that can change over
// time, and a waiting queue with priority classes, first come first served within a class.
//
// Rules that the validation tests hold it to:
// - never more occupants than capacity; a capacity drop evicts nobody: occupants finish and
//   admissions wait until a slot is free under the new capacity;
// - class 0 is served before class 1 before class 2 ...; within a class, arrival order;
// - an optional maximum queue length: an arrival that finds it full is rejected, and the
//   caller decides where it goes (its overflow route);
// - optional reneging: a waiting entity leaves the queue after a maximum wait.
// The station decides who gets a slot and when; how long an occupant stays and where it goes
// next is the owner's business, told through StationListener.
#pragma once

#include <cstdint>
#include <deque>
#include <limits>
#include <string>
#include <vector>

#include "zorgsim/engine/simulation.hpp"
#include "zorgsim/engine/tally.hpp"
#include "zorgsim/engine/time_weighted.hpp"

namespace zorgsim {

using EntityId = std::uint32_t;
class Station;

class StationListener {
  public:
    /// `entity` got a slot at `station` after waiting `waited` days (0 when admitted at once).
    virtual void on_admitted(Station& station, EntityId entity, Days waited) = 0;
    /// `entity` left the queue of `station` after its maximum wait.
    virtual void on_reneged(Station& station, EntityId entity, Days waited) = 0;

  protected:
    ~StationListener() = default;
};

struct StationConfig {
    static constexpr std::size_t unlimited = std::numeric_limits<std::size_t>::max();
    std::uint32_t index = 0;                               ///< the owner's number for this station
    int capacity = 1;                                      ///< slots at the start
    std::size_t max_queue = unlimited;                     ///< 0: no waiting list
    Days max_wait = std::numeric_limits<Days>::infinity(); ///< reneging after this wait
    int priority_classes = 1;
};

class Station final : public EventHandler {
  public:
    enum class Arrival { admitted, queued, rejected };

    Station(Simulation& simulation, StationListener& listener, const PeriodGrid& grid,
            const StationConfig& config);
    Station(const Station&) = delete;
    Station& operator=(const Station&) = delete;

    std::uint32_t index() const { return config_.index; }

    /// An entity asks for a slot. If one is free it is admitted at once (the listener hears of
    /// it before this returns); otherwise it joins the queue of its priority class, or is
    /// rejected when the queue is full.
    Arrival arrive(EntityId entity, int priority_class = 0);

    /// An entity that already held its slot when the run began (a start census): it arrives
    /// like any other, but if admitted at once that is not counted as an admission or a wait,
    /// which happened before day 0. If no slot is free it queues and counts when admitted.
    Arrival arrive_already_admitted(EntityId entity, int priority_class = 0);

    /// An occupant admitted at `admitted_at` leaves; its slot goes to the next in line.
    void release(Days admitted_at);

    /// Takes a waiting entity out of the queue (it found another place); false if absent.
    bool withdraw(EntityId entity);

    /// New number of slots; admits from the queue if slots became free, evicts nobody.
    void set_capacity(int capacity);

    int capacity() const { return capacity_; }
    int occupied() const { return occupied_; }
    std::size_t queue_length() const { return queue_length_; }
    bool has_free_slot() const { return occupied_ < capacity_; }
    bool is_waiting(EntityId entity) const;

    /// Brings the time-weighted statistics up to `t` (call at the horizon before reading).
    void finish(Days t);

    const TimeWeighted& occupancy() const { return occupancy_; }
    const TimeWeighted& queue() const { return queue_; }
    const TimeWeighted& capacity_over_time() const { return capacity_stat_; }
    const Tally& waits() const { return waits_; }
    const Tally& stays() const { return stays_; }
    const Counter& admissions() const { return admissions_; }
    const Counter& rejections() const { return rejections_; }
    const Counter& reneges() const { return reneges_; }
    const Counter& departures() const { return departures_; }

    void handle(Simulation& simulation, std::uint32_t kind, std::uint32_t subject) override;

  private:
    struct Ticket {
        EntityId entity;
        Days since;
        EventId renege;
        int priority_class;
    };

    void admit(EntityId entity, Days waited, bool counted = true);
    void admit_waiting();
    std::uint32_t new_ticket(const Ticket& ticket);
    void drop_ticket(std::uint32_t ticket);
    void erase_from_queue(std::uint32_t ticket);

    Simulation& simulation_;
    StationListener& listener_;
    StationConfig config_;
    int capacity_;
    int occupied_ = 0;
    std::size_t queue_length_ = 0;
    std::vector<std::deque<std::uint32_t>> classes_;
    std::vector<Ticket> tickets_;
    std::vector<std::uint32_t> free_tickets_;
    bool admitting_ = false;

    TimeWeighted occupancy_;
    TimeWeighted queue_;
    TimeWeighted capacity_stat_;
    Tally waits_;
    Tally stays_;
    Counter admissions_;
    Counter rejections_;
    Counter reneges_;
    Counter departures_;
};

} // namespace zorgsim
