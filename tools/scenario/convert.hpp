// Conversion of the merged YAML tree into a care::Scenario, one section per file
// (convert_*.cpp). Each step reports what is wrong and carries on, so that one run of
// `zorgsim validate` lists every mistake; the scenario is only handed out without errors.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "reader.hpp"
#include "zorgsim/engine/calendar.hpp"
#include "zorgsim/model/scenario.hpp"

namespace zorgsim::scenario {

/// A distribution as read, with the flow YAML it is written back as and the lowest value
/// it can take (for the age checks).
struct DistributionRead {
    Distribution distribution;
    std::string yaml;
    double lowest = 0.0;
};

/// Where the parts of a service were written, for checks made after conversion.
struct ServicePlaces {
    Position item;
    Position capacity;            ///< the last capacity value (the one that holds for good)
    Position next;                ///< the `next` table, or the item when defaulted
    Position admission;           ///< the admission rules, or the item
    bool restricted = false;      ///< admission rules or an opening date can turn youths away
    std::optional<Position> role; ///< where `role` was written, if it was
    bool region_given = false;    ///< a `region` was written (it may name no region)
    // For the zero-time loop check; each the item when not written.
    Position stay{};         ///< duration_days
    Position max_wait{};     ///< queue.max_wait_days
    Position overflow{};     ///< overflow
    Position substitution{}; ///< substitution.after_days, or substitution
};

/// A parallel service a source names (`measure` or `investigation`), resolved by check_tracks
/// once every service is converted.
struct TrackName {
    std::string name;
    Position at;
};

struct SourcePlaces {
    Position item;
    Position age;            ///< age_years, or the item
    Position rate;           ///< rate_per_year or interarrival_days, or the item
    double lowest_age = 0.0; ///< the youngest age a referral can have
    std::optional<TrackName> measure;
    std::optional<TrackName> investigation;
};

/// Where the parts of a policy were written, indexed like Scenario::policies (date order).
struct PolicyPlaces {
    Position item;
    Position multiplier;    ///< inflow: the multiplier, or the change
    Position annual_change; ///< inflow: annual_change, or the change
    bool relative = false;  ///< capacity: `change: +N`, resolved when folded into the schedule
    Position change{};      ///< capacity: where `change` is written
};

/// A name in a route as it was resolved. Whether a youth may take the route depends on the
/// regions and roles of services that may come later in the file, so the region checks
/// (check_regions) look at these once every service is converted.
struct RouteUse {
    /// nowhere: a name that is no route (e.g. a policy's `from`, already in the route).
    enum class From { nowhere, source, service };
    Position at;
    std::string what; ///< the key, for messages, e.g. "next"
    std::string name; ///< as written
    int service = -1; ///< where it leads
    bool by_role = false;
    From from = From::nowhere;
    int origin = -1; ///< the source or service whose route it is
};

struct Context {
    Reader read;
    care::Scenario& scenario;
    std::optional<Calendar> calendar; ///< once `start` is valid
    std::optional<Days> horizon;      ///< once horizon_days/end is valid
    bool population_given = false;

    // Ids in written order; index i is the i-th item of the list, even when it is broken.
    std::vector<std::string> source_ids;
    std::vector<std::string> service_ids;
    std::vector<std::string> region_ids;
    /// Roles as written (empty where none), read before any route so that routes can name them.
    std::vector<std::string> service_roles;
    std::vector<ServicePlaces> service_places;
    std::vector<SourcePlaces> source_places;
    /// Appended to by read_destination, which only reads the context otherwise.
    mutable std::vector<RouteUse> route_uses;
    std::vector<PolicyPlaces> policy_places{};
    /// Where `sources` was written, for a message about all sources together.
    Position sources_at{};
    Position reentry_delay{}; ///< reentry.delay_days, or reentry
    Position reentry_via{};   ///< reentry.via
    /// Profile name -> index, for scenarios with thousands of profiles (convert_settings).
    std::unordered_map<std::string, std::size_t> profile_index{};

