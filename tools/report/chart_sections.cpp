// The sections made mostly of charts: services over time, placements and cost per year,
// differences over time, capacity sizing; and the closing notes on how to read the report.
#include "page_sections.hpp"
#include "sizing.hpp"
#include "text.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace zorgsim::report {
namespace {

constexpr std::string_view reading_key =
    "<div class=\"reading-key\" aria-hidden=\"true\">"
    "<span><span class=\"median\"></span>median of the replications</span>"
    "<span><span class=\"band50\"></span>middle 50% (p25 to p75)</span>"
    "<span><span class=\"band90\"></span>middle 90% (p5 to p95)</span>"
    "<span><span class=\"capacity\"></span>capacity</span>"
    "<span>hover a dot for the exact numbers</span></div>\n";

std::string figures(const std::vector<Chart>& charts) {
    std::string out = "<div class=\"charts\">\n";
    for (const auto& chart : charts) {
        out += chart_figure(chart);
    }
    return out + "</div>\n";
}

// How the sizing's metrics (summary.json's service metrics) read in a table.
std::string metric_label(const std::string& metric) {
    if (metric == "wait_days") {
        return "Wait (days)";
    }
    if (metric == "queue_length") {
        return "Youths waiting (time average)";
    }
    if (metric == "utilization") {
        return "Utilization (occupied / available places)";
    }
    if (metric == "cost") {
        return "Cost over the horizon";
    }
    if (metric == "occupancy") {
        return "Youths in care (time average)";
    }
    return metric;
}

Unit metric_unit(const std::string& metric) {
    if (metric == "cost") {
        return Unit::euros;
    }
    if (metric == "utilization") {
        return Unit::percent;
    }
    return metric.find("days") != std::string::npos ? Unit::days : Unit::youths;
}

std::string estimate_row(const std::string& label, const std::optional<Estimate>& e, Unit unit) {
    if (!e) {
        return "";
    }
    std::string interval = e->lo && e->hi ? fmt::format("{} to {}", format_value(e->lo, unit),
                                                        format_value(e->hi, unit))
                                          : "–";
    return fmt::format("<tr><th scope=\"row\">{}</th><td class=\"value\">{}</td><td "
                       "class=\"value\">{}</td><td class=\"value\">{}</td><td "
                       "class=\"value\">{}</td></tr>\n",
                       escape_html(label), format_value(e->mean, unit), escape_html(interval),
                       format_value(e->p50, unit), format_value(e->p90, unit));
}

// One service's heading (with its Dutch name and what kind of service it is) and its charts.
std::string service_block(const ServiceCharts& group, std::string_view heading) {
    const auto& service = *group.service;
    std::string badges;
    if (service.kind == "care_at_home") {
        badges += "<span class=\"badge\">care at home</span>";
    } else if (service.kind == "placement") {
        badges += "<span class=\"badge\">placement</span>";
    }
    if (service.closed) {
        badges += "<span class=\"badge closed\">closed</span>";
    }
    return fmt::format(
        "<div class=\"service-block\" id=\"service-{}\">\n<{}>{}{}{}</{}>\n{}</div>\n",
        escape_html(slug(service.id)), heading, escape_html(service.name),
        service.dutch.empty() || service.dutch == service.name
            ? ""
            : fmt::format(" <span class=\"dutch\">{}</span>", escape_html(service.dutch)),
        badges, heading, figures(group.charts));
}

// A multi-region landscape has a few shared services and the same handful per region: grouped
// under the region's heading, with a line of links to jump there, a reader finds "foster care in
// Zaanstreek" without scrolling through every region's charts.
std::string services_by_region(const Results& results, const ReportCharts& charts) {
    struct Group {
        std::string anchor, title, services;
    };
    std::vector<Group> groups{{"services-shared", "Shared services", ""}};
    for (const auto& region : results.regions) {
        groups.push_back({"services-region-" + slug(region.id), region.name, ""});
    }
    for (const auto& service_charts : charts.services) {
        const auto& region = service_charts.service->region;
        const auto anchor = region.empty() ? "services-shared" : "services-region-" + slug(region);
        auto group = std::find_if(groups.begin(), groups.end(),
                                  [&](const Group& g) { return g.anchor == anchor; });
        if (group == groups.end()) { // a region that region_info does not name
            group = groups.insert(groups.end(), Group{anchor, region, ""});
        }
        group->services += service_block(service_charts, "h4");
    }
    std::string links, blocks;
    for (const auto& group : groups) {
        if (group.services.empty()) {
            continue;
        }
        links += fmt::format("{}<a href=\"#{}\">{}</a>", links.empty() ? "" : " · ",
                             escape_html(group.anchor), escape_html(group.title));
        blocks += fmt::format("<h3 id=\"{}\">{}</h3>\n{}", escape_html(group.anchor),
                              escape_html(group.title), group.services);
    }
    return fmt::format("<p class=\"jump\">Jump to: {}</p>\n{}", links, blocks);
}
} // namespace

std::string chart_figure(const Chart& chart) {
    return fmt::format("<figure class=\"chart\" id=\"chart-{}\" role=\"img\" "
                       "aria-label=\"{}\"></figure>\n",
                       escape_html(chart.id), escape_html(chart.title));
}

std::string services_section(const Results& results, const ReportCharts& charts) {
    if (charts.services.empty()) {
        if (results.timeseries.empty()) {
            return "<section id=\"services\">\n<h2>Services over time</h2>\n<p class=\"note\">"
                   "The results folder has no timeseries.csv, so there are no charts over "
                   "time.</p>\n</section>\n";
        }
        return "";
    }
    std::string out = "<section id=\"services\">\n<h2>Services over time</h2>\n";
    out += "<p class=\"lead\">Per service: how many youths are in care against the places "
           "available, how many wait, and how long. The spread shows how much the future can "
           "vary by chance alone under the same policy.</p>\n";
    out += reading_key;
    if (results.regions.empty()) {
        for (const auto& group : charts.services) {
            out += service_block(group, "h3");
        }
    } else {
        out += services_by_region(results, charts);
    }
    out += "</section>\n";
    return out;
}

