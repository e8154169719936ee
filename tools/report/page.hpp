// report.html as one string: the page template filled with the sections, the chart
// specifications and the inlined chart libraries.
#pragma once

#include "charts.hpp"
#include "results.hpp"

#include <string>

namespace zorgsim::report {

std::string render_page(const Results& results, const ReportCharts& charts);

} // namespace zorgsim::report
