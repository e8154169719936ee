#include "page.hpp"

#include "assets.hpp"
#include "data.hpp"
#include "text.hpp"

#include <map>
#include <stdexcept>

#include <fmt/format.h>

namespace zorgsim::report {
namespace {

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

std::string chart_scripts() {
    const std::pair<std::string_view, std::string_view> scripts[] = {
        {"vega", assets::vega_js()},
        {"vega-lite", assets::vega_lite_js()},
        {"vega-embed", assets::vega_embed_js()},
        {"internmap", assets::internmap_js()},
        {"d3-array", assets::d3_array_js()},
        {"d3-path", assets::d3_path_js()},
        {"d3-shape", assets::d3_shape_js()},
        {"d3-sankey", assets::d3_sankey_js()},
        {"flows.js", assets::flows_js()},
        {"backtest.js", assets::backtest_js()},
        {"report.js", assets::report_js()},
    };
    std::string out;
    for (const auto& [name, code] : scripts) {
        out += "<script>\n";
        out += script_safe(name, code);
        out += "\n</script>\n";
    }
    return out;
}

std::string render_page(const Results& results, words::Language language) {
    const auto data = json_for_script(report_data(results, language));
    std::string title = results.scenarios.empty() || results.scenarios.size() > 1
                            ? words::text("report_doc_title", language)
                            : results.scenarios.front().info.title;
    if (title.empty()) {
        title = results.scenarios.front().info.name;
    }
    title = escape_html(title);
    const auto version = escape_html(results.zorgsim_version);
    // Not the folder's name: the report is made in a hidden staging folder and read wherever the
    // folder is moved to, and identical runs must give identical reports.
    const auto made_by =
        escape_html(fmt::format(fmt::runtime(words::text("report_made_by", language)),
                                fmt::arg("version", results.zorgsim_version)));
    const auto needs_script = escape_html(words::text("report_status_drawing", language));
    const std::string charts = chart_scripts();
    const std::map<std::string, std::string_view> slots{
        {"LANG", words::to_string(language)},
        {"TITLE", title},
        {"VERSION", version},
        {"STYLE", assets::page_css()},
        {"GUARD", assets::page_guard_js()},
        {"NEEDS_SCRIPT", needs_script},
        {"MADE_BY", made_by},
        {"DATA", data},
        {"LIBRARIES", assets::library_versions()},
        {"CHART_SCRIPTS", charts},
        {"PAGE", script_safe("page.js", assets::page_js())},
    };
    return fill(assets::page_html(), slots);
}

} // namespace zorgsim::report
