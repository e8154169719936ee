// An estimate of each service's load: whether its inflow exceeds its capacity for good. It is no
// warning by itself (LoadResult::services): a run warns when a waiting list it simulates keeps
// growing, and names this estimate as the likely cause. The long-run arrival
// rates come from the traffic equations of an open Jackson network, lambda = gamma + P^T
// lambda, solved per profile (routing and stays differ by profile, and a youth keeps its
// profile, so the states (service, profile) of different profiles never mix) and per source
// because sources refer youths of different ages. With a population section a stay
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
#include <tuple>

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

std::vector<ServiceNote> estimate_loads(const Context& context) {
    const care::Scenario& s = context.scenario;
    std::vector<ServiceNote> notes(s.services.size());
    for (std::size_t i = 0; i < notes.size() && i < context.service_places.size(); ++i) {
        const Position& at = context.service_places[i].capacity;
        notes[i].capacity_at = {Diagnostic::Severity::warning, at.file, at.line, at.column, {}};
    }
    const std::size_t services = s.services.size();
    const std::size_t profiles = s.profiles.size();
    const std::size_t sources = s.sources.size();
    const auto size = static_cast<Eigen::Index>(services);
    const int via = s.reentry.source;

    // One system of equations per region whose sources refer youths (-1: no regions).
    std::map<int, std::vector<int>> remap;
    for (const care::Source& source : s.sources)
        remap.try_emplace(s.regions.empty() ? -1 : source.region);
    for (auto& [region, to] : remap)
        to = counterparts_in(s, region);

    // Routing never changes a youth's profile, so the equations fall apart into one system
    // per profile, and profiles that route like the fallback everywhere share one: thousands
    // of profiles cost no more than their tables.
    std::vector<std::size_t> system_of(profiles);
    std::vector<std::size_t> example; // a profile of each distinct system
    {
        std::map<std::vector<const care::Route*>, std::size_t> seen;
        for (std::size_t p = 0; p < profiles; ++p) {
            std::vector<const care::Route*> routes;
            for (const care::Service& service : s.services)
                routes.push_back(&service.next.for_profile(p));
            if (via >= 0)
                routes.push_back(&s.sources[static_cast<std::size_t>(via)].to.for_profile(p));
            const auto [found, fresh] = seen.try_emplace(std::move(routes), example.size());
            if (fresh)
                example.push_back(p);
            system_of[p] = found->second;
        }
    }

    // (region, system) -> the solver of lambda = gamma + P^T lambda over the services.
    std::map<std::pair<int, std::size_t>, Eigen::FullPivLU<Eigen::MatrixXd>> solvers;
    for (const auto& [region, to] : remap) {
        for (std::size_t k = 0; k < example.size(); ++k) {
            const std::size_t p = example[k];
            Eigen::MatrixXd routing = Eigen::MatrixXd::Zero(size, size); // routing(from, to)
            for (std::size_t i = 0; i < services; ++i) {
                const care::Service& service = s.services[i];
                const double comes_back =
                    service.reentry_probability.value_or(s.reentry.probability);
                const care::Route& next = service.next.for_profile(p);
                const double leaves = probability_of(next, care::Destination::exit);
                for (std::size_t j = 0; j < services; ++j) {
                    double p_move = probability_of(next, static_cast<int>(j));
                    if (via >= 0)
                        p_move +=
                            leaves * comes_back *
                            probability_of(s.sources[via].to.for_profile(p), static_cast<int>(j));
                    routing(static_cast<Eigen::Index>(i), to[j]) += p_move;
                }
            }
            const Eigen::MatrixXd system =
                Eigen::MatrixXd::Identity(size, size) - routing.transpose();
            Eigen::FullPivLU<Eigen::MatrixXd> lu(system);
            if (!lu.isInvertible())
                return notes; // a closed routing cycle: check_exits reports it
            solvers.emplace(std::pair(region, k), std::move(lu));
        }
    }

    // Per service: arrivals per year of admitted youths and the places they need, added up
    // over profiles and sources. per_arrival depends on the profile only through its stay:
    // profiles with the same stay distribution share the draws.
    auto grows = [](const care::Service& service) {
        return !service.capacity.empty() &&
               service.max_queue == std::numeric_limits<std::size_t>::max() &&
               !std::isfinite(service.max_wait); // a bounded waiting list cannot grow forever
    };
    std::vector<double> arrivals(services, 0.0);
    std::vector<double> places(services, 0.0);
    std::map<std::tuple<std::size_t, std::size_t, const Distribution*>, PerArrival> drawn;
    Eigen::MatrixXd lambda(size, static_cast<Eigen::Index>(sources)); // of one profile
    for (std::size_t p = 0; p < profiles; ++p) {
        for (std::size_t src = 0; src < sources; ++src) {
            const care::Source& source = s.sources[src];
            const int region = s.regions.empty() ? -1 : source.region;
            const std::vector<int>& to_service = remap.at(region);
            const double rate =
                source.interarrival ? 365.0 / source.interarrival->mean() : source.rate_per_year;
            const double share =
                source.profile_weights.empty() ? (p == 0 ? 1.0 : 0.0) : source.profile_weights[p];
            Eigen::VectorXd gamma = Eigen::VectorXd::Zero(size);
            const care::Route& to = source.to.for_profile(p);
            for (std::size_t j = 0; j < services; ++j)
                gamma(to_service[j]) += rate * share * probability_of(to, static_cast<int>(j));
            lambda.col(static_cast<Eigen::Index>(src)) =
                share == 0.0 ? Eigen::VectorXd::Zero(size)
                             : Eigen::VectorXd(solvers.at({region, system_of[p]}).solve(gamma));
        }
        for (std::size_t i = 0; i < services; ++i) {
            const care::Service& service = s.services[i];
            if (!grows(service) || !(service.admits_profile.empty() || service.admits_profile[p]))
                continue;
            for (std::size_t src = 0; src < sources; ++src) {
                const double rate =
                    lambda(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(src));
                if (rate <= 0)
                    continue;
                const auto key = std::tuple(i, src, &service.stay_for(p));
                auto found = drawn.find(key);
                if (found == drawn.end())
                    found = drawn
                                .emplace(key, per_arrival(service, p, s.sources[src], s.population,
                                                          context.population_given))
                                .first;
                arrivals[i] += rate * found->second.admitted;
                places[i] += rate * found->second.days / 365.0;
            }
        }
    }

    for (std::size_t i = 0; i < services; ++i) {
        const care::Service& service = s.services[i];
        if (!grows(service))
            continue;
        // A pool that loses places settles at recruitment / attrition places (every place it
        // gains leaves at the same rate); one that only recruits grows without bound.
        const auto& pool = service.pool;
        if (pool && pool->attrition_per_year <= 0 && pool->recruitment_per_year > 0)
            continue;
        const bool settles = pool && pool->attrition_per_year > 0;
        const double capacity = settles ? pool->recruitment_per_year / pool->attrition_per_year
                                        : static_cast<double>(service.capacity.back().value);
        if (!std::isfinite(places[i]) || places[i] <= capacity + 1e-9 || arrivals[i] <= 0)
            continue;
        const double stay = places[i] * 365.0 / arrivals[i];
        notes[i].overload = fmt::format(
            "inflow exceeds capacity for good: about {} arrivals/year x {} days mean stay = {} "
            "places needed, capacity {}{}",
            figure(arrivals[i]), figure(stay), figure(places[i]), figure(capacity),
            settles ? " in the long run (the pool's recruitment / attrition)" : "");
    }
    return notes;
}

} // namespace zorgsim::scenario
