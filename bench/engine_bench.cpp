// Benchmark of the engine's hot paths.
//
// (a) The classic hold model: N events pending; each popped event schedules one more at
//     now + an exponential(1) delay. Measured through the engine's Simulation (virtual
//     dispatch to a handler), through its bare EventQueue, and through a std::priority_queue
//     loop doing the same work, the reference. Delays are drawn beforehand into a table
//     that every variant reads in the same order, so random-number cost is the same for all.
// (b) An M/M/c queue (c = 10, load 0.9) through a Station, with the engine's own random
//     streams and distributions and the Station's full statistics: events per second of a
//     realistic model.
//
//   zorgsim_bench_engine [hold|mmc|all] [--events N] [--repeat R] [--pending N]
//
// --pending runs the hold model with that many pending events only (default: 10, 1000 and
// 100000 in turn).
//
// Times are CPU seconds of the benchmark thread (CLOCK_THREAD_CPUTIME_ID), not wall-clock
// seconds, so that other processes on a shared machine do not count against the engine; each
// figure is the best of R runs (default 3), the run least disturbed by cache sharing.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <queue>
#include <string>
#include <vector>

#include "zorgsim/engine/distribution.hpp"
#include "zorgsim/engine/event_queue.hpp"
#include "zorgsim/engine/random.hpp"
#include "zorgsim/engine/simulation.hpp"
#include "zorgsim/engine/station.hpp"

namespace {

using zorgsim::Days;

/// CPU time of the calling thread, in seconds.
double cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

constexpr std::size_t table_size = std::size_t{1} << 20; // 8 MB of delays, reused cyclically
constexpr std::size_t table_mask = table_size - 1;

std::vector<double> exponential_table() {
    zorgsim::RandomStream stream(1, 0, "bench/hold");
    const auto d = zorgsim::Distribution::exponential(1.0);
    std::vector<double> table(table_size);
    for (double& x : table)
        x = d.sample(stream);
    return table;
}

struct Figure {
    double seconds = 0.0;
    std::uint64_t events = 0;
    double checksum = 0.0; ///< keeps the optimiser from dropping the work
    double rate() const { return static_cast<double>(events) / seconds; }
};

template <class Run> Figure best_of(int repeat, Run run) {
    Figure best;
    for (int i = 0; i < repeat; ++i) {
        const Figure f = run();
        if (i == 0 || f.seconds < best.seconds)
            best = f;
    }
    return best;
}

double since(double start) {
    return cpu_seconds() - start;
}

// --- (a) hold model --------------------------------------------------------------------

/// The reference: a bare std::priority_queue of (time, sequence) with the same total order
/// as the engine's (priorities are all equal here), no cancellation, no dispatch.
Figure hold_priority_queue(const std::vector<double>& delays, std::size_t pending,
                           std::uint64_t events) {
    struct Entry {
        double time;
        std::uint64_t sequence;
        std::uint32_t payload;
    };
    struct Later {
        bool operator()(const Entry& a, const Entry& b) const {
            return a.time != b.time ? a.time > b.time : a.sequence > b.sequence;
        }
    };
    std::vector<Entry> storage;
    storage.reserve(pending + 1);
    std::priority_queue<Entry, std::vector<Entry>, Later> queue(Later{}, std::move(storage));
    std::size_t next = 0;
    std::uint64_t sequence = 0;
    for (std::size_t i = 0; i < pending; ++i)
        queue.push(Entry{delays[next++ & table_mask], sequence++, 0});
    const double start = cpu_seconds();
    double now = 0.0;
    for (std::uint64_t i = 0; i < events; ++i) {
        const Entry e = queue.top();
        queue.pop();
        now = e.time;
        queue.push(Entry{now + delays[next++ & table_mask], sequence++, e.payload + 1});
    }
    return {since(start), events, now};
}

Figure hold_event_queue(const std::vector<double>& delays, std::size_t pending,
                        std::uint64_t events) {
    zorgsim::EventQueue<std::uint32_t> queue;
    queue.reserve(pending + 1);
    std::size_t next = 0;
    for (std::size_t i = 0; i < pending; ++i)
        queue.push(delays[next++ & table_mask], 0, 0);
    const double start = cpu_seconds();
    double now = 0.0;
    for (std::uint64_t i = 0; i < events; ++i) {
        const auto [entry, payload] = queue.pop();
        now = entry.time;
        queue.push(now + delays[next++ & table_mask], 0, payload + 1);
    }
    return {since(start), events, now};
}

/// Each event schedules its successor until `remaining` runs out; then the queue drains.
class HoldProcess final : public zorgsim::EventHandler {
  public:
    HoldProcess(const std::vector<double>& delays, std::uint64_t events)
        : delays_(delays), remaining_(events) {}
    void handle(zorgsim::Simulation& simulation, std::uint32_t kind, std::uint32_t) override {
        last_time = simulation.now();
        if (remaining_ == 0)
            return;
        --remaining_;
        simulation.schedule_in(delays_[next_++ & table_mask], zorgsim::event_priority::arrival,
                               *this, kind + 1);
    }
    std::size_t next_ = 0;
    double last_time = 0.0;

