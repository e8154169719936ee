// A care landscape scenario as plain data: the referral channels, the services, the policy
// timeline and the start census. The model reads nothing else; how a scenario is written
// down (YAML files, `extends`, command-line overrides) is the business of tools/scenario.
#pragma once

#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "zorgsim/engine/calendar.hpp"
#include "zorgsim/engine/distribution.hpp"

namespace zorgsim::care {

/// Where a route leads: a service (its index in Scenario::services) or out of care.
struct Destination {
    static constexpr int exit = -1;
    int service = exit;
    bool is_exit() const { return service == exit; }
    friend bool operator==(Destination, Destination) = default;
};

/// A probabilistic choice of destinations; probabilities sum to one.
struct Route {
    std::vector<Destination> targets;
    std::vector<double> probabilities;
};

/// A route per care profile, with a default for profiles that have none of their own.
struct RoutingTable {
    Route fallback;
    std::vector<std::optional<Route>> by_profile; ///< indexed by profile; may be shorter
    const Route& for_profile(std::size_t profile) const {
        return profile < by_profile.size() && by_profile[profile] ? *by_profile[profile] : fallback;
    }
};

struct CapacityStep {
    Days from = 0.0;
    int value = 0;
};

/// Care without stay (ambulant: the youth lives at home) or a placement with stay.
enum class ServiceKind {
    care_at_home, ///< local team, ambulant care A/B/C, intensive ambulant, aftercare
    placement     ///< pleegzorg, gezinshuis, kleinschalig wonen, residential, crisis, JZ+
};

/// Urgency classes of a waiting list, served in this order; first come first served within.
enum class Urgency : int { crisis = 0, protection = 1, voluntary = 2 };
inline constexpr int urgency_classes = 3;

/// A legal framework: voluntary care or under a child-protection measure (OTS, voogdij).
enum class LegalFramework { voluntary, protection };

struct Substitution {
    Days after_days = 0.0;         ///< wait before alternatives are tried
    std::vector<int> alternatives; ///< services, in order of preference
    Days retry_days = 7.0;         ///< if none is free, look again after this many days
};

/// A capacity that is a pool of places that come and go (foster families): new places arrive
/// at random at `recruitment_per_year` (Poisson), and each place leaves at
/// `attrition_per_year` (an exponential lifetime per place). A free place that leaves goes at
/// once; an occupied place that is due to leave goes when its youth leaves, so nobody is ever
/// sent away. The pool starts with the service's capacity on day 0 (Service::capacity).
struct Pool {
    double recruitment_per_year = 0.0; ///< new places per year
    double attrition_per_year = 0.0;   ///< per place: the chance per year that it stops
};

/// Aftercare (nazorg) for youths who leave care from a service: a share of them gets aftercare
/// for some months, which changes their chance of coming back. Aftercare is a duration, not a
/// place: the youth has left care, and its re-entry delay counts from the end of aftercare.
struct Aftercare {
    double share = 0.0;  ///< of the youths leaving care from here, the share who get aftercare
    double months = 0.0; ///< how long, as written: the reference for `per_month`
    double reentry_without = 0.0; ///< re-entry chance without aftercare
    double reentry_with = 0.0;    ///< re-entry chance with aftercare of `months` months
    double per_month = 0.0;       ///< change of the chance per month more (or less) than `months`
    double reentry_min = 0.0;     ///< the chance with aftercare is never below this
    /// The re-entry chance after aftercare of `given` months (0: none).
    double reentry_probability(double given) const {
        if (given <= 0.0)
            return reentry_without;
        const double p = reentry_with + per_month * (given - months);
        return p < reentry_min ? reentry_min : (p > 1.0 ? 1.0 : p);
    }
};

/// Who is in a service and on its waiting list on day 0 (a forecast starts from today).
struct Census {
    int occupied = 0;
    int waiting = 0;
    /// Over Scenario::regions, for a shared service: where its census youths come from. Empty:
    /// the service's own region, or for a shared service the regions in proportion to their
    /// channels' referral rates.
    std::vector<double> region_weights;
    std::vector<double> profile_weights;   ///< empty: the service's first admitted profile
    std::optional<Distribution> age_years; ///< empty: uniform over the admitted ages
    std::string age_years_yaml;            ///< how age_years was written (see Service::stay_yaml)
};

struct Service {
    std::string id;
    std::string name;  ///< for people, e.g. "Foster care"
    std::string dutch; ///< the term a Dutch policymaker looks for, e.g. "pleegzorg"
    /// The region whose youths this service serves (index in Scenario::regions), or -1 for a
    /// service that every region shares (bovenregionaal, e.g. JeugdzorgPlus).
    int region = -1;
    /// What the service is in its region, e.g. "pleegzorg": a youth referred to a service of
    /// another region goes to the service with the same role in its own region instead.
    /// Empty: the service has no counterparts.
    std::string role;
    ServiceKind kind = ServiceKind::care_at_home;
    bool closed = false; ///< closed care (JeugdzorgPlus): counted as a closed placement
    /// A parallel service (track: parallel): a youth holds its place alongside its care, as a
    /// child-protection measure with a guardian from a certified institution (GI) or a Veilig
    /// Thuis investigation. No route leads to it; channels send youths with `measure` or
    /// `investigation`. Its stay ends the track, never the care.
    bool parallel = false;
    /// A parallel service: while a youth waits on its list (for a guardian), it is admitted to
    /// no placement with a waiting list; it waits for the placement until it has a place here.
    bool holds_placements = false;

