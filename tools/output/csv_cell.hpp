// One CSV cell, written the same way by every CSV file zorgsim writes (timeseries.csv,
// differences.csv, sweep.csv, trace.csv): RFC 4180 quoting, so that no id or name can add a
// column or a row, and no text cell that a spreadsheet would run as a formula.
#pragma once

#include <string>
#include <string_view>

namespace zorgsim::output {

/// TEXT as one CSV cell. A text that starts with '=', '+', '-', '@', a tab or a carriage return
/// (what spreadsheets take as the start of a formula) gets a leading "'", unless the whole text
/// is a number such as "-0.02". A cell holding ',', '"', CR or LF is then put in double quotes,
/// its quotes doubled. Any other text is written as it is, so ordinary ids stay unquoted.
std::string csv_cell(std::string_view text);

/// Undoes the leading "'" that csv_cell adds to a text starting with a formula character: what a
/// reader of zorgsim's CSV files gets back after unquoting a cell.
std::string_view csv_text(std::string_view cell);

} // namespace zorgsim::output
