// Moves that can repeat forever at one instant. The simulation clock only moves between
// events, so a youth who can go round a cycle of moves that each take no time keeps the run
// at one instant for good (two full services that send their waiting youths to each other
// after 0 days, a zero-length stay in a routing cycle, re-entry without delay after a
// zero-length stay). Such cycles are found in a graph of what a youth can do without time
// passing, with three states per service (as models/flow.cpp moves youths):
//
//   enter(S)  routed to S: admissible, or (when S can refuse it: admission rules, `opens`, an
//             admission stop) to a substitution alternative's list, the overflow or out;
//   list(S)   at S's station: admitted at once, rejected when the list is full (overflow or
//             out), or waiting: reneging after max_wait_days, substitution after after_days;
//   in(S)     admitted: after the stay, `next` (and routing shifts) or out;
//   out       left care: re-entry after reentry.delay_days through reentry.via's routes.
//
// Overflow moves are made within one call, whose depth the model bounds, so a cycle of
// overflows alone ends (the youth is turned away); a cycle through a timed move (reneging,
// substitution, a stay, re-entry) that can take no time does not. With regions each
// region's youths are followed as the model remaps roles.
#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <string_view>

#include <fmt/format.h>

#include "convert.hpp"

namespace zorgsim::scenario {

namespace {

/// A move shorter than this takes no time: late in a 100-year horizon the clock (a double
/// of days) cannot tell it from none, and a loop of such moves is stuck just the same.
constexpr Days no_time = 1e-6;
constexpr double inf = std::numeric_limits<double>::infinity();
/// A loop's message names at most this many services and reasons, then "and N more".
constexpr std::size_t max_named = 10;

struct Edge {
    int to = 0;
    bool timed = false; ///< through an event (resets the model's overflow depth)
    Position at;
    std::string why; ///< for the message
};

/// Whether a duration takes no time at least half the time: then a loop through it is stuck
/// about as often as not, draw after draw. Fixed draws, so that validate is reproducible.
bool takes_no_time(const Distribution& d, double scale) {
    if (d.mean() * scale < no_time)
        return true;
    constexpr int draws = 1000;
    RandomStream stream(1, 0, "scenario-check/zero-time");
    int none = 0;
    for (int k = 0; k < draws; ++k)
        none += d.sample(stream) * scale < no_time ? 1 : 0;
    return 2 * none >= draws;
}

void add_targets(const care::RoutingTable& table, std::vector<int>& out) {
    auto add = [&out](const care::Route& route) {
        for (std::size_t k = 0; k < route.targets.size(); ++k)
            if (route.probabilities[k] > 0)
                out.push_back(route.targets[k].service);
    };
    add(table.fallback);
    for (const auto& route : table.by_profile)
        if (route)
            add(*route);
}

std::string quoted(const std::string& id) {
    return fmt::format("'{}'", id);
}

class Graph {
  public:
    Graph(const Context& context, int region) : context_(context), s_(context.scenario) {
        n_ = s_.services.size();
        own_ = counterparts_in(s_, region);
        edges_.resize(3 * n_ + 1);
        for (std::size_t i = 0; i < n_; ++i)
            if (region < 0 || s_.services[i].region < 0 || s_.services[i].region == region)
                add_service(i);
        add_reentry();
    }

    std::size_t size() const { return edges_.size(); }
    const std::vector<Edge>& from(std::size_t node) const { return edges_[node]; }
    /// The service of a node, or -1 for `out`.
    int service_of(std::size_t node) const {
        return node == out() ? -1 : static_cast<int>(node / 3);
    }

  private:
    std::size_t enter(int service) const { return 3 * remap(service); }
    std::size_t list(int service) const { return 3 * remap(service) + 1; }
    std::size_t in(std::size_t service) const { return 3 * service + 2; }
    std::size_t out() const { return 3 * n_; }
    std::size_t remap(int service) const {
        return static_cast<std::size_t>(own_[static_cast<std::size_t>(service)]);
    }
    /// enter(target), or out for exit and for an overflow or renege_to naming the service
    /// itself (the model takes both as leaving; it compares the ids as written).
    std::size_t routed(int target, std::size_t self) const {
        return target < 0 || static_cast<std::size_t>(target) == self ? out() : enter(target);
    }
    const std::string& id(std::size_t service) const { return s_.services[service].id; }
    std::string name(std::size_t node) const {
        return node == out() ? std::string("out of care") : quoted(id(node / 3));
    }
    void add(std::size_t from, std::size_t to, bool timed, const Position& at, std::string why) {
        edges_[from].push_back({static_cast<int>(to), timed, at, std::move(why)});
    }

