// Properties of every replication: youths are conserved, outcomes are reproducible, and
// named random streams keep a service's draws when an unrelated part of the scenario changes
// (common random numbers).
#include <bit>
#include <cmath>
#include <cstring>

#include "model_support.hpp"

using namespace zorgsim;
using namespace zorgsim::care::testing;

namespace {

// Every feature at once: profiles, ages, aging out with extended care, re-entry, a crisis
// channel, bridging, reneging, blocking, substitution, admission rules, overflow, a census and
// a policy timeline.
constexpr std::string_view rich = R"(
format: 1
name: rich
start: 2025-01-01
horizon_days: 1826
period: quarter
profiles: [A, B, C]
population:
  exit_age: 18
  extended_care: {probability: 0.3, until_age: 21}
  adult_support_probability: 0.4
reentry:
  probability: 0.2
  delay_days: {dist: exponential, mean: 200}
  via: wijkteam
sources:
  - id: wijkteam
    rate_per_year: 300
    profiles: {A: 0.5, B: 0.3, C: 0.2}
    age_years: {dist: uniform, min: 0, max: 18}
    protection_share: 0.1
    to: {ambulant: 0.8, pleegzorg: 0.2}
  - id: crisisdienst
    rate_per_year: 40
    crisis: true
    profiles: {A: 0.2, B: 0.4, C: 0.4}
    age_years: {dist: uniform, min: 4, max: 18}
    to: crisis
services:
  - id: ambulant
    capacity: 40
    duration_days: {dist: lognormal, mean: 120, sd: 80}
    queue: {max_wait_days: 120, renege_to: exit}
    waiting: {bridging: overbrugging}
    next: {exit: 0.8, pleegzorg: 0.1, residential: 0.1}
    census: {occupied: 35, waiting: 10}
  - id: overbrugging
    capacity: 5
    duration_days: 1
  - id: crisis
    kind: placement
    capacity: 3
    duration_days: {dist: exponential, mean: 20}
    queue: {max_length: 0}
    overflow: residential
    waiting: {blocking: true}
    next: {exit: 0.3, pleegzorg: 0.4, residential: 0.3}
  - id: pleegzorg
    kind: placement
    capacity: 30
    duration_days: {dist: gamma, mean: 500, sd: 300}
    admission: {max_age: 18}
    substitution: {after_days: 28, to: [gezinshuis], retry_days: 7}
    next: {exit: 0.7, nazorg: 0.3}
    census: {occupied: 28, waiting: 5}
  - id: gezinshuis
    kind: placement
    capacity: 8
    duration_days: {dist: weibull, shape: 1.5, scale: 400}
    next: {exit: 0.5, nazorg: 0.5}
  - id: residential
    kind: placement
    capacity: 10
    duration_days: {dist: triangular, min: 30, mode: 120, max: 400}
    admission: {min_age: 6, profiles: [B, C]}
    substitution: {after_days: 60, to: [gezinshuis]}
    overflow: ambulant
    next: {exit: 0.5, nazorg: 0.5}
  - id: nazorg
    capacity: 20
    duration_days: {dist: uniform, min: 60, max: 120}
    reentry_probability: 0.05
policies:
  - id: prevention
    date: 2026-01-01
    inflow: {multiplier: 0.9, annual_change: -0.02}
  - id: shorter-foster-stays
    date: 2026-06-01
    length_of_stay: {service: pleegzorg, multiplier: 0.8}
  - id: more-foster-care
    date: 2027-01-01
    routing_shift: {service: crisis, from: residential, to: pleegzorg, fraction: 0.5}
  - id: staff-shortage
    date: 2027-06-01
    staff_available: {service: gezinshuis, fraction: 0.75}
  - id: residential-stop
    date: 2028-01-01
    admission_stop: {service: residential}
)";

