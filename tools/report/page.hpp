// report.html as one string: the page template filled with the data document, the page's
// scripts and the inlined chart libraries. The page script builds every section from the data.
#pragma once

#include "results.hpp"
#include "words/words.hpp"

#include <string>
#include <string_view>

namespace zorgsim::report {

std::string render_page(const Results& results, words::Language language);

/// CODE to be inlined in a <script> element; throws std::logic_error if it holds "</script",
/// which would end the element early (a library update must not break a page quietly).
std::string_view script_safe(std::string_view name, std::string_view code);

/// The chart libraries (Vega, Vega-Lite, vega-embed, d3-sankey with what it needs), flows.js
/// and report.js, each in its own <script> element in load order: what every page that draws
/// the report's charts (report.html, the studio) inlines.
std::string chart_scripts();

} // namespace zorgsim::report
