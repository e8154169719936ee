// The page's header and the scenarios in words: what was run, over which horizon, with which
// policies, so that a reader knows what the numbers below are about.
#include "chart_style.hpp"
#include "page_sections.hpp"
#include "text.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace zorgsim::report {
namespace {

std::string horizon_text(const ScenarioInfo& info) {
    if (info.start.empty() && info.end.empty()) {
        return "";
    }
    std::string text = fmt::format("{} to {}", format_date(info.start), format_date(info.end));
    if (info.start.size() >= 4 && info.end.size() >= 4) {
        try {
            const int years = std::stoi(info.end.substr(0, 4)) - std::stoi(info.start.substr(0, 4));
            if (years > 0 && info.start.substr(4) == info.end.substr(4)) {
                text += fmt::format(" ({} years)", years);
            }
        } catch (const std::exception&) {
            // not ISO dates: shown as they are
        }
    }
    return text;
}

std::string definition(std::string_view term, std::string_view value) {
    return fmt::format("<dt>{}</dt><dd>{}</dd>", term, value);
}

// The scenario's description lines, their indentation kept as levels of an outline. A long one
// (zorgsim describes every channel and service) starts folded, so the report opens on what
// matters; it unfolds when printed (page.js).
std::string description(const std::vector<std::string>& lines) {
    if (lines.empty()) {
        return "";
    }
    constexpr std::size_t folded_from = 12;
    std::string body;
    for (const auto& line : lines) {
        const auto text_start = std::min(line.find_first_not_of(' '), line.size());
        const auto level = std::min<std::size_t>(text_start / 2, 5);
        body += fmt::format("<p class=\"line level-{}\">{}</p>\n", level,
                            escape_html(line.substr(text_start)));
    }
    if (lines.size() < folded_from) {
        return "<h4>In words</h4>\n<div class=\"description\">\n" + body + "</div>\n";
    }
    return fmt::format("<details class=\"description\">\n<summary>The scenario in words ({} "
                       "lines)</summary>\n{}</details>\n",
                       lines.size(), body);
}

std::string scenario_card(const Results& results, const ScenarioResults& scenario, bool is_base) {
    const auto& info = scenario.info;
    std::string out =
        fmt::format("<article class=\"scenario\" {}>\n", scenario_colour_style(results, info.name));
    out += fmt::format("<h3><span class=\"swatch\"></span>{}{}</h3>\n",
                       escape_html(info.title.empty() ? info.name : info.title),
                       is_base ? " <span class=\"badge\">base</span>" : "");
    out += "<dl>";
    out += definition("Scenario", fmt::format("<code>{}</code>", escape_html(info.name)));
    if (const auto horizon = horizon_text(info); !horizon.empty()) {
        out += definition("Horizon", escape_html(horizon));
    }
    if (!info.period.empty()) {
        out += definition("Reported", escape_html("per " + info.period));
    }
    if (info.warmup_days && *info.warmup_days > 0) {
        out += definition("Warm-up",
                          fmt::format("{} days, not counted", exact_text(*info.warmup_days)));
    }
    if (info.replications) {
        out += definition("Replications", fmt::format("{}", *info.replications));
    }
    if (info.seed) {
        out += definition("Seed", fmt::format("{}", *info.seed));
    }
    if (info.wait_norm_days) {
        out += definition("Wait norm", fmt::format("{} days", exact_text(*info.wait_norm_days)));
    }
    out += "</dl>\n";
    out += "<h4>Policy timeline</h4>\n";
    if (info.policies.empty()) {
        out += "<p class=\"note\">No policy changes over the horizon.</p>\n";
    } else {
        out += "<ol class=\"timeline\">\n";
        for (const auto& policy : info.policies) {
            out += fmt::format("<li><time datetime=\"{}\">{}</time>{}</li>\n",
                               escape_html(policy.date), escape_html(format_date(policy.date)),
                               escape_html(policy.description));
        }
        out += "</ol>\n";
    }
    out += description(info.description);
    out += "</article>\n";
    return out;
}

} // namespace