void check_conservation(const Run& result) {
    // Everyone who was there at the start or came in has left or is still there.
    CHECK(result.system("census") + result.system("arrivals") ==
          result.system("exits") + result.system("in_system_end"));
    CHECK(result.system("in_care_end") == result.system("in_system_end"));
    CHECK(result.system("arrivals") == result.system("new_referrals") + result.system("reentries"));
    CHECK(result.system("youths") == result.system("new_referrals") + result.system("census"));
    CHECK(result.system("exits") >= result.system("aged_out") + result.system("no_suitable_place"));
}

/// Bitwise equality, so that NaN ("no observation") equals NaN.
bool same(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() &&
           (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

} // namespace

TEST_CASE("Census plus arrivals equals exits plus those in the system at the end, every "
          "replication of a scenario with every feature") {
    const auto scenario = load(rich);
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
        for (std::uint64_t replication = 0; replication < 2; ++replication) {
            INFO("seed " << seed << ", replication " << replication);
            Trace trace;
            const auto result = run(scenario, seed, replication, &trace);
            check_conservation(result);
            // The features were exercised.
            CHECK(result.system("reentries") > 0.0);
            CHECK(result.system("aged_out") > 0.0);
            CHECK(result.system("substitutions") > 0.0);
            CHECK(result.service("crisis", "blocked") > 0.0);
            CHECK(result.service("overbrugging", "admissions") > 0.0);
            CHECK(result.service("ambulant", "reneged") > 0.0);
            CHECK(trace.count("extended_care") > 0);
            // Time never runs backwards in a youth's path.
            std::map<std::uint64_t, Days> last;
            std::size_t backwards = 0;
            for (const auto& e : trace.events) {
                backwards += e.time < last[e.youth] ? 1 : 0;
                last[e.youth] = e.time;
            }
            CHECK(backwards == 0);
        }
    }
}

TEST_CASE("Census plus arrivals equals exits plus those in the system at the end, in the "
          "Westfriesland baseline") {
    const auto result = scenario::load_file(scenarios_dir / "westfriesland-baseline.yaml");
    INFO(Catch::Detail::stringify(messages(result)));
    REQUIRE(result.ok());
    auto baseline = *result.scenario;
    baseline.warmup_days = 0.0;
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
        INFO("seed " << seed);
        check_conservation(run(baseline, seed, 0));
    }
}

TEST_CASE("The same scenario, seed and replication give identical outcomes, another replication "
          "or seed gives different ones") {
    const auto scenario = load(rich);
    const auto first = run(scenario, 7, 3);
    const auto again = run(scenario, 7, 3);
    CHECK(same(first.outcome.summary, again.outcome.summary));
    CHECK(same(first.outcome.series, again.outcome.series));
    CHECK_FALSE(same(first.outcome.summary, run(scenario, 7, 4).outcome.summary));
    CHECK_FALSE(same(first.outcome.summary, run(scenario, 8, 3).outcome.summary));

    // The trace is reproducible too.
    Trace a, b;
    run(scenario, 7, 3, &a);
    run(scenario, 7, 3, &b);
    REQUIRE(a.events.size() == b.events.size());
    bool identical = true;
    for (std::size_t k = 0; k < a.events.size(); ++k)
        identical = identical && a.events[k].time == b.events[k].time &&
                    a.events[k].youth == b.events[k].youth &&
                    a.events[k].event == b.events[k].event &&
                    a.events[k].where == b.events[k].where;
    CHECK(identical);
}

namespace {

constexpr std::string_view two_services = R"(
format: 1
name: crn-base
start: 2025-01-01
horizon_days: 1000
sources:
  - id: huisarts
    rate_per_year: 200
    age_years: {dist: uniform, min: 4, max: 17}
    protection_share: 0.2
    to: ambulant
services:
  - id: ambulant
    capacity: 5
    duration_days: {dist: exponential, mean: 30}
    next: {exit: 0.7, residential: 0.3}
  - id: residential
    kind: placement
    capacity: 3
    duration_days: {dist: gamma, mean: 200, sd: 100}
)";

