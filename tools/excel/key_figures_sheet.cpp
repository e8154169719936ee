// "Kerncijfers": per scenario and year the figures a policymaker asks for first, each as its
// mean with the 95% interval.
#include <array>

#include "tables.hpp"
#include "zorgsim/model/outcomes.hpp"

namespace zorgsim::excel {

namespace {

using System = care::MetricOf<care::system_series_metrics>;

// Checked against the catalogue when this compiles.
constexpr std::array<System, 9> key_figures{
    System("in_care"),      System("waiting"),  System("out_of_home"),
    System("closed"),       System("arrivals"), System("reentries"),
    System("replacements"), System("aged_out"), System("cost")};

const care::OutcomeDefinition& outcome_of(System figure) {
    return Context::outcome(care::Scope::system, care::system_series_metrics[figure.index]);
}

} // namespace

void key_figures_sheet(const Context& context) {
    Sheet sheet(context.workbook, context.formats, context.word("sheet_key_figures"));
    sheet.header(0, 0, context.word("col_scenario"), 1, 0);
    sheet.header(0, 1, context.period_header(), 1, 1);
    for (std::size_t f = 0; f < key_figures.size(); ++f) {
        const std::size_t col = 2 + 3 * f;
        sheet.header(0, col, context.label(outcome_of(key_figures[f])), 0, col + 2);
        sheet.header(1, col, context.word("col_mean"));
        sheet.header(1, col + 1, context.word("col_from"));
        sheet.header(1, col + 2, context.word("col_to"));
    }

    std::size_t row = 2;
    for (const auto& [scenario, aggregate] : context.results.scenarios) {
        const auto& layout = aggregate->layout();
        for (const auto& [p, day] :
             reported_periods(*scenario, layout.periods, scenario->warmup_days)) {
            sheet.text(row, 0, scenario->name);
            sheet.date(row, 1, day, context.formats.period(context.years), context.years);
            for (std::size_t f = 0; f < key_figures.size(); ++f) {
                const auto& outcome = outcome_of(key_figures[f]);
                const std::size_t metric = key_figures[f].index;
                const auto& stats = aggregate->series(layout.system_series(metric), p).stats;
                if (stats.count() == 0)
                    continue;
                lxw_format* format = context.formats.number(outcome.unit);
                const std::size_t col = 2 + 3 * f;
                sheet.number(row, col, stats.mean(), format);
                if (stats.count() > 1) { // one replication gives no interval
                    const auto [lo, hi] = stats.ci95();
                    sheet.number(row, col + 1, lo, format);
                    sheet.number(row, col + 2, hi, format);
                }
            }
            ++row;
        }
    }
    sheet.finish_table(2, 2, row - 1, 1 + 3 * key_figures.size());
}

} // namespace zorgsim::excel
