#include "result_memory.hpp"

#include <fmt/format.h>

#include "zorgsim/model/outcomes.hpp"

namespace zorgsim::experiment {

std::optional<std::string> result_memory_refusal(const care::Scenario& scenario,
                                                 std::size_t replications, std::size_t scenarios) {
    const care::OutcomeLayout layout = care::outcome_layout(scenario);
    const double per_replication = 8.0 * static_cast<double>(layout.series_cells()) *
                                   static_cast<double>(layout.periods.size()) *
                                   static_cast<double>(scenarios);
    const double bytes = per_replication * static_cast<double>(replications);
    if (bytes <= static_cast<double>(max_result_bytes))
        return std::nullopt;
    return fmt::format(
        "{} replications would keep {:.1f} GiB of per-replication figures in memory ({} "
        "time-series cells x {} periods x 8 bytes{}); at most {} replications fit in the {} "
        "GiB zorgsim allows",
        replications, bytes / double(1ULL << 30), layout.series_cells(), layout.periods.size(),
        scenarios > 1 ? fmt::format(" x {} scenarios", scenarios) : "",
        static_cast<std::uint64_t>(static_cast<double>(max_result_bytes) / per_replication),
        max_result_bytes >> 30);
}

} // namespace zorgsim::experiment
