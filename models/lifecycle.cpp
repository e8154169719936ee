// Where youths come from and how they leave for good: referrals, the start census, aging
// out at the exit age (or later, in extended care), and re-entry after leaving.
#include <algorithm>
#include <cmath>

#include "care_network.hpp"

namespace zorgsim::care {

namespace {
constexpr double days_per_year_of_rates = 365.0; // rate_per_year 365 means one a day
}

std::uint32_t CareNetwork::new_youth() {
    std::uint32_t id;
    if (free_youths_.empty()) {
        // Every youth alive holds a place in youths_ (freed ones are reused first), so this is
        // the only place where the number alive grows.
        if (youths_.size() >= max_youths_)
            too_many_youths();
        id = static_cast<std::uint32_t>(youths_.size());
        youths_.emplace_back();
    } else {
        id = free_youths_.back();
        free_youths_.pop_back();
        youths_[id] = Youth{};
    }
    youths_[id].serial = next_serial_++;
    return id;
}

void CareNetwork::free_youth(std::uint32_t id) {
    end_track(id, &Youth::measure);
    end_track(id, &Youth::investigation);
    Youth& youth = youths_[id];
    simulation_.cancel(youth.aging);
    simulation_.cancel(youth.reentry);
    youth = Youth{};
    free_youths_.push_back(id);
}

void CareNetwork::start_census() {
    const Days now = simulation_.now();
    for (std::size_t s = 0; s < services_.size(); ++s) {
        const Service& spec = *services_[s].spec;
        const Census& census = spec.census;
        if (census.occupied + census.waiting == 0)
            continue;
        if (spec.parallel) {
            start_track_census(s);
            continue;
        }
        int first_profile = 0;
        if (!spec.admits_profile.empty()) {
            auto it = std::find(spec.admits_profile.begin(), spec.admits_profile.end(), true);
            first_profile = it == spec.admits_profile.end()
                                ? 0
                                : static_cast<int>(it - spec.admits_profile.begin());
        }
        const DiscreteChoice profiles = census.profile_weights.empty()
                                            ? DiscreteChoice()
                                            : DiscreteChoice(census.profile_weights);
        const double max_age = std::min(spec.max_age, scenario_.population.exit_age);
        const double min_age =
            std::min(spec.min_age, std::isfinite(max_age) ? max_age : spec.min_age);
        for (int k = 0; k < census.occupied + census.waiting; ++k) {
            const std::uint32_t id = new_youth();
            Youth& youth = youths_[id];
            youth.profile = static_cast<std::uint16_t>(
                census.profile_weights.empty() ? first_profile : profiles.sample(census_stream_));
            double age = min_age;
            if (census.age_years)
                age = census.age_years->sample(census_stream_);
            else if (std::isfinite(max_age) && max_age > min_age)
                age = min_age + (max_age - min_age) * census_stream_.uniform();
            youth.birth = now - age * Youth::days_per_year;
            youth.census_stay = k < census.occupied;
            youth.flow_from = static_cast<std::int32_t>(flow_layout_.from_start());
            youth.region = census_region(spec);
            youth.municipality =
                municipality_by_population(youth.region, census_municipality_stream_);
            ++census_count_;
            shift(youth, &YouthTallies::in_care, 1.0);
            if (std::isfinite(scenario_.population.exit_age))
                youth.aging = simulation_.schedule_at(
                    youth.birth + scenario_.population.exit_age * Youth::days_per_year,
                    event_priority::departure, *this, aging_event, id);
            trace(youth, "census", spec.id);
            enter(id, static_cast<int>(s));
            youths_[id].census_stay = false;
        }
    }
}

void CareNetwork::schedule_arrival(std::size_t s) {
    SourceState& source = sources_[s];
    if (source.multiplier <= 0.0) {
        source.next_arrival = EventId{};
        return;
    }
    Days gap;
    if (source.spec->interarrival) {
        gap = source.spec->interarrival->sample(source.arrival_stream) / source.multiplier;
    } else {
        const double per_day =
            source.spec->rate_per_year * source.multiplier / days_per_year_of_rates;
        if (per_day <= 0.0) {
            source.next_arrival = EventId{};
            return;
        }
        gap = -std::log1p(-source.arrival_stream.uniform()) / per_day;
    }
    source.next_arrival = simulation_.schedule_in(gap, event_priority::arrival, *this,
                                                  arrival_event, static_cast<std::uint32_t>(s));
}

void CareNetwork::set_inflow_multiplier(std::size_t s, double multiplier) {
    SourceState& source = sources_[s];
    source.multiplier = multiplier;
    // Poisson arrivals are memoryless: drawing the next arrival afresh at the new rate is
    // exact. A renewal source keeps its pending arrival; the new factor applies from the next.
    if (!source.spec->interarrival || !simulation_.is_pending(source.next_arrival)) {
        simulation_.cancel(source.next_arrival);
        schedule_arrival(s);
    }
}

void CareNetwork::on_arrival(std::uint32_t s) {
    SourceState& source = sources_[s];
    const Source& spec = *source.spec;
    const Days now = simulation_.now();
    ++source.arrivals;
    const std::uint32_t id = new_youth();
    Youth& youth = youths_[id];
    youth.profile = static_cast<std::uint16_t>(source.profile_choice.sample(source.youth_stream));
    youth.birth = now - spec.age_years.sample(source.youth_stream) * Youth::days_per_year;
    const bool protection = source.youth_stream.uniform() < spec.protection_share;
    youth.urgency = spec.crisis  ? Urgency::crisis
                    : protection ? Urgency::protection
                                 : Urgency::voluntary;
    if (source.municipality_choice.size() > 0)
        youth.municipality =
            static_cast<std::int16_t>(source.municipality_choice.sample(source.youth_stream));
    else if (!municipality_streams_.empty())
        youth.municipality = municipality_by_population(spec.region, municipality_streams_[s]);
    youth.region = static_cast<std::int16_t>(spec.region);
    if (spec.track_only) {
        schedule_arrival(s);
        on_track_only_arrival(id, s);
        return;
    }
    youth.flow_from = static_cast<std::int32_t>(flow_layout_.from_source(s));
    count(youth, &YouthTallies::arrivals);
    count(youth, &YouthTallies::new_referrals);
    shift(youth, &YouthTallies::in_care, 1.0);
    if (std::isfinite(scenario_.population.exit_age))
        youth.aging = simulation_.schedule_at(youth.birth + scenario_.population.exit_age *
                                                                Youth::days_per_year,
                                              event_priority::departure, *this, aging_event, id);
    trace(youth, "referred", spec.id);
    const Destination first = source.first.draw(youth.profile, source.youth_stream);
    schedule_arrival(s);
    start_tracks(id, s);
    refer(id, first);
}

void CareNetwork::on_aging(std::uint32_t id) {
    Youth& youth = youths_[id];
    youth.aging = EventId{};
    if (youth.awaiting_reentry || youth.retired) {
        // Out of care; a measure or an investigation that still runs ends at the exit age.
        free_youth(id);
        return;
    }
    const Population& population = scenario_.population;
    if (!youth.extended && population.extended_until > population.exit_age &&
        population_stream_.uniform() < population.extended_probability) {
        // Extended youth care (verlengde jeugdhulp): the youth stays until a later age.
        youth.extended = true;
        trace(youth, "extended_care", "");
        youth.aging =
            simulation_.schedule_at(youth.birth + population.extended_until * Youth::days_per_year,
                                    event_priority::departure, *this, aging_event, id);
        return;
    }
    leave(id, Exit::aged_out);
}

void CareNetwork::on_reentry(std::uint32_t id) {
    Youth& youth = youths_[id];
    youth.reentry = EventId{};
    youth.awaiting_reentry = false;
    count(youth, &YouthTallies::arrivals);
    count(youth, &YouthTallies::reentries);
    if (youth.last_service >= 0)
        returns_[static_cast<std::size_t>(youth.last_service)].reentries.add(simulation_.now());
    shift(youth, &YouthTallies::in_care, 1.0);
    SourceState& source = sources_[static_cast<std::size_t>(scenario_.reentry.source)];
    // A new referral through the re-entry channel, as urgent as that channel's referrals: a
    // youth who first came in as a crisis is no crisis when it comes back via the local team.
    const bool protection = reentry_stream_.uniform() < source.spec->protection_share;
    youth.urgency = source.spec->crisis ? Urgency::crisis
                    : protection        ? Urgency::protection
                                        : Urgency::voluntary;
    youth.flow_from = static_cast<std::int32_t>(
        flow_layout_.from_source(static_cast<std::size_t>(scenario_.reentry.source)));
    trace(youth, "reentry", source.spec->id);
    const Destination first = source.first.draw(youth.profile, reentry_stream_);
    start_tracks(id, static_cast<std::size_t>(scenario_.reentry.source));
    refer(id, first);
}

} // namespace zorgsim::care
