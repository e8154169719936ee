// Turns one replication's stations and counters into the flat figures of OutcomeLayout.
#include <cmath>
#include <limits>

#include "care_network.hpp"

namespace zorgsim::care {

namespace {
constexpr double no_observation = std::numeric_limits<double>::quiet_NaN();

double ratio(double numerator, double denominator) {
    return denominator > 0.0 ? numerator / denominator : no_observation;
}
double as_double(std::uint64_t n) {
    return static_cast<double>(n);
}

// Ids written below are checked against the catalogue when this compiles.
using ServiceSummary = MetricOf<service_summary_metrics>;
using SystemSummary = MetricOf<system_summary_metrics>;
using RegionSummary = MetricOf<region_summary_metrics>;
using ServiceSeries = MetricOf<service_series_metrics>;
using SystemSeries = MetricOf<system_series_metrics>;
using RegionSeries = MetricOf<region_series_metrics>;
} // namespace

ReplicationOutcome CareNetwork::collect() {
    const Days end = horizon_;
    catch_up_prices(end);
    for (CostMeter& meter : costs_)
        meter.finish(end);
    for (auto& state : services_) {
        state.station->finish(end);
        state.blocked.advance(end);
    }
    system_.in_care.advance(end);
    system_.waiting.advance(end);
    system_.with_measure.advance(end);
    system_.waiting_for_guardian.advance(end);
    system_.held_for_guardian.advance(end);
    for (RegionTallies& region : regions_)
        for (TimeWeighted* level : {&region.in_care, &region.waiting, &region.out_of_home,
                                    &region.closed, &region.cost_per_day})
            level->advance(end);
    for (MunicipalityTallies& municipality : municipalities_) {
        for (TimeWeighted* level : {&municipality.in_care, &municipality.waiting,
                                    &municipality.out_of_home, &municipality.closed})
            level->advance(end);
        for (TimeWeighted& held : municipality.held)
            held.advance(end);
    }

    const OutcomeLayout layout = outcome_layout(scenario_);
    const std::size_t periods = grid_.size();
    ReplicationOutcome out;
    out.summary.assign(layout.summary_size(), 0.0);
    out.series.assign(layout.series_cells() * periods, 0.0);
    out.waits.reserve(services_.size());
    collect_flows(out);

    auto summary = [&](std::size_t s, ServiceSummary metric) -> double& {
        return out.summary[layout.service_summary(s, metric.index)];
    };
    auto system = [&](SystemSummary metric) -> double& {
        return out.summary[layout.system_summary(metric.index)];
    };
    auto series = [&](std::size_t cell, std::size_t period) -> double& {
        return out.series[cell * periods + period];
    };
    auto service_cell = [&](std::size_t s, ServiceSeries metric) {
        return layout.service_series(s, metric.index);
    };
    auto system_cell = [&](SystemSeries metric) { return layout.system_series(metric.index); };

    double out_of_home = 0.0, closed = 0.0, cost = 0.0;
    double cost_occupied = 0.0, cost_vacant = 0.0, cost_fixed = 0.0;
    double days_at_home = 0.0, days_in_care = 0.0;
    for (std::size_t s = 0; s < services_.size(); ++s) {
        const ServiceState& state = services_[s];
        const Station& station = *state.station;
        const Service& spec = *state.spec;
        const CostMeter& meter = costs_[s];
        const double occupied_days = station.occupancy().area_after_warmup();
        // Prices as written throughout: read off the station, exactly as before price steps
        // and place prices existed; otherwise the meter's integral at the price of each day.
        const double day_price = spec.cost_per_day + spec.cost_per_place_day;
        const double occupied_cost =
            meter.unindexed()
                ? day_price * occupied_days +
                      spec.cost_per_admission * as_double(station.admissions().total())
                : day_price * meter.occupied().area_after_warmup() +
                      meter.admission_cost_after_warmup();
        const double vacant_cost =
            spec.cost_per_place_day > 0.0
                ? spec.cost_per_place_day * meter.vacant().area_after_warmup()
                : 0.0;
        const double fixed =
            fixed_cost(scenario_, spec, meter.schedule(), grid_.warmup(), grid_.horizon());
        const double service_cost = occupied_cost + vacant_cost + fixed;
        const auto& waits = station.waits().stats();
        summary(s, "wait_days") = waits.count() ? waits.mean() : no_observation;
        summary(s, "queue_length") = station.queue().mean();
        summary(s, "occupancy") = station.occupancy().mean();
        summary(s, "utilization") =
            ratio(occupied_days, station.capacity_over_time().area_after_warmup());
        summary(s, "capacity") = station.capacity_over_time().mean();
        summary(s, "admissions") = as_double(station.admissions().total());
        summary(s, "discharges") = as_double(station.departures().total());
        const auto& stays = station.stays().stats();
        summary(s, "length_of_stay_days") = stays.count() ? stays.mean() : no_observation;
        summary(s, "rejected") = as_double(station.rejections().total());
        summary(s, "reneged") = as_double(station.reneges().total());
        summary(s, "waits_over_norm") = as_double(state.waits_over_norm.total());
        summary(s, "blocked") = state.blocked.mean();
        summary(s, "substituted") = as_double(state.substituted.total());
        summary(s, "cost") = service_cost;
        summary(s, "cost_occupied") = occupied_cost;
        summary(s, "cost_vacant") = vacant_cost;
        summary(s, "cost_fixed") = fixed;
        const PoolState& pool = pools_[s];
        const ReturnState& returns = returns_[s];
        summary(s, "pool_recruited") = as_double(pool.recruited.total());
        summary(s, "pool_lost") = as_double(pool.lost.total());
        summary(s, "capacity_end") = state.nominal_capacity;
        summary(s, "aftercare_given") = as_double(returns.aftercare_given.total());
        summary(s, "reentries") = as_double(returns.reentries.total());
        system("pool_recruited") += as_double(pool.recruited.total());
        system("pool_lost") += as_double(pool.lost.total());
        system("aftercare_given") += as_double(returns.aftercare_given.total());
        out.waits.push_back(station.waits().histogram());

        cost += service_cost;
        cost_occupied += occupied_cost;
        cost_vacant += vacant_cost;
        cost_fixed += fixed;
        if (spec.parallel) {
            // A measure or an investigation runs alongside care: not a care day of its own.
        } else if (spec.kind == ServiceKind::placement) {
            days_in_care += occupied_days;
            out_of_home += station.occupancy().mean();
            if (spec.closed)
                closed += station.occupancy().mean();
        } else {
            days_in_care += occupied_days;
            days_at_home += occupied_days;
        }

        for (std::size_t p = 0; p < periods; ++p) {
            const double area = station.occupancy().period_area(p);
            const double period_occupied =
                meter.unindexed()
                    ? day_price * area +
                          spec.cost_per_admission * as_double(station.admissions().in_period(p))
                    : day_price * meter.occupied().period_area(p) + meter.admission_cost(p);
            const double period_vacant =
                spec.cost_per_place_day > 0.0
                    ? spec.cost_per_place_day * meter.vacant().period_area(p)
                    : 0.0;
            const double period_fixed =
                fixed_cost(scenario_, spec, meter.schedule(), grid_.start(p), grid_.end(p));
            const double period_cost = period_occupied + period_vacant + period_fixed;
            series(service_cell(s, "occupancy"), p) = station.occupancy().period_mean(p);
            series(service_cell(s, "capacity"), p) = station.capacity_over_time().period_mean(p);
            series(service_cell(s, "utilization"), p) =
                ratio(area, station.capacity_over_time().period_area(p));
            series(service_cell(s, "queue_length"), p) = station.queue().period_mean(p);
            series(service_cell(s, "admissions"), p) = as_double(station.admissions().in_period(p));
            series(service_cell(s, "discharges"), p) = as_double(station.departures().in_period(p));
            series(service_cell(s, "wait_days"), p) =
                station.waits().period_count(p) ? station.waits().period_mean(p) : no_observation;
            series(service_cell(s, "waits_over_norm"), p) =
                as_double(state.waits_over_norm.in_period(p));
            series(service_cell(s, "rejected"), p) = as_double(station.rejections().in_period(p));
            series(service_cell(s, "blocked"), p) = state.blocked.period_mean(p);
            series(service_cell(s, "cost"), p) = period_cost;
            series(service_cell(s, "cost_occupied"), p) = period_occupied;
            series(service_cell(s, "cost_vacant"), p) = period_vacant;
            series(service_cell(s, "cost_fixed"), p) = period_fixed;
            series(service_cell(s, "pool_recruited"), p) = as_double(pool.recruited.in_period(p));
            series(service_cell(s, "pool_lost"), p) = as_double(pool.lost.in_period(p));
            series(service_cell(s, "aftercare_given"), p) =
                as_double(returns.aftercare_given.in_period(p));
            series(service_cell(s, "reentries"), p) = as_double(returns.reentries.in_period(p));
            series(system_cell("pool_recruited"), p) += as_double(pool.recruited.in_period(p));
            series(system_cell("pool_lost"), p) += as_double(pool.lost.in_period(p));
            series(system_cell("aftercare_given"), p) +=
                as_double(returns.aftercare_given.in_period(p));
            if (spec.kind == ServiceKind::placement) {
                series(system_cell("out_of_home"), p) += station.occupancy().period_mean(p);
                if (spec.closed)
                    series(system_cell("closed"), p) += station.occupancy().period_mean(p);
            }
            series(system_cell("cost"), p) += period_cost;
            series(system_cell("cost_occupied"), p) += period_occupied;
            series(system_cell("cost_vacant"), p) += period_vacant;
            series(system_cell("cost_fixed"), p) += period_fixed;
        }
    }

    std::uint64_t in_system = 0;
    for (const Youth& youth : youths_)
        if (youth.in_service >= 0 || youth.waiting_for >= 0 || youth.held_for >= 0)
            ++in_system;
    const double youths_seen = as_double(system_.new_referrals.total() + census_count_);

    system("arrivals") = as_double(system_.arrivals.total());
    system("exits") = as_double(system_.exits.total());
    system("in_system_end") = as_double(in_system);
    system("new_referrals") = as_double(system_.new_referrals.total());
    system("reentries") = as_double(system_.reentries.total());
    system("census") = as_double(census_count_);
    system("youths") = youths_seen;
    system("in_care") = system_.in_care.mean();
    system("waiting") = system_.waiting.mean();
    system("out_of_home") = out_of_home;
    system("closed") = closed;
    system("closed_admissions") = as_double(system_.closed_admissions.total());
    system("replacements") = as_double(system_.replacements.total());
    system("replacements_per_youth") = ratio(as_double(system_.replacements.total()), youths_seen);
    system("aged_out") = as_double(system_.aged_out.total());
    system("adult_support") = as_double(system_.adult_support.total());
    system("no_suitable_place") = as_double(system_.no_suitable_place.total());
    system("share_care_days_at_home") = ratio(days_at_home, days_in_care);
    system("substitutions") = as_double(system_.substitutions.total());
    system("with_measure") = system_.with_measure.mean();
    system("waiting_for_guardian") = system_.waiting_for_guardian.mean();
    system("held_for_guardian") = system_.held_for_guardian.mean();
    system("cost") = cost;
    system("cost_occupied") = cost_occupied;
    system("cost_vacant") = cost_vacant;
    system("cost_fixed") = cost_fixed;
    system("in_care_end") = system_.in_care.value();
    system("events") = as_double(simulation_.events_handled());

    for (std::size_t p = 0; p < periods; ++p) {
        series(system_cell("in_care"), p) = system_.in_care.period_mean(p);
        series(system_cell("waiting"), p) = system_.waiting.period_mean(p);
        series(system_cell("arrivals"), p) = as_double(system_.arrivals.in_period(p));
        series(system_cell("reentries"), p) = as_double(system_.reentries.in_period(p));
        series(system_cell("exits"), p) = as_double(system_.exits.in_period(p));
        series(system_cell("replacements"), p) = as_double(system_.replacements.in_period(p));
        series(system_cell("closed_admissions"), p) =
            as_double(system_.closed_admissions.in_period(p));
        series(system_cell("aged_out"), p) = as_double(system_.aged_out.in_period(p));
        series(system_cell("no_suitable_place"), p) =
            as_double(system_.no_suitable_place.in_period(p));
        series(system_cell("with_measure"), p) = system_.with_measure.period_mean(p);
        series(system_cell("waiting_for_guardian"), p) =
            system_.waiting_for_guardian.period_mean(p);
        series(system_cell("held_for_guardian"), p) = system_.held_for_guardian.period_mean(p);
    }
    collect_regions(layout, out);
    collect_municipalities(layout, out);
    collect_waits(layout, out);
    out.period_waits = std::move(period_waits_);
    return out;
}

void CareNetwork::collect_regions(const OutcomeLayout& layout, ReplicationOutcome& out) const {
    const std::size_t periods = grid_.size();
    constexpr ServiceSummary vacant_metric("cost_vacant"), fixed_metric("cost_fixed");
    constexpr ServiceSeries vacant_cell("cost_vacant"), fixed_cell("cost_fixed");
    for (std::size_t r = 0; r < regions_.size(); ++r) {
        const RegionTallies& region = regions_[r];
        auto summary = [&](RegionSummary metric) -> double& {
            return out.summary[layout.region_summary(r, metric.index)];
        };
        auto series = [&](RegionSeries metric, std::size_t period) -> double& {
            return out.series[layout.region_series(r, metric.index) * periods + period];
        };
        auto mean_of = [](const Tally& tally) {
            return tally.stats().count() ? tally.stats().mean() : no_observation;
        };
        summary("arrivals") = as_double(region.arrivals.total());
        summary("new_referrals") = as_double(region.new_referrals.total());
        summary("reentries") = as_double(region.reentries.total());
        summary("exits") = as_double(region.exits.total());
        summary("in_care") = region.in_care.mean();
        summary("waiting") = region.waiting.mean();
        summary("out_of_home") = region.out_of_home.mean();
        summary("closed") = region.closed.mean();
        summary("closed_admissions") = as_double(region.closed_admissions.total());
        summary("replacements") = as_double(region.replacements.total());
        summary("aged_out") = as_double(region.aged_out.total());
        summary("adult_support") = as_double(region.adult_support.total());
        summary("no_suitable_place") = as_double(region.no_suitable_place.total());
        summary("shared_admissions") = as_double(region.shared_admissions.total());
        summary("shared_wait_days") = mean_of(region.shared_waits);
        summary("wait_days") = mean_of(region.waits);
        summary("waits_over_norm") = as_double(region.waits_over_norm.total());
        // Empty places and fixed cost of the region's services, and its share of the shared.
        double vacant = 0.0, fixed = 0.0;
        for (std::size_t s = 0; s < services_.size(); ++s) {
            const double share = region_share(r, *services_[s].spec);
            if (share == 0.0)
                continue;
            vacant += share * out.summary[layout.service_summary(s, vacant_metric.index)];
            fixed += share * out.summary[layout.service_summary(s, fixed_metric.index)];
        }
        const double occupied =
            region.cost_per_day.area_after_warmup() + region.admission_cost_after_warmup;
        summary("cost") = occupied + vacant + fixed;
        summary("cost_occupied") = occupied;
        summary("cost_vacant") = vacant;
        summary("cost_fixed") = fixed;
        for (std::size_t p = 0; p < periods; ++p) {
            series("in_care", p) = region.in_care.period_mean(p);
            series("waiting", p) = region.waiting.period_mean(p);
            series("out_of_home", p) = region.out_of_home.period_mean(p);
            series("closed", p) = region.closed.period_mean(p);
            series("arrivals", p) = as_double(region.arrivals.in_period(p));
            series("reentries", p) = as_double(region.reentries.in_period(p));
            series("replacements", p) = as_double(region.replacements.in_period(p));
            series("closed_admissions", p) = as_double(region.closed_admissions.in_period(p));
            series("shared_admissions", p) = as_double(region.shared_admissions.in_period(p));
            series("shared_wait_days", p) = region.shared_waits.period_count(p)
                                                ? region.shared_waits.period_mean(p)
                                                : no_observation;
            double period_vacant = 0.0, period_fixed = 0.0;
            for (std::size_t s = 0; s < services_.size(); ++s) {
                const double share = region_share(r, *services_[s].spec);
                if (share == 0.0)
                    continue;
                period_vacant +=
                    share * out.series[layout.service_series(s, vacant_cell.index) * periods + p];
                period_fixed +=
                    share * out.series[layout.service_series(s, fixed_cell.index) * periods + p];
            }
            const double period_occupied =
                region.cost_per_day.period_area(p) + region.admission_cost[p];
            series("cost", p) = period_occupied + period_vacant + period_fixed;
            series("cost_occupied", p) = period_occupied;
            series("cost_vacant", p) = period_vacant;
            series("cost_fixed", p) = period_fixed;
        }
    }
}

} // namespace zorgsim::care
