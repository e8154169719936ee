// Text for the page's few words written by C++ (its <title>, the footer): HTML escaping. Every
// other word, number and date is written by the page script (assets/report.js), in the report's
// language.
#pragma once

#include <string>
#include <string_view>

namespace zorgsim::report {

/// TEXT with &, <, >, " and ' escaped, for HTML text and attribute values.
std::string escape_html(std::string_view text);

} // namespace zorgsim::report
