// What the model counts per youth: once for the system as a whole and once more for the region
// the youth comes from, so that every region's figures add up to the system's.
#pragma once

#include <vector>

#include "zorgsim/engine/period_grid.hpp"
#include "zorgsim/engine/tally.hpp"
#include "zorgsim/engine/time_weighted.hpp"

namespace zorgsim::care {

struct YouthTallies {
    explicit YouthTallies(const PeriodGrid& grid)
        : in_care(grid), waiting(grid), arrivals(grid), new_referrals(grid), reentries(grid),
          exits(grid), replacements(grid), aged_out(grid), adult_support(grid),
          no_suitable_place(grid), closed_admissions(grid), substitutions(grid),
          waits_over_norm(grid), with_measure(grid), waiting_for_guardian(grid),
          held_for_guardian(grid) {}

    TimeWeighted in_care;
    TimeWeighted waiting;
    Counter arrivals;
    Counter new_referrals;
    Counter reentries;
    Counter exits;
    Counter replacements; ///< doorplaatsingen
    Counter aged_out;
    Counter adult_support;
    Counter no_suitable_place;
    Counter closed_admissions;
    Counter substitutions;
    Counter waits_over_norm;
    TimeWeighted with_measure;         ///< under a measure with a guardian (tracks.cpp)
    TimeWeighted waiting_for_guardian; ///< under a measure, on a GI's list for a guardian
    TimeWeighted held_for_guardian;    ///< kept from a placement until they have a guardian
};

/// A region's youths share services with other regions, so what the system reads off the
/// stations (occupancy, cost, waits) is followed youth by youth here.
struct RegionTallies : YouthTallies {
    explicit RegionTallies(const PeriodGrid& grid)
        : YouthTallies(grid), out_of_home(grid), closed(grid), cost_per_day(grid),
          shared_admissions(grid), waits(grid), shared_waits(grid),
          admission_cost(grid.size(), 0.0) {}

    void add_admission_cost(const PeriodGrid& grid, Days t, double euros) {
        admission_cost[grid.period_of(t)] += euros;
        if (t >= grid.warmup())
            admission_cost_after_warmup += euros;
    }

    TimeWeighted out_of_home;  ///< slots held in placements
    TimeWeighted closed;       ///< slots held in closed care
    TimeWeighted cost_per_day; ///< the day tariffs of the slots held: its area is the cost
    Counter shared_admissions; ///< admissions to services every region shares
    Tally waits;               ///< waits of admissions (bridging care not included)
    Tally shared_waits;        ///< waits of admissions to shared services
    std::vector<double> admission_cost;
    double admission_cost_after_warmup = 0.0;
};

/// A municipality's youths, counted as a region's are, and per service the places they held
/// and their admissions there: the use by which each service's cost is split over the
/// municipalities (municipalities.cpp).
struct MunicipalityTallies : RegionTallies {
    MunicipalityTallies(const PeriodGrid& grid, std::size_t services)
        : RegionTallies(grid), held(services, TimeWeighted(grid)),
          admitted(services, Counter(grid)) {}

    std::vector<TimeWeighted> held; ///< per service: slots held by the municipality's youths
    std::vector<Counter> admitted;  ///< per service: admissions of its youths
};

} // namespace zorgsim::care
