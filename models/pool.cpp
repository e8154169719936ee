// Capacities that come and go, and aftercare that changes re-entry.
//
// A pool (Service::pool) recruits new places at random (Poisson) and loses each place at its
// own rate. The next loss is drawn for all places together (the minimum of exponential
// lifetimes is exponential at the summed rate) and drawn afresh whenever the number of places
// that can still leave changes; the place that leaves is one of them at random. A free place
// leaves at once; an occupied one is marked due and leaves when its youth leaves, so a pool
// never sends a youth away. Each pool draws from its own stream ("service/<id>/pool"), so a
// pool leaves every other service's draws unchanged.
//
// Aftercare (Service::aftercare): of the youths discharged out of care from a service, a share
// gets aftercare for some months (its own stream, "service/<id>/aftercare"); the re-entry chance
// follows from whether and how long, and the re-entry delay counts from the end of aftercare.
#include <algorithm>
#include <cmath>

#include "care_network.hpp"

namespace zorgsim::care {

namespace {
constexpr double days_per_year_of_rates = 365.0; // as the referral rates (lifecycle.cpp)
constexpr double days_per_month = 365.25 / 12.0;

std::string stream_name(const std::string& id, std::string_view purpose) {
    std::string name = "service/";
    name.append(id).append("/").append(purpose);
    return name;
}

Days exponential_gap(RandomStream& stream, double per_year) {
    return -std::log1p(-stream.uniform()) / (per_year / days_per_year_of_rates);
}
} // namespace

void CareNetwork::prepare_pools(std::uint64_t seed, std::uint64_t replication) {
    pools_.resize(services_.size());
    returns_.resize(services_.size());
    for (std::size_t s = 0; s < services_.size(); ++s) {
        const Service& spec = *services_[s].spec;
        PoolState& pool = pools_[s];
        pool.recruited = Counter(grid_);
        pool.lost = Counter(grid_);
        if (spec.pool) {
            pool.active = true;
            pool.recruitment_per_year = spec.pool->recruitment_per_year;
            pool.stream.emplace(seed, replication, stream_name(spec.id, "pool"));
        }
        ReturnState& returns = returns_[s];
        returns.aftercare_given = Counter(grid_);
        returns.reentries = Counter(grid_);
        if (spec.aftercare) {
            returns.share = spec.aftercare->share;
            returns.months = spec.aftercare->months;
            returns.stream.emplace(seed, replication, stream_name(spec.id, "aftercare"));
        }
    }
}

void CareNetwork::schedule_pools() {
    for (std::size_t s = 0; s < pools_.size(); ++s)
        if (pools_[s].active) {
            schedule_recruitment(s);
            schedule_attrition(s);
        }
}

void CareNetwork::schedule_recruitment(std::size_t s) {
    PoolState& pool = pools_[s];
    simulation_.cancel(pool.recruit);
    pool.recruit = EventId{};
    if (pool.recruitment_per_year <= 0.0)
        return;
    pool.recruit = simulation_.schedule_in(exponential_gap(*pool.stream, pool.recruitment_per_year),
                                           event_priority::capacity_change, *this,
                                           recruitment_event, static_cast<std::uint32_t>(s));
}

void CareNetwork::schedule_attrition(std::size_t s) {
    PoolState& pool = pools_[s];
    simulation_.cancel(pool.attrition);
    pool.attrition = EventId{};
    const double rate = services_[s].spec->pool->attrition_per_year;
    const int candidates = services_[s].nominal_capacity - pool.due;
    if (rate <= 0.0 || candidates <= 0)
        return;
    pool.attrition = simulation_.schedule_in(exponential_gap(*pool.stream, rate * candidates),
                                             event_priority::capacity_change, *this,
                                             attrition_event, static_cast<std::uint32_t>(s));
}

void CareNetwork::on_recruitment(std::size_t s) {
    pools_[s].recruit = EventId{};
    ++services_[s].nominal_capacity;
    pools_[s].recruited.add(simulation_.now());
    apply_capacity(s);
    schedule_recruitment(s);
    schedule_attrition(s);
}

void CareNetwork::remove_pool_place(std::size_t s) {
    PoolState& pool = pools_[s];
    ServiceState& state = services_[s];
    const int candidates = state.nominal_capacity - pool.due;
    if (candidates <= 0)
        return;
    // The places that can still leave are the free ones and the occupied ones not yet due.
    const int occupied = std::clamp(state.station->occupied() - pool.due, 0, candidates);
    const int free = candidates - occupied;
    if (pool.stream->uniform() * candidates < free) {
        --state.nominal_capacity;
        pool.lost.add(simulation_.now());
        apply_capacity(s);
    } else {
        ++pool.due; // it leaves when its youth leaves (free_place)
    }
}

void CareNetwork::on_attrition(std::size_t s) {
    pools_[s].attrition = EventId{};
    remove_pool_place(s);
    schedule_attrition(s);
}

void CareNetwork::change_pool(std::size_t s, int delta) {
    PoolState& pool = pools_[s];
    if (delta > 0) {
        services_[s].nominal_capacity += delta;
        pool.recruited.add(simulation_.now(), static_cast<std::uint64_t>(delta));
        apply_capacity(s);
    }
    for (int k = 0; k < -delta; ++k)
        remove_pool_place(s);
    schedule_attrition(s);
}

void CareNetwork::free_place(int service, Days admitted_at) {
    const auto s = static_cast<std::size_t>(service);
    PoolState& pool = pools_[s];
    if (pool.active && pool.due > 0) {
        // The place goes before the slot is released, so nobody on the list takes it.
        --pool.due;
        --services_[s].nominal_capacity;
        pool.lost.add(simulation_.now());
        apply_capacity(s);
    }
    services_[s].station->release(admitted_at);
}

double CareNetwork::leaving_reentry(const Youth& youth, bool discharged, Days& delay_from) {
    const Reentry& rule = scenario_.reentry;
    if (youth.last_service < 0)
        return rule.probability;
    const auto s = static_cast<std::size_t>(youth.last_service);
    const Service& spec = *services_[s].spec;
    if (!spec.aftercare)
        return spec.reentry_probability.value_or(rule.probability);
    ReturnState& returns = returns_[s];
    double months = 0.0;
    if (discharged && returns.share > 0.0 && returns.months > 0.0 &&
        returns.stream->uniform() < returns.share) {
        months = returns.months;
        returns.aftercare_given.add(simulation_.now());
        delay_from += months * days_per_month;
    }
    return spec.aftercare->reentry_probability(months);
}

} // namespace zorgsim::care
