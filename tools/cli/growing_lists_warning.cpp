#include "growing_lists_warning.hpp"

#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "experiment/growing_lists.hpp"
#include "zorgsim/engine/calendar.hpp"

namespace zorgsim::cli {

namespace {

std::map<std::string, std::vector<scenario::ServiceNote>>& notes_by_scenario() {
    static std::map<std::string, std::vector<scenario::ServiceNote>> notes;
    return notes;
}

std::string figure(double x) {
    return std::abs(x) >= 100 ? fmt::format("{:.0f}", x) : fmt::format("{:.3g}", x);
}

} // namespace

void remember_service_notes(const std::string& scenario, std::vector<scenario::ServiceNote> notes) {
    notes_by_scenario()[scenario] = std::move(notes);
}

std::vector<std::string> growing_list_warnings(const care::Scenario& scenario,
                                               const experiment::Aggregate& aggregate) {
    std::vector<std::string> out;
    const Calendar calendar(scenario.start);
    const auto& periods = aggregate.layout().periods;
    auto when = [&](std::size_t period) {
        const std::string date = calendar.iso(periods.start(period));
        return scenario.period == Period::year ? date.substr(0, 4) : date;
    };
    const auto found = notes_by_scenario().find(scenario.name);
    for (const experiment::GrowingList& list : experiment::growing_waiting_lists(aggregate)) {
        const care::Service& service = scenario.services[list.service];
        std::string where = scenario.name;
        std::string cause;
        if (found != notes_by_scenario().end() && list.service < found->second.size()) {
            const scenario::ServiceNote& note = found->second[list.service];
            where = fmt::format("{}:{}:{}", note.capacity_at.file, note.capacity_at.line,
                                note.capacity_at.column);
            if (!note.overload.empty())
                cause = "; the routing's estimate: " + note.overload;
        }
        const bool drifts = list.kind == experiment::GrowingList::Kind::drifting;
        out.push_back(fmt::format(
            "{}: warning: in {}, the waiting list of {} {} in the simulation: {} youths on average "
            "in "
            "{}, {} in {} (growth {} to {}, 95% interval over {} replications){}{}",
            where, scenario.name, service.id,
            drifts ? "drifts up and spreads out" : "keeps growing", figure(list.from_mean),
            when(list.from_period), figure(list.to_mean), when(list.to_period),
            figure(list.growth_lo), figure(list.growth_hi), aggregate.replications(),
            drifts ? fmt::format("; in {} one replication in twenty ends above {}: capacity just "
                                 "keeps up with the inflow, so the list wanders without settling",
                                 when(list.to_period), figure(list.to_p95))
                   : "",
            cause));
    }
    return out;
}

void print_growing_list_warnings(const care::Scenario& scenario,
                                 const experiment::Aggregate& aggregate, bool quiet) {
    static std::set<std::string> printed;
    if (quiet)
        return;
    for (const std::string& warning : growing_list_warnings(scenario, aggregate))
        if (printed.insert(warning).second)
            fmt::print(stderr, "{}\n", warning);
}

} // namespace zorgsim::cli
