// A warning when a service's inflow exceeds its capacity for good. The long-run arrival
// rates come from the traffic equations of an open Jackson network, lambda = gamma + P^T
// lambda, solved per (service, profile) because routing and stays differ by profile, and per
// source because sources refer youths of different ages. With a population section a stay
// ends at the latest when the youth ages out, so the mean stay is E[min(stay, time left until
// the exit age)], estimated from draws (with a fixed seed) of the stay and the source's age
// at referral (the time spent in earlier services is ignored), and only youths of admitted
// ages and profiles count. Where those who are not admitted go instead, policies and blocking
// are ignored: a first look, not a forecast.
//
// With regions the routes depend on the youth's region (a route to a service with a role leads
// to that role's service in the youth's own region), so the equations are solved per region,
// with every destination replaced by its counterpart in that region, for that region's
// sources; a shared service adds up its arrivals from every region.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include <Eigen/Dense>
#include <fmt/format.h>

#include "convert.hpp"

namespace zorgsim::scenario {

namespace {

double probability_of(const care::Route& route, int service) {
    double p = 0.0;
    for (std::size_t k = 0; k < route.targets.size(); ++k)
        if (route.targets[k].service == service)
            p += route.probabilities[k];
    return p;
}

/// What a service gets from a stream of youths of one source and profile, per arrival.
struct PerArrival {
    double admitted = 1.0; ///< the share of the source's ages the service admits
    double days = 0.0;     ///< mean occupied days per arrival (0 for those not admitted)
};

/// The admitted share and mean stay of youths from `source` at `service`: stays are cut short
/// by aging out, and ages outside [min_age, max_age) are not admitted, when the scenario has a
/// population section (the age at referral stands in for the age on arrival).
PerArrival per_arrival(const care::Service& service, std::size_t profile,
                       const care::Source& source, const care::Population& population, bool ages) {
    const Distribution& stay = service.stay_for(profile);
    if (!ages)
        return {1.0, stay.mean()};
    constexpr int draws = 2000;
    RandomStream stream(1, 0, "scenario-check/mean-stay");
    int admitted = 0;
    double days = 0.0;
    for (int k = 0; k < draws; ++k) {
        const double age = source.age_years.sample(stream);
        const bool extended = stream.uniform() < population.extended_probability;
        const double last = extended ? std::max(population.exit_age, population.extended_until)
                                     : population.exit_age;
        const double length = stay.sample(stream);
        if (age < service.min_age || age >= service.max_age)
            continue;
        ++admitted;
        days += std::min(length, std::max(0.0, (last - age) * 365.0));
    }
    return {static_cast<double>(admitted) / draws, days / draws};
}

/// Readable figures: whole numbers from 100 on, three significant digits below.
std::string figure(double x) {
    return std::abs(x) >= 100 ? fmt::format("{:.0f}", x) : fmt::format("{:.3g}", x);
}

} // namespace

void warn_overload(Context& context) {
    const care::Scenario& s = context.scenario;
    const std::size_t services = s.services.size();
    const std::size_t profiles = s.profiles.size();
    const std::size_t n = services * profiles;
    auto state = [profiles](std::size_t service, std::size_t profile) {
        return static_cast<Eigen::Index>(service * profiles + profile);
    };
    const auto size = static_cast<Eigen::Index>(n);

    // One system of equations per region whose sources refer youths (-1: no regions).
    std::map<int, std::vector<int>> remap;
    for (const care::Source& source : s.sources)
        remap.try_emplace(s.regions.empty() ? -1 : source.region);
    for (auto& [region, to] : remap)
        to = counterparts_in(s, region);

    const int via = s.reentry.source;
    std::map<int, Eigen::FullPivLU<Eigen::MatrixXd>> solvers;
    for (const auto& [region, to] : remap) {
        auto move_to = [&to](int j) { return static_cast<std::size_t>(to[j]); };
        Eigen::MatrixXd routing = Eigen::MatrixXd::Zero(size, size); // routing(from, to)
        for (std::size_t i = 0; i < services; ++i) {
            const care::Service& service = s.services[i];
            const double comes_back = service.reentry_probability.value_or(s.reentry.probability);
            for (std::size_t p = 0; p < profiles; ++p) {
                const care::Route& next = service.next.for_profile(p);
                const double leaves = probability_of(next, care::Destination::exit);
                for (std::size_t j = 0; j < services; ++j) {
                    double p_move = probability_of(next, static_cast<int>(j));
                    if (via >= 0)
                        p_move +=
                            leaves * comes_back *
                            probability_of(s.sources[via].to.for_profile(p), static_cast<int>(j));
                    routing(state(i, p), state(move_to(static_cast<int>(j)), p)) += p_move;
                }
            }
        }
        const Eigen::MatrixXd system = Eigen::MatrixXd::Identity(size, size) - routing.transpose();
        Eigen::FullPivLU<Eigen::MatrixXd> lu(system);
        if (!lu.isInvertible())
            return; // a closed routing cycle: check_exits reports it
        solvers.emplace(region, std::move(lu));
    }

    // Arrivals per year at each (service, profile), one column per source.
    Eigen::MatrixXd lambda(size, static_cast<Eigen::Index>(s.sources.size()));
    for (std::size_t src = 0; src < s.sources.size(); ++src) {
        const care::Source& source = s.sources[src];
        const int region = s.regions.empty() ? -1 : source.region;
        const std::vector<int>& to_service = remap.at(region);
        const double rate =
            source.interarrival ? 365.0 / source.interarrival->mean() : source.rate_per_year;
        Eigen::VectorXd gamma = Eigen::VectorXd::Zero(size);
        for (std::size_t p = 0; p < profiles; ++p) {
            const double share =
                source.profile_weights.empty() ? (p == 0 ? 1.0 : 0.0) : source.profile_weights[p];
            const care::Route& to = source.to.for_profile(p);
            for (std::size_t j = 0; j < services; ++j)
                gamma(state(static_cast<std::size_t>(to_service[j]), p)) +=
                    rate * share * probability_of(to, static_cast<int>(j));
        }
        lambda.col(static_cast<Eigen::Index>(src)) = solvers.at(region).solve(gamma);
    }

    for (std::size_t i = 0; i < services; ++i) {
        const care::Service& service = s.services[i];
        if (service.capacity.empty() ||
            service.max_queue != std::numeric_limits<std::size_t>::max() ||
            std::isfinite(service.max_wait))
            continue; // a bounded waiting list cannot grow without bound
        double arrivals = 0.0;
        double places = 0.0;
        for (std::size_t p = 0; p < profiles; ++p)
            for (std::size_t src = 0; src < s.sources.size(); ++src) {
                const double rate = lambda(state(i, p), static_cast<Eigen::Index>(src));
                const bool profile_admitted =
                    service.admits_profile.empty() || service.admits_profile[p];
                if (rate <= 0 || !profile_admitted)
                    continue;
                const PerArrival each =
                    per_arrival(service, p, s.sources[src], s.population, context.population_given);
                arrivals += rate * each.admitted;
                places += rate * each.days / 365.0;
            }
        const int capacity = service.capacity.back().value;
        if (!std::isfinite(places) || places <= capacity + 1e-9 || arrivals <= 0)
            continue;
        const double stay = places * 365.0 / arrivals;
        context.read.diagnostics().warning(
            context.service_places[i].capacity,
            fmt::format(
                "inflow exceeds capacity for good: about {} arrivals/year x {} days mean "
                "stay = {} places needed, capacity {}; the waiting list grows without bound",
                figure(arrivals), figure(stay), figure(places), capacity));
    }
}

} // namespace zorgsim::scenario
