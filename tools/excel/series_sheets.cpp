// "Voorzieningen" and "Regio's": every per-period figure of every service (and region) in long
// format, one row per scenario, service, outcome and year, as timeseries.csv has them, so that
// Excel's filters and pivot tables can cut them any way.
#include "tables.hpp"
#include "zorgsim/model/outcomes.hpp"

namespace zorgsim::excel {

/// The statistics columns after the descriptive ones: mean, interval, fan quantiles.
void statistics_headers(const Context& context, Sheet& sheet, std::size_t col) {
    for (const char* key : {"col_mean", "col_ci_low", "col_ci_high", "col_p05", "col_p25",
                            "col_p50", "col_p75", "col_p95"})
        sheet.header(0, col++, context.word(key));
}

void statistics(Sheet& sheet, std::size_t row, std::size_t col, const experiment::SeriesCell& cell,
                lxw_format* format) {
    if (cell.stats.count() == 0)
        return;
    sheet.number(row, col, cell.stats.mean(), format);
    if (cell.stats.count() > 1) { // one replication gives no interval
        const auto [lo, hi] = cell.stats.ci95();
        sheet.number(row, col + 1, lo, format);
        sheet.number(row, col + 2, hi, format);
    }
    std::size_t q = col + 3;
    for (const double value : cell.quantiles())
        sheet.number(row, q++, value, format);
}

void services_sheet(const Context& context) {
    Sheet sheet(context.workbook, context.formats, context.word("sheet_services"));
    std::size_t col = 0;
    for (const char* key : {"col_scenario", "col_service_code", "col_service_name",
                            "col_service_dutch", "col_outcome", "col_outcome_code", "col_unit"})
        sheet.header(0, col++, context.word(key));
    sheet.header(0, col++, context.period_header());
    statistics_headers(context, sheet, col);

    std::size_t row = 1;
    for (const auto& [scenario, aggregate] : context.results.scenarios) {
        const auto& layout = aggregate->layout();
        const auto periods = reported_periods(*scenario, layout.periods, scenario->warmup_days);
        for (std::size_t s = 0; s < layout.services.size(); ++s) {
            const care::Service& service = scenario->services[s];
            for (std::size_t m = 0; m < care::service_series_metrics.size(); ++m) {
                const auto& outcome =
                    Context::outcome(care::Scope::service, care::service_series_metrics[m]);
                lxw_format* format = context.formats.number(outcome.unit);
                for (const auto& [p, day] : periods) {
                    sheet.text(row, 0, scenario->name);
                    sheet.text(row, 1, service.id);
                    sheet.text(row, 2, service.name);
                    sheet.text(row, 3, service.dutch);
                    sheet.text(row, 4, context.label(outcome));
                    sheet.text(row, 5, outcome.id);
                    sheet.text(row, 6, context.unit(outcome.unit));
                    sheet.date(row, 7, day, context.formats.period(context.years), context.years);
                    statistics(sheet, row, 8, aggregate->series(layout.service_series(s, m), p),
                               format);
                    ++row;
                }
            }
        }
    }
    sheet.finish_table(1, 0, row - 1, 15);
}

void regions_sheet(const Context& context) {
    bool any = false;
    for (const auto& scenario : context.results.scenarios)
        any = any || !scenario.aggregate->layout().regions.empty();
    if (!any)
        return;
    Sheet sheet(context.workbook, context.formats, context.word("sheet_regions"));
    std::size_t col = 0;
    for (const char* key : {"col_scenario", "col_region_code", "col_region_name", "col_outcome",
                            "col_outcome_code", "col_unit"})
        sheet.header(0, col++, context.word(key));
    sheet.header(0, col++, context.period_header());
    statistics_headers(context, sheet, col);

    std::size_t row = 1;
    for (const auto& [scenario, aggregate] : context.results.scenarios) {
        const auto& layout = aggregate->layout();
        const auto periods = reported_periods(*scenario, layout.periods, scenario->warmup_days);
        for (std::size_t r = 0; r < layout.regions.size(); ++r) {
            const care::Region& region = scenario->regions[r];
            for (std::size_t m = 0; m < care::region_series_metrics.size(); ++m) {
                const auto& outcome =
                    Context::outcome(care::Scope::region, care::region_series_metrics[m]);
                lxw_format* format = context.formats.number(outcome.unit);
                for (const auto& [p, day] : periods) {
                    sheet.text(row, 0, scenario->name);
                    sheet.text(row, 1, region.id);
                    sheet.text(row, 2, region.name.empty() ? region.id : region.name);
                    sheet.text(row, 3, context.label(outcome));
                    sheet.text(row, 4, outcome.id);
                    sheet.text(row, 5, context.unit(outcome.unit));
                    sheet.date(row, 6, day, context.formats.period(context.years), context.years);
                    statistics(sheet, row, 7, aggregate->series(layout.region_series(r, m), p),
                               format);
                    ++row;
                }
            }
        }
    }
    sheet.finish_table(1, 0, row - 1, 14);
}

} // namespace zorgsim::excel
