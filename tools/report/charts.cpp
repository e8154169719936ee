#include "charts.hpp"

namespace zorgsim::report {

ReportCharts build_charts(const Results& results) {
    return ReportCharts{service_charts(results),    system_charts(results),
                        per_year_charts(results),   region_charts(results),
                        difference_charts(results), difference_over_time_charts(results),
                        sizing_charts(results)};
}

std::vector<const Chart*> ReportCharts::all() const {
    std::vector<const Chart*> out;
    for (const auto& service : services) {
        for (const auto& chart : service.charts) {
            out.push_back(&chart);
        }
    }
    for (const auto* group :
         {&system, &per_year, &regions, &differences, &differences_over_time, &sizing}) {
        for (const auto& chart : *group) {
            out.push_back(&chart);
        }
    }
    return out;
}

} // namespace zorgsim::report