// The same region with a crisis channel and crisis beds added; nothing routes between them
// and the services above.
constexpr std::string_view crisis_added = R"(
format: 1
name: crn-crisis-added
start: 2025-01-01
horizon_days: 1000
sources:
  - id: huisarts
    rate_per_year: 200
    age_years: {dist: uniform, min: 4, max: 17}
    protection_share: 0.2
    to: ambulant
  - id: crisisdienst
    rate_per_year: 50
    crisis: true
    to: crisis
services:
  - id: crisis
    kind: placement
    capacity: 2
    duration_days: {dist: exponential, mean: 14}
    queue: {max_length: 0}
  - id: ambulant
    capacity: 5
    duration_days: {dist: exponential, mean: 30}
    next: {exit: 0.7, residential: 0.3}
  - id: residential
    kind: placement
    capacity: 3
    duration_days: {dist: gamma, mean: 200, sd: 100}
)";

/// The events at the given services and sources, without the youths' serial numbers (which
/// count every youth of the replication).
std::vector<std::pair<Days, std::string>> events_at(const Trace& trace,
                                                    const std::vector<std::string>& places) {
    std::vector<std::pair<Days, std::string>> out;
    for (const auto& e : trace.events)
        if (std::find(places.begin(), places.end(), e.where) != places.end())
            out.emplace_back(e.time, e.event + " " + e.where);
    return out;
}

} // namespace

TEST_CASE("Adding an unrelated service and source leaves the other services' draws and paths "
          "unchanged (common random numbers)") {
    const auto base = load(two_services);
    const auto variant = load(crisis_added);
    for (std::uint64_t replication = 0; replication < 3; ++replication) {
        INFO("replication " << replication);
        Trace base_trace, variant_trace;
        const auto a = run(base, 11, replication, &base_trace);
        const auto b = run(variant, 11, replication, &variant_trace);
        REQUIRE(b.system("arrivals") > a.system("arrivals")); // the crisis channel is used
        const std::vector<std::string> places{"huisarts", "ambulant", "residential"};
        CHECK(events_at(base_trace, places) == events_at(variant_trace, places));
        for (const auto& service : {"ambulant", "residential"})
            for (const auto metric : care::service_summary_metrics) {
                INFO(service << " " << metric);
                const double x = a.service(service, metric);
                const double y = b.service(service, metric);
                CHECK(((std::isnan(x) && std::isnan(y)) || x == y));
            }
    }
}

