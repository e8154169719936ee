// Specification of the Simulation: its clock, run_until, and the order in which simultaneous
// events are handled. Exact timelines, in the manner of SimCpp20's tests.
#include <catch2/catch.hpp>

#include <cstdint>
#include <tuple>
#include <vector>

#include "zorgsim/engine/simulation.hpp"

using zorgsim::Days;
using zorgsim::Simulation;
namespace priority = zorgsim::event_priority;

namespace {

/// Records (time, kind, subject) of every event it handles.
struct Recorder final : zorgsim::EventHandler {
    std::vector<std::tuple<Days, std::uint32_t, std::uint32_t>> log;
    void handle(Simulation& simulation, std::uint32_t kind, std::uint32_t subject) override {
        log.emplace_back(simulation.now(), kind, subject);
    }
};

/// A car that parks for 5 days and drives for 2, forever (the SimPy tutorial's first model).
struct Car final : zorgsim::EventHandler {
    static constexpr std::uint32_t park = 0;
    static constexpr std::uint32_t drive = 1;
    std::vector<std::pair<Days, std::uint32_t>> log;
    void handle(Simulation& simulation, std::uint32_t kind, std::uint32_t) override {
        log.emplace_back(simulation.now(), kind);
        if (kind == park)
            simulation.schedule_in(5.0, priority::bookkeeping, *this, drive);
        else
            simulation.schedule_in(2.0, priority::bookkeeping, *this, park);
    }
};

} // namespace

TEST_CASE("A new simulation starts at day 0 with nothing pending", "[simulation]") {
    Simulation simulation;
    CHECK(simulation.now() == 0.0);
    CHECK(simulation.pending() == 0);
    CHECK(simulation.events_handled() == 0);
}

TEST_CASE("A self-scheduling process follows its exact timeline", "[simulation]") {
    Simulation simulation;
    Car car;
    simulation.schedule_at(0.0, priority::bookkeeping, car, Car::park);
    simulation.run_until(15.0);
    using Log = std::vector<std::pair<Days, std::uint32_t>>;
    CHECK(car.log == Log{{0.0, Car::park},
                         {5.0, Car::drive},
                         {7.0, Car::park},
                         {12.0, Car::drive},
                         {14.0, Car::park}});
    CHECK(simulation.now() == 15.0);
    CHECK(simulation.events_handled() == 5);
    CHECK(simulation.pending() == 1); // the drive at 19
}

TEST_CASE("run_until handles events strictly before the end and leaves the clock at the end",
          "[simulation]") {
    Simulation simulation;
    Recorder recorder;
    simulation.schedule_at(1.0, priority::arrival, recorder, 1);
    simulation.schedule_at(10.0, priority::policy, recorder, 2); // exactly at the end
    simulation.schedule_at(12.0, priority::arrival, recorder, 3);
    simulation.run_until(10.0);
    REQUIRE(recorder.log.size() == 1);
    CHECK(simulation.now() == 10.0);
    CHECK(simulation.pending() == 2);

    SECTION("a later run_until picks up where it stopped") {
        simulation.run_until(20.0);
        using Log = std::vector<std::tuple<Days, std::uint32_t, std::uint32_t>>;
        CHECK(recorder.log == Log{{1.0, 1, 0}, {10.0, 2, 0}, {12.0, 3, 0}});
        CHECK(simulation.now() == 20.0);
    }
    SECTION("an end in the past never moves the clock back") {
        simulation.run_until(3.0);
        CHECK(simulation.now() == 10.0);
        CHECK(recorder.log.size() == 1);
    }
}

TEST_CASE("Simultaneous events run in the documented priority order: policy, capacity "
          "change, departure, time-out, arrival, bookkeeping",
          "[simulation]") {
    Simulation simulation;
    Recorder recorder;
    // Scheduled in the reverse of the order they must run in.
    simulation.schedule_at(3.0, priority::bookkeeping, recorder, 6);
    simulation.schedule_at(3.0, priority::arrival, recorder, 5);
    simulation.schedule_at(3.0, priority::timeout, recorder, 4);
    simulation.schedule_at(3.0, priority::departure, recorder, 3);
    simulation.schedule_at(3.0, priority::capacity_change, recorder, 2);
    simulation.schedule_at(3.0, priority::policy, recorder, 1);
    simulation.run_until(4.0);
    std::vector<std::uint32_t> kinds;
    for (const auto& entry : recorder.log)
        kinds.push_back(std::get<1>(entry));
    CHECK(kinds == std::vector<std::uint32_t>{1, 2, 3, 4, 5, 6});
}

TEST_CASE("Events of equal time and priority run in the order they were scheduled",
          "[simulation]") {
    Simulation simulation;
    Recorder recorder;
    for (std::uint32_t subject = 0; subject < 5; ++subject)
        simulation.schedule_at(2.0, priority::arrival, recorder, 0, subject);
    simulation.run_until(3.0);
    std::vector<std::uint32_t> subjects;
    for (const auto& entry : recorder.log)
        subjects.push_back(std::get<2>(entry));
    CHECK(subjects == std::vector<std::uint32_t>{0, 1, 2, 3, 4});
}

TEST_CASE("An event scheduled in the past runs now, after what is already due now",
          "[simulation]") {
    struct LateScheduler final : zorgsim::EventHandler {
        Recorder* recorder = nullptr;
        void handle(Simulation& simulation, std::uint32_t, std::uint32_t) override {
            simulation.schedule_at(simulation.now() - 3.0, priority::arrival, *recorder, 9);
        }
    };
    Simulation simulation;
    Recorder recorder;
    LateScheduler late;
    late.recorder = &recorder;
    simulation.schedule_at(5.0, priority::policy, late, 0);
    simulation.schedule_at(5.0, priority::arrival, recorder, 1);
    simulation.run_until(6.0);
    using Log = std::vector<std::tuple<Days, std::uint32_t, std::uint32_t>>;
    CHECK(recorder.log == Log{{5.0, 1, 0}, {5.0, 9, 0}});
}

TEST_CASE("A cancelled event does not run, and cancelling an event that ran is harmless",
          "[simulation]") {
    Simulation simulation;
    Recorder recorder;
    const auto first = simulation.schedule_in(1.0, priority::arrival, recorder, 1);
    const auto second = simulation.schedule_in(2.0, priority::arrival, recorder, 2);
    CHECK(simulation.is_pending(second));
    CHECK(simulation.cancel(second));
    CHECK_FALSE(simulation.is_pending(second));
    simulation.run_until(5.0);
    CHECK(recorder.log.size() == 1);
    CHECK_FALSE(simulation.cancel(first));
    CHECK_FALSE(simulation.cancel(zorgsim::EventId{}));
    CHECK(simulation.events_handled() == 1);
}

TEST_CASE("schedule_in is relative to the current time", "[simulation]") {
    struct Chain final : zorgsim::EventHandler {
        std::vector<Days> times;
        void handle(Simulation& simulation, std::uint32_t kind, std::uint32_t) override {
            times.push_back(simulation.now());
            if (kind > 0)
                simulation.schedule_in(0.5 * kind, priority::arrival, *this, kind - 1);
        }
    };
    Simulation simulation;
    Chain chain;
    simulation.schedule_in(1.0, priority::arrival, chain, 3);
    simulation.run_until(100.0);
    CHECK(chain.times == std::vector<Days>{1.0, 2.5, 3.5, 4.0});
}
