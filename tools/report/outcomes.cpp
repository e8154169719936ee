#include "outcomes.hpp"

#include <fmt/format.h>

namespace zorgsim::report {

std::optional<Estimate> Outcome::find(const Json& services, const Json& system) const {
    if (service.empty()) {
        return find_estimate(system, metric);
    }
    const auto it = services.find(service);
    if (it == services.end()) {
        return std::nullopt;
    }
    return find_estimate(*it, metric);
}

bool someone_waits(const Results& results, const std::string& service) {
    for (const auto& scenario : results.scenarios) {
        const auto metrics = scenario.services.find(service);
        if (metrics == scenario.services.end()) {
            continue;
        }
        const auto wait = find_estimate(*metrics, "wait_days");
        // Half a day: below that a mean wait is admission on the day, not a waiting list.
        if (wait && ((wait->mean && *wait->mean >= 0.5) || (wait->p90 && *wait->p90 >= 1))) {
            return true;
        }
    }
    return false;
}

std::vector<Outcome> headline_outcomes(const Results& results) {
    std::vector<Outcome> candidates{
        {"system-arrivals", "Referrals and re-entries", "arrivals over the horizon", "", "arrivals",
         Unit::count, false},
        {"system-waiting", "Youths on a waiting list",
         "average number waiting at any time, all services", "", "waiting", Unit::youths, true},
    };
    for (const auto& service : results.services) {
        if (!someone_waits(results, service.id)) {
            continue;
        }
        candidates.push_back(
            {"wait-" + slug(service.id), "Wait for " + service.name,
             (service.dutch.empty() || service.dutch == service.name ? "" : service.dutch + "; ") +
                 "mean days from referral to admission; p90: 9 in 10 waited less",
             service.id, "wait_days", Unit::days, true});
    }
    const std::vector<Outcome> system_outcomes{
        {"system-out-of-home", "Out-of-home placements",
         "average number of youths in a placement (slots occupied)", "", "out_of_home",
         Unit::youths, true},
        {"system-closed", "Closed placements", "average number of youths in closed care", "",
         "closed", Unit::youths, true},
        {"system-closed-admissions", "Admissions to closed care", "over the horizon", "",
         "closed_admissions", Unit::count, true},
        {"system-replacements", "Re-placements (doorplaatsingen)",
         "moves from one placement to another, over the horizon", "", "replacements", Unit::count,
         true},
        {"system-replacements-per-youth", "Re-placements per youth",
         "moves between placements per youth seen", "", "replacements_per_youth", Unit::ratio,
         true},
        {"system-reentries", "Re-entries", "youths referred again after leaving care", "",
         "reentries", Unit::count, true},
        {"system-cost", "Cost", "euros over the horizon, all services", "", "cost", Unit::euros,
         true},
    };
    candidates.insert(candidates.end(), system_outcomes.begin(), system_outcomes.end());

    std::vector<Outcome> present;
    for (auto& outcome : candidates) {
        bool found = false;
        for (const auto& scenario : results.scenarios) {
            found = found || outcome.find(scenario.services, scenario.system).has_value();
        }
        if (found) {
            present.push_back(std::move(outcome));
        }
    }
    return present;
}

} // namespace zorgsim::report
