#include "warnings_json.hpp"

#include "../experiment/growing_lists.hpp"
#include "zorgsim/engine/calendar.hpp"

namespace zorgsim::output {

nlohmann::ordered_json warnings_json(const care::Scenario& scenario,
                                     const experiment::Aggregate& aggregate) {
    const Calendar calendar(scenario.start);
    const auto& periods = aggregate.layout().periods;
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const experiment::GrowingList& list : experiment::growing_waiting_lists(aggregate)) {
        const bool drifts = list.kind == experiment::GrowingList::Kind::drifting;
        out.push_back({{"service", aggregate.layout().services[list.service]},
                       {"kind", drifts ? "drifting" : "growing"},
                       {"from", calendar.iso(periods.start(list.from_period))},
                       {"to", calendar.iso(periods.start(list.to_period))},
                       {"from_mean", list.from_mean},
                       {"to_mean", list.to_mean},
                       {"growth_ci95", {list.growth_lo, list.growth_hi}},
                       {"to_p95", list.to_p95}});
    }
    return out;
}

} // namespace zorgsim::output
