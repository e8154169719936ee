// A thin layer over libxlsxwriter: the workbook's cell formats (one per kind of number, so
// that no number is ever shown in scientific notation) and a worksheet that remembers how wide
// its columns must be, so that every table opens readable without resizing.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <xlsxwriter.h>

#include "words/words.hpp"
#include "zorgsim/model/metrics.hpp"

namespace zorgsim::excel {

/// Throws std::runtime_error naming `what` unless `error` is LXW_NO_ERROR.
void check(lxw_error error, std::string_view what);

class Formats {
  public:
    Formats(lxw_workbook* workbook, words::Language language);

    /// The format of a figure in `unit`; `difference`: a paired difference, shown with one more
    /// decimal for counts (a mean difference of 0.4 admissions must not read as 0).
    lxw_format* number(care::Unit unit, bool difference = false) const;
    /// The first day of a period: "2026" for calendar years, the date otherwise.
    lxw_format* period(bool years) const { return years ? year_ : date_; }

    lxw_format* header;  ///< bold, shaded, wrapped
    lxw_format* heading; ///< a title line
    lxw_format* text;
    lxw_format* wrapped; ///< long text, wrapped in its column

  private:
    lxw_format* make(const char* num_format);
    lxw_workbook* workbook_;
    lxw_format* youths_;
    lxw_format* days_;
    lxw_format* count_;
    lxw_format* count_difference_;
    lxw_format* share_;
    lxw_format* ratio_;
    lxw_format* euros_;
    lxw_format* year_;
    lxw_format* date_;
};

/// The number of rows an Excel sheet holds (the header included).
inline constexpr std::size_t max_rows = 1'048'576;

class Sheet {
  public:
    Sheet(lxw_workbook* workbook, const Formats& formats, const std::string& name);

    void text(std::size_t row, std::size_t col, std::string_view value,
              lxw_format* format = nullptr);
    /// A line of text that may run on over the empty cells to its right: no column widens for
    /// it.
    void note(std::size_t row, std::size_t col, std::string_view value,
              lxw_format* format = nullptr);
    /// A header cell, merged over columns [col, last_col] and rows [row, last_row].
    void header(std::size_t row, std::size_t col, std::string_view value, std::size_t last_row = 0,
                std::size_t last_col = 0);
    /// A number; NaN or infinity (no observation) leaves the cell empty.
    void number(std::size_t row, std::size_t col, double value, lxw_format* format);
    void date(std::size_t row, std::size_t col, std::chrono::year_month_day day, lxw_format* format,
              bool year_only);
    /// Wraps text in `col` at `width` characters and sets the row heights to fit (Excel does not
    /// grow rows itself when a file opens).
    void wrap_column(std::size_t col, double width);
    /// Freezes the header rows (and the first `frozen_cols` columns), puts filter buttons on the
    /// last header row and sets every column's width.
    void finish_table(std::size_t header_rows, std::size_t frozen_cols, std::size_t last_row,
                      std::size_t last_col);
    /// Sets the column widths and the print layout (A4 landscape; the header rows and first
    /// `repeat_cols` columns on every page; fitted to the page width when that stays readable).
    void finish(std::size_t header_rows = 0, std::size_t repeat_cols = 0);

  private:
    void fit(std::size_t col, double width, bool header = false);
    lxw_worksheet* sheet_;
    const Formats& formats_;
    std::vector<double> widths_;
    std::vector<double> wrap_widths_;                                ///< 0: not wrapped
    std::vector<std::pair<std::size_t, std::size_t>> wrapped_cells_; ///< (row, characters)
};

} // namespace zorgsim::excel