    bool can_refuse(std::size_t i) const {
        const care::Service& service = s_.services[i];
        if (service.min_age > 0 || service.max_age < inf || !service.admits_profile.empty() ||
            service.opens)
            return true;
        return std::any_of(s_.policies.begin(), s_.policies.end(), [i](const auto& change) {
            return change.kind == care::PolicyChange::Kind::admission_stop &&
                   change.service == static_cast<int>(i);
        });
    }

    /// The smallest factor length_of_stay policies can bring the stays of service i down to.
    double stay_scale(std::size_t i) const {
        double scale = 1.0;
        for (const auto& change : s_.policies)
            if (change.kind == care::PolicyChange::Kind::stay_multiplier &&
                change.service == static_cast<int>(i) && change.value < 1.0)
                scale *= change.value;
        return scale;
    }

    bool stay_takes_no_time(std::size_t i) const {
        const care::Service& service = s_.services[i];
        const double scale = stay_scale(i);
        if (takes_no_time(service.stay, scale))
            return true;
        return std::any_of(service.stay_by_profile.begin(), service.stay_by_profile.end(),
                           [scale](const auto& d) { return d && takes_no_time(*d, scale); });
    }

    void add_service(std::size_t i) {
        const care::Service& service = s_.services[i];
        const ServicePlaces& places = context_.service_places[i];
        const std::string me = quoted(service.id);
        const auto self = static_cast<int>(i);
        add(3 * i, 3 * i + 1, false, places.item, {});
        if (can_refuse(i)) {
            if (service.substitution)
                for (int alternative : service.substitution->alternatives)
                    add(3 * i, list(alternative), false, places.substitution,
                        fmt::format("{} sends youths it may not admit to {} (substitution)", me,
                                    name(enter(alternative))));
            const std::size_t next = routed(service.overflow.service, i);
            add(3 * i, next, false, places.overflow,
                fmt::format("{} sends youths it may not admit to {} (overflow)", me, name(next)));
        }
        add(3 * i + 1, in(i), false, places.item, {});
        if (service.max_queue != std::numeric_limits<std::size_t>::max()) {
            const std::size_t next = routed(service.overflow.service, i);
            add(3 * i + 1, next, false, places.overflow,
                fmt::format("{} sends arrivals that find its list full to {} (overflow)", me,
                            name(next)));
        }
        const bool waits = service.max_queue > 0;
        if (waits && service.max_wait < no_time) {
            const std::size_t next = routed(service.renege_to.service, i);
            add(3 * i + 1, next, true, places.max_wait,
                fmt::format("{} sends those who wait to {} after {} days (max_wait_days)", me,
                            name(next), service.max_wait));
        }
        if (waits && service.substitution && service.substitution->after_days < no_time)
            for (int alternative : service.substitution->alternatives)
                add(3 * i + 1, in(remap(alternative)), true, places.substitution,
                    fmt::format("{} places those who wait in {} after {} days (substitution)", me,
                                name(enter(alternative)), service.substitution->after_days));
        if (stay_takes_no_time(i)) {
            std::vector<int> targets;
            add_targets(service.next, targets);
            for (const auto& change : s_.policies)
                if (change.kind == care::PolicyChange::Kind::routing_shift &&
                    change.service == self && change.source < 0)
                    targets.push_back(change.to.service);
            std::set<std::size_t> seen;
            for (int target : targets)
                if (const std::size_t next = target < 0 ? out() : enter(target);
                    seen.insert(next).second)
                    add(in(i), next, true, places.next,
                        fmt::format("a stay in {} can take no time (duration_days) and then "
                                    "leads to {}",
                                    me, name(next)));
        }
    }

    void add_reentry() {
        const care::Reentry& rule = s_.reentry;
        if (rule.source < 0 || static_cast<std::size_t>(rule.source) >= s_.sources.size())
            return;
        double probability = rule.probability;
        for (const care::Service& service : s_.services)
            probability = std::max(probability, service.reentry_probability.value_or(0.0));
        if (probability <= 0 || !takes_no_time(rule.delay_days, 1.0))
            return;
        const care::Source& via = s_.sources[static_cast<std::size_t>(rule.source)];
        std::vector<int> targets;
        add_targets(via.to, targets);
        for (const auto& change : s_.policies)
            if (change.kind == care::PolicyChange::Kind::routing_shift &&
                change.source == rule.source)
                targets.push_back(change.to.service);
        std::set<std::size_t> seen;
        for (int target : targets)
            if (const std::size_t next = target < 0 ? out() : enter(target);
                seen.insert(next).second)
                add(out(), next, true, context_.reentry_delay,
                    fmt::format("those who leave come back to {} without delay "
                                "(reentry.delay_days, via '{}')",
                                name(next), via.id));
    }

