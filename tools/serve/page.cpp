#include "page.hpp"

#include <map>
#include <stdexcept>

#include <fmt/format.h>

#include "assets.hpp"
#include "report/assets.hpp"

namespace zorgsim::serve {

namespace {

/// JSON inside a <script> element: "<" as "\u003c", so that no text can end the element.
std::string script_json(const nlohmann::ordered_json& json) {
    std::string out;
    for (const char c : json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace))
        out += c == '<' ? std::string("\\u003c") : std::string(1, c);
    return out;
}

std::string safe_script(std::string_view name, std::string_view code) {
    for (std::size_t at = code.find("</"); at != std::string_view::npos;
         at = code.find("</", at + 2)) {
        std::string tag(code.substr(at + 2, 6));
        for (auto& c : tag)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (tag == "script")
            throw std::logic_error(fmt::format("{} contains \"</script\"", name));
    }
    return std::string(code);
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
        {"GUARD", safe_script("page_guard.js", report::assets::page_guard_js())},
        {"WORDS", words_json},
        {"CONFIG", script_json(config)},
        {"LIBRARIES", std::string(report::assets::library_versions())},
        {"VEGA", safe_script("vega", report::assets::vega_js())},
        {"VEGA_LITE", safe_script("vega-lite", report::assets::vega_lite_js())},
        {"VEGA_EMBED", safe_script("vega-embed", report::assets::vega_embed_js())},
        {"INTERNMAP", safe_script("internmap", report::assets::internmap_js())},
        {"D3_ARRAY", safe_script("d3-array", report::assets::d3_array_js())},
        {"D3_PATH", safe_script("d3-path", report::assets::d3_path_js())},
        {"D3_SHAPE", safe_script("d3-shape", report::assets::d3_shape_js())},
        {"D3_SANKEY", safe_script("d3-sankey", report::assets::d3_sankey_js())},
        {"FLOWS", safe_script("flows.js", report::assets::flows_js())},
        {"REPORT", safe_script("report.js", report::assets::report_js())},
        {"STUDIO", safe_script("studio.js", assets::studio_js())},
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
