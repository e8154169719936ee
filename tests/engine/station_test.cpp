// Specification of a Station: who gets a slot, when, and in what order. Each case is a small
// exact timeline; the statistical behaviour is held to queueing theory in tests/validation/.
#include <catch2/catch.hpp>

#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "zorgsim/engine/station.hpp"

using zorgsim::Days;
using zorgsim::EntityId;
using zorgsim::Simulation;
using zorgsim::Station;
using zorgsim::StationConfig;
namespace priority = zorgsim::event_priority;

namespace {

/// Drives one station through a script of arrivals, capacity changes and withdrawals, sends
/// every admitted entity away after its service time, and logs what happens as
/// "TIME what ENTITY [detail]".
class Script final : public zorgsim::StationListener, public zorgsim::EventHandler {
  public:
    explicit Script(const StationConfig& config, Days horizon = 100.0)
        : grid_({0.0}, horizon, 0.0), station(simulation, *this, grid_, config) {}

    void arrive(Days t, EntityId entity, Days service = 10.0, int priority_class = 0) {
        service_[entity] = service;
        class_[entity] = priority_class;
        simulation.schedule_at(t, priority::arrival, *this, arrive_event, entity);
    }
    void set_capacity(Days t, int capacity) {
        simulation.schedule_at(t, priority::capacity_change, *this, capacity_event,
                               static_cast<std::uint32_t>(capacity));
    }
    void withdraw(Days t, EntityId entity) {
        simulation.schedule_at(t, priority::policy, *this, withdraw_event, entity);
    }
    /// An entity that already held its slot when the run began (a start census).
    void already_here(EntityId entity, Days service) {
        census_[entity] = true;
        arrive(0.0, entity, service);
    }
    /// Entities that leave at the instant they are admitted, from inside on_admitted.
    void leave_at_once(EntityId entity) { instant_[entity] = true; }

    std::vector<std::string> run(Days until = 100.0) {
        simulation.run_until(until);
        station.finish(until);
        return log;
    }

    Simulation simulation;

  private:
    zorgsim::PeriodGrid grid_;

  public:
    Station station;
    std::vector<std::string> log;
    std::vector<Station::Arrival> outcomes;
    bool over_capacity = false; ///< an admission ever left more occupants than slots

    void on_admitted(Station& s, EntityId entity, Days waited) override {
        if (s.occupied() > s.capacity())
            over_capacity = true;
        write("admit", entity, waited);
        if (instant_[entity]) {
            s.release(simulation.now());
            return;
        }
        admitted_at_[entity] = simulation.now();
        simulation.schedule_in(service_[entity], priority::departure, *this, depart_event, entity);
    }
    void on_reneged(Station&, EntityId entity, Days waited) override {
        write("renege", entity, waited);
    }

    void handle(Simulation&, std::uint32_t kind, std::uint32_t subject) override {
        switch (kind) {
        case arrive_event: {
            const auto outcome = census_[subject]
                                     ? station.arrive_already_admitted(subject, class_[subject])
                                     : station.arrive(subject, class_[subject]);
            outcomes.push_back(outcome);
            if (outcome == Station::Arrival::rejected)
                write("reject", subject);
            break;
        }
        case depart_event:
            write("leave", subject);
            station.release(admitted_at_[subject]);
            break;
        case capacity_event:
            station.set_capacity(static_cast<int>(subject));
            write("capacity", subject, static_cast<Days>(station.occupied()));
            break;
        case withdraw_event:
            write(station.withdraw(subject) ? "withdrawn" : "absent", subject);
            break;
        default:
            break;
        }
    }

  private:
    static constexpr std::uint32_t arrive_event = 0;
    static constexpr std::uint32_t depart_event = 1;
    static constexpr std::uint32_t capacity_event = 2;
    static constexpr std::uint32_t withdraw_event = 3;

    void write(const char* what, EntityId entity, Days detail = -1.0) {
        std::ostringstream line;
        line << simulation.now() << ' ' << what << ' ' << entity;
        if (detail >= 0.0)
            line << ' ' << detail;
        log.push_back(line.str());
    }

