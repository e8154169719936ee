// A comparison's charts: the paired differences per outcome with their 95% intervals, and the
// differences between each alternative and the base over time (paired, with their intervals,
// when the folder has differences.csv).
#include "chart_style.hpp"
#include "charts.hpp"
#include "outcomes.hpp"
#include "text.hpp"

#include <cmath>
#include <map>

#include <fmt/format.h>

namespace zorgsim::report {

namespace {

std::vector<std::string> alternatives(const Results& results) {
    auto names = results.scenario_names();
    names.erase(names.begin());
    return names;
}

std::string unit_suffix(Unit unit) {
    return unit == Unit::days ? " days" : "";
}

} // namespace

std::vector<Chart> difference_charts(const Results& results) {
    if (!results.is_comparison || results.differences.empty() || results.scenarios.empty()) {
        return {};
    }
    const auto& base = results.scenarios.front();
    const auto outcomes = headline_outcomes(results);
    Json values = Json::array();
    std::vector<std::string> labels;
    for (const auto& outcome : outcomes) {
        const auto base_estimate = outcome.find(base.services, base.system);
        if (!base_estimate || !base_estimate->mean || *base_estimate->mean == 0) {
            continue; // a relative difference needs a base to be relative to
        }
        const double base_mean = *base_estimate->mean;
        bool any = false;
        for (const auto& difference : results.differences) {
            const auto d = outcome.find(difference.services, difference.system);
            if (!d || !d->mean || !d->lo || !d->hi) {
                continue;
            }
            any = true;
            const auto percent = [&](double v) { return 100.0 * v / std::fabs(base_mean); };
            const auto suffix = unit_suffix(outcome.unit);
            values.push_back(
                {{"outcome", outcome.label},
                 {"scenario", difference.alternative},
                 {"pct", percent(*d->mean)},
                 {"pct_lo", percent(*d->lo)},
                 {"pct_hi", percent(*d->hi)},
                 {"t_difference", format_value(d->mean, outcome.unit, true) + suffix},
                 {"t_ci95", fmt::format("{} to {}{}", format_value(d->lo, outcome.unit, true),
                                        format_value(d->hi, outcome.unit, true), suffix)},
                 {"t_percent", fmt::format("{}% ({}% to {}%)", format_number(percent(*d->mean), 1),
                                           format_number(percent(*d->lo), 1),
                                           format_number(percent(*d->hi), 1))},
                 {"t_base", format_value(base_mean, outcome.unit) + suffix},
                 {"t_verdict", style::verdict_text(style::excludes_zero(*d->lo, *d->hi))}});
        }
        if (any) {
            labels.push_back(outcome.label);
        }
    }
    if (values.empty()) {
        return {};
    }
    const auto colour = style::scenario_colour(results, alternatives(results));
    const Json y{{"field", "outcome"},
                 {"type", "nominal"},
                 {"sort", labels},
                 {"title", nullptr},
                 {"axis", {{"labelLimit", 260}, {"grid", true}, {"tickBand", "extent"}}}};
    const Json tooltip = Json::array({{{"field", "outcome"}, {"title", "outcome"}},
                                      {{"field", "scenario"}, {"title", "alternative"}},
                                      {{"field", "t_difference"}, {"title", "difference"}},
                                      {{"field", "t_ci95"}, {"title", "95% interval"}},
                                      {{"field", "t_percent"}, {"title", "% of base"}},
                                      {{"field", "t_base"}, {"title", "base: " + base.info.name}},
                                      {{"field", "t_verdict"}, {"title", "clear difference"}}});
    Json encoding{{"y", y}, {"color", colour}};
    if (results.differences.size() > 1) {
        encoding["yOffset"] = {{"field", "scenario"}, {"sort", results.scenario_names()}};
    }
    const auto x_title = fmt::format("difference from {} (% of its mean)", base.info.name);
    Json whisker = encoding;
    whisker["x"] = {{"field", "pct_lo"}, {"type", "quantitative"}, {"title", x_title}};
    whisker["x2"] = {{"field", "pct_hi"}};
    whisker["tooltip"] = tooltip;
    Json dot = encoding;
    dot["x"] = {{"field", "pct"}, {"type", "quantitative"}, {"title", x_title}};
    dot["tooltip"] = tooltip;

    const auto rows = static_cast<int>(labels.size() * results.differences.size());
    auto spec = style::base_spec(
        "Differences from " + base.info.name,
        "alternative minus base, paired by replication; dot: mean, whisker: 95% interval", 420,
        std::max(80, rows * 24));
    spec["data"] = {{"values", std::move(values)}};
    spec["layer"] =
        Json::array({style::zero_rule("x"),
                     {{"mark", {{"type", "rule"}, {"strokeWidth", 2.5}}}, {"encoding", whisker}},
                     {{"mark", {{"type", "point"}, {"filled", true}, {"size", 70}, {"opacity", 1}}},
                      {"encoding", dot}}});
    return {Chart{"differences", "Differences from " + base.info.name + " per outcome", spec}};
}

std::vector<Chart> difference_over_time_charts(const Results& results) {
    if (!results.is_comparison || results.scenarios.size() < 2 || results.timeseries.empty()) {
        return {};
    }
    struct Series {
        const char* metric;
        const char* label;
        Unit unit;
    };
    const std::vector<Series> series{
        {"waiting", "youths on a waiting list", Unit::youths},
        {"out_of_home", "out-of-home placements", Unit::youths},
        {"closed", "closed placements", Unit::youths},
        {"replacements", "re-placements", Unit::count},
        {"reentries", "re-entries", Unit::count},
        {"cost", "cost", Unit::euros},
    };
    const auto& base = results.scenarios.front().info.name;
    const auto period = style::reporting_period(results);
    // Paired by replication (differences.csv) where the folder has them: their interval says
    // whether a year's difference is more than chance. Older folders only allow the difference
    // of the two means (timeseries.csv), drawn without an interval.
    const bool paired = !results.paired_over_time.empty();
    std::vector<Chart> out;
    for (const auto& [metric, label, unit] : series) {
        const char* prefix = unit == Unit::euros ? "€" : "";
        const bool euros = unit == Unit::euros;
        Json values = Json::array();
        for (std::size_t s = 1; s < results.scenarios.size(); ++s) {
            const auto& name = results.scenarios[s].info.name;
            if (paired) {
                for (const auto* row : results.paired_over_time.series(name, "system", metric)) {
                    if (!row->mean) {
                        continue;
                    }
                    Json value{{"scenario", name},
                               {"date", row->period_start},
                               {"period", period_label(row->period_start, period)},
                               {"difference", *row->mean},
                               {"t_difference", style::signed_text(*row->mean, euros)}};
                    if (row->ci95_lo && row->ci95_hi) {
                        value["lo"] = *row->ci95_lo;
                        value["hi"] = *row->ci95_hi;
                        value["t_ci95"] =
                            style::signed_interval_text(*row->ci95_lo, *row->ci95_hi, euros);
                        value["t_verdict"] =
                            style::verdict_text(style::excludes_zero(*row->ci95_lo, *row->ci95_hi));
                    }
                    values.push_back(std::move(value));
                }
                continue;
            }
            std::map<std::string, double> base_means;
            for (const auto* row : results.timeseries.series(base, "system", metric)) {
                if (row->mean) {
                    base_means[row->period_start] = *row->mean;
                }
            }
            for (const auto* row : results.timeseries.series(name, "system", metric)) {
                const auto found = base_means.find(row->period_start);
                if (!row->mean || found == base_means.end()) {
                    continue;
                }
                const double difference = *row->mean - found->second;
                values.push_back({{"scenario", name},
                                  {"date", row->period_start},
                                  {"period", period_label(row->period_start, period)},
                                  {"difference", difference},
                                  {"t_difference", style::signed_text(difference, euros)},
                                  {"t_alternative", prefix + exact_text(*row->mean)},
                                  {"t_base", prefix + exact_text(found->second)}});
            }
        }
        if (values.empty()) {
            continue;
        }
        const auto x = style::time_x(results);
        Json y{{"field", "difference"}, {"type", "quantitative"}, {"title", "difference"}};
        if (unit == Unit::euros) {
            y["axis"] = style::euro_axis("difference");
        }
        Json tooltip = Json::array({{{"field", "scenario"}, {"title", "alternative"}},
                                    {{"field", "period"}, {"title", "period"}}});
        if (paired) {
            tooltip.push_back({{"field", "t_difference"}, {"title", "difference (paired mean)"}});
            tooltip.push_back({{"field", "t_ci95"}, {"title", "95% interval"}});
            tooltip.push_back({{"field", "t_verdict"}, {"title", "clear difference"}});
        } else {
            tooltip.push_back({{"field", "t_difference"}, {"title", "difference of means"}});
            tooltip.push_back({{"field", "t_alternative"}, {"title", "alternative's mean"}});
            tooltip.push_back({{"field", "t_base"}, {"title", "base's mean (" + base + ")"}});
        }
        const auto colour = style::scenario_colour(results, alternatives(results));
        auto spec = style::base_spec(
            fmt::format("Difference in {}", label),
            paired ? fmt::format("alternative minus {}, paired by replication; band: 95% interval",
                                 base)
                   : fmt::format("mean of alternative minus mean of {}", base),
            style::small_width, style::small_height);
        spec["data"] = {{"values", std::move(values)}};
        Json layers = Json::array({style::zero_rule("y")});
        if (paired) {
            Json band_y = y;
            band_y["field"] = "lo";
            layers.push_back(
                {{"mark", {{"type", "area"}, {"opacity", 0.2}}},
                 {"encoding",
                  {{"x", x}, {"y", band_y}, {"y2", {{"field", "hi"}}}, {"color", colour}}}});
        }
        layers.push_back({{"mark", {{"type", "line"}, {"strokeWidth", 2}}},
                          {"encoding", {{"x", x}, {"y", y}, {"color", colour}}}});
        layers.push_back(
            {{"mark", {{"type", "point"}, {"filled", true}, {"size", 26}, {"opacity", 1}}},
             {"encoding", {{"x", x}, {"y", y}, {"color", colour}, {"tooltip", tooltip}}}});
        spec["layer"] = std::move(layers);
        out.push_back(Chart{fmt::format("difference-over-time-{}", slug(metric)),
                            fmt::format("Difference in {} over time", label), std::move(spec)});
    }
    return out;
}

} // namespace zorgsim::report
