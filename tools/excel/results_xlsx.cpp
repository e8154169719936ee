#include "results_xlsx.hpp"

#include <algorithm>
#include <ctime>
#include <memory>
#include <stdexcept>

#include <fmt/format.h>

#include "tables.hpp"

namespace zorgsim::excel {

Results run_results(const care::Scenario& scenario, const experiment::Aggregate& aggregate,
                    const experiment::RunOptions& options) {
    return Results{{{&scenario, &aggregate}}, {}, options.seed, options.replications};
}

Results comparison_results(const std::vector<care::Scenario>& scenarios,
                           const experiment::Comparison& comparison,
                           const experiment::RunOptions& options) {
    Results results{{}, {}, options.seed, options.replications};
    for (std::size_t i = 0; i < scenarios.size(); ++i)
        results.scenarios.push_back({&scenarios[i], &comparison.scenarios[i]});
    for (const auto& difference : comparison.differences)
        results.differences.push_back(&difference);
    return results;
}

namespace {

/// Midnight UTC of the start date: a creation time that depends on the scenario only (0 would
/// make libxlsxwriter take the clock).
std::time_t fixed_creation_time(const care::Scenario& scenario) {
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
        std::chrono::sys_days(scenario.start).time_since_epoch());
    const auto t = static_cast<std::time_t>(seconds.count());
    return t == 0 ? 1 : t;
}

bool calendar_years(const Results& results) {
    return std::all_of(results.scenarios.begin(), results.scenarios.end(), [](const auto& s) {
        return s.scenario->period == Period::year &&
               s.scenario->start.month() == std::chrono::January &&
               s.scenario->start.day() == std::chrono::day{1};
    });
}

struct WorkbookCloser {
    void operator()(lxw_workbook* workbook) const {
        if (workbook)
            workbook_close(workbook);
    }
};

} // namespace

void write_results_xlsx(const std::filesystem::path& path, const Results& results,
                        words::Language language) {
    if (results.scenarios.empty())
        throw std::logic_error("results.xlsx needs at least one scenario");
    const std::string file = path.string();
    std::unique_ptr<lxw_workbook, WorkbookCloser> workbook(workbook_new(file.c_str()));
    if (!workbook)
        throw std::runtime_error(fmt::format("results.xlsx: could not create {}", file));

    std::string title = results.scenarios.front().scenario->title;
    if (title.empty())
        title = results.scenarios.front().scenario->name;
    lxw_doc_properties properties{};
    properties.title = title.data();
    properties.created = fixed_creation_time(*results.scenarios.front().scenario);
    check(workbook_set_properties(workbook.get(), &properties), "set the document properties");

    const Formats formats(workbook.get(), language);
    const Context context{workbook.get(), results, language, formats, calendar_years(results)};
    // What a policymaker reads first comes first: the key figures and, for a comparison, the
    // differences.
    key_figures_sheet(context);
    differences_sheet(context);
    services_sheet(context);
    regions_sheet(context);
    municipalities_sheet(context);
    about_sheet(context);

    const lxw_error closed = workbook_close(workbook.release());
    check(closed, fmt::format("write {}", file));
}

const care::OutcomeDefinition& Context::outcome(care::Scope scope, std::string_view id) {
    const auto* found = care::find_outcome(scope, id);
    if (!found)
        throw std::logic_error(fmt::format("no outcome '{}' in the catalogue", id));
    return *found;
}

const std::string& Context::unit(care::Unit unit) const {
    switch (unit) {
    case care::Unit::youths:
        return word("unit_youths");
    case care::Unit::places:
        return word("unit_places");
    case care::Unit::days:
        return word("unit_days");
    case care::Unit::count:
        return word("unit_count");
    case care::Unit::share:
        return word("unit_share");
    case care::Unit::ratio:
        return word("unit_ratio");
    case care::Unit::euros:
        return word("unit_euros");
    }
    return word("unit_count");
}

std::string_view Context::service_name(const care::Service& service) const {
    if (language == words::Language::nl && !service.dutch.empty())
        return service.dutch;
    return service.name.empty() ? std::string_view(service.id) : std::string_view(service.name);
}

std::vector<std::pair<std::size_t, std::chrono::year_month_day>>
reported_periods(const care::Scenario& scenario, const PeriodGrid& periods, Days warmup) {
    const Calendar calendar(scenario.start);
    std::vector<std::pair<std::size_t, std::chrono::year_month_day>> out;
    for (std::size_t p = 0; p < periods.size(); ++p)
        if (periods.start(p) >= warmup)
            out.emplace_back(p, calendar.date_of(periods.start(p)));
    return out;
}

} // namespace zorgsim::excel
