// The flow diagram's counts: every move of a youth after the warm-up, and at the end of the
// horizon where each youth still is, so that for every service what flows in equals what flows
// out.
#include "care_network.hpp"

namespace zorgsim::care {

void CareNetwork::flow_to(const Youth& youth, std::size_t to) {
    if (youth.flow_from < 0 || simulation_.now() < grid_.warmup())
        return;
    flows_[flow_layout_.cell(static_cast<std::size_t>(youth.flow_from), to)] += 1.0;
}

void CareNetwork::collect_flows(ReplicationOutcome& out) const {
    const FlowLayout& layout = flow_layout_;
    out.flows = flows_;
    std::vector<bool> free(youths_.size(), false);
    for (const std::uint32_t id : free_youths_)
        free[id] = true;
    for (std::size_t id = 0; id < youths_.size(); ++id) {
        const Youth& youth = youths_[id];
        if (free[id] || youth.awaiting_reentry || youth.flow_from < 0)
            continue;
        const std::size_t to = youth.in_service >= 0 ? layout.to_end(FlowEnd::in_care_at_end)
                                                     : layout.to_end(FlowEnd::waiting_at_end);
        out.flows[layout.cell(static_cast<std::size_t>(youth.flow_from), to)] += 1.0;
    }
    // Youths in a service when the measurement starts (the start census, or after the warm-up)
    // made no counted move into it; what leaves a service beyond what came in is theirs.
    for (std::size_t s = 0; s < layout.services; ++s) {
        double in = 0.0, leaving = 0.0;
        for (std::size_t from = 0; from < layout.from_count(); ++from)
            in += out.flows[layout.cell(from, layout.to_service(s))];
        for (std::size_t to = 0; to < layout.to_count(); ++to)
            leaving += out.flows[layout.cell(layout.from_service(s), to)];
        out.flows[layout.cell(layout.from_start(), layout.to_service(s))] += leaving - in;
    }
}

} // namespace zorgsim::care