std::string per_year_section(const Results& results, const ReportCharts& charts) {
    if (charts.per_year.empty() && charts.system.empty()) {
        return "";
    }
    std::string out = "<section id=\"per-year\">\n<h2>Placements and cost</h2>\n";
    if (!charts.system.empty()) {
        out += "<h3>The whole system</h3>\n";
        out += figures(charts.system);
    }
    if (!charts.per_year.empty()) {
        out += fmt::format(
            "<h3>Admissions and cost per {}</h3>\n",
            escape_html(charts.per_year.front().id.find("quarter") != std::string::npos ? "quarter"
                        : charts.per_year.front().id.find("month") != std::string::npos ? "month"
                                                                                        : "year"));
        out += "<p class=\"note\">Admissions count placements only (not care at home), stacked "
               "by kind of placement. Cost is cost per day of occupied places plus cost per "
               "admission, for all services.</p>\n";
        out += figures(charts.per_year);
    }
    (void)results;
    out += "</section>\n";
    return out;
}

std::string differences_over_time_section(const Results& results, const ReportCharts& charts) {
    if (charts.differences_over_time.empty()) {
        return "";
    }
    std::string out = "<section id=\"differences-over-time\">\n<h2>Differences over time</h2>\n";
    out += fmt::format(
        "<p class=\"lead\">Per period, the mean of each alternative minus the mean of "
        "<strong>{}</strong>. Above zero: more than the base. These are differences of means "
        "without intervals; the whole-horizon table above has the paired 95% intervals.</p>\n",
        escape_html(results.scenarios.front().info.name));
    out += figures(charts.differences_over_time);
    out += "</section>\n";
    return out;
}

std::string sizing_section(const Results& results, const ReportCharts& charts) {
    const auto sizing = read_sizing(results);
    if (!sizing) {
        return "";
    }
    const auto* service = results.service(sizing->service);
    const auto name = service != nullptr ? service->label() : sizing->service;
    std::string out = "<section id=\"sizing\">\n<h2>Capacity sizing</h2>\n";
    out += fmt::format("<p class=\"lead\">The smallest capacity of <strong>{}</strong> in "
                       "scenario <code>{}</code> that meets the target <code>{}</code>",
                       escape_html(name), escape_html(sizing->scenario),
                       escape_html(sizing->target.text));
    if (sizing->capacity) {
        out +=
            fmt::format(" over the whole horizon: <strong>{} {}</strong>.",
                        exact_text(*sizing->capacity), *sizing->capacity == 1 ? "place" : "places");
    } else {
        out += ": none of the capacities tried meets it.";
    }
    out += " A target on a mean is met when its whole 95% interval is on the right side; a "
           "target on p50 or p90 when the pooled quantile is.</p>\n";
    out += figures(charts.sizing);

    if (!sizing->achieved.empty()) {
        out += "<h3>What the chosen capacity achieves</h3>\n<table class=\"numbers\">\n"
               "<thead><tr><th>Metric</th><th class=\"value\">mean</th><th class=\"value\">95% "
               "interval</th><th class=\"value\">p50</th><th class=\"value\">p90</th></tr></thead>"
               "\n<tbody>\n";
        for (const auto& [metric, value] : sizing->achieved.items()) {
            out += estimate_row(metric_label(metric), find_estimate(sizing->achieved, metric),
                                metric_unit(metric));
        }
        out += "</tbody>\n</table>\n";
    }
    if (!sizing->plan.empty()) {
        out += "<h3>Plan per period</h3>\n<p class=\"note\">The smallest capacity per period "
               "that meets the target.</p>\n<table class=\"numbers\">\n<thead><tr><th>Period "
               "from</th><th class=\"value\">places</th></tr></thead>\n<tbody>\n";
        for (const auto& step : sizing->plan) {
            out += fmt::format("<tr><td>{}</td><td class=\"value\">{}</td></tr>\n",
                               escape_html(format_date(step.period_start)),
                               step.capacity ? exact_text(*step.capacity) : "–");
        }
        out += "</tbody>\n</table>\n";
    }
    out += "</section>\n";
    return out;
}

std::string about_section(const Results& results) {
    (void)results;
    return "<section id=\"about\">\n<h2>About this report</h2>\n"
           "<p class=\"lead\">zorgsim simulates every youth's path through the services many "
           "times over (the replications), each time with other chance events: referrals, "
           "lengths of stay, routes after discharge. No single replication is the forecast; "
           "together they show what is likely and how far it may vary.</p>\n<ul class=\"note\">\n"
           "<li><strong>Lines and bands</strong>: the line is the median over replications; "
           "the darker band holds the middle half of the replications, the lighter band nine "
           "in ten.</li>\n"
           "<li><strong>95% intervals</strong> in the tables are about the mean: how precisely "
           "the replications pin it down. They narrow with more replications; the bands do "
           "not.</li>\n"
           "<li><strong>Time averages</strong>: youths in care and on waiting lists are averaged "
           "over each period; admissions and cost are totals per period.</li>\n"
           "<li><strong>Figures</strong>: every chart can be saved as SVG or PNG from its menu "
           "(…), and <code>zorgsim report DIR --figures</code> writes them all to "
           "<code>DIR/figures/</code>.</li>\n"
           "<li>This page is self-contained: it opens without a network and can be printed to "
           "PDF.</li>\n</ul>\n</section>\n";
}

} // namespace zorgsim::report