  private:
    const std::vector<double>& delays_;
    std::uint64_t remaining_;
};

Figure hold_simulation(const std::vector<double>& delays, std::size_t pending,
                       std::uint64_t events) {
    zorgsim::Simulation simulation;
    simulation.reserve(pending + 1);
    HoldProcess process(delays, events);
    for (std::size_t i = 0; i < pending; ++i)
        simulation.schedule_at(delays[process.next_++ & table_mask],
                               zorgsim::event_priority::arrival, process, 0);
    const double start = cpu_seconds();
    simulation.run_until(std::numeric_limits<Days>::infinity());
    // The last `pending` events schedule nothing: count only the hold steps, as the others.
    return {since(start), events, process.last_time};
}

// --- (b) M/M/c through a Station -------------------------------------------------------

class MMcModel final : public zorgsim::StationListener, public zorgsim::EventHandler {
  public:
    MMcModel(int servers, double load, std::uint64_t arrivals)
        : grid_({0.0}, 1e15, 0.0), station_(simulation_, *this, grid_, config(servers)),
          arrival_stream_(1, 0, "bench/arrivals"), service_stream_(1, 0, "bench/service"),
          interarrival_(zorgsim::Distribution::exponential(1.0 / (load * servers))),
          service_(zorgsim::Distribution::exponential(1.0)), arrivals_left_(arrivals) {}

    Figure run() {
        simulation_.reserve(1024);
        schedule_arrival();
        const double start = cpu_seconds();
        simulation_.run_until(std::numeric_limits<Days>::infinity());
        const double seconds = since(start);
        return {seconds, simulation_.events_handled(), station_.waits().stats().mean()};
    }

    void on_admitted(zorgsim::Station&, zorgsim::EntityId entity, Days) override {
        admitted_at_[entity] = simulation_.now();
        simulation_.schedule_in(service_.sample(service_stream_),
                                zorgsim::event_priority::departure, *this, departure, entity);
    }
    void on_reneged(zorgsim::Station&, zorgsim::EntityId, Days) override {}

    void handle(zorgsim::Simulation&, std::uint32_t kind, std::uint32_t entity) override {
        if (kind == arrival) {
            zorgsim::EntityId id;
            if (free_.empty()) {
                id = static_cast<zorgsim::EntityId>(admitted_at_.size());
                admitted_at_.push_back(0.0);
            } else {
                id = free_.back();
                free_.pop_back();
            }
            schedule_arrival();
            station_.arrive(id);
        } else {
            station_.release(admitted_at_[entity]);
            free_.push_back(entity);
        }
    }

  private:
    static constexpr std::uint32_t arrival = 0;
    static constexpr std::uint32_t departure = 1;

    static zorgsim::StationConfig config(int servers) {
        zorgsim::StationConfig c;
        c.capacity = servers;
        return c;
    }
    void schedule_arrival() {
        if (arrivals_left_ == 0)
            return;
        --arrivals_left_;
        simulation_.schedule_in(interarrival_.sample(arrival_stream_),
                                zorgsim::event_priority::arrival, *this, arrival);
    }

    zorgsim::Simulation simulation_;
    zorgsim::PeriodGrid grid_;
    zorgsim::Station station_;
    zorgsim::RandomStream arrival_stream_;
    zorgsim::RandomStream service_stream_;
    zorgsim::Distribution interarrival_;
    zorgsim::Distribution service_;
    std::uint64_t arrivals_left_;
    std::vector<Days> admitted_at_;
    std::vector<zorgsim::EntityId> free_;
};

// --- output ------------------------------------------------------------------------------

void row(const char* name, const std::string& pending, const Figure& f, double reference) {
    std::printf("%-34s %9s %11llu %9.3f %10.2f", name, pending.c_str(),
                static_cast<unsigned long long>(f.events), f.seconds, f.rate() / 1e6);
    if (reference > 0)
        std::printf(" %9.2fx", reference / f.seconds);
    std::printf("\n");
}

double peak_megabytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // ru_maxrss is in kB on Linux
}

} // namespace

int main(int argc, char** argv) {
    std::string which = "all";
    std::uint64_t events = 10'000'000;
    int repeat = 3;
    std::vector<std::size_t> pendings{10, 1000, 100000};
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--events" && i + 1 < argc)
            events = std::strtoull(argv[++i], nullptr, 10);
        else if (arg == "--repeat" && i + 1 < argc)
            repeat = std::max(1, std::atoi(argv[++i]));
        else if (arg == "--pending" && i + 1 < argc)
            pendings = {std::max<std::size_t>(1, std::strtoull(argv[++i], nullptr, 10))};
        else if (arg == "hold" || arg == "mmc" || arg == "all")
            which = arg;
        else {
            std::fprintf(stderr,
                         "usage: zorgsim_bench_engine [hold|mmc|all] [--events N] [--repeat R] "
                         "[--pending N]\n");
            return 2;
        }
    }

    std::printf("%-34s %9s %11s %9s %10s %10s\n", "benchmark", "pending", "events", "seconds",
                "Mevents/s", "time ratio");
    double checksum = 0.0;
    if (which == "hold" || which == "all") {
        const auto delays = exponential_table();
        for (std::size_t pending : pendings) {
            const auto reference =
                best_of(repeat, [&] { return hold_priority_queue(delays, pending, events); });
            const auto queue =
                best_of(repeat, [&] { return hold_event_queue(delays, pending, events); });
            const auto simulation =
                best_of(repeat, [&] { return hold_simulation(delays, pending, events); });
            const auto n = std::to_string(pending);
            row("hold: std::priority_queue (ref)", n, reference, 0.0);
            row("hold: zorgsim::EventQueue", n, queue, reference.seconds);
            row("hold: zorgsim::Simulation", n, simulation, reference.seconds);
            checksum += reference.checksum + queue.checksum + simulation.checksum;
        }
    }
    if (which == "mmc" || which == "all") {
        const auto mmc = best_of(repeat, [&] { return MMcModel(10, 0.9, events / 2).run(); });
        row("M/M/10, load 0.9, via Station", "-", mmc, 0.0);
        checksum += mmc.checksum;
    }
    std::printf("time ratio: reference seconds / these seconds (below 1: slower than the "
                "reference)\n");
    std::printf("peak memory (ru_maxrss): %.1f MB\n", peak_megabytes());
    std::printf("checksum: %.6g\n", checksum);
    return 0;
}
