#include "zorgsim/engine/station.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace zorgsim {

namespace {
constexpr std::uint32_t renege_event = 1;
}

Station::Station(Simulation& simulation, StationListener& listener, const PeriodGrid& grid,
                 const StationConfig& config)
    : simulation_(simulation), listener_(listener), config_(config), capacity_(config.capacity),
      classes_(static_cast<std::size_t>(std::max(1, config.priority_classes))), occupancy_(grid),
      queue_(grid), capacity_stat_(grid, config.capacity), waits_(grid), stays_(grid),
      admissions_(grid), rejections_(grid), reneges_(grid), departures_(grid) {
    if (config.capacity < 0)
        throw std::invalid_argument("Station: capacity must be >= 0");
}

Station::Arrival Station::arrive(EntityId entity, int priority_class) {
    const Days now = simulation_.now();
    if (occupied_ < capacity_ && queue_length_ == 0) {
        admit(entity, 0.0);
        return Arrival::admitted;
    }
    if (queue_length_ >= config_.max_queue) {
        rejections_.add(now);
        return Arrival::rejected;
    }
    const auto cls = static_cast<std::size_t>(
        std::clamp(priority_class, 0, static_cast<int>(classes_.size()) - 1));
    Ticket ticket{entity, now, EventId{}, static_cast<int>(cls)};
    const std::uint32_t id = new_ticket(ticket);
    if (std::isfinite(config_.max_wait))
        tickets_[id].renege = simulation_.schedule_in(config_.max_wait, event_priority::timeout,
                                                      *this, renege_event, id);
    classes_[cls].push_back(id);
    ++queue_length_;
    queue_.set(now, static_cast<double>(queue_length_));
    // A free slot with a non-empty queue can only mean a paused admission loop further up
    // the call stack (a listener re-entering); that loop will serve this ticket in order.
    admit_waiting();
    return Arrival::queued;
}

Station::Arrival Station::arrive_already_admitted(EntityId entity, int priority_class) {
    if (occupied_ < capacity_ && queue_length_ == 0) {
        admit(entity, 0.0, false);
        return Arrival::admitted;
    }
    return arrive(entity, priority_class);
}

void Station::admit(EntityId entity, Days waited, bool counted) {
    const Days now = simulation_.now();
    ++occupied_;
    occupancy_.set(now, occupied_);
    if (counted) {
        admissions_.add(now);
        waits_.add(now, waited);
    }
    listener_.on_admitted(*this, entity, waited);
}

void Station::release(Days admitted_at) {
    const Days now = simulation_.now();
    if (occupied_ <= 0)
        throw std::logic_error("Station::release with no occupant");
    --occupied_;
    occupancy_.set(now, occupied_);
    departures_.add(now);
    stays_.add(now, now - admitted_at);
    admit_waiting();
}

void Station::admit_waiting() {
    // Listeners may re-enter (an admission here can free a slot elsewhere that admits someone
    // who releases a slot here); only the outermost call runs the loop, so admissions happen
    // strictly in queue order.
    if (admitting_)
        return;
    admitting_ = true;
    while (occupied_ < capacity_ && queue_length_ > 0) {
        auto cls = std::find_if(classes_.begin(), classes_.end(),
                                [](const auto& q) { return !q.empty(); });
        const std::uint32_t id = cls->front();
        cls->pop_front();
        --queue_length_;
        const Days now = simulation_.now();
        queue_.set(now, static_cast<double>(queue_length_));
        const Ticket ticket = tickets_[id];
        simulation_.cancel(ticket.renege);
        drop_ticket(id);
        admit(ticket.entity, now - ticket.since);
    }
    admitting_ = false;
}

bool Station::withdraw(EntityId entity) {
    for (auto& queue : classes_) {
        for (auto it = queue.begin(); it != queue.end(); ++it) {
            if (tickets_[*it].entity != entity)
                continue;
            const std::uint32_t id = *it;
            queue.erase(it);
            --queue_length_;
            queue_.set(simulation_.now(), static_cast<double>(queue_length_));
            simulation_.cancel(tickets_[id].renege);
            drop_ticket(id);
            return true;
        }
    }
    return false;
}

bool Station::is_waiting(EntityId entity) const {
    for (const auto& queue : classes_)
        for (auto id : queue)
            if (tickets_[id].entity == entity)
                return true;
    return false;
}

void Station::set_capacity(int capacity) {
    if (capacity < 0)
        throw std::invalid_argument("Station: capacity must be >= 0");
    capacity_ = capacity;
    capacity_stat_.set(simulation_.now(), capacity);
    admit_waiting();
}

void Station::finish(Days t) {
    occupancy_.advance(t);
    queue_.advance(t);
    capacity_stat_.advance(t);
}

void Station::handle(Simulation& simulation, std::uint32_t kind, std::uint32_t subject) {
    if (kind != renege_event)
        return;
    const Ticket ticket = tickets_[subject];
    erase_from_queue(subject);
    drop_ticket(subject);
    reneges_.add(simulation.now());
    listener_.on_reneged(*this, ticket.entity, simulation.now() - ticket.since);
}

void Station::erase_from_queue(std::uint32_t id) {
    auto& queue = classes_[static_cast<std::size_t>(tickets_[id].priority_class)];
    queue.erase(std::find(queue.begin(), queue.end(), id));
    --queue_length_;
    queue_.set(simulation_.now(), static_cast<double>(queue_length_));
}

std::uint32_t Station::new_ticket(const Ticket& ticket) {
    if (!free_tickets_.empty()) {
        const auto id = free_tickets_.back();
        free_tickets_.pop_back();
        tickets_[id] = ticket;
        return id;
    }
    tickets_.push_back(ticket);
    return static_cast<std::uint32_t>(tickets_.size() - 1);
}

void Station::drop_ticket(std::uint32_t id) {
    free_tickets_.push_back(id);
}

} // namespace zorgsim
