// One replication of the care landscape: youths referred by channels, admitted to services,
// discharged and routed on, aging out and coming back, under a policy timeline.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "cost_meter.hpp"
#include "route_choice.hpp"
#include "tallies.hpp"
#include "wait_episodes.hpp"
#include "youth.hpp"
#include "zorgsim/engine/calendar.hpp"
#include "zorgsim/engine/simulation.hpp"
#include "zorgsim/engine/station.hpp"
#include "zorgsim/model/care_model.hpp"
#include "zorgsim/model/outcomes.hpp"
#include "zorgsim/model/scenario.hpp"
#include "zorgsim/model/trace.hpp"

namespace zorgsim::care {

class CareNetwork final : public EventHandler, public StationListener {
  public:
    CareNetwork(const Scenario& scenario, std::uint64_t seed, std::uint64_t replication,
                const Observation& observation, const RunLimits& limits = {});
    CareNetwork(const CareNetwork&) = delete;
    CareNetwork& operator=(const CareNetwork&) = delete;

    ReplicationOutcome run();

    void handle(Simulation& simulation, std::uint32_t kind, std::uint32_t subject) override;
    void on_admitted(Station& station, EntityId entity, Days waited) override;
    void on_reneged(Station& station, EntityId entity, Days waited) override;

  private:
    enum EventKind : std::uint32_t {
        arrival_event,
        stay_end_event,
        aging_event,
        substitution_event,
        reentry_event,
        policy_event,
        anniversary_event,
        capacity_step_event,
        service_opens_event,
        recruitment_event,
        attrition_event,
        measure_end_event,
        investigation_end_event
    };
    enum class Exit { discharged, aged_out, no_suitable_place, rejected, reneged };
    /// The trace's word for an exit reason.
    static std::string_view exit_reason(Exit reason) {
        switch (reason) {
        case Exit::discharged:
            return "discharged";
        case Exit::aged_out:
            return "aged_out";
        case Exit::no_suitable_place:
            return "no_suitable_place";
        case Exit::rejected:
            return "rejected";
        case Exit::reneged:
            return "reneged";
        }
        return "";
    }
    /// The flow diagram's end of a youth who leaves care for `reason`.
    static FlowEnd flow_end(Exit reason) {
        static_assert(static_cast<int>(Exit::reneged) == static_cast<int>(FlowEnd::reneged),
                      "the exits lead the flow ends, in the same order");
        return static_cast<FlowEnd>(reason);
    }

    struct ServiceState {
        const Service* spec;
        std::unique_ptr<Station> station;
        RandomStream stay_stream;
        RandomStream route_stream;
        RouteChoice next;
        int nominal_capacity = 0;
        double staff_fraction = 1.0;
        bool stopped = false;
        bool opened = true;
        double stay_multiplier = 1.0;
        /// Per profile, the length-biased stay for census occupants (nothing: resample).
        std::vector<std::optional<Distribution>> census_stay;
        TimeWeighted blocked;
        Counter waits_over_norm;
        Counter substituted;
    };
    /// A service whose capacity is a pool (pool.cpp): its places come and go.
    struct PoolState {
        bool active = false;
        double recruitment_per_year = 0.0; ///< in effect (recruitment policies change it)
        int due = 0;                       ///< occupied places that leave when their youth leaves
        std::optional<RandomStream> stream;
        EventId recruit;
        EventId attrition;
        Counter recruited;
        Counter lost;
    };
    /// Aftercare and re-entry of the youths who leave care from a service (pool.cpp).
    struct ReturnState {
        double share = 0.0;  ///< aftercare: in effect (aftercare policies change it)
        double months = 0.0; ///< aftercare: in effect
        std::optional<RandomStream> stream;
        Counter aftercare_given;
        Counter reentries;
    };
    struct SourceState {
        const Source* spec;
        RandomStream arrival_stream;
        RandomStream youth_stream;
        RandomStream measure_stream; ///< whether a protected youth's measure is new
        RouteChoice first;
        DiscreteChoice profile_choice;
        DiscreteChoice municipality_choice;
        double multiplier = 1.0;
        EventId next_arrival;
        std::uint64_t arrivals = 0; ///< in this replication, to name a runaway source
        std::vector<int> policies;  ///< inflow policies applied to it, in order
    };

