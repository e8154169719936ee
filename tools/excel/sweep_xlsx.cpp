#include "sweep_xlsx.hpp"

#include <charconv>
#include <cmath>
#include <ctime>
#include <memory>
#include <stdexcept>

#include <fmt/format.h>

#include "sheet.hpp"

namespace zorgsim::excel {

namespace {

struct WorkbookCloser {
    void operator()(lxw_workbook* workbook) const {
        if (workbook)
            workbook_close(workbook);
    }
};

double number_of(const nlohmann::ordered_json& value) {
    return value.is_number() ? value.get<double>() : std::nan("");
}

} // namespace

void write_sweep_xlsx(const std::filesystem::path& path, const std::string& title,
                      std::chrono::year_month_day created, const std::vector<std::string>& paths,
                      const nlohmann::ordered_json& rows, words::Language language) {
    const std::string file = path.string();
    std::unique_ptr<lxw_workbook, WorkbookCloser> workbook(workbook_new(file.c_str()));
    if (!workbook)
        throw std::runtime_error(fmt::format("results.xlsx: could not create {}", file));
    std::string title_text = title;
    lxw_doc_properties properties{};
    properties.title = title_text.data();
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
        std::chrono::sys_days(created).time_since_epoch());
    properties.created = seconds.count() == 0 ? 1 : static_cast<std::time_t>(seconds.count());
    check(workbook_set_properties(workbook.get(), &properties), "set the document properties");

    const Formats formats(workbook.get(), language);
    auto word = [&](std::string_view key) -> const std::string& {
        return words::text(key, language);
    };
    Sheet sheet(workbook.get(), formats, word("sheet_sweep"));
    std::size_t col = 0;
    for (const auto& p : paths)
        sheet.header(0, col++, p);
    for (const char* key : {"col_service_code", "col_outcome", "col_outcome_code", "col_mean",
                            "col_ci_low", "col_ci_high", "col_p50", "col_p90"})
        sheet.header(0, col++, word(key));
    const std::size_t last_col = col - 1;
    std::size_t row = 1;
    for (const auto& r : rows) {
        if (row >= max_rows)
            break;
        const std::string metric = r.value("metric", "");
        const auto* outcome = care::find_outcome(care::Scope::service, metric);
        const care::Unit unit = outcome ? outcome->unit : care::Unit::count;
        col = 0;
        for (const auto& p : paths) {
            const std::string value = r["values"].value(p, "");
            double x = 0.0;
            const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), x);
            if (ec == std::errc{} && end == value.data() + value.size())
                sheet.number(row, col++, x, nullptr); // General: the value as written
            else
                sheet.text(row, col++, value);
        }
        sheet.text(row, col++, r.value("service", ""));
        sheet.text(row, col++,
                   outcome
                       ? (language == words::Language::nl ? outcome->label_nl : outcome->label_en)
                       : std::string_view(metric));
        sheet.text(row, col++, metric);
        lxw_format* format = formats.number(unit);
        sheet.number(row, col++, number_of(r["mean"]), format);
        const auto& ci = r["ci95"];
        sheet.number(row, col++, ci.is_array() && ci.size() == 2 ? number_of(ci[0]) : std::nan(""),
                     format);
        sheet.number(row, col++, ci.is_array() && ci.size() == 2 ? number_of(ci[1]) : std::nan(""),
                     format);
        sheet.number(row, col++, r.contains("p50") ? number_of(r["p50"]) : std::nan(""), format);
        sheet.number(row, col++, r.contains("p90") ? number_of(r["p90"]) : std::nan(""), format);
        ++row;
    }
    sheet.finish_table(1, paths.size(), row - 1, last_col);
    const lxw_error closed = workbook_close(workbook.release());
    check(closed, fmt::format("write {}", file));
}

} // namespace zorgsim::excel