std::string header_section(const Results& results, const ReportCharts& charts) {
    std::string kind = results.is_comparison ? "Comparison" : "Forecast";
    if (results.sizing) {
        kind = results.is_comparison ? "Comparison and capacity sizing"
                                     : "Forecast and capacity sizing";
    }
    std::vector<std::string> facts;
    if (results.is_comparison) {
        facts.push_back(fmt::format("{} scenarios", results.scenarios.size()));
    }
    if (!results.scenarios.empty()) {
        const auto& info = results.scenarios.front().info;
        if (const auto horizon = horizon_text(info); !horizon.empty()) {
            facts.push_back(horizon);
        }
        if (info.replications) {
            facts.push_back(fmt::format("{} replications", *info.replications));
        }
        if (info.seed) {
            facts.push_back(fmt::format("seed {}", *info.seed));
        }
    }
    std::string meta;
    for (const auto& fact : facts) {
        meta += (meta.empty() ? "" : " · ") + escape_html(fact);
    }

    std::vector<std::pair<std::string, std::string>> toc{
        {"scenarios", results.is_comparison ? "The scenarios" : "The scenario"},
        {"outcomes", "Headline outcomes"}};
    if (!charts.services.empty()) {
        toc.emplace_back("services", "Services over time");
    }
    if (!charts.per_year.empty() || !charts.system.empty()) {
        toc.emplace_back("per-year", "Placements and cost");
    }
    if (!charts.differences.empty()) {
        toc.emplace_back("differences", "Differences");
    }
    if (!charts.differences_over_time.empty()) {
        toc.emplace_back("differences-over-time", "Differences over time");
    }
    if (results.sizing) {
        toc.emplace_back("sizing", "Capacity sizing");
    }
    toc.emplace_back("about", "About this report");

    std::string out = "<header class=\"masthead\">\n";
    out += fmt::format("<p class=\"kicker\">zorgsim · {} report</p>\n", escape_html(kind));
    out += fmt::format("<h1>{}</h1>\n", escape_html(results.title()));
    out += fmt::format("<p class=\"meta\">{}</p>\n", meta);
    out += "<nav class=\"toc\" aria-label=\"Contents\"><ol>";
    for (const auto& [id, label] : toc) {
        out += fmt::format("<li><a href=\"#{}\">{}</a></li>", id, label);
    }
    out += "</ol></nav>\n</header>\n";
    return out;
}

std::string scenarios_section(const Results& results) {
    std::string out = fmt::format("<section id=\"scenarios\">\n<h2>{}</h2>\n",
                                  results.is_comparison ? "The scenarios" : "The scenario");
    if (results.is_comparison && !results.scenarios.empty()) {
        out += fmt::format(
            "<p class=\"lead\">Each alternative is compared with the base scenario, "
            "<strong>{}</strong>, using the same random numbers in each replication, so that "
            "differences come from the policies and not from chance. Each scenario keeps its "
            "colour in every chart.</p>\n",
            escape_html(results.scenarios.front().info.name));
    }
    out += "<div class=\"scenarios\">\n";
    for (std::size_t i = 0; i < results.scenarios.size(); ++i) {
        out += scenario_card(results, results.scenarios[i], results.is_comparison && i == 0);
    }
    out += "</div>\n</section>\n";
    return out;
}

std::string scenario_colour_style(const Results& results, const std::string& name) {
    const auto colour = style::scenario_colour(results);
    const auto& domain = colour["scale"]["domain"];
    for (std::size_t i = 0; i < domain.size(); ++i) {
        if (domain[i] == name) {
            return fmt::format("style=\"--scenario-colour: {}\"",
                               colour["scale"]["range"][i].get<std::string>());
        }
    }
    return "";
}

} // namespace zorgsim::report
