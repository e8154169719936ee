// The files embedded into the report library at build time (see assets.cpp.in and
// CMakeLists.txt): the chart libraries from node_modules and the page's own template and scripts.
#pragma once

#include <string_view>

namespace zorgsim::report::assets {

std::string_view vega_js();       ///< node_modules/vega/build/vega.min.js
std::string_view vega_lite_js();  ///< node_modules/vega-lite/build/vega-lite.min.js
std::string_view vega_embed_js(); ///< node_modules/vega-embed/build/vega-embed.min.js
// d3-sankey and its dependencies (node_modules/d3-sankey), for the flow diagram's layout.
std::string_view internmap_js();
std::string_view d3_array_js();
std::string_view d3_path_js();
std::string_view d3_shape_js();
std::string_view d3_sankey_js();
std::string_view page_html();     ///< assets/page.html: the page skeleton with @@SLOTS@@
std::string_view page_css();      ///< assets/page.css: screen and print style
std::string_view page_guard_js(); ///< assets/page_guard.js: records errors before anything runs
std::string_view report_js();     ///< assets/report.js: words, numbers, key figures, chart specs
std::string_view flows_js();      ///< assets/flows.js: the flow diagram (Sankey) of each scenario
std::string_view backtest_js();   ///< assets/backtest.js: forecast against what happened
std::string_view page_js();       ///< assets/page.js: builds the sections, draws the charts
std::string_view figures_cjs();   ///< assets/figures.cjs: Node script writing charts as SVG

/// "vega 6.4.0 (BSD-3-Clause), ...": the embedded libraries' versions and licences.
std::string_view library_versions();

} // namespace zorgsim::report::assets
