// Specification of the Simulation: its clock, run_until, and the order in which simultaneous
// events are handled. Exact timelines, in the manner of SimCpp20's tests.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <limits>
#include <thread>
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

namespace {

/// Two handlers that hand a subject to each other at zero delay, for ever (from `start` on).
struct PingPong final : zorgsim::EventHandler {
    PingPong* other = nullptr;
    std::uint64_t handled = 0;
    void handle(Simulation& simulation, std::uint32_t kind, std::uint32_t subject) override {
        ++handled;
        simulation.schedule_in(0.0, priority::timeout, *other, kind, subject);
    }
};

} // namespace

TEST_CASE("Events at one instant beyond the limit end the run with ZeroTimeLoop, naming the "
          "handlers that kept it busy",
          "[simulation][limits]") {
    zorgsim::SimulationLimits limits;
    limits.max_events_per_instant = 1000;
    Simulation simulation(limits);
    PingPong a, b;
    a.other = &b;
    b.other = &a;
    Car car; // moves the clock on: only time that stands still counts
    simulation.schedule_at(0.0, priority::bookkeeping, car, Car::park);
    simulation.schedule_at(3.5, priority::timeout, a, 7, 42);
    try {
        simulation.run_until(100.0);
        FAIL("expected a ZeroTimeLoop");
    } catch (const Simulation::ZeroTimeLoop& loop) {
        CHECK(loop.time == 3.5);
        CHECK(loop.handled == 1000);
        CHECK(a.handled + b.handled == 1000);
        REQUIRE(loop.recent.size() == Simulation::loop_events_kept);
        for (const auto& event : loop.recent) {
            CHECK((event.target == &a || event.target == &b));
            CHECK(event.kind == 7);
            CHECK(event.subject == 42);
        }
        CHECK(loop.recent.back().target == &b); // oldest first: a handled the 1st, b the 1000th
    }
    CHECK(simulation.now() == 3.5);
}

TEST_CASE("Up to the limit of events at one instant, and any number spread over time, run "
          "normally",
          "[simulation][limits]") {
    zorgsim::SimulationLimits limits;
    limits.max_events_per_instant = 300;
    Simulation simulation(limits);
    Recorder recorder;
    for (std::uint32_t i = 0; i < 300; ++i)
        simulation.schedule_at(2.0, priority::arrival, recorder, i);
    for (std::uint32_t i = 0; i < 300; ++i)
        simulation.schedule_at(2.5, priority::arrival, recorder, i);
    for (std::uint32_t i = 0; i < 5000; ++i)
        simulation.schedule_at(3.0 + i * 1e-3, priority::arrival, recorder, i);
    simulation.run_until(100.0);
    CHECK(recorder.log.size() == 5600);
    CHECK(simulation.peak_events_at_one_instant() == 300);
    CHECK(Simulation().peak_events_at_one_instant() == 0);
}

TEST_CASE("A raised stop flag ends run_until with Interrupted within a few thousand events, and "
          "a flag never raised changes nothing",
          "[simulation][limits]") {
    std::atomic<bool> stop{false};
    zorgsim::SimulationLimits limits;
    limits.stop = &stop;
    {
        Simulation watched(limits), plain;
        Car car_watched, car_plain;
        watched.schedule_at(0.0, priority::bookkeeping, car_watched, Car::park);
        plain.schedule_at(0.0, priority::bookkeeping, car_plain, Car::park);
        watched.run_until(50'000.0);
        plain.run_until(50'000.0);
        CHECK(car_watched.log == car_plain.log);
        CHECK(watched.events_handled() > 10 * zorgsim::SimulationLimits::stop_check_every);
    }
    {
        // Raised from another thread while a process runs for ever: run_until notices it.
        Simulation simulation(limits);
        Car car;
        simulation.schedule_at(0.0, priority::bookkeeping, car, Car::park);
        std::thread raiser([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            stop = true;
        });
        const auto started = std::chrono::steady_clock::now();
        CHECK_THROWS_AS(simulation.run_until(std::numeric_limits<Days>::infinity()),
                        zorgsim::Interrupted);
        raiser.join();
        CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
    }
    {
        // Raised already: nothing runs.
        Simulation simulation(limits);
        Car car;
        simulation.schedule_at(0.0, priority::bookkeeping, car, Car::park);
        CHECK_THROWS_AS(simulation.run_until(10.0), zorgsim::Interrupted);
        CHECK(car.log.empty());
    }
}
