// Municipalities (gemeenten): every youth belongs to one, for its whole path, and everything it
// does is counted for it as for its region; each service's cost is split over the municipalities
// by their youths' use and, for a share pooled in solidarity, by their youth population.
#include <algorithm>
#include <array>
#include <cstddef>

#include "care_network.hpp"
#include "cost_split.hpp"

namespace zorgsim::care {

void split_cost(double cost, std::span<const double> used, std::span<const double> population_share,
                double solidarity, std::span<double> paid) {
    double total_use = 0.0;
    for (double u : used)
        total_use += u;
    const double by_population = total_use > 0.0 ? solidarity : 1.0;
    const double by_use = 1.0 - by_population;
    for (std::size_t m = 0; m < paid.size(); ++m) {
        double share = by_population * population_share[m];
        if (by_use > 0.0)
            share += by_use * used[m] / total_use;
        paid[m] += cost * share;
    }
}

namespace {
using MunicipalitySummary = MetricOf<municipality_summary_metrics>;
using MunicipalitySeries = MetricOf<municipality_series_metrics>;
using ServiceSummary = MetricOf<service_summary_metrics>;
using ServiceSeries = MetricOf<service_series_metrics>;
/// What a place costs: occupied, empty (paid whether used or not) and fixed.
constexpr std::size_t cost_kinds = 3;
double as_double(std::uint64_t n) {
    return static_cast<double>(n);
}
} // namespace

void CareNetwork::prepare_municipalities() {
    const auto& populations = scenario_.municipality_populations;
    const std::size_t count = populations.size();
    municipalities_.reserve(count);
    for (std::size_t m = 0; m < count; ++m)
        municipalities_.emplace_back(grid_, scenario_.services.size());
    // The youths of `region` (-1: of every municipality).
    auto youths_of = [&](int region) {
        std::vector<double> youths(count, 0.0);
        for (std::size_t m = 0; m < count; ++m)
            if (region < 0 || populations[m].region == region)
                youths[m] = populations[m].youths;
        return youths;
    };
    for (int r = -1; r < static_cast<int>(scenario_.regions.size()); ++r)
        municipality_choice_.emplace_back(youths_of(r));
    for (const Service& service : scenario_.services) {
        std::vector<double> shares = youths_of(scenario_.regions.empty() ? -1 : service.region);
        double total = 0.0;
        for (double y : shares)
            total += y;
        for (double& y : shares)
            y /= total;
        population_shares_.push_back(std::move(shares));
    }
}

std::int16_t CareNetwork::municipality_by_population(int region, RandomStream& stream) const {
    if (municipality_choice_.empty())
        return -1;
    const std::size_t slot = region < 0 ? 0 : static_cast<std::size_t>(region) + 1;
    return static_cast<std::int16_t>(municipality_choice_[slot].sample(stream));
}

void CareNetwork::collect_municipalities(const OutcomeLayout& layout,
                                         ReplicationOutcome& out) const {
    const std::size_t periods = grid_.size();
    const std::size_t count = municipalities_.size();
    if (count == 0)
        return;
    // What each municipality pays, over the horizon and per period: every service's cost of
    // each kind (occupied places, empty places, fixed), as the service's own figures give it
    // (indexed, place prices and admissions included), split by its youths' place-days there
    // and, for the solidarity share, by youth population. The parts add up to the service's
    // cost exactly, so the municipalities add up to the system.
    constexpr std::array<ServiceSummary, cost_kinds> kind_summary{ServiceSummary("cost_occupied"),
                                                                  ServiceSummary("cost_vacant"),
                                                                  ServiceSummary("cost_fixed")};
    constexpr std::array<ServiceSeries, cost_kinds> kind_series{
        ServiceSeries("cost_occupied"), ServiceSeries("cost_vacant"), ServiceSeries("cost_fixed")};
    std::vector<double> horizon_cost(count * cost_kinds, 0.0);
    std::vector<double> period_cost(count * cost_kinds * periods, 0.0);
    std::vector<double> used(count), paid(count);
    for (std::size_t s = 0; s < services_.size(); ++s) {
        const Service& spec = *services_[s].spec;
        const auto& population = population_shares_[s];
        const double solidarity = spec.solidarity_share;
        for (std::size_t k = 0; k < cost_kinds; ++k) {
            for (std::size_t m = 0; m < count; ++m)
                used[m] = municipalities_[m].held[s].area_after_warmup();
            std::fill(paid.begin(), paid.end(), 0.0);
            split_cost(out.summary[layout.service_summary(s, kind_summary[k].index)], used,
                       population, solidarity, paid);
            for (std::size_t m = 0; m < count; ++m)
                horizon_cost[m * cost_kinds + k] += paid[m];
            for (std::size_t p = 0; p < periods; ++p) {
                for (std::size_t m = 0; m < count; ++m)
                    used[m] = municipalities_[m].held[s].period_area(p);
                std::fill(paid.begin(), paid.end(), 0.0);
                split_cost(out.series[layout.service_series(s, kind_series[k].index) * periods + p],
                           used, population, solidarity, paid);
                for (std::size_t m = 0; m < count; ++m)
                    period_cost[(m * cost_kinds + k) * periods + p] += paid[m];
            }
        }
    }
    for (std::size_t m = 0; m < count; ++m) {
        const MunicipalityTallies& tallies = municipalities_[m];
        auto summary = [&](MunicipalitySummary metric) -> double& {
            return out.summary[layout.municipality_summary(m, metric.index)];
        };
        auto series = [&](MunicipalitySeries metric, std::size_t period) -> double& {
            return out.series[layout.municipality_series(m, metric.index) * periods + period];
        };
        summary("arrivals") = as_double(tallies.arrivals.total());
        summary("in_care") = tallies.in_care.mean();
        summary("waiting") = tallies.waiting.mean();
        summary("out_of_home") = tallies.out_of_home.mean();
        summary("closed") = tallies.closed.mean();
        summary("closed_admissions") = as_double(tallies.closed_admissions.total());
        constexpr std::array<MunicipalitySummary, cost_kinds> summary_kinds{
            MunicipalitySummary("cost_occupied"), MunicipalitySummary("cost_vacant"),
            MunicipalitySummary("cost_fixed")};
        constexpr std::array<MunicipalitySeries, cost_kinds> series_kinds{
            MunicipalitySeries("cost_occupied"), MunicipalitySeries("cost_vacant"),
            MunicipalitySeries("cost_fixed")};
        double total = 0.0;
        for (std::size_t k = 0; k < cost_kinds; ++k) {
            summary(summary_kinds[k]) = horizon_cost[m * cost_kinds + k];
            total += horizon_cost[m * cost_kinds + k];
        }
        summary("cost") = total;
        for (std::size_t p = 0; p < periods; ++p) {
            series("arrivals", p) = as_double(tallies.arrivals.in_period(p));
            series("in_care", p) = tallies.in_care.period_mean(p);
            series("waiting", p) = tallies.waiting.period_mean(p);
            series("out_of_home", p) = tallies.out_of_home.period_mean(p);
            series("closed", p) = tallies.closed.period_mean(p);
            series("closed_admissions", p) = as_double(tallies.closed_admissions.in_period(p));
            double in_period = 0.0;
            for (std::size_t k = 0; k < cost_kinds; ++k) {
                series(series_kinds[k], p) = period_cost[(m * cost_kinds + k) * periods + p];
                in_period += period_cost[(m * cost_kinds + k) * periods + p];
            }
            series("cost", p) = in_period;
        }
    }
}

} // namespace zorgsim::care