    // Lifecycle (lifecycle.cpp).
    void start_census();
    void schedule_arrival(std::size_t source);
    void on_arrival(std::uint32_t source);
    void on_aging(std::uint32_t youth);
    void on_reentry(std::uint32_t youth);
    std::uint32_t new_youth();
    void free_youth(std::uint32_t youth);

    // Flow between services (flow.cpp).
    void refer(std::uint32_t youth, Destination destination);
    void enter(std::uint32_t youth, int service, int depth = 0);
    bool can_admit(const Youth& youth, int service) const;
    void on_stay_end(std::uint32_t youth);
    void on_substitution_check(std::uint32_t youth);
    void release_slot(Youth& youth);
    void stop_waiting(Youth& youth);
    void leave(std::uint32_t youth, Exit reason);
    /// The service a youth is referred to when a route names `service`: the one with the same
    /// role in the youth's own region, if `service` belongs to another.
    int for_youth(const Youth& youth, int service) const;

    // Parallel tracks: measures and investigations alongside care (tracks.cpp).
    void start_tracks(std::uint32_t youth, std::size_t source);
    void on_track_only_arrival(std::uint32_t youth, std::size_t source);
    void join_track(std::uint32_t youth, Track Youth::*track, int service);
    void track_admitted(std::uint32_t youth, int service, Days waited);
    void track_reneged(std::uint32_t youth, int service);
    void on_track_end(std::uint32_t youth, Track Youth::*track);
    void end_track(std::uint32_t youth, Track Youth::*track);
    /// Holds a youth waiting for a guardian back from `target` (a placement); false if not.
    bool hold_for_guardian(std::uint32_t youth, int target);
    void release_hold(std::uint32_t youth);
    void stop_holding(Youth& youth);
    /// A youth whose care is over: freed, or kept while a track still runs.
    void retire(std::uint32_t youth);
    void start_track_census(std::size_t service);
    /// What remains of the stay of a census occupant part-way through it (`drawn`: a stay).
    Days residual_stay(ServiceState& state, const Youth& youth, Days drawn);

    // Counting per youth, for the system and the youth's region (tallies.hpp).
    void count(const Youth& youth, Counter YouthTallies::*counter);
    /// Counts the youth's move from where it was to `to` (FlowLayout) after the warm-up.
    void flow_to(const Youth& youth, std::size_t to);
    void collect_flows(ReplicationOutcome& out) const;
    void shift(const Youth& youth, TimeWeighted YouthTallies::*level, double delta);
    void slot_taken(const Youth& youth, int service, bool admitted_now = true);
    void slot_released(const Youth& youth, int service);
    std::int16_t census_region(const Service& service);
    void prepare_regions();

    // Municipalities (municipalities.cpp): who a youth's municipality is, and what each pays.
    void prepare_municipalities();
    /// A municipality of `region` (-1: any) by youth population, or -1 when none are reported.
    std::int16_t municipality_by_population(int region, RandomStream& stream) const;
    void collect_municipalities(const OutcomeLayout& layout, ReplicationOutcome& out) const;

    // Waits as the youth lives them (wait_episodes.cpp).
    void begin_wait(Youth& youth);
    void joined_list(Youth& youth, int service);
    void end_wait(Youth& youth, WaitEnd how, int admitted_to = -1);
    void collect_waits(const OutcomeLayout& layout, ReplicationOutcome& out);

    // Pools of places and aftercare (pool.cpp).
    void prepare_pools(std::uint64_t seed, std::uint64_t replication);
    void schedule_pools();
    void schedule_recruitment(std::size_t service);
    void schedule_attrition(std::size_t service);
    void on_recruitment(std::size_t service);
    void on_attrition(std::size_t service);
    /// Moves a pool by `delta` places (a capacity step): free places leave at once, occupied
    /// ones when their youth leaves.
    void change_pool(std::size_t service, int delta);
    /// Takes one place out of a pool: a free one at once, else an occupied one when its youth
    /// leaves.
    void remove_pool_place(std::size_t service);
    /// Releases `service`'s slot held since `admitted_at`: a pool place that is due to leave
    /// leaves with its youth.
    void free_place(int service, Days admitted_at);
    /// The re-entry chance of a youth leaving care from its last service, after aftercare.
    double leaving_reentry(const Youth& youth, bool discharged, Days& delay_from);