    std::vector<CapacityStep> capacity; ///< ascending `from`, the first at day 0
    /// The capacity is a pool that recruits and loses places; the schedule's steps then move
    /// the pool by their difference to the step before.
    std::optional<Pool> pool;
    Distribution stay; ///< length of stay (days)
    std::vector<std::optional<Distribution>> stay_by_profile;
    /// The distributions as written in the scenario (flow YAML, e.g. "{dist: gamma, mean: 30,
    /// sd: 12}"), so that the resolved scenario can be written back with its exact parameters:
    /// a Distribution keeps only what sampling needs. Empty when made in code.
    std::string stay_yaml;
    std::vector<std::string> stay_by_profile_yaml; ///< parallel to stay_by_profile

    // Admission rules.
    double min_age = 0.0;
    double max_age = std::numeric_limits<double>::infinity(); ///< exclusive
    std::vector<bool> admits_profile;                         ///< empty: every profile

    // Waiting list.
    std::size_t max_queue = std::numeric_limits<std::size_t>::max();
    Days max_wait = std::numeric_limits<Days>::infinity(); ///< reneging
    Destination renege_to;                                 ///< after reneging
    Destination overflow;                                  ///< when the list is full
    int bridging = -1;     ///< service that bridges the wait at home (overbruggingszorg), or -1
    bool blocking = false; ///< a youth leaving for a full service keeps its slot here
    std::optional<Substitution> substitution;

    RoutingTable next;                         ///< after discharge
    std::optional<double> reentry_probability; ///< overrides Reentry::probability on exit
    std::optional<Aftercare> aftercare;        ///< aftercare and re-entry of those who leave

    /// The wait norm of this service (days), or nothing: the scenario's wait_norm_days.
    std::optional<Days> wait_norm_days;

    double cost_per_day = 0.0;       ///< euros per occupied slot-day
    double cost_per_admission = 0.0; ///< euros per admission
    /// Euros per contracted place per day, paid whether the place is used or not. Contracted
    /// places are the capacity schedule (capacity policies included, staff_available and
    /// admission stops not), from the day the service opens.
    double cost_per_place_day = 0.0;
    double fixed_cost_per_year = 0.0; ///< euros per calendar year, from the day it opens
    /// The share of this service's cost that its region's municipalities (every municipality,
    /// for a shared service) pay by youth population (solidariteit); the rest is paid by the
    /// municipalities whose youths used the places (woonplaatsbeginsel). 0: own youths only.
    double solidarity_share = 0.0;
    std::optional<Days> opens; ///< closed to admissions before this day
    Census census;

