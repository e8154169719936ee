// How youths move through the landscape over the horizon (the report's flow diagram,
// stroomdiagram): a count for every move from where a youth was to where it went next. A move
// starts at a referral channel, at a service, or "at the start" (in care or waiting when the
// measurement starts: the start census, or after the warm-up), and ends at a service or at one
// of the ends below. Counted from the end of the warm-up to the end of the horizon, so that for
// every service what flows in equals what flows out.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace zorgsim::care {

/// Where a youth's path ends within the horizon, in the order of flow_ends.
enum class FlowEnd : std::size_t {
    discharged,        ///< left care (uitstroom)
    aged_out,          ///< reached the exit age (18+)
    no_suitable_place, ///< no service could take the youth (geen passende plek)
    rejected,          ///< turned away by a full service without a waiting list
    reneged,           ///< gave up waiting
    in_care_at_end,    ///< still in a service at the end of the horizon
    waiting_at_end,    ///< still waiting (at home or in bridging care) at the end
};

/// The ids of the ends, as summary.json names them.
inline constexpr std::array<std::string_view, 7> flow_ends{
    "discharged", "aged_out",       "no_suitable_place", "rejected",
    "reneged",    "in_care_at_end", "waiting_at_end"};

/// The from x to matrix of a scenario: "from" is a referral channel, a service or the start;
/// "to" is a service or an end. Row-major, channels and services in scenario order.
struct FlowLayout {
    std::size_t sources = 0;
    std::size_t services = 0;

    std::size_t from_count() const { return sources + services + 1; }
    std::size_t to_count() const { return services + flow_ends.size(); }
    std::size_t size() const { return from_count() * to_count(); }

    std::size_t from_source(std::size_t source) const { return source; }
    std::size_t from_service(std::size_t service) const { return sources + service; }
    std::size_t from_start() const { return sources + services; }
    std::size_t to_service(std::size_t service) const { return service; }
    std::size_t to_end(FlowEnd end) const { return services + static_cast<std::size_t>(end); }
    std::size_t cell(std::size_t from, std::size_t to) const { return from * to_count() + to; }
};

} // namespace zorgsim::care
