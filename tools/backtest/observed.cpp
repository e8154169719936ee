#include "observed.hpp"

#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "csv_rows.hpp"
#include "scenario/diagnostics.hpp"
#include "zorgsim/engine/calendar.hpp"

namespace zorgsim::backtest {
namespace {

namespace fs = std::filesystem;
using scenario::Diagnostic;
using scenario::shown;

std::string_view scope_name(care::Scope scope) {
    switch (scope) {
    case care::Scope::service:
        return "service";
    case care::Scope::system:
        return "system";
    case care::Scope::region:
        return "region";
    case care::Scope::municipality:
        return "municipality";
    }
    return "system";
}

/// Whether a unit is a time average (compared with a stock) rather than a count over a period.
bool is_level(care::Unit unit) {
    return unit == care::Unit::youths || unit == care::Unit::places;
}

/// The per-period outputs of a scenario by the name a series file gives them:
/// "system.in_care", "service.ID.METRIC", "region.ID.METRIC".
std::map<std::string, ModelTerm, std::less<>> model_outputs(const care::OutcomeLayout& layout) {
    std::map<std::string, ModelTerm, std::less<>> outputs;
    care::for_each_cell<true>(layout, [&](const care::LayoutCell& cell) {
        std::string name =
            cell.scope == care::Scope::system
                ? fmt::format("system.{}", cell.metric)
                : fmt::format("{}.{}.{}", scope_name(cell.scope), cell.owner, cell.metric);
        // Every cell of a layout is an outcome of the catalogue.
        outputs.emplace(
            name, ModelTerm{name, cell.index, care::find_outcome(cell.scope, cell.metric)->unit});
    });
    return outputs;
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

bool is_identifier(std::string_view text) {
    if (text.empty() || text.size() > 64 ||
        !((text.front() >= 'A' && text.front() <= 'Z') ||
          (text.front() >= 'a' && text.front() <= 'z')))
        return false;
    for (char c : text)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-'))
            return false;
    return true;
}

/// The columns of a file by name, from its header row; the missing required ones are errors.
class Columns {
  public:
    Columns(const fs::path& file, const std::vector<CsvRow>& rows,
            std::initializer_list<std::string_view> required, std::vector<Diagnostic>& errors)
        : file_(file) {
        if (rows.empty()) {
            errors.push_back(error(1, 1,
                                   fmt::format("the file is empty; its first line names the "
                                               "columns: {}",
                                               fmt::join(required, ","))));
            ok_ = false;
            return;
        }
        for (std::size_t c = 0; c < rows.front().fields.size(); ++c)
            index_.emplace(trimmed(rows.front().fields[c].text), c);
        for (std::string_view name : required)
            if (!index_.contains(name)) {
                errors.push_back(error(1, 1,
                                       fmt::format("the header has no column '{}' (it needs: {})",
                                                   name, fmt::join(required, ","))));
                ok_ = false;
            }
    }
    bool ok() const { return ok_; }
    /// The field of COLUMN in ROW; an empty field at the end of the row when it is short.
    CsvField field(const CsvRow& row, std::string_view column) const {
        const std::size_t c = index_.find(column)->second;
        if (c < row.fields.size())
            return {std::string(trimmed(row.fields[c].text)), row.fields[c].column};
        return {{}, row.fields.empty() ? 1 : row.fields.back().column};
    }
    Diagnostic error(int line, int column, std::string message) const {
        return Diagnostic{Diagnostic::Severity::error, file_.string(), line, column,
                          std::move(message)};
    }

  private:
    fs::path file_;
    std::map<std::string, std::size_t, std::less<>> index_;
    bool ok_ = true;
};

std::vector<SeriesDefinition> read_series(const fs::path& file, const care::OutcomeLayout& layout,
                                          std::vector<Diagnostic>& errors) {
    std::vector<SeriesDefinition> series;
    const std::size_t errors_before = errors.size();
    const auto rows = read_csv_rows(file, errors);
    if (errors.size() > errors_before)
        return series; // a file that cannot be read: said once
    const Columns columns(file, rows, {"series", "model", "unit", "label_nl", "label_en"}, errors);
    if (!columns.ok())
        return series;
    const auto outputs = model_outputs(layout);
    std::set<std::string, std::less<>> seen;
    for (std::size_t r = 1; r < rows.size() && errors.size() < max_errors; ++r) {
        const CsvRow& row = rows[r];
        SeriesDefinition definition;
        definition.line = row.line;
        const CsvField id = columns.field(row, "series");
        definition.id = id.text;
        if (!is_identifier(id.text)) {
            errors.push_back(columns.error(
                row.line, id.column,
                fmt::format("series '{}' is not an id: a letter, then letters, digits, '_' or "
                            "'-', at most 64",
                            shown(id.text))));
            continue;
        }
        if (!seen.insert(id.text).second) {
            errors.push_back(columns.error(row.line, id.column,
                                           fmt::format("series '{}' is defined twice", id.text)));
            continue;
        }
        const CsvField model = columns.field(row, "model");
        definition.model = model.text;
        definition.unit = columns.field(row, "unit").text;
        definition.label_nl = columns.field(row, "label_nl").text;
        definition.label_en = columns.field(row, "label_en").text;
        if (definition.label_nl.empty())
            definition.label_nl = definition.id;
        if (definition.label_en.empty())
            definition.label_en = definition.id;
        std::string_view rest = model.text;
        std::size_t offset = 0;
        bool ok = true;
        while (ok) {
            const std::size_t plus = rest.find('+');
            const std::string_view part = rest.substr(0, plus);
            const std::string_view term = trimmed(part);
            const int column =
                model.column + static_cast<int>(offset + (term.empty() ? 0 : part.find(term)));
            const auto found = outputs.find(term);
            if (found == outputs.end()) {
                errors.push_back(columns.error(
                    row.line, column,
                    term.empty()
                        ? std::string("an empty term: write outputs such as "
                                      "service.ID.METRIC joined by ' + '")
                        : fmt::format("'{}' is not a per-period output of the scenario: write "
                                      "system.METRIC, service.ID.METRIC or region.ID.METRIC with "
                                      "a metric of timeseries.csv",
                                      shown(term))));
                ok = false;
                break;
            }
            if (!definition.terms.empty() &&
                is_level(definition.terms.front().unit) != is_level(found->second.unit)) {
                errors.push_back(columns.error(
                    row.line, column,
                    fmt::format("'{}' cannot be added to '{}': one is a time average of youths or "
                                "places, the other a count over a period",
                                term, definition.terms.front().text)));
                ok = false;
                break;
            }
            definition.terms.push_back(found->second);
            if (plus == std::string_view::npos)
                break;
            rest.remove_prefix(plus + 1);
            offset += plus + 1;
        }
        if (ok)
            series.push_back(std::move(definition));
    }
    return series;
}

std::optional<double> parse_number(std::string_view text) {
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() ||
        !std::isfinite(value))
        return std::nullopt;
    return value;
}

} // namespace

std::string_view to_string(Measure measure) {
    return measure == Measure::stock ? "stock" : "flow";
}
std::string_view to_string(Use use) {
    return use == Use::calibration ? "calibration" : "test";
}

fs::path default_series_file(const fs::path& observed) {
    return observed.parent_path() / (observed.stem().string() + "-series.csv");
}

ObservedData read_observed(const fs::path& observed, const fs::path& series_file,
                           const care::Scenario& scenario, std::vector<Diagnostic>& errors) {
    ObservedData data;
    data.observed_file = observed;
    data.series_file = series_file;
    const care::OutcomeLayout layout = care::outcome_layout(scenario);
    data.series = read_series(series_file, layout, errors);
    std::map<std::string, std::size_t, std::less<>> series_index;
    for (std::size_t s = 0; s < data.series.size(); ++s)
        series_index.emplace(data.series[s].id, s);

    const std::size_t errors_before_reading = errors.size();
    const auto rows = read_csv_rows(observed, errors);
    if (errors.size() > errors_before_reading)
        return data; // a file that cannot be read: said once
    const Columns columns(
        observed, rows,
        {"series", "date", "value", "unit", "measure", "period_start", "use", "source"}, errors);
    if (!columns.ok())
        return data;
    const Calendar calendar(scenario.start);
    const PeriodGrid& periods = layout.periods;
    std::set<std::tuple<std::size_t, std::string, std::string>> seen;
    for (std::size_t r = 1; r < rows.size() && errors.size() < max_errors; ++r) {
        const CsvRow& row = rows[r];
        ObservedValue value;
        value.line = row.line;
        const std::size_t errors_before = errors.size();
        auto fail = [&](const CsvField& at, std::string message) {
            errors.push_back(columns.error(row.line, at.column, std::move(message)));
        };

        const CsvField series = columns.field(row, "series");
        const auto found = series_index.find(series.text);
        if (found == series_index.end()) {
            // A series the series file does not define (or defines wrongly: reported there).
            if (is_identifier(series.text) && !data.series.empty())
                fail(series, fmt::format("series '{}' is not in {}", series.text,
                                         series_file.filename().string()));
            else if (!is_identifier(series.text))
                fail(series, fmt::format("series '{}' is not an id", shown(series.text)));
            continue;
        }
        value.series = found->second;

        const CsvField measure = columns.field(row, "measure");
        if (measure.text == "stock")
            value.measure = Measure::stock;
        else if (measure.text == "flow")
            value.measure = Measure::flow;
        else
            fail(measure, fmt::format("measure '{}': write stock (a count on the date) or flow "
                                      "(a count over period_start .. date)",
                                      shown(measure.text)));

        const CsvField use = columns.field(row, "use");
        if (use.text == "calibration")
            value.use = Use::calibration;
        else if (use.text == "test")
            value.use = Use::test;
        else
            fail(use, fmt::format("use '{}': write calibration (known when the scenario was "
                                  "made) or test",
                                  shown(use.text)));

        const CsvField date = columns.field(row, "date");
        const auto parsed_date = parse_iso_date(date.text);
        if (!parsed_date)
            fail(date, fmt::format("date '{}' is not a date YYYY-MM-DD", shown(date.text)));
        else
            value.date = *parsed_date;

        const CsvField start = columns.field(row, "period_start");
        if (value.measure == Measure::flow) {
            const auto parsed_start = parse_iso_date(start.text);
            if (!parsed_start)
                fail(start, start.text.empty()
                                ? std::string("a flow needs period_start, the first day of the "
                                              "period it counts")
                                : fmt::format("period_start '{}' is not a date YYYY-MM-DD",
                                              shown(start.text)));
            else if (parsed_date &&
                     std::chrono::sys_days(*parsed_start) > std::chrono::sys_days(*parsed_date))
                fail(start, "period_start is after date (a flow counts period_start .. date)");
            else
                value.period_start = parsed_start;
        } else if (!start.text.empty() && measure.text == "stock") {
            fail(start, "a stock is a count on its date: leave period_start empty");
        }

        const CsvField number = columns.field(row, "value");
        if (const auto parsed = parse_number(number.text))
            value.value = *parsed;
        else
            fail(number, fmt::format("value '{}' is not a number", shown(number.text)));

        const SeriesDefinition& definition = data.series[value.series];
        const bool level = is_level(definition.terms.front().unit);
        if (measure.text == "stock" && !level)
            fail(measure, fmt::format("series '{}' adds counts over a period ({}): a stock is "
                                      "compared with a time average of youths or places",
                                      definition.id, definition.model));
        if (measure.text == "flow" && level)
            fail(measure, fmt::format("series '{}' is a time average of youths or places ({}): a "
                                      "flow is compared with a count over its period",
                                      definition.id, definition.model));
        value.unit = columns.field(row, "unit").text;
        value.source = columns.field(row, "source").text;
        if (errors.size() > errors_before)
            continue;

        if (!seen.emplace(value.series, date.text, start.text).second) {
            fail(date, fmt::format("series '{}' has a value for this date twice", definition.id));
            continue;
        }

        // Where the value falls among the scenario's periods.
        const Days last_day = calendar.day_of(value.date);
        const Days first_day = value.period_start ? calendar.day_of(*value.period_start) : last_day;
        const Days end = value.measure == Measure::flow ? last_day + 1.0 : last_day;
        const bool before = first_day < 0.0;
        const bool after = value.measure == Measure::flow ? end > periods.horizon()
                                                          : last_day >= periods.horizon();
        if (before || after) {
            data.not_compared.push_back(
                {row.line, definition.id, date.text,
                 before ? "before the scenario's start" : "after the scenario's end"});
            continue;
        }
        if (value.measure == Measure::stock) {
            value.first_period = value.last_period = periods.period_of(last_day);
        } else {
            value.first_period = periods.period_of(first_day);
            value.last_period = periods.period_of(end - 0.5);
            if (periods.start(value.first_period) != first_day ||
                periods.end(value.last_period) != end) {
                fail(start, fmt::format("the period {} .. {} does not start and end with the "
                                        "scenario's {} periods; a flow is added up over whole "
                                        "periods",
                                        start.text, date.text, to_string(scenario.period)));
                continue;
            }
        }
        data.values.push_back(std::move(value));
    }
    return data;
}

} // namespace zorgsim::backtest
