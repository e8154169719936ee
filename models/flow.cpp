// How youths move: into a service (or its waiting list), out of it after their stay, on to
// the next service, to an alternative when the wait is too long, and out of care.
#include <cmath>

#include "care_network.hpp"

namespace zorgsim::care {

namespace {
// A chain of overflow routes longer than this is a routing loop; the loader rejects loops
// without a way out, so this is only a safety net.
constexpr int max_overflow_depth = 32;
} // namespace

bool CareNetwork::can_admit(const Youth& youth, int service) const {
    const ServiceState& state = services_[static_cast<std::size_t>(service)];
    if (state.stopped || !state.opened)
        return false;
    const Service& spec = *state.spec;
    const double age = youth.age_at(simulation_.now());
    if (age < spec.min_age || age >= spec.max_age)
        return false;
    return spec.admits_profile.empty() ||
           (youth.profile < spec.admits_profile.size() && spec.admits_profile[youth.profile]);
}

void CareNetwork::refer(std::uint32_t id, Destination destination) {
    if (destination.is_exit())
        leave(id, Exit::discharged);
    else
        enter(id, destination.service);
}

void CareNetwork::enter(std::uint32_t id, int service, int depth) {
    Youth& youth = youths_[id];
    begin_wait(youth);
    service = for_youth(youth, service);
    const Service& spec = *services_[static_cast<std::size_t>(service)].spec;
    int target = service;
    if (!can_admit(youth, service)) {
        // Not admissible here (age, profile, admission stop): the first acceptable
        // alternative, else the overflow route, else there is no suitable place.
        target = -1;
        if (spec.substitution)
            for (int named : spec.substitution->alternatives)
                if (const int alternative = for_youth(youth, named);
                    can_admit(youth, alternative)) {
                    target = alternative;
                    break;
                }
        if (target < 0) {
            if (!spec.overflow.is_exit() && spec.overflow.service != service &&
                depth < max_overflow_depth) {
                enter(id, spec.overflow.service, depth + 1);
                return;
            }
            trace(youth, "no_suitable_place", spec.id);
            count(youth, &YouthTallies::no_suitable_place);
            leave(id, Exit::no_suitable_place);
            return;
        }
    }
    // Under a measure without a guardian yet: no placement (tracks.cpp).
    if (hold_for_guardian(id, target))
        return;
    ServiceState& state = services_[static_cast<std::size_t>(target)];
    // Marked before arrive(): an admission at once clears the mark in on_admitted.
    youth.waiting_for = target;
    // A census occupant was admitted before day 0: neither an admission nor a wait now.
    const auto arrival =
        youth.census_stay
            ? state.station->arrive_already_admitted(id, static_cast<int>(youth.urgency))
            : state.station->arrive(id, static_cast<int>(youth.urgency));
    Youth& y = youths_[id];
    if (arrival == Station::Arrival::admitted || y.waiting_for != target)
        return;
    if (arrival == Station::Arrival::rejected) {
        y.waiting_for = -1;
        trace(y, "rejected", state.spec->id);
        const Destination overflow = state.spec->overflow;
        if (!overflow.is_exit() && overflow.service != target && depth < max_overflow_depth)
            enter(id, overflow.service, depth + 1);
        else
            leave(id, Exit::rejected);
        return;
    }
    y.on_waiting_list = true;
    joined_list(y, target);
    shift(y, &YouthTallies::waiting, 1.0);
    trace(y, "waiting", state.spec->id);
    const int bridging = state.spec->bridging < 0 ? -1 : for_youth(y, state.spec->bridging);
    if (!y.blocked && y.in_service < 0 && y.bridging < 0 && bridging >= 0 &&
        can_admit(y, bridging) &&
        services_[static_cast<std::size_t>(bridging)].station->has_free_slot()) {
        y.joining_bridging = true;
        services_[static_cast<std::size_t>(bridging)].station->arrive(id,
                                                                      static_cast<int>(y.urgency));
    }
    if (state.spec->substitution)
        y.substitution =
            simulation_.schedule_in(state.spec->substitution->after_days, event_priority::timeout,
                                    *this, substitution_event, id);
}

void CareNetwork::on_admitted(Station& station, EntityId id, Days waited) {
    Youth& youth = youths_[id];
    const auto s = static_cast<int>(station.index());
    ServiceState& state = services_[static_cast<std::size_t>(s)];
    const Days now = simulation_.now();
    if (state.spec->parallel) {
        track_admitted(id, s, waited);
        return;
    }
    if (youth.joining_bridging) {
        youth.joining_bridging = false;
        youth.bridging = s;
        youth.bridging_since = now;
        slot_taken(youth, s);
        trace(youth, "bridging", state.spec->id);
        return;
    }
    if (youth.on_waiting_list) {
        // The station has just taken the youth off its list.
        shift(youth, &YouthTallies::waiting, -1.0);
        youth.on_waiting_list = false;
    }
    stop_waiting(youth);
    // A census occupant admitted at once was admitted before day 0: its place counts from
    // now on, its admission and wait do not (the station did not count them either).
    const bool counted = !youth.census_stay;
    if (counted)
        end_wait(youth, WaitEnd::care_started, s);
    else
        youth.in_episode = false; // a census occupant: in care since before day 0
    if (waited > scenario_.wait_norm(*state.spec)) {
        state.waits_over_norm.add(now);
        count(youth, &YouthTallies::waits_over_norm);
    }
    if (youth.region >= 0 && counted) {
        RegionTallies& region = regions_[static_cast<std::size_t>(youth.region)];
        region.waits.add(now, waited);
        if (state.spec->region < 0) {
            region.shared_waits.add(now, waited);
            region.shared_admissions.add(now);
        }
    }
    if (s == period_waits_of_ && counted)
        period_waits_[grid_.period_of(now)].add(waited);
    if (youth.bridging >= 0) {
        free_place(youth.bridging, youth.bridging_since);
        slot_released(youth, youth.bridging);
        youth.bridging = -1;
    }
    release_slot(youth);
    slot_taken(youth, s, counted);
    if (counted)
        flow_to(youth, flow_layout_.to_service(static_cast<std::size_t>(s)));
    youth.flow_from =
        static_cast<std::int32_t>(flow_layout_.from_service(static_cast<std::size_t>(s)));

    const Service& spec = *state.spec;
    if (spec.kind == ServiceKind::placement) {
        if (youth.in_placement_chain)
            count(youth, &YouthTallies::replacements);
        youth.in_placement_chain = true;
        if (spec.closed && counted)
            count(youth, &YouthTallies::closed_admissions);
    } else {
        youth.in_placement_chain = false;
    }
    youth.in_service = s;
    youth.last_service = s;
    youth.admitted_at = now;
    const double drawn = spec.stay_for(youth.profile).sample(state.stay_stream);
    Days stay = drawn * state.stay_multiplier;
    if (youth.census_stay) {
        youth.census_stay = false;
        stay = residual_stay(state, youth, drawn) * state.stay_multiplier;
    }
    youth.stay_end =
        simulation_.schedule_in(stay, event_priority::departure, *this, stay_end_event, id);
    trace(youth, "admitted", spec.id);
}

Days CareNetwork::residual_stay(ServiceState& state, const Youth& youth, Days drawn) {
    // Census occupants are part-way through their stay: the stay in progress at a random
    // moment is length-biased (a renewal process in equilibrium), and a uniform fraction of
    // it remains.
    const Service& spec = *state.spec;
    const auto& biased =
        state.census_stay[std::min<std::size_t>(youth.profile, state.census_stay.size() - 1)];
    double total_stay = 0.0;
    if (biased) {
        total_stay = biased->sample(census_stream_);
    } else {
        // No closed form (triangular): resample in proportion to length. With n draws the
        // mean is biased low by about 1/(n + 1); 256 keep it within 0.4%.
        double total = drawn;
        total_stay = drawn;
        for (int k = 0; k < 255; ++k) {
            const double candidate = spec.stay_for(youth.profile).sample(census_stream_);
            total += candidate;
            if (census_stream_.uniform() * total < candidate)
                total_stay = candidate;
        }
    }
    return total_stay * census_stream_.uniform();
}

void CareNetwork::stop_waiting(Youth& youth) {
    stop_holding(youth);
    if (youth.waiting_for < 0)
        return;
    if (youth.on_waiting_list) {
        const auto id = static_cast<EntityId>(&youth - youths_.data());
        services_[static_cast<std::size_t>(youth.waiting_for)].station->withdraw(id);
        shift(youth, &YouthTallies::waiting, -1.0);
        youth.on_waiting_list = false;
    }
    youth.waiting_for = -1;
    simulation_.cancel(youth.substitution);
    youth.substitution = EventId{};
}

void CareNetwork::release_slot(Youth& youth) {
    if (youth.in_service < 0)
        return;
    ServiceState& old = services_[static_cast<std::size_t>(youth.in_service)];
    if (youth.blocked) {
        old.blocked.add(simulation_.now(), -1.0);
        youth.blocked = false;
    }
    simulation_.cancel(youth.stay_end);
    slot_released(youth, youth.in_service);
    const int service = youth.in_service;
    youth.in_service = -1;
    free_place(service, youth.admitted_at);
}

void CareNetwork::on_stay_end(std::uint32_t id) {
    Youth& youth = youths_[id];
    const int s = youth.in_service;
    ServiceState& state = services_[static_cast<std::size_t>(s)];
    trace(youth, "discharged", state.spec->id);
    const Destination next = state.next.draw(youth.profile, state.route_stream);
    if (next.is_exit()) {
        leave(id, Exit::discharged);
        return;
    }
    if (state.spec->blocking && next.service != s) {
        // The youth keeps this slot until the next service admits it (a crisis bed stays
        // occupied while its youth waits for a foster family).
        youth.blocked = true;
        state.blocked.add(simulation_.now(), 1.0);
    } else {
        release_slot(youth);
    }
    enter(id, next.service);
}

void CareNetwork::on_substitution_check(std::uint32_t id) {
    Youth& youth = youths_[id];
    youth.substitution = EventId{};
    if (youth.waiting_for < 0)
        return;
    ServiceState& waited_at = services_[static_cast<std::size_t>(youth.waiting_for)];
    const Substitution& rule = *waited_at.spec->substitution;
    for (int named : rule.alternatives) {
        const int alternative = for_youth(youth, named);
        const Station& station = *services_[static_cast<std::size_t>(alternative)].station;
        if (!can_admit(youth, alternative) || !station.has_free_slot() ||
            station.queue_length() > 0)
            continue;
        stop_waiting(youth);
        waited_at.substituted.add(simulation_.now());
        count(youth, &YouthTallies::substitutions);
        trace(youth, "substituted", waited_at.spec->id);
        services_[static_cast<std::size_t>(alternative)].station->arrive(
            id, static_cast<int>(youth.urgency));
        return;
    }
    youth.substitution = simulation_.schedule_in(rule.retry_days, event_priority::timeout, *this,
                                                 substitution_event, id);
}

void CareNetwork::on_reneged(Station& station, EntityId id, Days) {
    if (services_[station.index()].spec->parallel) {
        track_reneged(id, static_cast<int>(station.index()));
        return;
    }
    Youth& youth = youths_[id];
    const ServiceState& state = services_[station.index()];
    // The station already took the youth off its list.
    youth.on_waiting_list = false;
    stop_waiting(youth);
    shift(youth, &YouthTallies::waiting, -1.0);
    trace(youth, "reneged", state.spec->id);
    const Destination next = state.spec->renege_to;
    if (next.is_exit() || next.service == static_cast<int>(station.index()))
        leave(id, Exit::reneged);
    else
        enter(id, next.service);
}

void CareNetwork::leave(std::uint32_t id, Exit reason) {
    Youth& youth = youths_[id];
    const Days now = simulation_.now();
    end_wait(youth, reason == Exit::reneged ? WaitEnd::reneged : WaitEnd::left_waiting);
    stop_waiting(youth);
    if (youth.bridging >= 0) {
        free_place(youth.bridging, youth.bridging_since);
        slot_released(youth, youth.bridging);
        youth.bridging = -1;
    }
    release_slot(youth);
    youth.in_placement_chain = false;
    shift(youth, &YouthTallies::in_care, -1.0);
    count(youth, &YouthTallies::exits);
    flow_to(youth, flow_layout_.to_end(flow_end(reason)));
    trace(youth, reason == Exit::aged_out ? "aged_out" : "exit", "", exit_reason(reason));
    if (reason == Exit::aged_out) {
        count(youth, &YouthTallies::aged_out);
        if (population_stream_.uniform() < scenario_.population.adult_support_probability)
            count(youth, &YouthTallies::adult_support);
        free_youth(id);
        return;
    }
    const Reentry& rule = scenario_.reentry;
    Days delay_from = now; // or the end of aftercare
    const double probability = leaving_reentry(youth, reason == Exit::discharged, delay_from);
    if (rule.source >= 0 && probability > 0.0 && reentry_stream_.uniform() < probability) {
        // A youth who would reach the exit age first never comes back: on_aging frees it.
        const Days when = delay_from + rule.delay_days.sample(reentry_stream_);
        if (when < horizon_) {
            youth.awaiting_reentry = true;
            youth.reentry =
                simulation_.schedule_at(when, event_priority::arrival, *this, reentry_event, id);
            return;
        }
    }
    retire(id);
}

} // namespace zorgsim::care