    std::map<EntityId, Days> service_;
    std::map<EntityId, int> class_;
    std::map<EntityId, Days> admitted_at_;
    std::map<EntityId, bool> instant_;
    std::map<EntityId, bool> census_;
};

using Log = std::vector<std::string>;
using Arrival = Station::Arrival;

StationConfig with_capacity(int capacity) {
    StationConfig config;
    config.capacity = capacity;
    return config;
}

} // namespace

// In the logs below, "admit E W" means entity E got a slot after waiting W days, "capacity C
// N" that the capacity became C with N occupants.

TEST_CASE("A station never has more occupants than slots, and the queue is served as slots free "
          "up",
          "[station]") {
    Script script(with_capacity(2));
    for (EntityId e = 1; e <= 5; ++e)
        script.arrive(0.0, e);
    CHECK(script.run() == Log{"0 admit 1 0", "0 admit 2 0", "10 leave 1", "10 admit 3 10",
                              "10 leave 2", "10 admit 4 10", "20 leave 3", "20 admit 5 20",
                              "20 leave 4", "30 leave 5"});
    CHECK(script.outcomes == std::vector<Arrival>{Arrival::admitted, Arrival::admitted,
                                                  Arrival::queued, Arrival::queued,
                                                  Arrival::queued});
    CHECK_FALSE(script.over_capacity);
    CHECK(script.station.admissions().total() == 5);
    CHECK(script.station.departures().total() == 5);
    CHECK(script.station.occupied() == 0);
    CHECK(script.station.queue_length() == 0);
}

TEST_CASE("Within a priority class, the queue is first come, first served", "[station]") {
    Script script(with_capacity(1));
    script.arrive(0.0, 1, 10.0);
    script.arrive(3.0, 4, 1.0);
    script.arrive(1.0, 2, 1.0);
    script.arrive(2.0, 3, 1.0);
    CHECK(script.run() == Log{"0 admit 1 0", "10 leave 1", "10 admit 2 9", "11 leave 2",
                              "11 admit 3 9", "12 leave 3", "12 admit 4 9", "13 leave 4"});
}

TEST_CASE("Class 0 is served before class 1, however long class 1 has waited", "[station]") {
    StationConfig config = with_capacity(1);
    config.priority_classes = 2;
    Script script(config);
    script.arrive(0.0, 1, 10.0);
    script.arrive(1.0, 2, 1.0, 1);
    script.arrive(2.0, 3, 1.0, 1);
    script.arrive(3.0, 4, 1.0, 0);
    script.arrive(4.0, 5, 1.0, 0);
    CHECK(script.run() == Log{"0 admit 1 0", "10 leave 1", "10 admit 4 7", "11 leave 4",
                              "11 admit 5 7", "12 leave 5", "12 admit 2 11", "13 leave 2",
                              "13 admit 3 11", "14 leave 3"});
}

TEST_CASE("A class number outside the configured classes is clamped to the nearest class",
          "[station]") {
    StationConfig config = with_capacity(1);
    config.priority_classes = 2;
    Script script(config);
    script.arrive(0.0, 1, 10.0);
    script.arrive(1.0, 2, 1.0, 7);  // treated as class 1
    script.arrive(2.0, 3, 1.0, 1);  // class 1, behind entity 2
    script.arrive(3.0, 4, 1.0, -3); // treated as class 0
    CHECK(script.run() == Log{"0 admit 1 0", "10 leave 1", "10 admit 4 7", "11 leave 4",
                              "11 admit 2 10", "12 leave 2", "12 admit 3 10", "13 leave 3"});
}

