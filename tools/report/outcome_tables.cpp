// The tables of numbers: headline outcomes per scenario with their 95% intervals, and for a
// comparison the paired differences per outcome, beside their dot-and-whisker chart.
#include "outcomes.hpp"
#include "page_sections.hpp"
#include "text.hpp"

#include <cmath>

#include <fmt/format.h>

namespace zorgsim::report {
namespace {

std::string unit_word(Unit unit) {
    return unit == Unit::days ? " days" : "";
}

} // namespace

std::string estimate_cell(const std::optional<Estimate>& estimate, const Outcome& outcome) {
    if (!estimate || !estimate->mean) {
        return "<td class=\"value\">–<span class=\"interval\">no observation</span></td>";
    }
    std::string interval;
    if (estimate->lo && estimate->hi) {
        interval = fmt::format("{} to {}", format_value(estimate->lo, outcome.unit),
                               format_value(estimate->hi, outcome.unit));
    }
    if (estimate->p90) {
        interval += (interval.empty() ? "" : " · ") +
                    fmt::format("p90 {}", format_value(estimate->p90, outcome.unit));
    }
    return fmt::format("<td class=\"value\">{}{}<span class=\"interval\">{}</span></td>",
                       format_value(estimate->mean, outcome.unit), unit_word(outcome.unit),
                       escape_html(interval));
}

namespace {

bool service_has_wait(const Results& results, const std::string& service) {
    for (const auto& scenario : results.scenarios) {
        const auto metrics = scenario.services.find(service);
        if (metrics != scenario.services.end() && find_estimate(*metrics, "wait_days")) {
            return true;
        }
    }
    return false;
}

std::string outcome_header(const Outcome& outcome) {
    return fmt::format("<th scope=\"row\">{}<span class=\"definition\">{}</span></th>",
                       escape_html(outcome.label), escape_html(outcome.definition));
}

} // namespace

std::string difference_cell(const std::optional<Estimate>& d, const std::optional<Estimate>& base,
                            const Outcome& outcome) {
    if (!d || !d->mean) {
        return "<td class=\"value\">–</td>";
    }
    std::string classes = "value";
    std::string detail;
    if (d->lo && d->hi) {
        detail = fmt::format("{} to {}", format_value(d->lo, outcome.unit, true),
                             format_value(d->hi, outcome.unit, true));
        const bool clear = *d->lo > 0 || *d->hi < 0;
        if (clear) {
            classes += " clear";
            if (outcome.lower_is_better) {
                classes += *d->mean < 0 ? " better" : " worse";
            }
        }
    }
    if (base && base->mean && *base->mean != 0) {
        const double percent = 100.0 * *d->mean / std::fabs(*base->mean);
        detail += (detail.empty() ? "" : " · ") + (percent > 0 ? std::string("+") : std::string()) +
                  format_number(percent, 1) + "%";
    }
    return fmt::format("<td class=\"{}\">{}{}<span class=\"interval\">{}</span></td>", classes,
                       format_value(d->mean, outcome.unit, true), unit_word(outcome.unit),
                       escape_html(detail));
}

std::string outcomes_section(const Results& results) {
    const auto outcomes = headline_outcomes(results);
    std::string out = "<section id=\"outcomes\">\n<h2>Headline outcomes</h2>\n";
    std::string replications;
    if (!results.scenarios.empty() && results.scenarios.front().info.replications) {
        replications = fmt::format(" {}", *results.scenarios.front().info.replications);
    }
    out += fmt::format(
        "<p class=\"lead\">Over the whole horizon: each figure is the mean over the{} "
        "replications, with its 95% interval below it (where the mean would lie if the "
        "simulation were repeated). Waits also show p90: 9 in 10 youths waited less.</p>\n",
        replications);
    std::string without_waits;
    for (const auto& service : results.services) {
        if (!someone_waits(results, service.id) && service_has_wait(results, service.id)) {
            without_waits += (without_waits.empty() ? "" : ", ") + service.name;
        }
    }
    if (outcomes.empty()) {
        out +=
            "<p class=\"note\">The results hold none of the headline outcomes.</p>\n</section>\n";
        return out;
    }
    out += "<table class=\"numbers\">\n<thead><tr><th>Outcome</th>";
    for (const auto& scenario : results.scenarios) {
        out += fmt::format("<th class=\"value\" {}><span class=\"swatch\"></span>{}</th>",
                           scenario_colour_style(results, scenario.info.name),
                           escape_html(scenario.info.name));
    }
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& outcome : outcomes) {
        out += fmt::format("<tr id=\"outcome-{}\">{}", outcome.id, outcome_header(outcome));
        for (const auto& scenario : results.scenarios) {
            out += estimate_cell(outcome.find(scenario.services, scenario.system), outcome);
        }
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
    if (!without_waits.empty()) {
        out += fmt::format("<p class=\"note\">Nobody waited (a mean wait under half a day) for: "
                           "{}.</p>\n",
                           escape_html(without_waits));
    }
    out += "</section>\n";
    return out;
}

std::string differences_section(const Results& results, const ReportCharts& charts) {
    if (!results.is_comparison || results.differences.empty() || results.scenarios.empty()) {
        return "";
    }
    const auto& base = results.scenarios.front();
    std::string out = "<section id=\"differences\">\n<h2>Differences from the base</h2>\n";
    out += fmt::format(
        "<p class=\"lead\">Each alternative minus <strong>{}</strong>, over the whole horizon, "
        "paired by replication (both scenarios met the same random events), with the 95% "
        "interval of the difference. Where the interval excludes zero the difference is clear "
        "and shown in bold: green where it is an improvement, red where it is not.</p>\n",
        escape_html(base.info.name));
    out += "<div class=\"charts\">\n";
    for (const auto& chart : charts.differences) {
        out += chart_figure(chart);
    }
    out += "</div>\n";
    out += "<table class=\"numbers\">\n<thead><tr><th>Outcome</th>";
    out += fmt::format("<th class=\"value\">{} (base)</th>", escape_html(base.info.name));
    for (const auto& difference : results.differences) {
        out += fmt::format("<th class=\"value\" {}><span class=\"swatch\"></span>{} − base</th>",
                           scenario_colour_style(results, difference.alternative),
                           escape_html(difference.alternative));
    }
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& outcome : headline_outcomes(results)) {
        const auto base_estimate = outcome.find(base.services, base.system);
        out += fmt::format("<tr id=\"difference-{}\">{}", outcome.id, outcome_header(outcome));
        out += estimate_cell(base_estimate, outcome);
        for (const auto& difference : results.differences) {
            out += difference_cell(outcome.find(difference.services, difference.system),
                                   base_estimate, outcome);
        }
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n</section>\n";
    return out;
}

} // namespace zorgsim::report