    const Context& context_;
    const care::Scenario& s_;
    std::size_t n_ = 0;
    std::vector<int> own_;
    std::vector<std::vector<Edge>> edges_;
};

/// Strongly connected components (Tarjan's algorithm, iterative: a scenario may have many
/// services), each as its nodes; the component of node v is component[v].
std::vector<int> components(const Graph& graph) {
    const std::size_t n = graph.size();
    std::vector<int> index(n, -1), low(n, 0), component(n, -1);
    std::vector<bool> on_stack(n, false);
    std::vector<std::size_t> stack;
    std::vector<std::pair<std::size_t, std::size_t>> work; // (node, next edge)
    int counter = 0;
    int found = 0;
    for (std::size_t root = 0; root < n; ++root) {
        if (index[root] >= 0)
            continue;
        work.push_back({root, 0});
        while (!work.empty()) {
            auto& [v, next] = work.back();
            if (next == 0 && index[v] < 0) {
                index[v] = low[v] = counter++;
                stack.push_back(v);
                on_stack[v] = true;
            }
            const auto& edges = graph.from(v);
            if (next < edges.size()) {
                const auto w = static_cast<std::size_t>(edges[next++].to);
                if (index[w] < 0)
                    work.push_back({w, 0});
                else if (on_stack[w])
                    low[v] = std::min(low[v], index[w]);
                continue;
            }
            if (low[v] == index[v]) {
                std::size_t w = 0;
                do {
                    w = stack.back();
                    stack.pop_back();
                    on_stack[w] = false;
                    component[w] = found;
                } while (w != v);
                ++found;
            }
            const std::size_t done = v;
            work.pop_back();
            if (!work.empty())
                low[work.back().first] = std::min(low[work.back().first], low[done]);
        }
    }
    return component;
}

} // namespace

void check_zero_time_loops(Context& context) {
    const care::Scenario& s = context.scenario;
    if (s.services.empty() || context.service_places.size() != s.services.size())
        return;
    std::vector<int> regions;
    if (s.regions.empty())
        regions.push_back(-1);
    for (std::size_t r = 0; r < s.regions.size(); ++r)
        regions.push_back(static_cast<int>(r));
    std::set<std::vector<int>> reported; // the services of a loop, once for every region
    for (int region : regions) {
        const Graph graph(context, region);
        const std::vector<int> component = components(graph);
        // A component loops forever when a timed move lies inside it (every move inside a
        // component lies on a cycle of it). One pass over the nodes and one over the moves.
        const auto count =
            static_cast<std::size_t>(1 + *std::max_element(component.begin(), component.end()));
        std::vector<std::vector<const Edge*>> inside(count); // component -> its moves
        std::vector<bool> timed(count, false);
        std::vector<std::vector<int>> services_of(count); // component -> its services
        for (std::size_t v = 0; v < graph.size(); ++v) {
            const auto c = static_cast<std::size_t>(component[v]);
            if (const int service = graph.service_of(v);
                service >= 0 && (services_of[c].empty() || services_of[c].back() != service))
                services_of[c].push_back(service);
            for (const Edge& edge : graph.from(v))
                if (component[static_cast<std::size_t>(edge.to)] == component[v]) {
                    inside[c].push_back(&edge);
                    timed[c] = timed[c] || edge.timed;
                }
        }
        for (std::size_t c = 0; c < count; ++c) {
            if (!timed[c] || inside[c].empty())
                continue;
            const std::vector<int>& services = services_of[c];
            if (!reported.insert(services).second)
                continue;
            std::vector<std::string> names;
            for (std::size_t k = 0; k < services.size() && k < max_named; ++k)
                names.push_back(quoted(s.services[static_cast<std::size_t>(services[k])].id));
            if (services.size() > max_named)
                names.push_back(fmt::format("and {} more", services.size() - max_named));
            // The first few distinct reasons, with at least one timed move among them.
            std::vector<std::string> reasons;
            std::set<std::string_view> seen;
            std::size_t more = 0;
            const Edge* first_timed = nullptr;
            for (const Edge* edge : inside[c]) {
                if (edge->why.empty() || !seen.insert(edge->why).second)
                    continue;
                const bool take = reasons.size() < max_named ||
                                  (!first_timed && edge->timed && reasons.size() == max_named);
                if (!take) {
                    ++more;
                    continue;
                }
                reasons.push_back(edge->why);
                if (!first_timed && edge->timed)
                    first_timed = edge;
            }
            if (!first_timed)
                continue;
            if (more > 0)
                reasons.push_back(fmt::format("and {} more", more));
            context.read.diagnostics().error(
                first_timed->at,
                fmt::format("zero-time loop: youths can go round {} forever without simulated "
                            "time passing ({}); give one of these moves time (a stay, "
                            "max_wait_days, after_days or reentry.delay_days above 0) or break "
                            "the cycle",
                            fmt::join(names, ", "), fmt::join(reasons, "; ")));
        }
    }
}

void check_runaway(Context& context) {
    check_inflow(context);
    check_zero_time_loops(context);
}

} // namespace zorgsim::scenario
