// The report's charts as Vega-Lite specifications. Both the page (drawn by vega-embed in the
// browser) and the static figures (drawn by Vega in Node) use these same specifications, so a
// figure in a paper is exactly the chart in the report.
#pragma once

#include "results.hpp"

#include <string>
#include <vector>

namespace zorgsim::report {

/// One chart: a self-contained Vega-Lite specification (data inlined, title included).
struct Chart {
    std::string id;    ///< unique; the HTML id and the figure's file name
    std::string title; ///< what the chart shows, for text alternatives and lists
    Json spec;
};

/// The three fan charts of one service.
struct ServiceCharts {
    const ServiceInfo* service = nullptr;
    std::vector<Chart> charts;
};

/// All charts, grouped as the page shows them.
struct ReportCharts {
    std::vector<ServiceCharts> services;      ///< occupancy against capacity, waiting list, wait
    std::vector<Chart> system;                ///< whole-system fans: waiting, out of home, closed
    std::vector<Chart> per_year;              ///< admissions and cost per year
    std::vector<Chart> regions;               ///< multi-region: figures per region over time
    std::vector<Chart> differences;           ///< compare: dot-and-whisker of paired differences
    std::vector<Chart> differences_over_time; ///< compare: per-period difference of means
    std::vector<Chart> sizing;                ///< size: trade-off curves and the plan

    /// Every chart, in page order.
    std::vector<const Chart*> all() const;
};

ReportCharts build_charts(const Results& results);

// The builders behind build_charts, one file each.
std::vector<ServiceCharts> service_charts(const Results& results);
std::vector<Chart> system_charts(const Results& results);
std::vector<Chart> per_year_charts(const Results& results);
std::vector<Chart> region_charts(const Results& results);
std::vector<Chart> difference_charts(const Results& results);
std::vector<Chart> difference_over_time_charts(const Results& results);
std::vector<Chart> sizing_charts(const Results& results);

} // namespace zorgsim::report
