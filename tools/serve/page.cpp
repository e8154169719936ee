#include "page.hpp"

#include <map>
#include <stdexcept>

#include <fmt/format.h>

#include "assets.hpp"
#include "report/assets.hpp"
#include "report/page.hpp"

namespace zorgsim::serve {

namespace {

/// JSON inside a <script> element: "<" as "\u003c", so that no text can end the element.
std::string script_json(const nlohmann::ordered_json& json) {
    std::string out;
    for (const char c : json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace))
        out += c == '<' ? std::string("\\u003c") : std::string(1, c);
    return out;
}

} // namespace

std::string studio_page(words::Language language, const nlohmann::ordered_json& config) {
    // The words table as it is embedded (both languages): the page switches without a reload.
    const auto table = nlohmann::ordered_json::parse(words::table_json());
    std::string words_json;
    for (const char c : table.dump(-1, ' ', false))
        words_json += c == '<' ? std::string("\\u003c") : std::string(1, c);
    const std::map<std::string, std::string> slots{
        {"LANG", std::string(words::to_string(language))},
        {"TITLE", words::text("studio_title", language)},
        {"NEEDS_SCRIPT", words::text("studio_needs_script", language)},
        {"REPORT_STYLE", std::string(report::assets::page_css())},
        {"STYLE", std::string(assets::studio_css())},
        {"GUARD",
         std::string(report::script_safe("page_guard.js", report::assets::page_guard_js()))},
        {"WORDS", words_json},
        {"CONFIG", script_json(config)},
        {"LIBRARIES", std::string(report::assets::library_versions())},
        {"CHART_SCRIPTS", report::chart_scripts()},
        {"STUDIO", std::string(report::script_safe("studio.js", assets::studio_js()))},
    };
    const std::string_view page = assets::studio_html();
    std::string out;
    std::size_t at = 0;
    while (true) {
        const auto open = page.find("@@", at);
        if (open == std::string_view::npos) {
            out.append(page.substr(at));
            return out;
        }
        const auto close = page.find("@@", open + 2);
        if (close == std::string_view::npos)
            throw std::logic_error("studio.html: unclosed @@ slot");
        const auto slot = slots.find(std::string(page.substr(open + 2, close - open - 2)));
        if (slot == slots.end())
            throw std::logic_error("studio.html: unknown slot");
        out.append(page.substr(at, open - at));
        out.append(slot->second);
        at = close + 2;
    }
}

} // namespace zorgsim::serve
