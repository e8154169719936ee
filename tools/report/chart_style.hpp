// What all charts share: size, fonts and colours, the scenario colour scale (the same scenario has
// the same colour in every chart), the time axis, and the fan chart itself.
#pragma once

#include "results.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zorgsim::report::style {

inline constexpr int small_width = 260; ///< three small charts side by side on a laptop
inline constexpr int small_height = 170;
inline constexpr int wide_width = 560; ///< one wide chart; fits an A4 page in print
inline constexpr int wide_height = 220;

/// d3 format of numbers in tooltips: as many digits as timeseries.csv has, no trailing zeros.
inline constexpr std::string_view exact_format = ",.6~r";

/// The fan charts' reading key, short enough to fit above a small chart.
inline constexpr std::string_view band_key = "median, 50% and 90% bands";

/// A Vega-Lite spec with the shared configuration, a title and a subtitle (the reading key;
/// "\n" starts a new line).
Json base_spec(std::string_view title, std::string_view subtitle, int width, int height);

/// The colour encoding of the field "scenario": one domain, the scenario names in input order,
/// and one fixed range, in every chart. The legend is hidden when there is only one scenario, and
/// lists only SHOWN when given (a chart of differences has no line for the base).
Json scenario_colour(const Results& results, const std::vector<std::string>& shown = {});

/// The colour encoding of the field "service" (service labels), for charts stacked by service.
Json service_colour(const std::vector<std::string>& labels);

/// The reporting period (year, quarter, month) of the results, inferred from the dates when the
/// results do not say.
std::string reporting_period(const Results& results);

/// The x encoding of a time chart on the field "date" (ISO dates, read as UTC so that no time
/// zone moves 1 January into the previous year).
Json time_x(const Results& results);

/// An axis that writes euros as "€12m".
Json euro_axis(std::string_view title);

/// A thin grey rule at 0 on CHANNEL ("x" or "y"): the line a difference is read against.
Json zero_rule(const char* channel);

/// A difference for a tooltip: "+3.5", "-€1,200", with as many digits as the files hold.
std::string signed_text(double value, bool euros);

/// An interval of differences for a tooltip: "-2.5 to +0.3".
std::string signed_interval_text(double lo, double hi, bool euros);

/// Whether a difference's interval [LO, HI] excludes 0: more than chance alone would give.
bool excludes_zero(double lo, double hi);

/// The tooltip's answer to "clear difference?".
std::string verdict_text(bool excludes_zero);

/// One fan chart: per scenario, the median line with the 50% (p25-p75) and 90% (p05-p95) bands
/// across replications of SERVICE's METRIC from timeseries.csv.
struct FanChart {
    std::string id, title, subtitle, y_title;
    std::string service, metric;
    bool with_capacity = false;      ///< add the capacity as a dashed line
    std::optional<double> reference; ///< a horizontal rule, e.g. the wait norm
    std::string reference_label;
    bool euros = false;
};

/// The fan chart's spec, or nullopt when timeseries.csv has no such series.
std::optional<Json> fan_chart(const Results& results, const FanChart& fan);

} // namespace zorgsim::report::style
