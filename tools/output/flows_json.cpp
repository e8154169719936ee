#include "flows_json.hpp"

#include "results_json.hpp"

namespace zorgsim::output {

nlohmann::ordered_json flows_json(const experiment::Aggregate& aggregate) {
    const care::OutcomeLayout& layout = aggregate.layout();
    const care::FlowLayout flows = layout.flows();
    std::vector<std::string> from(flows.from_count());
    std::vector<std::string> to(flows.to_count());
    for (std::size_t i = 0; i < layout.sources.size(); ++i)
        from[flows.from_source(i)] = "source:" + layout.sources[i];
    for (std::size_t i = 0; i < layout.services.size(); ++i) {
        from[flows.from_service(i)] = "service:" + layout.services[i];
        to[flows.to_service(i)] = "service:" + layout.services[i];
    }
    from[flows.from_start()] = "start";
    for (std::size_t e = 0; e < care::flow_ends.size(); ++e)
        to[flows.to_end(static_cast<care::FlowEnd>(e))] = "end:" + std::string(care::flow_ends[e]);

    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (std::size_t f = 0; f < flows.from_count(); ++f)
        for (std::size_t t = 0; t < flows.to_count(); ++t) {
            const RunningStats& stats = aggregate.flow(flows.cell(f, t));
            if (stats.mean() <= 0.0)
                continue;
            const nlohmann::ordered_json estimate = interval(stats);
            out.push_back({{"from", from[f]},
                           {"to", to[t]},
                           {"mean", estimate["mean"]},
                           {"ci95", estimate["ci95"]}});
        }
    return out;
}

} // namespace zorgsim::output
