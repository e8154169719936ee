#include "sheet.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include <fmt/format.h>

namespace zorgsim::excel {

namespace {

// Beyond this a column is made no wider: long names wrap in their header or are cut off on
// screen, but never push the figures out of sight.
constexpr double widest_column = 48.0;

/// Characters on screen (UTF-8 code points), for column widths.
double display_width(std::string_view text) {
    double n = 0;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            n += 1;
    return n;
}

/// Roughly how wide a number is shown: its digits, thousands separators, decimals and sign.
double number_width(double value) {
    const double digits =
        std::max(1.0, std::floor(std::log10(std::max(1.0, std::fabs(value)))) + 1);
    return digits + std::floor((digits - 1) / 3) + 4;
}

lxw_row_t row_index(std::size_t row) {
    if (row >= max_rows)
        throw std::runtime_error("results.xlsx: a table has more rows than an Excel sheet holds");
    return static_cast<lxw_row_t>(row);
}

lxw_col_t col_index(std::size_t col) {
    return static_cast<lxw_col_t>(col);
}

} // namespace

void check(lxw_error error, std::string_view what) {
    if (error != LXW_NO_ERROR)
        throw std::runtime_error(
            fmt::format("results.xlsx: could not {}: {}", what, lxw_strerror(error)));
}

Formats::Formats(lxw_workbook* workbook, words::Language language) : workbook_(workbook) {
    header = workbook_add_format(workbook);
    format_set_bold(header);
    format_set_text_wrap(header);
    format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(header, 0xDDE6F0);
    format_set_bottom(header, LXW_BORDER_THIN);
    heading = workbook_add_format(workbook);
    format_set_bold(heading);
    format_set_font_size(heading, 14);
    text = workbook_add_format(workbook);
    format_set_align(text, LXW_ALIGN_VERTICAL_TOP);
    wrapped = workbook_add_format(workbook);
    format_set_text_wrap(wrapped);
    format_set_align(wrapped, LXW_ALIGN_VERTICAL_TOP);

    // Number formats are written with Excel's "," and "."; Excel and LibreOffice show them with
    // the reader's own separators (1.234,5 in Dutch).
    youths_ = make("#,##0.0");
    days_ = make("#,##0.0");
    count_ = make("#,##0");
    count_difference_ = make("#,##0.0");
    share_ = make("0.0%");
    ratio_ = make("0.00");
    euros_ = make("\"€ \"#,##0");
    year_ = make("yyyy");
    date_ = make(language == words::Language::nl ? "dd-mm-yyyy" : "yyyy-mm-dd");
}

lxw_format* Formats::make(const char* num_format) {
    lxw_format* format = workbook_add_format(workbook_);
    format_set_num_format(format, num_format);
    format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
    return format;
}

lxw_format* Formats::number(care::Unit unit, bool difference) const {
    switch (unit) {
    case care::Unit::youths:
    case care::Unit::places:
        return youths_;
    case care::Unit::days:
        return days_;
    case care::Unit::count:
        return difference ? count_difference_ : count_;
    case care::Unit::share:
        return share_;
    case care::Unit::ratio:
        return ratio_;
    case care::Unit::euros:
        return euros_;
    }
    return youths_;
}

Sheet::Sheet(lxw_workbook* workbook, const Formats& formats, const std::string& name)
    : formats_(formats) {
    sheet_ = workbook_add_worksheet(workbook, name.c_str());
    if (!sheet_)
        throw std::runtime_error(fmt::format("results.xlsx: could not add the sheet '{}'", name));
}

void Sheet::fit(std::size_t col, double width, bool header) {
    if (widths_.size() <= col)
        widths_.resize(col + 1, 0.0);
    // A header may wrap onto a second line rather than widen its column much.
    const double wanted = header ? std::min(width, std::max(12.0, width * 0.6)) : width;
    widths_[col] = std::max(widths_[col], std::min(wanted + 1.0, widest_column));
}

void Sheet::text(std::size_t row, std::size_t col, std::string_view value, lxw_format* format) {
    const std::string owned(value);
    check(worksheet_write_string(sheet_, row_index(row), col_index(col), owned.c_str(),
                                 format ? format : formats_.text),
          "write a cell");
    if (col < wrap_widths_.size() && wrap_widths_[col] > 0)
        wrapped_cells_.emplace_back(row, static_cast<std::size_t>(display_width(value)));
    else
        fit(col, display_width(value));
}

void Sheet::note(std::size_t row, std::size_t col, std::string_view value, lxw_format* format) {
    const std::string owned(value);
    check(worksheet_write_string(sheet_, row_index(row), col_index(col), owned.c_str(),
                                 format ? format : formats_.text),
          "write a cell");
}

void Sheet::header(std::size_t row, std::size_t col, std::string_view value, std::size_t last_row,
                   std::size_t last_col) {
    const std::string owned(value);
    last_row = std::max(last_row, row);
    last_col = std::max(last_col, col);
    if (last_row == row && last_col == col) {
        check(worksheet_write_string(sheet_, row_index(row), col_index(col), owned.c_str(),
                                     formats_.header),
              "write a header");
        fit(col, display_width(value), true);
        return;
    }
    check(worksheet_merge_range(sheet_, row_index(row), col_index(col), row_index(last_row),
                                col_index(last_col), owned.c_str(), formats_.header),
          "write a header");
    if (last_col == col)
        fit(col, display_width(value), true);
}

void Sheet::number(std::size_t row, std::size_t col, double value, lxw_format* format) {
    if (!std::isfinite(value))
        return;
    if (value == 0.0)
        value = 0.0; // no "-0"
    check(worksheet_write_number(sheet_, row_index(row), col_index(col), value, format),
          "write a number");
    fit(col, number_width(value));
}

void Sheet::date(std::size_t row, std::size_t col, std::chrono::year_month_day day,
                 lxw_format* format, bool year_only) {
    lxw_datetime when{static_cast<int>(day.year()),
                      static_cast<int>(unsigned(day.month())),
                      static_cast<int>(unsigned(day.day())),
                      0,
                      0,
                      0.0};
    check(worksheet_write_datetime(sheet_, row_index(row), col_index(col), &when, format),
          "write a date");
    fit(col, year_only ? 6.0 : 11.0);
}

void Sheet::wrap_column(std::size_t col, double width) {
    if (wrap_widths_.size() <= col)
        wrap_widths_.resize(col + 1, 0.0);
    wrap_widths_[col] = width;
    if (widths_.size() <= col)
        widths_.resize(col + 1, 0.0);
    widths_[col] = width;
}

void Sheet::finish(std::size_t header_rows, std::size_t repeat_cols) {
    worksheet_set_landscape(sheet_);
    worksheet_set_paper(sheet_, 9); // A4
    if (header_rows > 0)
        check(worksheet_repeat_rows(sheet_, 0, row_index(header_rows - 1)), "set the print titles");
    if (repeat_cols > 0)
        check(worksheet_repeat_columns(sheet_, 0, col_index(repeat_cols - 1)),
              "set the print titles");
    double total = 0;
    for (const double width : widths_)
        total += width;
    // A4 landscape holds about 130 characters at 100%; below about 70% print is hard to read.
    if (total <= 190.0)
        worksheet_fit_to_pages(sheet_, 1, 0);
    for (std::size_t col = 0; col < widths_.size(); ++col)
        if (widths_[col] > 0)
            check(
                worksheet_set_column(sheet_, col_index(col), col_index(col), widths_[col], nullptr),
                "set a column width");
    // Rows with wrapped text: as many lines as the longest wrapped cell needs (text is narrower
    // than the digits a column's width counts).
    std::map<std::size_t, std::size_t> lines;
    for (const auto& [row, characters] : wrapped_cells_) {
        double width = 0;
        for (const double w : wrap_widths_)
            width = std::max(width, w); // wrapped columns share one width in practice
        const auto needed = static_cast<std::size_t>(
            std::ceil(static_cast<double>(characters) / std::max(1.0, width * 1.1)));
        lines[row] = std::max(lines[row], std::max<std::size_t>(1, needed));
    }
    for (const auto& [row, count] : lines)
        if (count > 1)
            check(worksheet_set_row(sheet_, row_index(row), 15.0 * static_cast<double>(count),
                                    nullptr),
                  "set a row height");
}

void Sheet::finish_table(std::size_t header_rows, std::size_t frozen_cols, std::size_t last_row,
                         std::size_t last_col) {
    worksheet_freeze_panes(sheet_, row_index(header_rows), col_index(frozen_cols));
    if (last_row >= header_rows)
        check(worksheet_autofilter(sheet_, row_index(header_rows - 1), 0, row_index(last_row),
                                   col_index(last_col)),
              "set the filter");
    finish(header_rows, frozen_cols);
}

} // namespace zorgsim::excel
