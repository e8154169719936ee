// A small open queueing network built directly from engine primitives, for the validation
// tests: Poisson sources, Stations with any service distribution, probabilistic routing
// after service (DiscreteChoice), priority classes and finite waiting lists. Every random
// draw comes from a named stream ("source/NAME", "service/NODE", "routing/NODE"), as in
// the models.
//
// It also keeps the books the tests need to hold the engine to account: per-visit waits by
// priority class, sojourn times, arrivals per node, and the exact time entities spent in
// each station within [warm-up, horizon] (the sample-path side of Little's law).
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "zorgsim/engine/distribution.hpp"
#include "zorgsim/engine/random.hpp"
#include "zorgsim/engine/running_stats.hpp"
#include "zorgsim/engine/simulation.hpp"
#include "zorgsim/engine/station.hpp"

namespace zorgsim::testing {

struct NodeSpec {
    std::string name;
    int servers = 1;
    Distribution service;
    std::size_t max_queue = StationConfig::unlimited;
    int priority_classes = 1;
};

struct SourceSpec {
    std::string name;
    double rate_per_day = 1.0; ///< Poisson arrivals
    std::size_t node = 0;      ///< where arrivals go first
    int priority_class = 0;
};

struct NetworkSpec {
    std::vector<NodeSpec> nodes;
    std::vector<SourceSpec> sources;
    /// routing[i][j]: probability that an entity leaving node i goes on to node j; the rest of
    /// row i leaves the network. Empty: everyone leaves after one service.
    std::vector<std::vector<double>> routing;
    Days warmup = 0.0;
    Days horizon = 1000.0;
    /// Sources stop when this many entities are inside at once: an unstable network (a rate
    /// taken for a mean, say) then fails its checks in a second instead of running for hours.
    std::uint64_t max_in_system = 100000;
};

struct NodeResult {
    // Time averages over [warm-up, horizon], as the Station measures them.
    double in_service = 0.0;
    double waiting = 0.0;
    double in_station() const { return in_service + waiting; }
    // Per visit, for visits admitted (waits) or ended (sojourns) after the warm-up.
    double mean_wait = 0.0; ///< the Station's own tally
    std::vector<RunningStats> wait_by_class;
    RunningStats sojourn; ///< arrival to departure (or renege), visits begun after warm-up
    // Counts after the warm-up.
    std::uint64_t arrivals_after_warmup = 0;
    std::uint64_t rejections_after_warmup = 0;
    // Counts over the whole run, for conservation.
    std::uint64_t arrivals = 0;
    std::uint64_t admissions = 0;
    std::uint64_t departures = 0;
    std::uint64_t rejections = 0;
    std::uint64_t reneges = 0;
    std::size_t waiting_at_end = 0;
    std::size_t in_service_at_end = 0;
    // Both sides of Little's law on the sample path over [warm-up, horizon].
    double station_area = 0.0; ///< integral of (waiting + in service), from the Station
    double entity_time = 0.0;  ///< sum over visits of their time in the station
};

struct NetworkResult {
    std::vector<NodeResult> nodes;
    std::uint64_t created = 0;
    std::uint64_t exited = 0; ///< after service, or rejected with nowhere else to go
    std::uint64_t in_system_at_end = 0;
    std::uint64_t events = 0;
    Days span = 0.0;         ///< horizon - warm-up
    bool overflowed = false; ///< max_in_system was reached and the sources stopped
};

class OpenNetwork final : public StationListener, public EventHandler {
  public:
    OpenNetwork(const NetworkSpec& spec, std::uint64_t seed, std::uint64_t replication)
        : spec_(spec), grid_({0.0}, spec.horizon, spec.warmup) {
        for (std::size_t i = 0; i < spec.nodes.size(); ++i) {
            const NodeSpec& n = spec.nodes[i];
            StationConfig config;
            config.index = static_cast<std::uint32_t>(i);
            config.capacity = n.servers;
            config.max_queue = n.max_queue;
            config.priority_classes = n.priority_classes;
            Node node{std::make_unique<Station>(simulation_, *this, grid_, config),
                      RandomStream(seed, replication, "service/" + n.name),
                      RandomStream(seed, replication, "routing/" + n.name),
                      DiscreteChoice({1.0}),
                      {}};
            std::vector<double> weights;
            double onward = 0.0;
            if (!spec.routing.empty()) {
                for (std::size_t j = 0; j < spec.nodes.size(); ++j) {
                    const double p = spec.routing.at(i).at(j);
                    if (p > 0.0) {
                        weights.push_back(p);
                        node.destinations.push_back(j);
                        onward += p;
                    }
                }
            }
            if (onward > 1.0 + 1e-12)
                throw std::invalid_argument("routing row " + n.name + " sums above 1");
            if (onward < 1.0 - 1e-12) {
                weights.push_back(1.0 - onward);
                node.destinations.push_back(exit_node);
            }
            node.next = DiscreteChoice(weights);
            nodes_.push_back(std::move(node));
            result_.nodes.emplace_back();
            result_.nodes.back().wait_by_class.resize(
                static_cast<std::size_t>(std::max(1, n.priority_classes)));
        }
        for (const SourceSpec& s : spec.sources) {
            sources_.push_back(Source{RandomStream(seed, replication, "source/" + s.name),
                                      Distribution::exponential(1.0 / s.rate_per_day)});
        }
    }

