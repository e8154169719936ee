#include "page.hpp"

#include "assets.hpp"
#include "page_sections.hpp"
#include "text.hpp"

#include <map>
#include <stdexcept>

#include <fmt/format.h>

namespace zorgsim::report {
namespace {

// Chart specifications go into a <script type="application/json">: no "<" may appear raw in it,
// or "</script>" in a scenario's text would end the element. "\u003c" is the same JSON string.
std::string json_for_script(const Json& json) {
    const auto text = json.dump(-1, ' ', false, Json::error_handler_t::replace);
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '<') {
            out += "\\u003c";
        } else {
            out += c;
        }
    }
    return out;
}

// The inlined libraries are minified JavaScript; "</script" inside one would end its element
// early. They hold none today; this check keeps a library update from breaking the page quietly.
std::string_view script_safe(std::string_view name, std::string_view code) {
    for (std::size_t at = code.find("</"); at != std::string_view::npos;
         at = code.find("</", at + 2)) {
        auto tag = code.substr(at + 2, 6);
        std::string lower(tag);
        for (auto& c : lower) {
            c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
        if (lower == "script") {
            throw std::logic_error(
                fmt::format("{} contains \"</script\": it cannot be inlined", name));
        }
    }
    return code;
}

// Replaces each @@NAME@@ of TEMPLATE by SLOTS[NAME]; an unknown slot is a bug in the template.
std::string fill(std::string_view page, const std::map<std::string, std::string_view>& slots) {
    std::string out;
    std::size_t total = page.size();
    for (const auto& [name, value] : slots) {
        total += value.size();
    }
    out.reserve(total);
    std::size_t at = 0;
    while (true) {
        const auto open = page.find("@@", at);
        if (open == std::string_view::npos) {
            out.append(page.substr(at));
            return out;
        }
        const auto close = page.find("@@", open + 2);
        if (close == std::string_view::npos) {
            throw std::logic_error("page.html: unclosed @@ slot");
        }
        const std::string name(page.substr(open + 2, close - open - 2));
        const auto slot = slots.find(name);
        if (slot == slots.end()) {
            throw std::logic_error(fmt::format("page.html: unknown slot @@{}@@", name));
        }
        out.append(page.substr(at, open - at));
        out.append(slot->second);
        at = close + 2;
    }
}

} // namespace

std::string render_page(const Results& results, const ReportCharts& charts) {
    std::string body = "<div class=\"page\">\n";
    body += header_section(results, charts);
    body += "<main>\n";
    body += scenarios_section(results);
    body += outcomes_section(results);
    body += services_section(results, charts);
    body += per_year_section(results, charts);
    body += regions_section(results, charts);
    body += differences_section(results, charts);
    body += differences_over_time_section(results, charts);
    body += sizing_section(results, charts);
    body += about_section(results);
    body += "</main>\n";
    body += "<footer>\n<p id=\"zorgsim-status\" data-state=\"drawing\" role=\"status\">"
            "Drawing the charts… (this report needs JavaScript for its charts; the tables "
            "above hold the headline numbers)</p>\n";
    // Not the folder's name: the report is made in a hidden staging folder and read wherever the
    // folder is moved to, and identical runs must give identical reports.
    body += fmt::format(
        "<p>Made by zorgsim{} from the results in this report's folder.</p>\n",
        escape_html(results.zorgsim_version.empty() ? "" : " " + results.zorgsim_version));
    body += "</footer>\n</div>";

    Json chart_list = Json::array();
    for (const auto* chart : charts.all()) {
        chart_list.push_back({{"id", chart->id}, {"spec", chart->spec}});
    }
    const auto chart_json = json_for_script(chart_list);
    const auto title = escape_html(results.title() + " – zorgsim forecast report");
    const auto version = escape_html(results.zorgsim_version);
    const std::map<std::string, std::string_view> slots{
        {"TITLE", title},
        {"VERSION", version},
        {"STYLE", assets::page_css()},
        {"GUARD", assets::page_guard_js()},
        {"BODY", body},
        {"CHARTS", chart_json},
        {"LIBRARIES", assets::library_versions()},
        {"VEGA", script_safe("vega", assets::vega_js())},
        {"VEGA_LITE", script_safe("vega-lite", assets::vega_lite_js())},
        {"VEGA_EMBED", script_safe("vega-embed", assets::vega_embed_js())},
        {"PAGE", assets::page_js()},
    };
    return fill(assets::page_html(), slots);
}

} // namespace zorgsim::report
