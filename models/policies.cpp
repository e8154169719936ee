// The policy timeline: dated changes to inflow, routing, stays, admissions and capacity.
#include <cmath>

#include "care_network.hpp"

namespace zorgsim::care {

void CareNetwork::schedule_policies() {
    for (std::size_t i = 0; i < scenario_.policies.size(); ++i)
        simulation_.schedule_at(scenario_.policies[i].at, event_priority::policy, *this,
                                policy_event, static_cast<std::uint32_t>(i));
    for (std::size_t i = 0; i < capacity_steps_.size(); ++i) {
        const auto [service, step] = capacity_steps_[i];
        simulation_.schedule_at(
            scenario_.services[static_cast<std::size_t>(service)].capacity[step].from,
            event_priority::capacity_change, *this, capacity_step_event,
            static_cast<std::uint32_t>(i));
    }
    for (std::size_t s = 0; s < services_.size(); ++s)
        if (!services_[s].opened)
            simulation_.schedule_at(*services_[s].spec->opens, event_priority::capacity_change,
                                    *this, service_opens_event, static_cast<std::uint32_t>(s));
}

void CareNetwork::schedule_anniversary(std::uint32_t index) {
    const PolicyChange& change = scenario_.policies[index];
    const auto date = calendar_.date_of(change.at);
    auto next_date = std::chrono::year_month_day{
        date.year() + std::chrono::years{anniversaries_[index] + 1}, date.month(), date.day()};
    if (!next_date.ok()) // 29 February: the anniversary is the last day of February
        next_date = std::chrono::year_month_day_last{next_date.year(),
                                                     std::chrono::month_day_last{date.month()}};
    const Days next = calendar_.day_of(next_date);
    if (next < horizon_ && (!change.until || next < *change.until))
        simulation_.schedule_at(next, event_priority::policy, *this, anniversary_event, index);
}

void CareNetwork::apply_capacity(std::size_t s) {
    ServiceState& state = services_[s];
    contracted_places(s);
    int usable = 0;
    if (!state.stopped && state.opened)
        // A fraction of staff gives that fraction of places, rounded down: half a foster
        // family takes no child.
        usable = static_cast<int>(std::floor(state.nominal_capacity * state.staff_fraction + 1e-9));
    if (usable != state.station->capacity())
        state.station->set_capacity(usable);
}

void CareNetwork::apply_policy(const PolicyChange& change) {
    const auto service = static_cast<std::size_t>(change.service);
    switch (change.kind) {
    case PolicyChange::Kind::inflow: {
        const int index = static_cast<int>(&change - scenario_.policies.data());
        // An annual change takes its first step on the policy's date ("-2% a year from 2026"
        // lowers 2026 already), then one at every anniversary.
        const double factor = change.value * (1.0 + change.annual_change);
        if (change.sources.empty()) {
            for (std::size_t s = 0; s < sources_.size(); ++s) {
                sources_[s].policies.push_back(index);
                set_inflow_multiplier(s, sources_[s].multiplier * factor);
            }
        } else {
            for (int s : change.sources) {
                sources_[static_cast<std::size_t>(s)].policies.push_back(index);
                set_inflow_multiplier(static_cast<std::size_t>(s),
                                      sources_[static_cast<std::size_t>(s)].multiplier * factor);
            }
        }
        if (change.annual_change != 0.0)
            schedule_anniversary(static_cast<std::uint32_t>(&change - scenario_.policies.data()));
        break;
    }
    case PolicyChange::Kind::routing_shift:
        if (change.source >= 0)
            sources_[static_cast<std::size_t>(change.source)].first.shift(change.from, change.to,
                                                                          change.value);
        else
            services_[service].next.shift(change.from, change.to, change.value);
        break;
    case PolicyChange::Kind::stay_multiplier:
        services_[service].stay_multiplier *= change.value;
        break;
    case PolicyChange::Kind::admission_stop:
        services_[service].stopped = change.stop;
        apply_capacity(service);
        break;
    case PolicyChange::Kind::staff_available:
        services_[service].staff_fraction = change.value;
        apply_capacity(service);
        break;
    case PolicyChange::Kind::capacity:
        if (pools_[service].active)
            break; // the capacity schedule's step moves the pool (care_network.cpp)
        services_[service].nominal_capacity = static_cast<int>(std::lround(change.value));
        apply_capacity(service);
        break;
    case PolicyChange::Kind::prices:
        // Known before the run: the cost meters take the step (costs.cpp).
        catch_up_prices(simulation_.now());
        break;
    case PolicyChange::Kind::recruitment:
        pools_[service].recruitment_per_year =
            change.absolute ? change.value : pools_[service].recruitment_per_year * change.value;
        schedule_recruitment(service);
        break;
    case PolicyChange::Kind::aftercare:
        if (change.share)
            returns_[service].share = *change.share;
        if (change.months)
            returns_[service].months = *change.months;
        break;
    }
}

} // namespace zorgsim::care