TEST_CASE("An arrival that finds the waiting list full is rejected and counted", "[station]") {
    StationConfig config = with_capacity(1);
    config.max_queue = 2;
    Script script(config);
    for (EntityId e = 1; e <= 4; ++e)
        script.arrive(0.0, e, 10.0);
    script.arrive(10.0, 5, 10.0); // after the departure at 10: one place is free again
    CHECK(script.run() == Log{"0 admit 1 0", "0 reject 4", "10 leave 1", "10 admit 2 10",
                              "20 leave 2", "20 admit 3 20", "30 leave 3", "30 admit 5 20",
                              "40 leave 5"});
    CHECK(script.outcomes == std::vector<Arrival>{Arrival::admitted, Arrival::queued,
                                                  Arrival::queued, Arrival::rejected,
                                                  Arrival::queued});
    CHECK(script.station.rejections().total() == 1);
    CHECK(script.station.admissions().total() == 4);
}

TEST_CASE("With no waiting list, an arrival is admitted or rejected, and a slot freed at the "
          "same instant is free for it",
          "[station]") {
    StationConfig config = with_capacity(2);
    config.max_queue = 0;
    Script script(config);
    for (EntityId e = 1; e <= 3; ++e)
        script.arrive(0.0, e, 10.0);
    script.arrive(10.0, 4, 10.0); // departures come before arrivals at equal times
    CHECK(script.run() == Log{"0 admit 1 0", "0 admit 2 0", "0 reject 3", "10 leave 1",
                              "10 leave 2", "10 admit 4 0", "20 leave 4"});
    CHECK(script.station.rejections().total() == 1);
}

TEST_CASE("A waiting entity reneges after its maximum wait unless a slot comes first",
          "[station]") {
    StationConfig config = with_capacity(1);
    config.max_wait = 5.0;
    Script script(config);
    script.arrive(0.0, 1, 10.0);
    script.arrive(1.0, 2, 1.0); // waits from 1, gives up at 6
    script.arrive(5.0, 4, 1.0); // would give up at 10, but the departure at 10 comes first
    script.arrive(7.0, 3, 1.0); // admitted at 11 after 4 days: its time-out is cancelled
    CHECK(script.run() == Log{"0 admit 1 0", "6 renege 2 5", "10 leave 1", "10 admit 4 5",
                              "11 leave 4", "11 admit 3 4", "12 leave 3"});
    CHECK(script.station.reneges().total() == 1);
    CHECK(script.station.admissions().total() == 3);
}

TEST_CASE("A capacity drop evicts nobody: admissions wait for a slot under the new capacity",
          "[station]") {
    Script script(with_capacity(3));
    for (EntityId e = 1; e <= 3; ++e)
        script.arrive(0.0, e, 10.0);
    script.set_capacity(2.0, 1);
    script.arrive(3.0, 4, 10.0);
    CHECK(script.run() == Log{"0 admit 1 0", "0 admit 2 0", "0 admit 3 0", "2 capacity 1 3",
                              "10 leave 1", "10 leave 2", "10 leave 3", "10 admit 4 7",
                              "20 leave 4"});
    CHECK_FALSE(script.over_capacity);
}

TEST_CASE("A capacity rise admits from the queue at once, in queue order", "[station]") {
    Script script(with_capacity(1));
    script.arrive(0.0, 1, 10.0);
    script.arrive(1.0, 2, 10.0);
    script.arrive(2.0, 3, 10.0);
    script.arrive(3.0, 4, 10.0);
    script.set_capacity(4.0, 3);
    CHECK(script.run() == Log{"0 admit 1 0", "4 admit 2 3", "4 admit 3 2", "4 capacity 3 3",
                              "10 leave 1", "10 admit 4 7", "14 leave 2", "14 leave 3",
                              "20 leave 4"});
}

TEST_CASE("A station with no slots queues everyone until capacity arrives", "[station]") {
    Script script(with_capacity(0));
    script.arrive(0.0, 1, 5.0);
    script.arrive(1.0, 2, 5.0);
    script.set_capacity(3.0, 1);
    CHECK(script.run() ==
          Log{"3 admit 1 3", "3 capacity 1 1", "8 leave 1", "8 admit 2 7", "13 leave 2"});
}

