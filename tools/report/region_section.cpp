// The regions of a multi-region scenario: per region, its youths' headline figures with their
// intervals (and for a comparison the paired differences), then the regions over time. Regions
// share the supra-regional services, so this is where a policymaker sees them compete.
#include "outcomes.hpp"
#include "page_sections.hpp"
#include "text.hpp"

#include <fmt/format.h>

namespace zorgsim::report {
namespace {

std::vector<Outcome> region_outcomes() {
    return {
        {"region-arrivals", "Referrals and re-entries", "youths entering care over the horizon", "",
         "arrivals", Unit::count, false},
        {"region-in-care", "Youths in care", "time average", "", "in_care", Unit::youths, false},
        {"region-out-of-home", "Out-of-home placements", "youths placed, time average", "",
         "out_of_home", Unit::youths, true},
        {"region-closed", "Closed placements", "youths in closed care, time average", "", "closed",
         Unit::youths, true},
        {"region-shared-admissions", "Admissions to shared services",
         "places every region uses (e.g. crisis, JeugdzorgPlus, kleinschalig wonen)", "",
         "shared_admissions", Unit::count, false},
        {"region-shared-wait", "Wait for a shared place", "mean wait of those admitted", "",
         "shared_wait_days", Unit::days, true},
        {"region-wait", "Wait for any service", "mean wait of those admitted (bridging excluded)",
         "", "wait_days", Unit::days, true},
        {"region-cost", "Cost", "euros over the horizon, for the region's youths", "", "cost",
         Unit::euros, true},
    };
}

std::optional<Estimate> region_estimate(const Json& regions, const std::string& region,
                                        const std::string& metric) {
    const auto it = regions.find(region);
    if (it == regions.end() || !it->is_object()) {
        return std::nullopt;
    }
    return find_estimate(*it, metric);
}

std::string table_head(const std::vector<Outcome>& outcomes) {
    std::string out = "<table class=\"numbers\">\n<thead><tr><th>Region</th>";
    for (const auto& outcome : outcomes) {
        out += fmt::format("<th class=\"value\">{}<span class=\"definition\">{}</span></th>",
                           escape_html(outcome.label), escape_html(outcome.definition));
    }
    return out + "</tr></thead>\n<tbody>\n";
}

} // namespace

std::string regions_section(const Results& results, const ReportCharts& charts) {
    if (results.regions.empty()) {
        return "";
    }
    const auto outcomes = region_outcomes();
    std::string out = "<section id=\"regions\">\n<h2>Regions</h2>\n";
    out += "<p class=\"lead\">A youth belongs to the region of the channel that referred it, "
           "uses that region's services and the shared ones, and is counted for its region "
           "wherever it is placed: the regions' figures add up to the totals above. Each figure "
           "is the mean over the replications with its 95% interval below it.</p>\n";
    for (const auto& scenario : results.scenarios) {
        if (scenario.regions.empty()) {
            continue;
        }
        if (results.scenarios.size() > 1) {
            out += fmt::format("<h3 {}><span class=\"swatch\"></span>{}</h3>\n",
                               scenario_colour_style(results, scenario.info.name),
                               escape_html(scenario.info.name));
        }
        out += table_head(outcomes);
        for (const auto& region : results.regions) {
            out += fmt::format("<tr id=\"region-{}\"><th scope=\"row\">{}</th>", slug(region.id),
                               escape_html(region.name));
            for (const auto& outcome : outcomes) {
                out += estimate_cell(region_estimate(scenario.regions, region.id, outcome.metric),
                                     outcome);
            }
            out += "</tr>\n";
        }
        out += "</tbody>\n</table>\n";
    }
    const auto* base = results.scenarios.empty() ? nullptr : &results.scenarios.front();
    for (const auto& difference : results.differences) {
        if (difference.regions.empty() || base == nullptr) {
            continue;
        }
        out += fmt::format("<h3 {}><span class=\"swatch\"></span>{} − {}, paired by "
                           "replication</h3>\n",
                           scenario_colour_style(results, difference.alternative),
                           escape_html(difference.alternative), escape_html(base->info.name));
        out += table_head(outcomes);
        for (const auto& region : results.regions) {
            out += fmt::format("<tr><th scope=\"row\">{}</th>", escape_html(region.name));
            for (const auto& outcome : outcomes) {
                out += difference_cell(
                    region_estimate(difference.regions, region.id, outcome.metric),
                    region_estimate(base->regions, region.id, outcome.metric), outcome);
            }
            out += "</tr>\n";
        }
        out += "</tbody>\n</table>\n";
    }
    for (const auto& chart : charts.regions) {
        if (chart.id.rfind("region-difference-", 0) == 0) {
            out += "<p class=\"note\">The charts \"Change in ... per region\" show each "
                   "alternative minus the base per period and region, paired by replication; a "
                   "filled dot marks a change whose 95% interval excludes 0, an open dot one that "
                   "chance alone could give.</p>\n";
            break;
        }
    }
    out += "<div class=\"charts\">\n";
    for (const auto& chart : charts.regions) {
        out += chart_figure(chart);
    }
    out += "</div>\n</section>\n";
    return out;
}

} // namespace zorgsim::report
