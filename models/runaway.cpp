// What to tell the user when a replication reaches a limit of RunLimits: which services keep
// youths going round in zero time, or which source (and inflow policy) floods the landscape.
// The engine reports only its handlers and their subjects; here they become service, source
// and policy ids.
#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "care_network.hpp"

namespace zorgsim::care {

namespace {
/// "a", "a and b", "a, b and c".
std::string join_ids(const std::vector<std::string>& ids) {
    std::string text;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i > 0)
            text += i + 1 == ids.size() ? " and " : ", ";
        text += ids[i];
    }
    return text;
}
} // namespace

std::string CareNetwork::day_text(Days day) const {
    return fmt::format("day {:g} ({})", std::floor(day), calendar_.iso(day));
}

std::string CareNetwork::zero_time_loop_message(const Simulation::ZeroTimeLoop& loop) const {
    // The services that the last events met, each once, and what kept them busy.
    std::vector<int> services;
    bool reneging = false, zero_stays = false, reentry = false;
    std::vector<std::string> bursting; // sources whose referrals come at one instant
    auto involve = [&](int service) {
        if (service >= 0 && std::find(services.begin(), services.end(), service) == services.end())
            services.push_back(service);
    };
    for (const Simulation::Event& event : loop.recent) {
        if (event.target != this) {
            for (std::size_t s = 0; s < services_.size(); ++s)
                if (event.target == services_[s].station.get()) {
                    involve(static_cast<int>(s)); // a station's only events are reneging
                    reneging = true;
                }
            continue;
        }
        if (event.kind == arrival_event && event.subject < sources_.size()) {
            const std::string& id = sources_[event.subject].spec->id;
            if (std::find(bursting.begin(), bursting.end(), id) == bursting.end())
                bursting.push_back(id);
            continue;
        }
        const bool about_youth = event.kind == stay_end_event || event.kind == reentry_event ||
                                 event.kind == substitution_event || event.kind == aging_event;
        if (!about_youth || event.subject >= youths_.size())
            continue;
        const Youth& youth = youths_[event.subject];
        zero_stays = zero_stays || event.kind == stay_end_event;
        reentry = reentry || event.kind == reentry_event;
        involve(youth.in_service);
        involve(youth.waiting_for);
        involve(youth.last_service);
    }
    std::sort(services.begin(), services.end()); // in the scenario's order
    std::vector<std::string> ids;
    for (int s : services)
        ids.push_back(scenario_.services[static_cast<std::size_t>(s)].id);
    std::vector<std::string> causes;
    if (reneging)
        causes.emplace_back("waits that end at once (max_wait_days: 0) sending youths to a full "
                            "service");
    if (zero_stays)
        causes.emplace_back("stays of zero days");
    if (reentry)
        causes.emplace_back("re-entry after a delay of zero days");
    if (!bursting.empty() && services.empty())
        return fmt::format(
            "replication {} handled more than {} events on {} without the clock moving on: "
            "referrals through the channel {} arrive all at once (a time between arrivals that is "
            "almost "
            "always 0 days); give the referral channel a time between arrivals that is not",
            replication_, loop.handled, day_text(loop.time), join_ids(bursting));
    return fmt::format(
        "replication {} handled more than {} events on {} without the clock moving on: youths "
        "go round {} {} in zero time{}; give the loop a delay or a way out",
        replication_, loop.handled, day_text(loop.time), ids.size() == 1 ? "service" : "services",
        ids.empty() ? std::string("(none identified)") : join_ids(ids),
        causes.empty() ? std::string() : " (" + join_ids(causes) + ")");
}

void CareNetwork::too_many_youths() const {
    std::uint64_t total = 0;
    std::size_t top = 0;
    for (std::size_t s = 0; s < sources_.size(); ++s) {
        total += sources_[s].arrivals;
        if (sources_[s].arrivals > sources_[top].arrivals)
            top = s;
    }
    std::string cause = "the start census alone";
    if (total > 0) {
        const SourceState& source = sources_[top];
        const Source& spec = *source.spec;
        cause = fmt::format(
            "most arrivals come from source {} ({} of {} referrals in this replication; {})",
            spec.id, source.arrivals, total,
            spec.interarrival
                ? fmt::format("interarrival_days with mean {:g}", spec.interarrival->mean())
                : fmt::format("rate_per_year {:g}", spec.rate_per_year));
        std::vector<std::string> policies;
        for (int p : source.policies) {
            const PolicyChange& change = scenario_.policies[static_cast<std::size_t>(p)];
            std::string text = fmt::format("{} (multiplier {:g}", change.id, change.value);
            if (change.annual_change != 0.0)
                text += fmt::format(", annual_change {:g}", change.annual_change);
            text += fmt::format(", from {})", calendar_.iso(change.at));
            if (std::find(policies.begin(), policies.end(), text) == policies.end())
                policies.push_back(std::move(text));
        }
        if (!policies.empty())
            cause += fmt::format(", under inflow {} {}, which multiplies its referrals by {:g} now",
                                 policies.size() == 1 ? "policy" : "policies", join_ids(policies),
                                 source.multiplier);
    }
    throw ScenarioFault(
        fmt::format("replication {} reached the limit of {} youths alive at once on {}: the "
                    "inflow outgrows the services; {}",
                    replication_, youths_.size(), day_text(simulation_.now()), cause),
        ScenarioFault::Limit::youths);
}

} // namespace zorgsim::care