    const Distribution& stay_for(std::size_t profile) const {
        return profile < stay_by_profile.size() && stay_by_profile[profile]
                   ? *stay_by_profile[profile]
                   : stay;
    }
};

/// A referral channel (verwijzer): local team, GP, medical specialist, youth protection,
/// Veilig Thuis, crisis service.
struct Source {
    std::string id;
    std::string name;
    std::string dutch; ///< the Dutch name a policymaker knows it by, e.g. "huisarts"; may be empty
    int region = -1;   ///< the region its youths come from (index in Scenario::regions), or -1
    double rate_per_year = 0.0;               ///< Poisson arrivals, unless interarrival is set
    std::optional<Distribution> interarrival; ///< days between arrivals
    std::string interarrival_yaml;            ///< as written (see Service::stay_yaml)
    RoutingTable to;                          ///< first service, per profile
    std::vector<double> profile_weights;      ///< empty: profile 0
    Distribution age_years;                   ///< age at referral
    std::string age_years_yaml;               ///< as written (see Service::stay_yaml)
    double protection_share = 0.0;            ///< share under a child-protection measure
    bool crisis = false;                      ///< referrals are crises (served first)
    std::vector<double> municipality_weights; ///< over Scenario::municipalities; empty: none
    /// A parallel service (Service::parallel) whose list a youth under a protection measure
    /// joins at referral, alongside its care (a guardian from the GI); -1: none.
    int measure = -1;
    /// Of the protected youths, the share whose measure starts at referral and who need a
    /// guardian; the others already have one (their measure is in the GI's census).
    double new_measure_share = 1.0;
    /// A parallel service every youth of this channel goes through at referral, alongside its
    /// care (a Veilig Thuis investigation); -1: none.
    int investigation = -1;
    /// Its youths only hold their parallel track (e.g. Veilig Thuis investigations that lead to
    /// no youth care): they are no referrals to care and count in no care figure.
    bool track_only = false;
};

/// Aging out at 18: leave care, possibly with adult support (Wmo), or continue under
/// extended youth care (verlengde jeugdhulp) up to a higher age.
/// Without a `population` section a scenario is a plain queueing network: nobody ages out.
struct Population {
    double exit_age = std::numeric_limits<double>::infinity();
    double extended_probability = 0.0;
    double extended_until = 21.0;
    double adult_support_probability = 0.0;
};

/// Youths who leave care come back with a probability after a delay.
struct Reentry {
    double probability = 0.0;
    Distribution delay_days = Distribution::exponential(365.0);
    std::string delay_days_yaml; ///< as written (see Service::stay_yaml)
    int source = -1; ///< the channel through which they come back; -1: none (no re-entry)
};

/// A dated change applied during the run (beleidsmaatregel).
struct PolicyChange {
    enum class Kind {
        inflow,          ///< multiply the referral rate of `sources`
        routing_shift,   ///< move `fraction` of the routing mass from `from` to `to`
        stay_multiplier, ///< multiply the length of stay of new admissions
        admission_stop,  ///< no new admissions (true) or admissions again (false)
        staff_available, ///< the fraction of nominal capacity that is usable
        capacity,        ///< set nominal capacity; the loader also folds it into the
                         ///< service's capacity schedule, so applying it is a no-op
        prices,          ///< multiply the prices of `services` (empty: all) by 1 + `value`
        recruitment,     ///< a pool's recruitment rate: x `value`, or `value` a year (absolute)
        aftercare        ///< a service's aftercare: `share` and/or `months` from the date
    };
    Kind kind = Kind::inflow;
    std::string id; ///< the scenario's name for the change, e.g. "jzplus-phase-out-2027"
    Days at = 0.0;
    std::string description;
    std::vector<int> sources;     ///< inflow: empty means all
    int service = -1;             ///< the service concerned; routing_shift: -1 with source >= 0
    int source = -1;              ///< routing_shift of a referral channel's first service
    double value = 1.0;           ///< multiplier, fraction or capacity
    bool stop = true;             ///< admission_stop
    Destination from;             ///< routing_shift
    Destination to;               ///< routing_shift
    double annual_change = 0.0;   ///< inflow: a further change at every anniversary (e.g. -0.02)
    std::optional<Days> until;    ///< inflow with annual_change: last anniversary applied before
    bool absolute = false;        ///< recruitment: `value` is the rate per year, not a multiplier
    std::optional<double> share;  ///< aftercare: the share who get it from the date
    std::optional<double> months; ///< aftercare: its length in months from the date
    std::vector<int> services;    ///< prices: the services whose prices change; empty means all
};

/// A municipality's youth population (gemeente), parallel to Scenario::municipalities.
struct MunicipalityPopulation {
    /// Its id in the results (timeseries.csv `municipality:ID`, summary.json): the name with
    /// every run of other characters than letters, digits, '-' and '_' as one '-' ("Stede
    /// Broec": Stede-Broec), or as the scenario gives it. Empty when made in code: the name.
    std::string id;
    double youths = 0.0; ///< youths aged 0-17 (CBS StatLine)
    int year = 0;        ///< the year of that figure
    int region = -1;     ///< index in Scenario::regions, or -1 in a scenario without regions
};

/// A youth-care region (jeugdzorgregio): municipalities that buy care together. A scenario
/// with regions reports every system figure per region as well as in total.
struct Region {
    std::string id;
    std::string name;
};

/// Price indexation: every price (per day, per place, per admission, per year) is multiplied
/// by 1 + indexation_per_year on each 1 January after the start.
struct Prices {
    double indexation_per_year = 0.0;
};

struct Scenario {
    std::string name;
    std::string title;
    std::vector<std::string> description;
    std::chrono::year_month_day start{std::chrono::year{2025}, std::chrono::January,
                                      std::chrono::day{1}};
    Days horizon_days = 365.0;
    Days warmup_days = 0.0;
    Period period = Period::year;
    std::size_t replications = 20;
    std::uint64_t seed = 1;
    Days wait_norm_days = 28.0;

    std::vector<std::string> profiles{"default"};
    std::vector<std::string> municipalities; ///< names, as the channels' origin mixes use them
    /// Parallel to municipalities, or empty: a scenario that gives every municipality its
    /// youth population reports every system figure per municipality as well.
    std::vector<MunicipalityPopulation> municipality_populations;
    std::vector<Region> regions; ///< empty: one region, reported as the system
    std::vector<Source> sources;
    std::vector<Service> services;
    std::vector<PolicyChange> policies; ///< sorted by `at`
    Population population;
    Reentry reentry;
    Prices prices;

    bool reports_municipalities() const { return !municipality_populations.empty(); }

    /// The wait norm of `service`: its own, else the scenario's.
    Days wait_norm(const Service& service) const {
        return service.wait_norm_days.value_or(wait_norm_days);
    }
};

} // namespace zorgsim::care