namespace {

using care::flow_ends;
using care::FlowEnd;
using care::FlowLayout;

/// The moves of a replication from FROM to TO ("source:ID", "service:ID", "start"; "service:ID",
/// "end:ID"), as the flow diagram draws them.
double moves(const Run& result, std::string_view from, std::string_view to) {
    const FlowLayout flows = result.layout.flows();
    auto index_of = [](const std::vector<std::string>& ids, std::string_view id) {
        const auto it = std::find(ids.begin(), ids.end(), id);
        REQUIRE(it != ids.end());
        return static_cast<std::size_t>(it - ids.begin());
    };
    std::size_t f = 0, t = 0;
    if (from == "start")
        f = flows.from_start();
    else if (from.starts_with("source:"))
        f = flows.from_source(index_of(result.layout.sources, from.substr(7)));
    else
        f = flows.from_service(index_of(result.layout.services, from.substr(8)));
    if (to.starts_with("end:")) {
        const auto it = std::find(flow_ends.begin(), flow_ends.end(), to.substr(4));
        REQUIRE(it != flow_ends.end());
        t = flows.to_end(static_cast<FlowEnd>(it - flow_ends.begin()));
    } else {
        t = flows.to_service(index_of(result.layout.services, to.substr(8)));
    }
    return result.outcome.flows[flows.cell(f, t)];
}

void check_flows(const Run& result, bool from_day_zero) {
    const FlowLayout flows = result.layout.flows();
    const auto& m = result.outcome.flows;
    REQUIRE(m.size() == flows.size());
    auto row = [&](std::size_t from) {
        double sum = 0.0;
        for (std::size_t to = 0; to < flows.to_count(); ++to)
            sum += m[flows.cell(from, to)];
        return sum;
    };
    auto column = [&](std::size_t to) {
        double sum = 0.0;
        for (std::size_t from = 0; from < flows.from_count(); ++from)
            sum += m[flows.cell(from, to)];
        return sum;
    };
    for (std::size_t s = 0; s < flows.services; ++s) {
        INFO("service " << result.layout.services[s]);
        CHECK(column(flows.to_service(s)) == row(flows.from_service(s)));
    }
    for (double count : m)
        CHECK(count >= 0.0);
    const double still_there = column(flows.to_end(FlowEnd::in_care_at_end)) +
                               column(flows.to_end(FlowEnd::waiting_at_end));
    CHECK(still_there == result.system("in_system_end"));
    if (!from_day_zero)
        return;
    double from_channels = 0.0;
    for (std::size_t source = 0; source < flows.sources; ++source)
        from_channels += row(flows.from_source(source));
    CHECK(from_channels == result.system("arrivals"));
    double ended = 0.0;
    for (const FlowEnd end : {FlowEnd::discharged, FlowEnd::aged_out, FlowEnd::no_suitable_place,
                              FlowEnd::rejected, FlowEnd::reneged})
        ended += column(flows.to_end(end));
    CHECK(ended == result.system("exits"));
    CHECK(row(flows.from_start()) == result.system("census"));
    CHECK(column(flows.to_end(FlowEnd::aged_out)) == result.system("aged_out"));
    CHECK(column(flows.to_end(FlowEnd::no_suitable_place)) == result.system("no_suitable_place"));
}

} // namespace

TEST_CASE("The flow diagram's moves account for every youth: what enters a service leaves it, "
          "every arrival starts a path and every exit ends one") {
    const auto scenario = load(rich);
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
        INFO("seed " << seed);
        const Run result = run(scenario, seed, 0);
        check_flows(result, true);
        // The moves a youth makes are the admissions the services count.
        double into_pleegzorg = 0.0;
        for (const auto& from : {"source:wijkteam", "source:crisisdienst", "service:ambulant",
                                 "service:crisis", "service:pleegzorg", "service:gezinshuis",
                                 "service:residential", "service:nazorg", "service:overbrugging"})
            into_pleegzorg += moves(result, from, "service:pleegzorg");
        // The start column holds the 28 census occupants (no admission) and the census's
        // waiting youths who were admitted later (admissions).
        CHECK(into_pleegzorg + moves(result, "start", "service:pleegzorg") - 28.0 ==
              result.service("pleegzorg", "admissions"));
        CHECK(moves(result, "service:crisis", "service:pleegzorg") > 0.0);
        // A youth who gives up waiting leaves from where it was before: not from the service.
        CHECK(moves(result, "source:wijkteam", "end:reneged") > 0.0);
        CHECK(moves(result, "service:ambulant", "end:reneged") == 0.0);
        // Bridging care is not a move: the youth is still on its way to the care it waits for.
        CHECK(moves(result, "source:wijkteam", "service:overbrugging") == 0.0);
    }
}

TEST_CASE("After a warm-up the flows count only what happens after it, and still balance") {
    auto scenario = load(rich);
    scenario.warmup_days = 400.0;
    const Run result = run(scenario, 2, 0);
    check_flows(result, false);
    const auto no_warmup = load(rich);
    const Run whole = run(no_warmup, 2, 0);
    CHECK(moves(result, "source:wijkteam", "service:ambulant") <
          moves(whole, "source:wijkteam", "service:ambulant"));
}

TEST_CASE("The flows of the Westfriesland baseline balance for every service") {
    const auto result = scenario::load_file(scenarios_dir / "westfriesland-baseline.yaml");
    REQUIRE(result.ok());
    check_flows(run(*result.scenario, 1, 0), result.scenario->warmup_days == 0.0);
}
