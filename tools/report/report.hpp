// The forecast report: turns a results folder (what `zorgsim run`, `compare` and `size` write)
// into report.html, one self-contained page of tables and fan charts that opens offline, and
// into static SVG and PNG figures for slides and papers.
#pragma once

#include "words/words.hpp"

#include <filesystem>

namespace zorgsim::report {

/// Reads DIR/summary.json or DIR/comparison.json (plus DIR/timeseries.csv, DIR/differences.csv
/// and DIR/sizing.json when present) and writes DIR/report.html in LANGUAGE. The page is written to
/// a temporary file and renamed into place, so a reader never sees half a report. Throws
/// std::runtime_error, writing nothing, if DIR holds no results or a results file cannot be read.
void write_report(const std::filesystem::path& dir, words::Language language = words::Language::nl);

/// Writes each chart of the report (in LANGUAGE) as DIR/figures/ID.svg and DIR/figures/ID.png.
/// Needs Node.js
/// (`node`, or the program named by $ZORGSIM_NODE) and rsvg-convert (Debian's librsvg2-bin, or
/// $ZORGSIM_RSVG_CONVERT). Throws std::runtime_error if DIR holds no results or a tool is missing
/// or fails; figures already in DIR/figures/ are then left as they were.
void write_figures(const std::filesystem::path& dir,
                   words::Language language = words::Language::nl);

} // namespace zorgsim::report
