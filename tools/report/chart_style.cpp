#include "chart_style.hpp"

#include "text.hpp"

#include <algorithm>
#include <array>
#include <map>

#include <fmt/format.h>

namespace zorgsim::report::style {
namespace {

// Scenario colours: strong, distinguishable in print and for the common colour-vision deficiencies
// (after Okabe and Ito), the base scenario first in blue.
constexpr std::array<std::string_view, 8> scenario_palette{
    "#1f5fa8", "#d55e00", "#009e73", "#8e44ad", "#e69f00", "#0b7285", "#cc79a7", "#495057"};

// Service colours: muted, so that a service is never mistaken for a scenario.
constexpr std::array<std::string_view, 10> service_palette{
    "#7f9fc9", "#e3a867", "#86b89a", "#c98a9b", "#a596c9",
    "#c9b65a", "#76b6bf", "#b59a80", "#9aa3ad", "#d4a0c4"};

constexpr std::string_view font =
    "'Segoe UI', 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

Json palette_range(std::size_t count, const auto& palette) {
    Json range = Json::array();
    for (std::size_t i = 0; i < count; ++i) {
        range.push_back(palette[i % palette.size()]);
    }
    return range;
}

std::string band_text(const std::optional<double>& lo, const std::optional<double>& hi,
                      const char* prefix) {
    if (!lo || !hi) {
        return "–";
    }
    return fmt::format("{}{} to {}{}", prefix, exact_text(*lo), prefix, exact_text(*hi));
}

std::string value_text(const std::optional<double>& value, const char* prefix) {
    return value ? prefix + exact_text(*value) : "–";
}

Json nullable(const std::optional<double>& value) {
    return value ? Json(*value) : Json(nullptr);
}

Json y_field(std::string_view field, const FanChart& fan, bool all_zero) {
    Json y{{"field", field}, {"type", "quantitative"}, {"title", fan.y_title}};
    if (fan.euros) {
        y["axis"] = euro_axis(fan.y_title);
    }
    if (all_zero) {
        // A series of zeros (nobody ever waits) would give an empty scale and a lone "0.000000".
        y["scale"] = {{"domain", {0, 1}}};
    }
    return y;
}

} // namespace

Json base_spec(std::string_view title, std::string_view subtitle, int width, int height) {
    // Vega sizes a chart to fit its title: long service names would widen small charts until
    // fewer fit side by side. Wrap instead, at about the chart's width (13px bold titles take
    // some 7.5px a character, 11px subtitles some 5.8px).
    const auto lines = [](std::string_view text, std::size_t characters) {
        Json out = Json::array();
        for (std::size_t from = 0; from <= text.size();) {
            const auto end = std::min(text.find('\n', from), text.size());
            for (auto& line : wrap_words(text.substr(from, end - from), characters)) {
                out.push_back(std::move(line));
            }
            from = end + 1;
        }
        return out.size() == 1 ? out.front() : out;
    };
    Json title_object{{"text", lines(title, static_cast<std::size_t>(width / 7.5))}};
    if (!subtitle.empty()) {
        title_object["subtitle"] = lines(subtitle, static_cast<std::size_t>(width / 5.8));
    }
    return Json{{"$schema", "https://vega.github.io/schema/vega-lite/v6.json"},
                {"title", title_object},
                {"width", width},
                {"height", height},
                {"config",
                 {{"background", "white"},
                  {"font", font},
                  {"padding", 6},
                  {"title",
                   {{"anchor", "start"},
                    {"fontSize", 13},
                    {"fontWeight", 600},
                    {"color", "#1b2430"},
                    {"subtitleFontSize", 11},
                    {"subtitleColor", "#5b6573"},
                    {"offset", 10}}},
                  {"axis",
                   {{"labelFontSize", 11},
                    {"titleFontSize", 11},
                    {"titleFontWeight", 500},
                    {"titleColor", "#3b4450"},
                    {"labelColor", "#3b4450"},
                    {"gridColor", "#e9edf2"},
                    {"domainColor", "#9aa3ad"},
                    {"tickColor", "#9aa3ad"}}},
                  {"legend",
                   {{"labelFontSize", 11},
                    {"titleFontSize", 11},
                    {"orient", "bottom"},
                    {"labelLimit", 260}}},
                  {"header", {{"labelFontSize", 12}, {"labelFontWeight", 600}}},
                  {"view", {{"stroke", nullptr}}}}}};
}

Json scenario_colour(const Results& results, const std::vector<std::string>& shown) {
    const auto names = results.scenario_names();
    Json colour{
        {"field", "scenario"},
        {"type", "nominal"},
        {"scale", {{"domain", names}, {"range", palette_range(names.size(), scenario_palette)}}},
        {"title", "scenario"}};
    if (names.size() <= 1) {
        colour["legend"] = nullptr;
    } else {
        // Opaque line symbols: the first layer of a fan chart is a faint band.
        colour["legend"] = {{"title", nullptr},
                            {"symbolType", "stroke"},
                            {"symbolStrokeWidth", 3},
                            {"symbolOpacity", 1}};
        const auto& listed = shown.empty() ? names : shown;
        if (!shown.empty()) {
            colour["legend"]["values"] = shown;
        }
        // Side by side the names would widen a small chart past its neighbours: long names
        // are listed one under the other.
        std::size_t characters = 0;
        for (const auto& name : listed) {
            characters += name.size() + 4;
        }
        if (characters > 40) {
            colour["legend"]["columns"] = 1;
        }
    }
    return colour;
}

Json service_colour(const std::vector<std::string>& labels) {
    return Json{
        {"field", "service"},
        {"type", "nominal"},
        {"scale", {{"domain", labels}, {"range", palette_range(labels.size(), service_palette)}}},
        {"legend", {{"title", nullptr}, {"columns", 2}}}};
}

std::string reporting_period(const Results& results) {
    for (const auto& scenario : results.scenarios) {
        if (!scenario.info.period.empty()) {
            return scenario.info.period;
        }
    }
    // Not said: yearly if every period starts on 1 January, else monthly if all start on the
    // first of a month (quarters then show as months, which is still right).
    bool yearly = true;
    for (const auto& period : results.timeseries.periods()) {
        yearly = yearly && period.size() == 10 && period.substr(4) == "-01-01";
    }
    return yearly ? "year" : "month";
}

Json time_x(const Results& results) {
    const auto period = reporting_period(results);
    const std::string format = period == "month" ? "%b %Y" : period == "quarter" ? "%Y Q%q" : "%Y";
    return Json{{"field", "date"},
                {"type", "temporal"},
                {"scale", {{"type", "utc"}}},
                {"title", nullptr},
                {"axis", {{"format", format}, {"labelAngle", 0}, {"labelOverlap", true}}}};
}

Json euro_axis(std::string_view title) {
    return Json{{"title", title},
                {"labelExpr",
                 "abs(datum.value) >= 1e6 ? '€' + format(datum.value / 1e6, ',.3~r') + "
                 "'m' : '€' + format(datum.value, ',.0f')"}};
}

Json zero_rule(const char* channel) {
    return {{"data", {{"values", Json::array({Json::object()})}}},
            {"mark", {{"type", "rule"}, {"color", "#5b6573"}, {"strokeWidth", 1}}},
            {"encoding", {{channel, {{"datum", 0}}}}}};
}

std::string signed_text(double value, bool euros) {
    return fmt::format("{}{}{}", value > 0 ? "+" : "", euros ? "€" : "", exact_text(value));
}

std::string signed_interval_text(double lo, double hi, bool euros) {
    return fmt::format("{} to {}", signed_text(lo, euros), signed_text(hi, euros));
}

bool excludes_zero(double lo, double hi) {
    return lo > 0 || hi < 0;
}

std::string verdict_text(bool excludes_zero) {
    return excludes_zero ? "yes: the interval excludes 0" : "no: the interval includes 0";
}

std::optional<Json> fan_chart(const Results& results, const FanChart& fan) {
    const char* prefix = fan.euros ? "€" : "";
    const auto period = reporting_period(results);
    Json values = Json::array();
    bool has_capacity = false;
    for (const auto& name : results.scenario_names()) {
        std::map<std::string, double> capacity;
        if (fan.with_capacity) {
            for (const auto* row : results.timeseries.series(name, fan.service, "capacity")) {
                if (row->mean) {
                    capacity[row->period_start] = *row->mean;
                }
            }
        }
        for (const auto* row : results.timeseries.series(name, fan.service, fan.metric)) {
            Json value{{"scenario", name},
                       {"date", row->period_start},
                       {"period", period_label(row->period_start, period)},
                       {"p05", nullable(row->p05)},
                       {"p25", nullable(row->p25)},
                       {"p50", nullable(row->p50)},
                       {"p75", nullable(row->p75)},
                       {"p95", nullable(row->p95)},
                       {"t_median", value_text(row->p50, prefix)},
                       {"t_band50", band_text(row->p25, row->p75, prefix)},
                       {"t_band90", band_text(row->p05, row->p95, prefix)},
                       {"t_mean", value_text(row->mean, prefix)},
                       {"t_ci95", band_text(row->ci95_lo, row->ci95_hi, prefix)}};
            if (const auto found = capacity.find(row->period_start); found != capacity.end()) {
                value["capacity"] = found->second;
                value["t_capacity"] = exact_text(found->second);
                has_capacity = true;
            }
            values.push_back(std::move(value));
        }
    }
    if (values.empty()) {
        return std::nullopt;
    }

    bool all_zero = !fan.reference;
    for (const auto& value : values) {
        for (const char* field : {"p95", "capacity"}) {
            const auto it = value.find(field);
            all_zero =
                all_zero && (it == value.end() || !it->is_number() || it->get<double>() <= 0);
        }
    }
    const auto colour = scenario_colour(results);
    const auto x = time_x(results);
    // Overlaid fans of several scenarios need lighter bands to stay readable where they overlap.
    const bool overlaid = results.scenarios.size() > 1;
    const double band90_opacity = overlaid ? 0.1 : 0.15;
    const double band50_opacity = overlaid ? 0.2 : 0.3;
    Json tooltip = Json::array();
    if (results.scenarios.size() > 1) {
        tooltip.push_back({{"field", "scenario"}, {"title", "scenario"}});
    }
    tooltip.push_back({{"field", "period"}, {"title", "period"}});
    tooltip.push_back({{"field", "t_median"}, {"title", "median"}});
    tooltip.push_back({{"field", "t_band50"}, {"title", "middle 50% of replications"}});
    tooltip.push_back({{"field", "t_band90"}, {"title", "middle 90% of replications"}});
    tooltip.push_back({{"field", "t_mean"}, {"title", "mean"}});
    tooltip.push_back({{"field", "t_ci95"}, {"title", "95% interval of the mean"}});
    if (has_capacity) {
        tooltip.push_back({{"field", "t_capacity"}, {"title", "capacity"}});
    }

    // x is set per layer, not once for all, because the reference rule has no dates.
    Json layers = Json::array();
    layers.push_back({{"mark", {{"type", "area"}, {"opacity", band90_opacity}}},
                      {"encoding",
                       {{"x", x},
                        {"y", y_field("p05", fan, all_zero)},
                        {"y2", {{"field", "p95"}}},
                        {"color", colour}}}});
    layers.push_back({{"mark", {{"type", "area"}, {"opacity", band50_opacity}}},
                      {"encoding",
                       {{"x", x},
                        {"y", y_field("p25", fan, all_zero)},
                        {"y2", {{"field", "p75"}}},
                        {"color", colour}}}});
    layers.push_back(
        {{"mark", {{"type", "line"}, {"strokeWidth", 2}}},
         {"encoding", {{"x", x}, {"y", y_field("p50", fan, all_zero)}, {"color", colour}}}});
    if (has_capacity) {
        layers.push_back(
            {{"mark",
              {{"type", "line"},
               {"strokeWidth", 1.5},
               {"strokeDash", {5, 3}},
               {"interpolate", "step-after"}}},
             {"encoding",
              {{"x", x}, {"y", y_field("capacity", fan, all_zero)}, {"color", colour}}}});
    }
    layers.push_back({{"mark", {{"type", "point"}, {"filled", true}, {"size", 26}, {"opacity", 1}}},
                      {"encoding",
                       {{"x", x},
                        {"y", y_field("p50", fan, all_zero)},
                        {"color", colour},
                        {"tooltip", tooltip}}}});
    if (fan.reference) {
        layers.push_back(
            {{"data", {{"values", Json::array({Json::object()})}}},
             {"mark", {{"type", "rule"}, {"color", "#b42318"}, {"strokeDash", {2, 3}}}},
             {"encoding", {{"y", {{"datum", *fan.reference}}}}}});
        layers.push_back(
            {{"data", {{"values", Json::array({Json::object()})}}},
             {"mark",
              {{"type", "text"},
               {"color", "#b42318"},
               {"align", "right"},
               {"baseline", "bottom"},
               {"dy", -2},
               {"fontSize", 10},
               {"text", fan.reference_label}}},
             // At the right end, where the bands of a growing wait are least likely to be.
             {"encoding", {{"y", {{"datum", *fan.reference}}}, {"x", {{"value", small_width}}}}}});
    }

    auto spec = base_spec(fan.title, fan.subtitle, small_width, small_height);
    spec["data"] = {{"values", std::move(values)}};
    spec["layer"] = std::move(layers);
    return spec;
}

} // namespace zorgsim::report::style
