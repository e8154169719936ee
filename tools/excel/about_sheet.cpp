// "Over deze cijfers": what ran (scenarios, seed, replications, version), the terms the other
// sheets use, and every outcome they show with its definition from the catalogue.
#include <fmt/format.h>

#include "tables.hpp"
#include "zorgsim/model/outcomes.hpp"

#ifndef ZORGSIM_VERSION
#error "ZORGSIM_VERSION must be defined by the build"
#endif

namespace zorgsim::excel {

namespace {

std::string number_text(double value) {
    return fmt::format("{:g}", value);
}

const char* period_word(Period period) {
    switch (period) {
    case Period::year:
        return "period_year";
    case Period::quarter:
        return "period_quarter";
    case Period::month:
        return "period_month";
    }
    return "period_year";
}

} // namespace

void about_sheet(const Context& context) {
    Sheet sheet(context.workbook, context.formats, context.word("sheet_about"));
    // Column A: items, terms and outcome labels; B: their values and texts, wrapped; C-E: the
    // outcome table's scope, id and unit.
    constexpr double text_width = 70.0;
    sheet.wrap_column(1, text_width);
    std::size_t row = 0;
    sheet.note(row++, 0, context.word("about_heading"), context.formats.heading);
    sheet.note(row, 0, context.word("about_intro"));
    ++row;
    ++row;

    auto item = [&](std::string_view key, std::string_view value) {
        sheet.text(row, 0, context.word(key));
        sheet.text(row, 1, value, context.formats.wrapped);
        ++row;
    };
    const auto& scenarios = context.results.scenarios;
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
        const care::Scenario& scenario = *scenarios[i].scenario;
        const char* key = scenarios.size() == 1 ? "about_scenario"
                                                : (i == 0 ? "about_base" : "about_alternative");
        item(key, scenario.title.empty() || scenario.title == scenario.name
                      ? scenario.name
                      : fmt::format("{} ({})", scenario.name, scenario.title));
    }
    const care::Scenario& base = *scenarios.front().scenario;
    item("about_start", to_iso(base.start));
    item("about_horizon", number_text(base.horizon_days));
    item("about_warmup", number_text(base.warmup_days));
    item("about_period", context.word(period_word(base.period)));
    item("about_seed", fmt::format("{}", context.results.seed));
    item("about_replications", fmt::format("{}", context.results.replications));
    item("about_version", ZORGSIM_VERSION);
    ++row;

    sheet.note(row++, 0, context.word("about_terms"), context.formats.heading);
    auto term = [&](std::string_view name_key, std::string_view text_key) {
        sheet.text(row, 0, context.word(name_key));
        sheet.text(row, 1, context.word(text_key), context.formats.wrapped);
        ++row;
    };
    term("term_replication", "term_replication_text");
    term("term_interval", "term_interval_text");
    term("term_percentiles", "term_percentiles_text");
    term(context.years ? "col_year" : "col_period_from", "term_period_text");
    if (!context.results.differences.empty()) {
        term("term_difference", "term_difference_text");
        term("term_certain", "term_certain_text");
    }
    ++row;

    sheet.note(row++, 0, context.word("about_outcomes"), context.formats.heading);
    std::size_t col = 0;
    for (const char* key :
         {"col_outcome", "col_definition", "col_scope", "col_outcome_code", "col_unit"})
        sheet.header(row, col++, context.word(key));
    ++row;
    bool regions = false;
    for (const auto& scenario : scenarios)
        regions = regions || !scenario.aggregate->layout().regions.empty();
    bool municipalities = false;
    for (const auto& scenario : scenarios)
        municipalities = municipalities || !scenario.aggregate->layout().municipalities.empty();
    for (const auto& outcome : care::outcome_catalogue) {
        if (!outcome.per_period || (outcome.scope == care::Scope::region && !regions) ||
            (outcome.scope == care::Scope::municipality && !municipalities))
            continue;
        const char* scope = outcome.scope == care::Scope::service        ? "scope_service"
                            : outcome.scope == care::Scope::system       ? "scope_system"
                            : outcome.scope == care::Scope::municipality ? "scope_municipality"
                                                                         : "scope_region";
        sheet.text(row, 0, context.label(outcome));
        sheet.text(row, 1, context.definition(outcome), context.formats.wrapped);
        sheet.text(row, 2, context.word(scope));
        sheet.text(row, 3, outcome.id);
        sheet.text(row, 4, context.unit(outcome.unit));
        ++row;
    }
    sheet.finish();
}

} // namespace zorgsim::excel