    // Policy timeline (policies.cpp).
    void schedule_policies();
    void apply_policy(const PolicyChange& change);
    void apply_capacity(std::size_t service);
    void schedule_anniversary(std::uint32_t policy);
    void set_inflow_multiplier(std::size_t source, double factor);

    // Costs (costs.cpp): the price steps, and the contracted places of a service.
    void prepare_costs();
    /// Takes the price steps up to day t for every service (and the regions' day tariffs of
    /// the slots their youths hold); call before any change to a cost at t.
    void catch_up_prices(Days t);
    void contracted_places(std::size_t service);
    /// The region's share of a service's vacant and fixed cost: 1 for its own services, 0 for
    /// another region's, and its share of the referrals for a shared one.
    double region_share(std::size_t region, const Service& service) const;

    // Results (outcomes.cpp).
    ReplicationOutcome collect();
    void collect_regions(const OutcomeLayout& layout, ReplicationOutcome& out) const;

    void trace(const Youth& youth, std::string_view event, std::string_view where,
               std::string_view reason = {});

    // Runaway scenarios (runaway.cpp): what to tell the user when a limit is reached.
    std::string zero_time_loop_message(const Simulation::ZeroTimeLoop& loop) const;
    [[noreturn]] void too_many_youths() const;
    std::string day_text(Days day) const;

    const Scenario& scenario_;
    Calendar calendar_;
    TraceSink* trace_;
    int period_waits_of_;
    std::uint64_t replication_;
    std::uint64_t max_youths_;
    std::vector<Histogram> period_waits_;
    Simulation simulation_;
    PeriodGrid grid_;
    Days horizon_;

    std::vector<ServiceState> services_;
    std::vector<SourceState> sources_;
    std::vector<PoolState> pools_;                            ///< per service
    std::vector<ReturnState> returns_;                        ///< per service
    std::vector<std::pair<int, std::size_t>> capacity_steps_; ///< (service, step) after day 0
    std::vector<int> anniversaries_;                          ///< per policy: steps applied
    RandomStream population_stream_;
    RandomStream reentry_stream_;
    RandomStream census_stream_;

    std::vector<Youth> youths_;
    std::vector<std::uint32_t> free_youths_;
    std::uint64_t next_serial_ = 0;

    YouthTallies system_;
    FlowLayout flow_layout_;
    std::vector<double> flows_;
    std::vector<RegionTallies> regions_;
    /// Per service with a role: per region, the service with that role there (or -1).
    std::vector<std::vector<int>> counterparts_;
    DiscreteChoice census_regions_;       ///< by referral rate, for shared services' census
    std::vector<double> referral_shares_; ///< per region, its share of the referral rates

    std::vector<CostMeter> costs_;       ///< per service
    std::vector<Days> price_step_days_;  ///< every day on which some price steps, ascending
    std::size_t next_price_step_ = 0;    ///< in price_step_days_
    std::vector<std::vector<int>> held_; ///< per region, per service: slots its youths hold
    std::uint64_t census_count_ = 0;

    std::vector<MunicipalityTallies> municipalities_;
    /// Per region + 1 (0: every municipality): the municipalities by youth population.
    std::vector<DiscreteChoice> municipality_choice_;
    /// Per service: each municipality's share of the youths of the service's region (all
    /// municipalities' for a shared service), for the cost paid in solidarity.
    std::vector<std::vector<double>> population_shares_;
    /// Per source: draws the municipality of a referral by population (sources without a mix).
    std::vector<RandomStream> municipality_streams_;
    RandomStream census_municipality_stream_;

    WaitEpisodeSink* wait_episodes_;
    std::vector<WaitTallies> service_waits_; ///< by service of first wait
    WaitTallies system_waits_;
    std::vector<WaitTallies> region_waits_;
};

} // namespace zorgsim::care
