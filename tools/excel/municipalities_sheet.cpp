// The sheet "Gemeenten": every municipality's figures per period, with the youth population
// the costs shared in solidarity are split by.
#include "tables.hpp"

namespace zorgsim::excel {

void municipalities_sheet(const Context& context) {
    bool any = false;
    for (const auto& scenario : context.results.scenarios)
        any = any || !scenario.aggregate->layout().municipalities.empty();
    if (!any)
        return;
    Sheet sheet(context.workbook, context.formats, context.word("sheet_municipalities"));
    std::size_t col = 0;
    for (const char* key : {"col_scenario", "col_municipality", "col_youths_0_17", "col_outcome",
                            "col_outcome_code", "col_unit"})
        sheet.header(0, col++, context.word(key));
    sheet.header(0, col++, context.period_header());
    statistics_headers(context, sheet, col);

    std::size_t row = 1;
    for (const auto& [scenario, aggregate] : context.results.scenarios) {
        const auto& layout = aggregate->layout();
        const auto periods = reported_periods(*scenario, layout.periods, scenario->warmup_days);
        for (std::size_t g = 0; g < layout.municipalities.size(); ++g) {
            const double youths = scenario->municipality_populations[g].youths;
            for (std::size_t m = 0; m < care::municipality_series_metrics.size(); ++m) {
                const auto& outcome = Context::outcome(care::Scope::municipality,
                                                       care::municipality_series_metrics[m]);
                lxw_format* format = context.formats.number(outcome.unit);
                for (const auto& [p, day] : periods) {
                    sheet.text(row, 0, scenario->name);
                    sheet.text(row, 1, layout.municipalities[g]);
                    sheet.number(row, 2, youths, context.formats.number(care::Unit::count));
                    sheet.text(row, 3, context.label(outcome));
                    sheet.text(row, 4, outcome.id);
                    sheet.text(row, 5, context.unit(outcome.unit));
                    sheet.date(row, 6, day, context.formats.period(context.years), context.years);
                    statistics(sheet, row, 7,
                               aggregate->series(layout.municipality_series(g, m), p), format);
                    ++row;
                }
            }
        }
    }
    sheet.finish_table(1, 0, row - 1, 14);
}

} // namespace zorgsim::excel