    NetworkResult run() {
        for (std::size_t s = 0; s < sources_.size(); ++s)
            schedule_arrival(s);
        simulation_.run_until(spec_.horizon);
        for (std::size_t i = 0; i < nodes_.size(); ++i)
            close_books(i);
        for (const Entity& e : entities_)
            if (e.active)
                add_time_in_station(e, spec_.horizon);
        result_.events = simulation_.events_handled();
        result_.span = spec_.horizon - spec_.warmup;
        return std::move(result_);
    }

    void on_admitted(Station& station, EntityId id, Days waited) override {
        Entity& e = entities_[id];
        const Days now = simulation_.now();
        e.admitted = now;
        if (now >= spec_.warmup)
            result_.nodes[station.index()].wait_by_class[static_cast<std::size_t>(e.cls)].add(
                waited);
        const double service =
            spec_.nodes[station.index()].service.sample(nodes_[station.index()].service_stream);
        simulation_.schedule_in(service, event_priority::departure, *this, departure_event, id);
    }

    void on_reneged(Station&, EntityId id, Days) override {
        end_visit(entities_[id]);
        leave(id);
    }

    void handle(Simulation&, std::uint32_t kind, std::uint32_t subject) override {
        if (kind == arrival_event) {
            if (result_.created - result_.exited >= spec_.max_in_system) {
                result_.overflowed = true;
                return;
            }
            const SourceSpec& source = spec_.sources[subject];
            const EntityId id = create(source.priority_class);
            schedule_arrival(subject);
            enter(source.node, id);
        } else {
            Entity& e = entities_[subject];
            Node& node = nodes_[e.node];
            node.station->release(e.admitted);
            end_visit(e);
            const std::size_t next = node.destinations[node.next.sample(node.routing_stream)];
            if (next == exit_node)
                leave(subject);
            else
                enter(next, subject);
        }
    }

  private:
    static constexpr std::uint32_t arrival_event = 0;
    static constexpr std::uint32_t departure_event = 1;
    static constexpr std::size_t exit_node = std::numeric_limits<std::size_t>::max();

    struct Node {
        std::unique_ptr<Station> station;
        RandomStream service_stream;
        RandomStream routing_stream;
        DiscreteChoice next;
        std::vector<std::size_t> destinations; ///< node index per outcome of `next`
    };
    struct Source {
        RandomStream stream;
        Distribution interarrival;
    };
    struct Entity {
        std::size_t node = 0;
        int cls = 0;
        Days arrived = 0.0; ///< at its current node
        Days admitted = 0.0;
        bool active = false;
    };

    void schedule_arrival(std::size_t s) {
        const double gap = sources_[s].interarrival.sample(sources_[s].stream);
        simulation_.schedule_in(gap, event_priority::arrival, *this, arrival_event,
                                static_cast<std::uint32_t>(s));
    }

    EntityId create(int cls) {
        ++result_.created;
        EntityId id;
        if (free_.empty()) {
            id = static_cast<EntityId>(entities_.size());
            entities_.emplace_back();
        } else {
            id = free_.back();
            free_.pop_back();
        }
        entities_[id] = Entity{0, cls, 0.0, 0.0, true};
        return id;
    }

    void enter(std::size_t node, EntityId id) {
        Entity& e = entities_[id];
        const Days now = simulation_.now();
        e.node = node;
        e.arrived = now;
        NodeResult& r = result_.nodes[node];
        ++r.arrivals;
        if (now >= spec_.warmup)
            ++r.arrivals_after_warmup;
        if (nodes_[node].station->arrive(id, e.cls) == Station::Arrival::rejected) {
            if (now >= spec_.warmup)
                ++r.rejections_after_warmup;
            leave(id); // overflow route: out of the network
        }
    }

    void end_visit(const Entity& e) {
        const Days now = simulation_.now();
        if (e.arrived >= spec_.warmup)
            result_.nodes[e.node].sojourn.add(now - e.arrived);
        add_time_in_station(e, now);
    }

    void add_time_in_station(const Entity& e, Days until) {
        const Days from = std::max(e.arrived, spec_.warmup);
        if (until > from)
            result_.nodes[e.node].entity_time += until - from;
    }

    void leave(EntityId id) {
        entities_[id].active = false;
        free_.push_back(id);
        ++result_.exited;
    }

    void close_books(std::size_t i) {
        Station& station = *nodes_[i].station;
        station.finish(spec_.horizon);
        NodeResult& r = result_.nodes[i];
        r.in_service = station.occupancy().mean();
        r.waiting = station.queue().mean();
        r.mean_wait = station.waits().stats().mean();
        r.admissions = station.admissions().in_period(0);
        r.departures = station.departures().in_period(0);
        r.rejections = station.rejections().in_period(0);
        r.reneges = station.reneges().in_period(0);
        r.waiting_at_end = station.queue_length();
        r.in_service_at_end = static_cast<std::size_t>(station.occupied());
        r.station_area =
            station.occupancy().area_after_warmup() + station.queue().area_after_warmup();
        result_.in_system_at_end += r.waiting_at_end + r.in_service_at_end;
    }

    const NetworkSpec& spec_;
    Simulation simulation_;
    PeriodGrid grid_;
    std::vector<Node> nodes_;
    std::vector<Source> sources_;
    std::vector<Entity> entities_;
    std::vector<EntityId> free_;
    NetworkResult result_;
};

/// Runs one replication of the network.
inline NetworkResult simulate(const NetworkSpec& spec, std::uint64_t seed,
                              std::uint64_t replication) {
    return OpenNetwork(spec, seed, replication).run();
}

} // namespace zorgsim::testing