TEST_CASE("A withdrawn entity leaves the queue for good and never reneges", "[station]") {
    StationConfig config = with_capacity(1);
    config.max_wait = 5.0;
    Script script(config);
    script.arrive(0.0, 1, 10.0);
    script.arrive(1.0, 2);
    script.arrive(2.0, 3);
    script.withdraw(3.0, 2);
    script.withdraw(3.0, 99); // never arrived
    script.withdraw(4.0, 1);  // in service, not waiting
    CHECK(script.run() == Log{"0 admit 1 0", "3 withdrawn 2", "3 absent 99", "4 absent 1",
                              "7 renege 3 5", "10 leave 1"});
    CHECK(script.station.reneges().total() == 1);
}

TEST_CASE("is_waiting tells who is in the queue", "[station]") {
    Script script(with_capacity(1));
    script.arrive(0.0, 1);
    script.arrive(0.0, 2);
    script.run(1.0);
    CHECK_FALSE(script.station.is_waiting(1)); // in service
    CHECK(script.station.is_waiting(2));
    CHECK_FALSE(script.station.is_waiting(3));
    CHECK(script.station.queue_length() == 1);
    CHECK(script.station.occupied() == 1);
}

TEST_CASE("A listener that releases from inside on_admitted still sees admissions in queue "
          "order",
          "[station]") {
    Script script(with_capacity(0));
    for (EntityId e = 1; e <= 3; ++e) {
        script.arrive(0.0, e);
        script.leave_at_once(e);
    }
    script.set_capacity(1.0, 1);
    CHECK(script.run() == Log{"1 admit 1 1", "1 admit 2 1", "1 admit 3 1", "1 capacity 1 0"});
    CHECK(script.station.occupied() == 0);
    CHECK(script.station.departures().total() == 3);
}

TEST_CASE("Time-weighted and per-visit statistics of a small timeline are exact", "[station]") {
    // One slot; entity 1 stays [0, 4]; entity 2 waits [1, 4] and stays [4, 8]; horizon 10.
    Script script(with_capacity(1), 10.0);
    script.arrive(0.0, 1, 4.0);
    script.arrive(1.0, 2, 4.0);
    script.run(10.0);
    const Station& station = script.station;
    CHECK(station.occupancy().mean() == Approx(0.8));
    CHECK(station.queue().mean() == Approx(0.3));
    CHECK(station.capacity_over_time().mean() == Approx(1.0));
    CHECK(station.waits().stats().mean() == Approx(1.5));
    CHECK(station.waits().stats().count() == 2);
    CHECK(station.stays().stats().mean() == Approx(4.0));
    CHECK(station.admissions().total() == 2);
    CHECK(station.departures().total() == 2);
}

TEST_CASE("Impossible requests are refused", "[station]") {
    Script script(with_capacity(1));
    CHECK_THROWS_AS(script.station.release(0.0), std::logic_error);
    CHECK_THROWS_AS(script.station.set_capacity(-1), std::invalid_argument);
    zorgsim::Simulation simulation;
    zorgsim::PeriodGrid grid;
    CHECK_THROWS_AS(Station(simulation, script, grid, with_capacity(-2)), std::invalid_argument);
}

TEST_CASE("An entity already here when the run begins takes a slot without counting an admission "
          "or a wait; if no slot is free it waits and counts like any other",
          "[station]") {
    Script script(with_capacity(2));
    script.already_here(1, 10.0);
    script.already_here(2, 10.0);
    script.already_here(3, 10.0); // more census occupants than slots: waits for one
    script.arrive(0.0, 4, 10.0);
    CHECK(script.run() == Log{"0 admit 1 0", "0 admit 2 0", "10 leave 1", "10 admit 3 10",
                              "10 leave 2", "10 admit 4 10", "20 leave 3", "20 leave 4"});
    CHECK(script.station.admissions().total() == 2);
    CHECK(script.station.waits().stats().count() == 2);
    CHECK(script.station.waits().stats().mean() == 10.0);
    CHECK(script.station.occupancy().mean() == Approx(2.0 * 20.0 / 100.0));
}
