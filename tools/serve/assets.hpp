// The studio page's files, embedded at build time (see assets.cpp.in and CMakeLists.txt). The
// chart libraries and the report's page script come from the report library (report/assets.hpp).
#pragma once

#include <string_view>

namespace zorgsim::serve::assets {

std::string_view studio_html(); ///< assets/studio.html: the page skeleton with @@SLOTS@@
std::string_view studio_css();  ///< assets/studio.css: the studio's style, after the report's
std::string_view studio_js();   ///< assets/studio.js: levers, runs, results, animation

} // namespace zorgsim::serve::assets
