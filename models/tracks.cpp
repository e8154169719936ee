// Parallel tracks: a place a youth holds in a parallel service (Service::parallel) alongside
// its care, a child-protection measure with a guardian from a certified institution (GI) or a
// Veilig Thuis investigation. A youth joins a track when a channel refers it (the measure if
// it is under protection, the investigation for every youth of the channel); its care path
// goes on at the same time. The track ends after the service's stay, at the exit age, or when
// the youth gives up its list; it never ends the care. While a youth waits for a guardian at a
// service that holds placements, it joins no placement's list (held_for) until it has one.
#include <algorithm>
#include <cmath>

#include "care_network.hpp"

namespace zorgsim::care {

namespace {
bool on_track(const Track& track, int service) {
    return track.service == service;
}
} // namespace

void CareNetwork::start_tracks(std::uint32_t id, std::size_t s) {
    SourceState& state = sources_[s];
    const Source& source = *state.spec;
    if (source.investigation >= 0 && !youths_[id].investigation.active())
        join_track(id, &Youth::investigation, source.investigation);
    if (source.measure >= 0 && youths_[id].urgency == Urgency::protection &&
        !youths_[id].measure.active() &&
        (source.new_measure_share >= 1.0 ||
         state.measure_stream.uniform() < source.new_measure_share))
        join_track(id, &Youth::measure, source.measure);
}

void CareNetwork::on_track_only_arrival(std::uint32_t id, std::size_t s) {
    // Not referred to care: no arrival, no place in the flow diagram, no aging (the track ends
    // after its stay).
    Youth& youth = youths_[id];
    youth.retired = true;
    youth.flow_from = -1;
    trace(youth, "track_referred", sources_[s].spec->id);
    start_tracks(id, s);
    const Youth& y = youths_[id];
    if (!y.measure.active() && !y.investigation.active())
        free_youth(id);
}

void CareNetwork::join_track(std::uint32_t id, Track Youth::*which, int service) {
    Youth& youth = youths_[id];
    service = for_youth(youth, service);
    const Track& other = which == &Youth::measure ? youth.investigation : youth.measure;
    ServiceState& state = services_[static_cast<std::size_t>(service)];
    if (on_track(other, service) || !can_admit(youth, service)) {
        trace(youth, "no_track", state.spec->id);
        return;
    }
    (youth.*which).service = service;
    const auto arrival =
        youth.census_stay
            ? state.station->arrive_already_admitted(id, static_cast<int>(youth.urgency))
            : state.station->arrive(id, static_cast<int>(youth.urgency));
    Youth& y = youths_[id];
    Track& track = y.*which;
    if (arrival == Station::Arrival::admitted)
        return;
    if (arrival == Station::Arrival::rejected) {
        track = Track{};
        trace(y, "track_rejected", state.spec->id);
        return;
    }
    track.waiting = true;
    if (which == &Youth::measure)
        shift(y, &YouthTallies::waiting_for_guardian, 1.0);
    trace(y, "track_waiting", state.spec->id);
}

void CareNetwork::track_admitted(std::uint32_t id, int s, Days waited) {
    Youth& youth = youths_[id];
    ServiceState& state = services_[static_cast<std::size_t>(s)];
    // join_track keeps a youth's two tracks at different services.
    const bool measure = on_track(youth.measure, s);
    Track& track = measure ? youth.measure : youth.investigation;
    const Days now = simulation_.now();
    const bool counted = !youth.census_stay;
    if (track.waiting) {
        track.waiting = false;
        if (measure)
            shift(youth, &YouthTallies::waiting_for_guardian, -1.0);
    }
    if (counted && waited > scenario_.wait_norm(*state.spec))
        state.waits_over_norm.add(now);
    if (s == period_waits_of_ && counted)
        period_waits_[grid_.period_of(now)].add(waited);
    slot_taken(youth, s, counted);
    if (measure)
        shift(youth, &YouthTallies::with_measure, 1.0);
    track.admitted_at = now;
    const Service& spec = *state.spec;
    const Days drawn = spec.stay_for(youth.profile).sample(state.stay_stream);
    const Days stay = youth.census_stay ? residual_stay(state, youth, drawn) * state.stay_multiplier
                                        : drawn * state.stay_multiplier;
    track.end = simulation_.schedule_in(stay, event_priority::departure, *this,
                                        measure ? measure_end_event : investigation_end_event, id);
    trace(youth, "track_admitted", spec.id);
    if (measure)
        release_hold(id);
}

void CareNetwork::release_hold(std::uint32_t id) {
    Youth& youth = youths_[id];
    if (youth.held_for < 0)
        return;
    const int target = youth.held_for;
    youth.held_for = -1;
    shift(youth, &YouthTallies::waiting, -1.0);
    shift(youth, &YouthTallies::held_for_guardian, -1.0);
    enter(id, target);
}

bool CareNetwork::hold_for_guardian(std::uint32_t id, int target) {
    Youth& youth = youths_[id];
    const Service& spec = *services_[static_cast<std::size_t>(target)].spec;
    if (!youth.measure.waiting || spec.kind != ServiceKind::placement || spec.max_queue == 0 ||
        !services_[static_cast<std::size_t>(youth.measure.service)].spec->holds_placements)
        return false;
    youth.held_for = target;
    joined_list(youth, target);
    shift(youth, &YouthTallies::waiting, 1.0);
    shift(youth, &YouthTallies::held_for_guardian, 1.0);
    trace(youth, "waiting_for_guardian", spec.id);
    return true;
}

void CareNetwork::stop_holding(Youth& youth) {
    if (youth.held_for < 0)
        return;
    youth.held_for = -1;
    shift(youth, &YouthTallies::waiting, -1.0);
    shift(youth, &YouthTallies::held_for_guardian, -1.0);
}

void CareNetwork::end_track(std::uint32_t id, Track Youth::*which) {
    Youth& youth = youths_[id];
    Track& track = youth.*which;
    if (!track.active())
        return;
    const auto s = static_cast<std::size_t>(track.service);
    const bool measure = which == &Youth::measure;
    if (track.waiting) {
        services_[s].station->withdraw(id);
        if (measure)
            shift(youth, &YouthTallies::waiting_for_guardian, -1.0);
    } else {
        simulation_.cancel(track.end);
        slot_released(youth, static_cast<int>(s));
        if (measure)
            shift(youth, &YouthTallies::with_measure, -1.0);
        services_[s].station->release(track.admitted_at);
    }
    youths_[id].*which = Track{};
    trace(youths_[id], "track_ended", services_[s].spec->id);
}

void CareNetwork::on_track_end(std::uint32_t id, Track Youth::*which) {
    (youths_[id].*which).end = EventId{};
    end_track(id, which);
    Youth& youth = youths_[id];
    if (youth.retired && !youth.measure.active() && !youth.investigation.active())
        free_youth(id);
}

void CareNetwork::track_reneged(std::uint32_t id, int s) {
    Youth& youth = youths_[id];
    const bool measure = on_track(youth.measure, s) && youth.measure.waiting;
    Track& track = measure ? youth.measure : youth.investigation;
    // The station already took the youth off its list.
    track = Track{};
    if (measure)
        shift(youth, &YouthTallies::waiting_for_guardian, -1.0);
    trace(youth, "track_reneged", services_[static_cast<std::size_t>(s)].spec->id);
    if (measure)
        release_hold(id);
    Youth& y = youths_[id];
    if (y.retired && !y.measure.active() && !y.investigation.active())
        free_youth(id);
}

void CareNetwork::retire(std::uint32_t id) {
    Youth& youth = youths_[id];
    if (!youth.measure.active() && !youth.investigation.active()) {
        free_youth(id);
        return;
    }
    // Out of care, but a measure or an investigation still runs: the youth is kept for it and
    // counted nowhere else (it made its last move in the flow diagram when it left).
    youth.retired = true;
    youth.flow_from = -1;
    youth.last_service = -1;
}

void CareNetwork::start_track_census(std::size_t s) {
    const Service& spec = *services_[s].spec;
    const Census& census = spec.census;
    bool measure = false;
    for (const Source& source : scenario_.sources)
        measure = measure || source.measure == static_cast<int>(s);
    const DiscreteChoice profiles =
        census.profile_weights.empty() ? DiscreteChoice() : DiscreteChoice(census.profile_weights);
    const Days now = simulation_.now();
    for (int k = 0; k < census.occupied + census.waiting; ++k) {
        const std::uint32_t id = new_youth();
        Youth& youth = youths_[id];
        youth.profile = static_cast<std::uint16_t>(
            census.profile_weights.empty() ? 0 : profiles.sample(census_stream_));
        const double max_age = std::min(spec.max_age, scenario_.population.exit_age);
        double age = spec.min_age;
        if (census.age_years)
            age = census.age_years->sample(census_stream_);
        else if (std::isfinite(max_age) && max_age > spec.min_age)
            age = spec.min_age + (max_age - spec.min_age) * census_stream_.uniform();
        youth.birth = now - age * Youth::days_per_year;
        youth.urgency = measure ? Urgency::protection : Urgency::voluntary;
        youth.region = census_region(spec);
        youth.census_stay = k < census.occupied;
        youth.retired = true; // its care, if any, is in the census of the care services
        if (std::isfinite(scenario_.population.exit_age))
            youth.aging = simulation_.schedule_at(
                std::max(now, youth.birth + scenario_.population.exit_age * Youth::days_per_year),
                event_priority::departure, *this, aging_event, id);
        trace(youth, "census", spec.id);
        join_track(id, measure ? &Youth::measure : &Youth::investigation, static_cast<int>(s));
        Youth& y = youths_[id];
        y.census_stay = false;
        if (!y.measure.active() && !y.investigation.active())
            free_youth(id);
    }
}

} // namespace zorgsim::care