    /// "2025-01-01 .. 2035-01-01", for messages about the horizon.
    std::string horizon_text() const;
    /// The day of a date within the horizon; reports and gives nothing outside it.
    /// `allow_end`: the end date itself is allowed (e.g. an `until`).
    std::optional<Days> day_in_horizon(const Node& node, std::string_view what,
                                       bool allow_end = false) const;
};

// Sections (convert_*.cpp), in the order load.cpp calls them.
void convert_settings(const Node& root, Context& context);
void collect_ids(const Node& root, Context& context);
void convert_regions(const Node& list, Context& context);
void convert_municipalities(const Node& list, Context& context);
/// A municipality's id in the output files from its name: every run of characters other than
/// letters, digits, '-' and '_' becomes one '-' ("Stede Broec": "Stede-Broec").
std::string derived_id(std::string_view name);
void convert_population(const Node& node, Context& context);
void convert_reentry(const Node& node, Context& context);
void convert_prices(const Node& node, Context& context);
/// A relative change (0.04 is +4%) of `what` ("annual_change", "indexation_per_year",
/// "change"): above -1 and at most max_annual_change, and beyond largest_unconfirmed_change
/// only with `confirm: true` in `section` (convert_policies.cpp). `per`: "a year", or empty.
std::optional<double> read_relative_change(const Node& node, std::string_view what,
                                           std::string_view per, std::string_view section,
                                           bool confirmed, const Reader& read);
void convert_sources(const Node& list, Context& context);
void convert_services(const Node& list, Context& context);
void convert_policies(const Node& list, Context& context);

// A service's pool of places and its aftercare (convert_pool.cpp).
void read_pool(const Node& node, care::Service& service, ServicePlaces& places,
               const Context& context);
void read_aftercare(const Node& node, care::Service& service, const Context& context);

// Shared readers (convert_routes.cpp, convert_distribution.cpp).
std::optional<DistributionRead> read_distribution(const Node& node, std::string_view what,
                                                  const Reader& read);
/// A service id, a role (when allowed: the first service with that role, which the model
/// remaps to the youth's own region) or `exit` (when allowed); unknown names are reported with
/// the nearest one. Every name resolved is kept in Context::route_uses.
std::optional<care::Destination> read_destination(const Node& node, std::string_view what,
                                                  const Context& context, bool allow_exit = true,
                                                  bool allow_role = true);
/// Marks the names resolved since route_uses had `first` entries as routes of this origin.
void mark_routes(const Context& context, std::size_t first, RouteUse::From from, int origin);
/// A source id's index; unknown ids are reported with the nearest one.
std::optional<int> read_source(const Node& node, std::string_view what, const Context& context);
/// A routing table {target: probability} summing to 1, or (when `single_allowed`) one target.
std::optional<care::Route> read_route(const Node& node, std::string_view what,
                                      const Context& context, bool single_allowed);
/// A profile name's index; unknown names are reported with the nearest one.
std::optional<std::size_t> read_profile(const Node& node, std::string_view what,
                                        const Context& context);
/// A region id's index; unknown ids are reported with the nearest one.
std::optional<int> read_region(const Node& node, std::string_view what, const Context& context);
/// census.region_weights of a shared service: {REGION: weight >= 0}, indexed like the regions.
std::optional<std::vector<double>>
read_region_weights(const Node& node, const care::Service& service, const Context& context);
/// For each service, where a youth of `region` sent there goes (as the model remaps it): the
/// service with the same role in that region, if there is one; else, and for region -1, itself.
std::vector<int> counterparts_in(const care::Scenario& s, int region);
/// Letters, digits, '-' and '_': for names that end up in file names and output columns.
bool valid_name(const std::string& name);
/// Ids match [A-Za-z][A-Za-z0-9_-]* with at most this many characters (identifiers.cpp).
inline constexpr std::size_t max_id_length = 64;
/// The scenario name is the default results folder: valid_name and at most this long.
inline constexpr std::size_t max_name_length = 100;
/// The longest horizon, in days (100 years of 365.25 days): for horizon_days and for `end`.
inline constexpr long long max_horizon_days = 36'525;
/// Inflow bounds (inflow_bounds.cpp): a run follows every youth, so a mistyped rate or growth
/// (1e9 a year, `annual_change: 2` meant as 2%) would grow it to gigabytes. Expected arrivals
/// per year of one source at any time of the horizon, policies included, and over the whole
/// horizon of all sources together; the largest annual_change (+100% a year).
inline constexpr double max_arrivals_per_year = 1e6;
inline constexpr double max_arrivals_per_run = 1e7;
inline constexpr double max_annual_change = 1.0;
/// An annual change whose size is beyond this is almost surely a percentage written as a whole
/// number (or a typo): refused unless the policy says `confirm: true`.
inline constexpr double largest_unconfirmed_change = 0.5;
/// What is wrong with an id of `kind` ("service", "source", ...), as a message, or empty:
/// the pattern above, and the reserved ids 'exit' (a route's exit) and 'system' (the system
/// rows of the output files).
std::string id_problem(const std::string& id, std::string_view kind);
/// What is wrong with the scenario name, as a message, or empty.
std::string name_problem(const std::string& name);
/// A table {name: weight} over `names` summing to 1, as weights indexed like `names`.
std::optional<std::vector<double>> read_mix(const Node& node, std::string_view what,
                                            const std::vector<std::string>& names,
                                            std::string_view kind, const Reader& read);
/// {profile: X} entries, each read by `read_one`, into a vector indexed by profile.
template <typename T, typename ReadOne>
std::vector<std::optional<T>> read_by_profile(const Node& node, std::string_view what,
                                              const Context& context, ReadOne read_one) {
    std::vector<std::optional<T>> out;
    if (!context.read.expect_map(node, what, "{PROFILE: ...}"))
        return out;
    for (const Entry& entry : node.entries) {
        const Node key{Node::Kind::scalar, entry.key, false, {}, {}, entry.key_at};
        const auto profile = read_profile(key, what, context);
        if (!profile)
            continue;
        if (out.size() <= *profile)
            out.resize(*profile + 1);
        out[*profile] = read_one(entry.value);
    }
    return out;
}

// Checks of the whole network (checks.cpp, traffic.cpp).
void check_ages(Context& context);
void check_exits(Context& context);
void check_regions(Context& context);
/// Parallel services (track: parallel) and the channels that send youths to them (tracks.cpp).
void check_tracks(Context& context);
/// The traffic equations' estimate of each service's load (traffic.cpp), as LoadResult notes.
std::vector<ServiceNote> estimate_loads(const Context& context);
/// Work that cannot end: inflow beyond the documented bounds (inflow_bounds.cpp) and moves
/// that can repeat forever without simulated time passing (zero_time_loops.cpp).
void check_runaway(Context& context);
void check_inflow(Context& context);
void check_zero_time_loops(Context& context);

} // namespace zorgsim::scenario
