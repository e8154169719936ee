// "Verschillen": for a comparison, every per-period paired difference ALT - BASE with its 95%
// interval and whether that interval excludes 0: the whole system first, then every service and
// region that both scenarios have.
#include <algorithm>
#include <functional>

#include "output/timeseries_csv.hpp"
#include "tables.hpp"
#include "zorgsim/model/outcomes.hpp"

namespace zorgsim::excel {

void differences_sheet(const Context& context) {
    if (context.results.differences.empty())
        return;
    Sheet sheet(context.workbook, context.formats, context.word("sheet_differences"));
    std::size_t col = 0;
    for (const char* key : {"col_base", "col_alternative", "col_part", "col_code", "col_outcome",
                            "col_outcome_code", "col_unit"})
        sheet.header(0, col++, context.word(key));
    sheet.header(0, col++, context.period_header());
    for (const char* key : {"col_difference", "col_ci_low", "col_ci_high", "col_certain"})
        sheet.header(0, col++, context.word(key));

    const care::Scenario& base = *context.results.scenarios.front().scenario;
    std::size_t row = 1;
    for (std::size_t a = 0; a < context.results.differences.size(); ++a) {
        const care::Scenario& alternative = *context.results.scenarios[a + 1].scenario;
        const experiment::PairedDifferences& differences = *context.results.differences[a];
        const auto& layout = differences.base_layout();
        const Days warmup = std::max(base.warmup_days, alternative.warmup_days);
        const Calendar calendar(base.start);
        const auto& periods = differences.shared_periods();

        auto rows = [&](std::string_view part, std::string_view code,
                        const care::OutcomeDefinition& outcome,
                        const std::function<const RunningStats&(std::size_t)>& cell) {
            lxw_format* format = context.formats.number(outcome.unit, true);
            for (std::size_t p = 0; p < periods.size(); ++p) {
                const Days start = layout.periods.start(periods[p].first);
                if (start < warmup)
                    continue;
                sheet.text(row, 0, base.name);
                sheet.text(row, 1, alternative.name);
                sheet.text(row, 2, part);
                sheet.text(row, 3, code);
                sheet.text(row, 4, context.label(outcome));
                sheet.text(row, 5, outcome.id);
                sheet.text(row, 6, context.unit(outcome.unit));
                sheet.date(row, 7, calendar.date_of(start), context.formats.period(context.years),
                           context.years);
                const RunningStats& stats = cell(p);
                if (stats.count() > 0) {
                    sheet.number(row, 8, stats.mean(), format);
                    if (stats.count() > 1) { // one replication gives no interval
                        const auto [lo, hi] = stats.ci95();
                        sheet.number(row, 9, lo, format);
                        sheet.number(row, 10, hi, format);
                        sheet.text(row, 11, context.word(lo > 0 || hi < 0 ? "yes" : "no"));
                    }
                }
                ++row;
            }
        };

        for (std::size_t m = 0; m < care::system_series_metrics.size(); ++m)
            rows(context.word("entity_system"), "system",
                 Context::outcome(care::Scope::system, care::system_series_metrics[m]),
                 [&](std::size_t p) -> const RunningStats& {
                     return differences.system_series(m, p);
                 });
        const auto& services = differences.shared_services();
        for (std::size_t s = 0; s < services.size(); ++s) {
            const care::Service& service = base.services[services[s].first];
            for (std::size_t m = 0; m < care::service_series_metrics.size(); ++m)
                rows(context.service_name(service), service.id,
                     Context::outcome(care::Scope::service, care::service_series_metrics[m]),
                     [&](std::size_t p) -> const RunningStats& {
                         return differences.service_series(s, m, p);
                     });
        }
        const auto& regions = differences.shared_regions();
        for (std::size_t r = 0; r < regions.size(); ++r) {
            const care::Region& region = base.regions[regions[r].first];
            const std::string code = output::region_entity(region.id);
            for (std::size_t m = 0; m < care::region_series_metrics.size(); ++m)
                rows(region.name.empty() ? region.id : region.name, code,
                     Context::outcome(care::Scope::region, care::region_series_metrics[m]),
                     [&](std::size_t p) -> const RunningStats& {
                         return differences.region_series(r, m, p);
                     });
        }
        const auto& municipalities = differences.shared_municipalities();
        for (std::size_t g = 0; g < municipalities.size(); ++g) {
            const std::string& name = base.municipalities[municipalities[g].first];
            const std::string code = output::municipality_entity(name);
            for (std::size_t m = 0; m < care::municipality_series_metrics.size(); ++m)
                rows(name, code,
                     Context::outcome(care::Scope::municipality,
                                      care::municipality_series_metrics[m]),
                     [&](std::size_t p) -> const RunningStats& {
                         return differences.municipality_series(g, m, p);
                     });
        }
    }
    sheet.finish_table(1, 0, row - 1, 11);
}

} // namespace zorgsim::excel
