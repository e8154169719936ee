// The sheets of results.xlsx, one function each, and what they share.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "results_xlsx.hpp"
#include "sheet.hpp"
#include "zorgsim/model/metrics.hpp"

namespace zorgsim::excel {

struct Context {
    lxw_workbook* workbook;
    const Results& results;
    words::Language language;
    const Formats& formats;
    /// Periods are calendar years from 1 January: shown as "2026" under "Jaar".
    bool years;

    const std::string& word(std::string_view key) const { return words::text(key, language); }
    std::string_view label(const care::OutcomeDefinition& outcome) const {
        return language == words::Language::nl ? outcome.label_nl : outcome.label_en;
    }
    std::string_view definition(const care::OutcomeDefinition& outcome) const {
        return language == words::Language::nl ? outcome.definition_nl : outcome.definition_en;
    }
    /// The catalogue's entry of a listed metric (the lists derive from it, so it exists).
    static const care::OutcomeDefinition& outcome(care::Scope scope, std::string_view id);
    const std::string& unit(care::Unit unit) const;
    const std::string& period_header() const {
        return word(years ? "col_year" : "col_period_from");
    }
    /// A service's name for this reader: its Dutch term in Dutch (when it has one).
    std::string_view service_name(const care::Service& service) const;
};

/// The first day of every reported period (after the warm-up) of a layout, as (index, date).
std::vector<std::pair<std::size_t, std::chrono::year_month_day>>
reported_periods(const care::Scenario& scenario, const PeriodGrid& periods, Days warmup);

/// The statistics columns after the descriptive ones (mean, interval, fan quantiles): their
/// headers in row 0 from `col`, and one cell's values (series_sheets.cpp).
void statistics_headers(const Context& context, Sheet& sheet, std::size_t col);
void statistics(Sheet& sheet, std::size_t row, std::size_t col, const experiment::SeriesCell& cell,
                lxw_format* format);

void key_figures_sheet(const Context& context);
void services_sheet(const Context& context);
void regions_sheet(const Context& context);
void municipalities_sheet(const Context& context);
void differences_sheet(const Context& context);
void about_sheet(const Context& context);

} // namespace zorgsim::excel
