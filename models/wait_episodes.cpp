// Waits as a youth lives them. A wait episode begins when a youth needs a service (referral,
// re-entry, or leaving its previous service: enter()) and ends when care starts, here or in an
// alternative (on_admitted, bridging care excepted), when the youth leaves care while waiting
// (leave), or at the horizon (still waiting: censored). Overflow routes, substitution, reneging
// to another service and bridging care happen inside one episode, so its wait is what the
// family lived, not the last queue's. It is counted for the service whose list the youth joined
// first (and, for care starts, the one that admitted it), for the system and the youth's region.
#include <algorithm>
#include <cmath>
#include <limits>

#include "care_network.hpp"

namespace zorgsim::care {

namespace {
constexpr double no_observation = std::numeric_limits<double>::quiet_NaN();

double mean_or_none(const RunningStats& stats) {
    return stats.count() ? stats.mean() : no_observation;
}
double share(std::uint64_t part, std::uint64_t whole) {
    return whole ? static_cast<double>(part) / static_cast<double>(whole) : no_observation;
}
double quantile_or_none(const Histogram& histogram, double p) {
    return histogram.count() ? histogram.quantile(p) : no_observation;
}
double mean_or_none(const WaitSum& waits) {
    return waits.n ? waits.total / static_cast<double>(waits.n) : no_observation;
}
double period_mean(const WaitSum& waits, std::size_t p) {
    return waits.count[p] ? waits.sum[p] / static_cast<double>(waits.count[p]) : no_observation;
}

/// The figures every scope has, into the summary and the series of one owner (a service, the
/// system or a region); ids are checked against each scope's lists when this compiles.
template <const auto& Summary, const auto& Series, typename SummaryCell, typename SeriesCell>
void write_waits(const WaitTallies& w, std::size_t periods, SummaryCell&& summary,
                 SeriesCell&& series) {
    using S = MetricOf<Summary>;
    using P = MetricOf<Series>;
    const WaitSum& waits = w.wait_to_care;
    summary(S("wait_to_care_days")) = mean_or_none(waits);
    summary(S("wait_to_care_p50_days")) = quantile_or_none(w.quantiles, 0.5);
    summary(S("wait_to_care_p90_days")) = quantile_or_none(w.quantiles, 0.9);
    summary(S("wait_to_care_over_norm")) = static_cast<double>(w.over_norm.total);
    summary(S("wait_to_care_over_norm_share")) = share(w.over_norm.total, waits.n);
    summary(S("care_starts")) = static_cast<double>(waits.n);
    summary(S("bridging_days")) = mean_or_none(w.bridging_days);
    summary(S("reneged_waits")) = static_cast<double>(w.reneged.total);
    summary(S("reneged_wait_days")) = mean_or_none(w.reneged_days);
    summary(S("still_waiting_end")) = static_cast<double>(w.still_waiting);
    summary(S("still_waiting_days")) = mean_or_none(w.still_waiting_days);
    for (std::size_t p = 0; p < periods; ++p) {
        const std::uint64_t starts = w.wait_to_care.count[p];
        series(P("wait_to_care_days"), p) = period_mean(w.wait_to_care, p);
        series(P("wait_to_care_over_norm"), p) = static_cast<double>(w.over_norm.per_period[p]);
        series(P("wait_to_care_over_norm_share"), p) = share(w.over_norm.per_period[p], starts);
        series(P("care_starts"), p) = static_cast<double>(starts);
        series(P("reneged_waits"), p) = static_cast<double>(w.reneged.per_period[p]);
    }
}
} // namespace

void CareNetwork::begin_wait(Youth& youth) {
    if (youth.in_episode)
        return;
    youth.in_episode = true;
    youth.episode_start = simulation_.now();
    youth.episode_bridging = 0.0;
    youth.first_wait = -1;
}

void CareNetwork::joined_list(Youth& youth, int service) {
    if (youth.first_wait < 0)
        youth.first_wait = service;
}

void CareNetwork::end_wait(Youth& youth, WaitEnd how, int admitted_to) {
    if (!youth.in_episode)
        return;
    youth.in_episode = false;
    const Days now = how == WaitEnd::still_waiting ? horizon_ : simulation_.now();
    const int first = youth.first_wait >= 0 ? youth.first_wait : admitted_to;
    const Days waited = now - youth.episode_start;
    const Days bridging =
        youth.episode_bridging + (youth.bridging >= 0 ? now - youth.bridging_since : 0.0);
    const bool after_warmup = now >= grid_.warmup();
    const std::size_t period = grid_.period_of(now);
    const bool over_norm =
        how == WaitEnd::care_started &&
        waited > scenario_.wait_norm(*services_[static_cast<std::size_t>(first)].spec);

    auto tally = [&](WaitTallies& w) {
        switch (how) {
        case WaitEnd::care_started:
            w.wait_to_care.add(period, after_warmup, waited);
            if (after_warmup)
                w.quantiles.add(waited);
            if (over_norm)
                w.over_norm.add(period, after_warmup);
            if (bridging > 0.0 && after_warmup)
                w.bridging_days.add(bridging);
            break;
        case WaitEnd::reneged:
            w.reneged.add(period, after_warmup);
            if (after_warmup)
                w.reneged_days.add(waited);
            break;
        case WaitEnd::left_waiting:
            if (after_warmup) {
                ++w.left_waiting;
                w.left_waiting_days.add(waited);
            }
            break;
        case WaitEnd::still_waiting:
            ++w.still_waiting;
            w.still_waiting_days.add(waited);
            break;
        }
    };
    // The system's figures are the services' added up when the replication ends; only an
    // episode that never joined a list nor started care (turned away at once) is the system's
    // alone.
    tally(first >= 0 ? service_waits_[static_cast<std::size_t>(first)] : system_waits_);
    if (youth.region >= 0)
        tally(region_waits_[static_cast<std::size_t>(youth.region)]);
    if (how == WaitEnd::care_started)
        service_waits_[static_cast<std::size_t>(admitted_to)].admitted_wait.add(
            period, after_warmup, waited);
    if (wait_episodes_) {
        WaitEpisode episode;
        episode.youth = youth.serial;
        episode.start = youth.episode_start;
        episode.end = now;
        episode.how = how;
        episode.first_wait = first;
        episode.admitted_to = admitted_to;
        episode.bridging_days = bridging;
        episode.region = youth.region;
        wait_episodes_->record(episode);
    }
}

void CareNetwork::collect_waits(const OutcomeLayout& layout, ReplicationOutcome& out) {
    // Youths still waiting at the horizon: their wait so far, reported apart (censored). In
    // order of the start of their wait, not of their place in youths_, so that the same waits
    // give the same bits when an unrelated part of the scenario adds youths (common random
    // numbers).
    std::vector<std::uint32_t> waiting;
    for (std::uint32_t id = 0; id < youths_.size(); ++id)
        if (youths_[id].in_episode)
            waiting.push_back(id);
    std::stable_sort(waiting.begin(), waiting.end(), [&](std::uint32_t a, std::uint32_t b) {
        return youths_[a].episode_start < youths_[b].episode_start;
    });
    for (const std::uint32_t id : waiting) {
        Youth& youth = youths_[id];
        if (youth.first_wait < 0)
            youth.first_wait = youth.waiting_for;
        end_wait(youth, WaitEnd::still_waiting);
    }

    const std::size_t periods = grid_.size();
    auto series_at = [&](std::size_t cell, std::size_t p) -> double& {
        return out.series[cell * periods + p];
    };
    for (std::size_t s = 0; s < service_waits_.size(); ++s) {
        const WaitTallies& w = service_waits_[s];
        auto summary = [&](MetricOf<service_summary_metrics> m) -> double& {
            return out.summary[layout.service_summary(s, m.index)];
        };
        auto series = [&](MetricOf<service_series_metrics> m, std::size_t p) -> double& {
            return series_at(layout.service_series(s, m.index), p);
        };
        write_waits<service_summary_metrics, service_series_metrics>(w, periods, summary, series);
        summary("admitted_wait_to_care_days") = mean_or_none(w.admitted_wait);
        for (std::size_t p = 0; p < periods; ++p)
            series("admitted_wait_to_care_days", p) = period_mean(w.admitted_wait, p);
    }

    auto system = [&](MetricOf<system_summary_metrics> m) -> double& {
        return out.summary[layout.system_summary(m.index)];
    };
    auto system_series = [&](MetricOf<system_series_metrics> m, std::size_t p) -> double& {
        return series_at(layout.system_series(m.index), p);
    };
    WaitTallies all = system_waits_;
    for (const WaitTallies& w : service_waits_)
        all.merge(w);
    write_waits<system_summary_metrics, system_series_metrics>(all, periods, system, system_series);
    system("left_waiting") = static_cast<double>(all.left_waiting);
    system("left_waiting_days") = mean_or_none(all.left_waiting_days);

    for (std::size_t r = 0; r < region_waits_.size(); ++r) {
        const WaitTallies& w = region_waits_[r];
        auto summary = [&](MetricOf<region_summary_metrics> m) -> double& {
            return out.summary[layout.region_summary(r, m.index)];
        };
        auto series = [&](MetricOf<region_series_metrics> m, std::size_t p) -> double& {
            return series_at(layout.region_series(r, m.index), p);
        };
        write_waits<region_summary_metrics, region_series_metrics>(w, periods, summary, series);
        summary("left_waiting") = static_cast<double>(w.left_waiting);
        summary("left_waiting_days") = mean_or_none(w.left_waiting_days);
    }
}

} // namespace zorgsim::care
