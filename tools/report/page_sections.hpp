// The sections of report.html, each as an HTML fragment, in the order the page shows them.
#pragma once

#include "charts.hpp"
#include "results.hpp"

#include <string>

namespace zorgsim::report {

/// A placeholder the page's script fills with CHART.
std::string chart_figure(const Chart& chart);

/// "style='--scenario-colour: #1f5fa8'" for the scenario NAME: its colour in every chart.
std::string scenario_colour_style(const Results& results, const std::string& name);

std::string header_section(const Results& results, const ReportCharts& charts);
std::string scenarios_section(const Results& results);
std::string outcomes_section(const Results& results);
std::string services_section(const Results& results, const ReportCharts& charts);
std::string per_year_section(const Results& results, const ReportCharts& charts);
std::string regions_section(const Results& results, const ReportCharts& charts);
std::string differences_section(const Results& results, const ReportCharts& charts);
std::string differences_over_time_section(const Results& results, const ReportCharts& charts);
std::string sizing_section(const Results& results, const ReportCharts& charts);
std::string about_section(const Results& results);

} // namespace zorgsim::report
