#include "care_network.hpp"

#include <string>

#include "zorgsim/model/care_model.hpp"

namespace zorgsim::care {

namespace {
// Stream names: "<part>/<id>/<purpose>". Naming streams by id keeps every other part's draws
// unchanged when a scenario adds or removes a service or source (common random numbers).
std::string stream_name(std::string_view part, std::string_view id, std::string_view purpose) {
    std::string name;
    name.reserve(part.size() + id.size() + purpose.size() + 2);
    name.append(part).append("/").append(id).append("/").append(purpose);
    return name;
}
} // namespace

PeriodGrid period_grid(const Scenario& scenario) {
    const Calendar calendar(scenario.start);
    return PeriodGrid(calendar.period_starts(scenario.period, scenario.horizon_days),
                      scenario.horizon_days, scenario.warmup_days);
}

OutcomeLayout outcome_layout(const Scenario& scenario) {
    OutcomeLayout layout;
    for (const auto& service : scenario.services)
        layout.services.push_back(service.id);
    for (const auto& region : scenario.regions)
        layout.regions.push_back(region.id);
    if (scenario.reports_municipalities())
        for (std::size_t m = 0; m < scenario.municipalities.size(); ++m) {
            const std::string& id = scenario.municipality_populations[m].id;
            layout.municipalities.push_back(id.empty() ? scenario.municipalities[m] : id);
        }
    for (const auto& source : scenario.sources)
        layout.sources.push_back(source.id);
    layout.periods = period_grid(scenario);
    return layout;
}

ReplicationOutcome simulate_replication(const Scenario& scenario, std::uint64_t seed,
                                        std::uint64_t replication, TraceSink* trace) {
    return simulate_replication(scenario, seed, replication, Observation{trace, -1});
}

ReplicationOutcome simulate_replication(const Scenario& scenario, std::uint64_t seed,
                                        std::uint64_t replication, const Observation& observation,
                                        const RunLimits& limits) {
    CareNetwork network(scenario, seed, replication, observation, limits);
    return network.run();
}

CareNetwork::CareNetwork(const Scenario& scenario, std::uint64_t seed, std::uint64_t replication,
                         const Observation& observation, const RunLimits& limits)
    : scenario_(scenario), calendar_(scenario.start), trace_(observation.trace),
      period_waits_of_(observation.period_waits_of), replication_(replication),
      max_youths_(limits.max_youths),
      simulation_(SimulationLimits{limits.max_events_per_instant, limits.stop}),
      grid_(period_grid(scenario)), horizon_(scenario.horizon_days),
      population_stream_(seed, replication, "population/aging"),
      reentry_stream_(seed, replication, "population/reentry"),
      census_stream_(seed, replication, "population/census"),
      system_(grid_), flow_layout_{scenario.sources.size(), scenario.services.size()},
      flows_(flow_layout_.size(), 0.0),
      census_municipality_stream_(seed, replication, "population/census-municipality"),
      wait_episodes_(observation.wait_episodes), system_waits_(grid_.size()) {
    const std::size_t profiles = scenario.profiles.size();
    prepare_costs();
    services_.reserve(scenario.services.size());
    for (std::size_t i = 0; i < scenario.services.size(); ++i) {
        const Service& spec = scenario.services[i];
        StationConfig config;
        config.index = static_cast<std::uint32_t>(i);
        config.capacity = 0;
        config.max_queue = spec.max_queue;
        config.max_wait = spec.max_wait;
        config.priority_classes = urgency_classes;
        services_.push_back(
            ServiceState{&spec,
                         std::make_unique<Station>(simulation_, *this, grid_, config),
                         RandomStream(seed, replication, stream_name("service", spec.id, "stay")),
                         RandomStream(seed, replication, stream_name("service", spec.id, "route")),
                         RouteChoice(spec.next, profiles),
                         0,
                         1.0,
                         false,
                         true,
                         1.0,
                         {},
                         TimeWeighted(grid_),
                         Counter(grid_),
                         Counter(grid_)});
        auto& state = services_.back();
        if (spec.census.occupied > 0)
            for (std::size_t p = 0; p < std::max<std::size_t>(1, profiles); ++p)
                state.census_stay.push_back(spec.stay_for(p).length_biased());
        state.nominal_capacity = spec.capacity.empty() ? 0 : spec.capacity.front().value;
        state.opened = !spec.opens || *spec.opens <= 0.0;
        for (std::size_t step = 1; step < spec.capacity.size(); ++step)
            capacity_steps_.emplace_back(static_cast<int>(i), step);
        apply_capacity(i);
    }
    sources_.reserve(scenario.sources.size());
    for (const Source& spec : scenario.sources) {
        std::vector<double> profile_weights = spec.profile_weights;
        if (profile_weights.empty())
            profile_weights.assign(1, 1.0);
        SourceState state{
            &spec,
            RandomStream(seed, replication, stream_name("source", spec.id, "arrivals")),
            RandomStream(seed, replication, stream_name("source", spec.id, "youth")),
            RandomStream(seed, replication, stream_name("source", spec.id, "measure")),
            RouteChoice(spec.to, profiles),
            DiscreteChoice(profile_weights),
            spec.municipality_weights.empty() ? DiscreteChoice()
                                              : DiscreteChoice(spec.municipality_weights),
            1.0,
            EventId{},
            0,
            {}};
        sources_.push_back(std::move(state));
    }
    prepare_regions();
    if (scenario.reports_municipalities()) {
        // Their own streams, so that giving municipalities their youths changes no other draw.
        for (const Source& spec : scenario.sources)
            municipality_streams_.emplace_back(seed, replication,
                                               stream_name("source", spec.id, "municipality"));
        prepare_municipalities();
    }
    prepare_pools(seed, replication);
    service_waits_.assign(services_.size(), WaitTallies(grid_.size()));
    region_waits_.assign(regions_.size(), WaitTallies(grid_.size()));
    anniversaries_.assign(scenario.policies.size(), 0);
    if (period_waits_of_ >= 0)
        period_waits_.assign(grid_.size(), Histogram());
}

ReplicationOutcome CareNetwork::run() {
    start_census();
    for (std::size_t s = 0; s < sources_.size(); ++s)
        schedule_arrival(s);
    schedule_policies();
    schedule_pools();
    try {
        simulation_.run_until(horizon_);
    } catch (const Simulation::ZeroTimeLoop& loop) {
        throw ScenarioFault(zero_time_loop_message(loop), ScenarioFault::Limit::events_per_instant);
    }
    return collect();
}

void CareNetwork::handle(Simulation&, std::uint32_t kind, std::uint32_t subject) {
    switch (kind) {
    case arrival_event:
        on_arrival(subject);
        break;
    case stay_end_event:
        on_stay_end(subject);
        break;
    case aging_event:
        on_aging(subject);
        break;
    case substitution_event:
        on_substitution_check(subject);
        break;
    case reentry_event:
        on_reentry(subject);
        break;
    case policy_event:
        apply_policy(scenario_.policies[subject]);
        break;
    case anniversary_event: {
        const PolicyChange& change = scenario_.policies[subject];
        const double factor = 1.0 + change.annual_change;
        if (change.sources.empty()) {
            for (std::size_t s = 0; s < sources_.size(); ++s)
                set_inflow_multiplier(s, sources_[s].multiplier * factor);
        } else {
            for (int s : change.sources)
                set_inflow_multiplier(static_cast<std::size_t>(s),
                                      sources_[static_cast<std::size_t>(s)].multiplier * factor);
        }
        ++anniversaries_[subject];
        schedule_anniversary(subject);
        break;
    }
    case capacity_step_event: {
        const auto [service, step] = capacity_steps_[subject];
        auto& state = services_[static_cast<std::size_t>(service)];
        if (pools_[static_cast<std::size_t>(service)].active) {
            // A pool moves by the step's difference to the step before: its places are its own.
            change_pool(static_cast<std::size_t>(service),
                        state.spec->capacity[step].value - state.spec->capacity[step - 1].value);
            break;
        }
        state.nominal_capacity = state.spec->capacity[step].value;
        apply_capacity(static_cast<std::size_t>(service));
        break;
    }
    case measure_end_event:
        on_track_end(subject, &Youth::measure);
        break;
    case investigation_end_event:
        on_track_end(subject, &Youth::investigation);
        break;
    case service_opens_event:
        services_[subject].opened = true;
        apply_capacity(subject);
        break;
    case recruitment_event:
        on_recruitment(subject);
        break;
    case attrition_event:
        on_attrition(subject);
        break;
    default:
        break;
    }
}

void CareNetwork::trace(const Youth& youth, std::string_view event, std::string_view where,
                        std::string_view reason) {
    if (!trace_)
        return;
    const Days now = simulation_.now();
    TraceRecord record;
    record.time = now;
    record.youth = youth.serial;
    record.event = event;
    record.where = where;
    record.age_years = youth.age_at(now);
    if (youth.profile < scenario_.profiles.size())
        record.profile = scenario_.profiles[youth.profile];
    record.framework = youth.urgency == Urgency::crisis       ? "crisis"
                       : youth.urgency == Urgency::protection ? "protection"
                                                              : "voluntary";
    if (youth.region >= 0)
        record.region = scenario_.regions[static_cast<std::size_t>(youth.region)].id;
    record.reason = reason;
    record.scenario = scenario_.name;
    trace_->record(record);
}

} // namespace zorgsim::care
